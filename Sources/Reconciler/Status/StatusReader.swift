import ManifestModel
import Providers
import JSONCore

/// Gathers a `StatusReport`: one GET per resource, then, per instance, a generated credential and a libpq login
/// as the current user.
public struct StatusReader: Sendable {
    let workspace: any LakebaseWorkspace
    let credentials: IdentityAndCredentialsAPI
    let userName: String
    let postgresPort: Int

    /// A reader logging in to PostgreSQL as `userName` on `postgresPort` (5432 on the platform).
    public init(workspace: any LakebaseWorkspace, credentials: IdentityAndCredentialsAPI, userName: String, postgresPort: Int = 5432) {
        self.workspace = workspace
        self.credentials = credentials
        self.userName = userName
        self.postgresPort = postgresPort
    }

    /// The report for the bundle's resources (ids from state when deployed, else from the config). A read that
    /// fails (403, 500, network) is reported as that error, never as "not found".
    public func report(bundle: ManifestModel.Bundle, state: DeploymentState) async -> StatusReport {
        var report = StatusReport()
        var logins: [String: Result<InstanceLogin, LoginProblem>] = [:]
        for resource in bundle.resources.sorted(by: { $0.key < $1.key }) {
            let key = NodeKey(resource.key)
            let role = key.kind.behaviour.status
            if case .none = role { continue }
            guard let name = state.entry(key.stateKey)?.id ?? resource.resolvedID else { continue }
            let (live, readError) = await read(key.kind, id: name)
            switch role {
            case .none:
                continue
            case .databaseHost:
                var line = StatusReport.Instance(key: resource.key.planLabel, name: name, live: live, readError: readError)
                if let object = line.live, let login = await login(instance: name, live: object, cache: &logins) {
                    switch login {
                    case .success(let login):
                        do { line.connections = try await InstanceInspector(login: login).connections() } catch { line.postgresProblem = "\(error)" }
                    case .failure(let problem): line.postgresProblem = problem.description
                    }
                }
                report.instances.append(line)
            case .syncedTable:
                var line = StatusReport.SyncedTable(key: resource.key.planLabel, name: name, live: live, readError: readError)
                if let object = line.live { await inspect(&line, live: object, name: name, logins: &logins) }
                report.syncedTables.append(line)
            case .postgresSyncedTable:
                var line = StatusReport.SyncedTable(key: resource.key.planLabel, name: name, live: live, readError: readError)
                if let object = line.live { await inspect(autoscaling: &line, live: object, logins: &logins) }
                report.syncedTables.append(line)
            case .postgresBranch:
                report.postgres.append(StatusReport.PostgresLine(key: resource.key.planLabel, name: name, live: live, readError: readError))
            case .postgresEndpoint:
                var line = StatusReport.PostgresLine(key: resource.key.planLabel, name: name, live: live, readError: readError)
                if let object = line.live { await inspect(endpoint: &line, live: object) }
                report.postgres.append(line)
            }
        }
        return report
    }

    /// The live object, or the error that kept it from being read (nil and nil: it does not exist).
    private func read(_ kind: NodeKind, id: String) async -> (JSONValue?, String?) {
        do {
            return (try await workspace.read(kind, id: id), nil)
        } catch {
            return (nil, error.description)
        }
    }

    /// An active endpoint's sessions, databases and roles, logged in with a credential for it.
    private func inspect(endpoint line: inout StatusReport.PostgresLine, live: JSONValue) async {
        let status = live["status"]
        guard ["ACTIVE", "IDLE"].contains(status?["current_state"]?.stringValue ?? ""),
              let host = status?["hosts"]?["host"]?.stringValue else { return }
        do {
            let credential = try await credentials.generatePostgresCredential(endpoint: line.name)
            let inspector = InstanceInspector(login: InstanceLogin(host: host, port: postgresPort, user: userName, credential: credential))
            line.connections = try await inspector.connections()
            line.server = try await inspector.catalogue()
        } catch {
            line.postgresProblem = "\(error)"
        }
    }

