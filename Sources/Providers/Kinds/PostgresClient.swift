import JSONCore

/// The client of an Autoscaling kind (autoscaling-api.md §1.1–§1.3, §2.0): ids verbatim in paths, the new id and
/// `replace_existing` in the query, `{"spec": …}` bodies without the id fields, every change answered by an
/// operation. A delete the platform answers `MANAGED_BY_PARENT` is done (the parent's delete removes it).
struct PostgresClient: KindClient {
    let client: WorkspaceClient
    let waitOptions: WaitOptions
    /// The collection segment (`branches`).
    let collection: String
    /// The kind's bundle name: `postgres_` and the collection.
    var kind: String { "postgres_" + collection }
    /// The query parameter of a new id (`branch_id`).
    let idParameter: String
    /// Whether deletes take `purge` (projects, branches).
    var purges = false
    /// Endpoints: a delete during reconciliation (409) is retried.
    var reconciles = false
    /// When a created or changed resource is ready.
    var readiness = PostgresReadiness.none

    /// Fields that are not part of the spec: ids, the parent, create-only and state-only flags.
    var nonSpecFields: Set<String> { ["parent", idParameter, "replace_existing", "purge_on_delete"] }

    static func path(_ name: String) -> String { "/api/2.0/postgres" + WorkspaceClient.path(name) }


    func read(id: String) async throws(APIError) -> JSONValue? {
        do {
            return try await client.call("GET", Self.path(id))
        } catch where error.kind == .notFound {
            return nil
        }
    }

    func create(id: String, _ body: JSONValue) async throws(APIError) -> CallOutcome {
        let parent = body["parent"]?.stringValue.map { $0 + "/" } ?? ""
        var query = [(idParameter, body[idParameter]?.stringValue ?? "")]
        if body["replace_existing"] == .bool(true) { query.append(("replace_existing", "true")) }
        let answer = try await client.call("POST", Self.path(parent + collection), query: query, body: spec(of: body))
        return Self.outcome(answer)
    }

    func update(id: String, _ body: JSONValue, changedPaths: [String]) async throws(APIError) -> CallOutcome {
        let mask = changedPaths.map { "spec." + $0 }.joined(separator: ",")
        return Self.outcome(try await client.call("PATCH", Self.path(id), query: [("update_mask", mask)], body: spec(of: body)))
    }

    func delete(id: String, options: DeleteOptions) async throws(APIError) -> CallOutcome {
        let query = purges && options.purge ? [("purge", "true")] : []
        let started = waitOptions.clock.now
        while true {
            do {
                return Self.outcome(try await client.call("DELETE", Self.path(id), query: query))
            } catch where error.declarativeContext == "MANAGED_BY_PARENT" {
                return .leftToParent
            } catch where reconciles && error.status == 409 && error.message.contains("reconciliation")
                && waitOptions.clock.now - started < min(120, waitOptions.timeout) {
                try? await waitOptions.clock.sleep(seconds: 2)
            }
        }
    }

    func waitReady(id: String, desired: JSONValue) async throws -> Readiness {
        guard readiness != .none else { return Readiness() }
        var options = waitOptions
        if readiness == .reconciled { options.timeout = min(options.timeout, 120) }
        let client = client, readiness = readiness
        return try await Poller(options: options, kind: kind, resource: "\(kind) \(id)", goal: readiness.goal).run { () throws(APIError) -> PollVerdict<Readiness> in
            let answer = try await client.call("GET", Self.path(id))
            guard let object = answer.objectValue else { return .done(Readiness()) }
            switch readiness.verdict(object["status"] ?? .null) {
            case .ready: return .done(Readiness(live: answer))
            case .pending(let state): return .pending(state: state)
            case .degraded(let warning): return .done(Readiness(warning: warning, live: answer))
            case .failed(let message):
                throw APIError(status: 500, errorCode: "FAILED", message: message, method: "GET", path: Self.path(id))
            }
        }
    }

    /// `{"spec": {…}}`: every set field but the ids, the parent and the bundle-only flags.
    func spec(of body: JSONValue) -> JSONValue {
        var spec = body.objectValue ?? JSONObject()
        for field in nonSpecFields { spec[field] = nil }
        return .object(["spec": .object(spec)])
    }

    /// The operation a mutation answered (already finished ones carry their response).
    static func outcome(_ answer: JSONValue) -> CallOutcome {
        if answer["done"] == .bool(true), answer["error"] == nil, let response = answer["response"] { return .done(response) }
        return .operation(Self.path(answer["name"]?.stringValue ?? ""))
    }
}

extension PostgresClient {
    /// `postgres_projects`.
    @Sendable static func projects(_ client: WorkspaceClient, _ options: WaitOptions) -> any KindClient {
        PostgresClient(client: client, waitOptions: options, collection: "projects", idParameter: "project_id", purges: true)
    }

    /// `postgres_branches`.
    @Sendable static func branches(_ client: WorkspaceClient, _ options: WaitOptions) -> any KindClient {
        PostgresClient(client: client, waitOptions: options, collection: "branches", idParameter: "branch_id", purges: true,
                       readiness: .branchReady)
    }

    /// `postgres_endpoints`.
    @Sendable static func endpoints(_ client: WorkspaceClient, _ options: WaitOptions) -> any KindClient {
        PostgresClient(client: client, waitOptions: options, collection: "endpoints", idParameter: "endpoint_id", reconciles: true,
                       readiness: .reconciled)
    }

    /// `postgres_databases`.
    @Sendable static func databases(_ client: WorkspaceClient, _ options: WaitOptions) -> any KindClient {
        PostgresClient(client: client, waitOptions: options, collection: "databases", idParameter: "database_id")
    }

    /// `postgres_roles`.
    @Sendable static func roles(_ client: WorkspaceClient, _ options: WaitOptions) -> any KindClient {
        PostgresClient(client: client, waitOptions: options, collection: "roles", idParameter: "role_id")
    }
}

extension PostgresClient {
    /// `postgres_catalogs`: top-level, `catalog_id` in the query.
    @Sendable static func catalogs(_ client: WorkspaceClient, _ options: WaitOptions) -> any KindClient {
        PostgresClient(client: client, waitOptions: options, collection: "catalogs", idParameter: "catalog_id")
    }

    /// `postgres_synced_tables`: top-level, `synced_table_id` in the query; ready once online.
    @Sendable static func syncedTables(_ client: WorkspaceClient, _ options: WaitOptions) -> any KindClient {
        PostgresClient(client: client, waitOptions: options, collection: "synced_tables", idParameter: "synced_table_id",
                       readiness: .syncedTableOnline)
    }
}