    /// A synced table's rows, size and partitions, read over libpq on its instance.
    private func inspect(_ line: inout StatusReport.SyncedTable, live: JSONValue, name: String,
                         logins: inout [String: Result<InstanceLogin, LoginProblem>]) async {
        let instanceName = live["effective_database_instance_name"]?.stringValue ?? ""
        let database = live["effective_logical_database_name"]?.stringValue ?? "databricks_postgres"
        let parts = name.split(separator: ".").map(String.init)
        if parts.count == 3 { line.destination = (database, parts[1], parts[2]) }
        let (instance, instanceError) = await read(.databaseInstance, id: instanceName)
        if let instanceError {
            line.postgresProblem = "instance \(instanceName) not read: \(instanceError)"
            return
        }
        guard let instance, let destination = line.destination,
              let login = await login(instance: instanceName, live: instance, cache: &logins) else { return }
        switch login {
        case .success(let login):
            do {
                line.table = try await InstanceInspector(login: login)
                    .table(database: destination.database, schema: destination.schema, table: destination.table)
            } catch {
                line.postgresProblem = "\(error)"
            }
        case .failure(let problem): line.postgresProblem = problem.description
        }
    }

    /// An Autoscaling synced table's rows, size and partitions, read over libpq on its branch's read-write endpoint
    /// (one credential per endpoint).
    private func inspect(autoscaling line: inout StatusReport.SyncedTable, live: JSONValue,
                         logins: inout [String: Result<InstanceLogin, LoginProblem>]) async {
        let status = live["status"]
        let parts = (live["synced_table_id"]?.stringValue ?? "").split(separator: ".").map(String.init)
        guard let branch = status?["branch"]?.stringValue, let database = status?["postgres_database"]?.stringValue,
              parts.count == 3 else { return }
        line.destination = (database, parts[1], parts[2])
        let endpoint = branch + "/endpoints/primary"
        if logins[endpoint] == nil {
            let (object, readError) = await read(NodeKind(.postgresEndpoints), id: endpoint)
            if let readError {
                line.postgresProblem = "endpoint \(endpoint) not read: \(readError)"
                return
            }
            guard let host = object?["status"]?["hosts"]?["host"]?.stringValue,
                  ["ACTIVE", "IDLE"].contains(object?["status"]?["current_state"]?.stringValue ?? "") else { return }
            do {
                let credential = try await credentials.generatePostgresCredential(endpoint: endpoint)
                logins[endpoint] = .success(InstanceLogin(host: host, port: postgresPort, user: userName, credential: credential))
            } catch {
                logins[endpoint] = .failure(LoginProblem(description: "no database credential: \(error.description)"))
            }
        }
        switch logins[endpoint] {
        case .success(let login)?:
            do {
                line.table = try await InstanceInspector(login: login).table(database: database, schema: parts[1], table: parts[2])
            } catch {
                line.postgresProblem = "\(error)"
            }
        case .failure(let problem)?: line.postgresProblem = problem.description
        case nil: break
        }
    }

    /// A login to a running instance (one credential per instance), or why there is none.
    private func login(instance: String, live: JSONValue, cache: inout [String: Result<InstanceLogin, LoginProblem>]) async -> Result<InstanceLogin, LoginProblem>? {
        if let known = cache[instance] { return known }
        guard live["state"]?.stringValue == "AVAILABLE", let host = live["read_write_dns"]?.stringValue else { return nil }
        let result: Result<InstanceLogin, LoginProblem>
        do {
            let credential = try await credentials.generateCredential(instances: [instance])
            result = .success(InstanceLogin(host: host, port: postgresPort, user: userName, credential: credential))
        } catch {
            result = .failure(LoginProblem(description: "no database credential: \(error.description)"))
        }
        cache[instance] = result
        return result
    }
}

/// Why PostgreSQL could not be logged in to.
struct LoginProblem: Error, Sendable, CustomStringConvertible {
    let description: String
}
