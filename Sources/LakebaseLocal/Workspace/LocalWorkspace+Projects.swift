import Foundation
import JSONCore

extension LocalWorkspace {
    /// `POST /api/2.0/postgres/projects?project_id=`: the project, its root branch `production` with its read-write
    /// `primary` endpoint (a PostgreSQL server of its own), a role for the caller and `databricks_postgres` owned by
    /// it (autoscaling-api.md §1.6). A soft-deleted project's id stays taken.
    func createProject(id: String, spec: JSONValue, caller: Caller) throws(LocalAPIError) -> JSONValue {
        try PostgresSpec.check(id: id, field: "project_id")
        try Self.checkProjectSpec(spec)
        let name = "projects/\(id)"
        guard snapshot.postgres[name: name] == nil else {
            throw .duplicate("project with such id already exists in the workspace")
        }
        let now = Date()
        var project = PostgresRecord(name: name, kind: .project, id: id, parent: nil, uid: RandomToken.uuid(), createTime: now,
                                     updateTime: now, specText: "{}", owner: caller.userName)
        project.spec = spec
        snapshot.postgres.append(project)
        let branch = try addBranchRecords(project: name, id: "production", spec: .object([:]), source: nil, root: true)
        let role = Self.roleID(of: caller.userName)
        let roleName = "\(branch.name)/roles/\(role)"
        addRecord(.role, parent: branch.name, id: role, spec: .object([
            "postgres_role": .string(caller.userName), "identity_type": .string(caller.isServicePrincipal ? "SERVICE_PRINCIPAL" : "USER"),
            "auth_method": .string("LAKEBASE_OAUTH_V1"), "membership_roles": .array([.string("DATABRICKS_SUPERUSER")]),
        ]))
        addRecord(.database, parent: branch.name, id: "databricks-postgres", spec: .object([
            "postgres_database": .string(PostgresFleet.defaultDatabase), "role": .string(roleName),
        ]))
        save()
        let fleet = fleet
        let folder = branch.dataFolder ?? ""
        let address = primaryEndpoint(of: branch.name)?.address ?? ""
        return startOperation(on: name, .project) { () throws(LocalAPIError) -> JSONValue? in
            do {
                let actual = try await self.startServer(folder, at: address)
                await self.moveEndpoint(of: branch.name, to: actual)
                try await fleet.bootstrap(address: actual, creator: caller.userName)
            } catch {
                throw .internalError("starting the PostgreSQL server of \(branch.name) failed: \(error)")
            }
            return await self.markReady(branch.name, response: name)
        }
    }

    /// `POST /api/2.0/postgres/projects/{p}/branches?branch_id=`: a copy of the source branch's data as of now
    /// (`source_branch`, else the project's default branch) with a `primary` read-write endpoint; its roles and
    /// databases are the source's. With `replace_existing`, an existing branch takes the new spec in place.
    func createBranch(project: String, id: String, spec: JSONValue, replaceExisting: Bool) throws(LocalAPIError) -> JSONValue {
        let projectRecord = try existingPostgres(project, .project)
        try PostgresSpec.check(id: id, field: "branch_id")
        try Self.checkBranchSpec(spec)
        let name = "\(project)/branches/\(id)"
        if let existing = snapshot.postgres[name: name] {
            guard replaceExisting, existing.deleteTime == nil else {
                throw .duplicate("branch with such id already exists in the project")
            }
            return adopt(existing, spec: spec)
        }
        let defaultBranch = projectRecord.spec["default_branch"]?.stringValue ?? "\(project)/branches/production"
        let sourceName = spec["source_branch"]?.stringValue ?? defaultBranch
        guard let source = livePostgres(sourceName), source.kind == .branch, source.ready else {
            throw .invalidParameter("source_branch '\(sourceName)' is not a ready branch of \(project)")
        }
        let branch = try addBranchRecords(project: project, id: id, spec: spec, source: source, root: false)
        for inherited in postgresChildren(of: source.name) where inherited.kind == .role || inherited.kind == .database {
            addRecord(inherited.kind, parent: branch.name, id: inherited.id, spec: inherited.spec, ready: true)
        }
        save()
        let fleet = fleet
        let sourceFolder = source.dataFolder ?? ""
        let sourceAddress = primaryEndpoint(of: source.name)?.address
        let folder = branch.dataFolder ?? ""
        let address = primaryEndpoint(of: branch.name)?.address ?? ""
        return startOperation(on: name, .branch) { () throws(LocalAPIError) -> JSONValue? in
            do {
                try await fleet.copyCluster(from: sourceFolder, sourceAddress: sourceAddress, to: folder, standby: false)
                await self.moveEndpoint(of: name, to: try await self.startServer(folder, at: address))
            } catch {
                throw .internalError("copying \(sourceName) into \(name) failed: \(error)")
            }
            return await self.markReady(name, response: name)
        }
    }

    /// The branch record and its `primary` read-write endpoint (both INIT until their server runs).
    private func addBranchRecords(project: String, id: String, spec: JSONValue, source: PostgresRecord?, root: Bool)
        throws(LocalAPIError) -> PostgresRecord {
        let uid = "br-" + RandomToken.hex(bytes: 6)
        var branch = addRecord(.branch, parent: project, id: id, spec: spec, uid: uid)
        branch.isRoot = root
        branch.sourceBranch = source?.name
        branch.sourceTime = source == nil ? nil : Date()
        branch.dataFolder = "branch-\(uid)"
        snapshot.postgres[name: branch.name] = branch
        var endpoint = addRecord(.endpoint, parent: branch.name, id: "primary",
                                 spec: .object(["endpoint_type": .string("ENDPOINT_TYPE_READ_WRITE")]), uid: "ep-" + RandomToken.hex(bytes: 6))
        endpoint.address = try freeAddress()
        snapshot.postgres[name: endpoint.name] = endpoint
        return branch
    }

    /// Appends a record (ready unless said otherwise) and returns it.
    @discardableResult
    func addRecord(_ kind: PostgresKind, parent: String, id: String, spec: JSONValue, uid: String? = nil, ready: Bool = false)
        -> PostgresRecord {
        let now = Date()
        var record = PostgresRecord(name: "\(parent)/\(kind.collection)/\(id)", kind: kind, id: id, parent: parent, uid: uid,
                                    createTime: now, updateTime: now, specText: "{}", ready: ready)
        record.spec = spec
        snapshot.postgres.append(record)
        return record
    }

    /// Takes `spec` for an existing resource (`replace_existing`), keeping its uid and creation time.
    func adopt(_ existing: PostgresRecord, spec: JSONValue) -> JSONValue {
        var record = existing
        record.spec = spec
        record.updateTime = Date()
        snapshot.postgres[name: record.name] = record
        save()
        let name = record.name
        return startOperation(on: name, record.kind) { () throws(LocalAPIError) -> JSONValue? in
            await self.postgresWire(named: name)
        }
    }

    /// Marks `name` and its endpoints ready; returns the wire of `response`.
    func markReady(_ name: String, response: String) -> JSONValue? {
        for record in [snapshot.postgres[name: name]].compactMap({ $0 }) + postgresChildren(of: name, .endpoint) {
            var ready = record
            ready.ready = true
            ready.updateTime = Date()
            snapshot.postgres[name: record.name] = ready
        }
        save()
        return postgresWire(named: response)
    }

    /// The wire of the record called `name`, if it exists.
    func postgresWire(named name: String) -> JSONValue? {
        snapshot.postgres[name: name].map(postgresWire)
    }

    /// Records where a branch's primary (or, for an endpoint name, that endpoint) listens after its server started.
    func moveEndpoint(of name: String, to address: String) {
        let endpoint = snapshot.postgres[name: name]?.kind == .endpoint ? snapshot.postgres[name: name] : primaryEndpoint(of: name)
        guard var endpoint, endpoint.address != address else { return }
        endpoint.address = address
        snapshot.postgres[name: endpoint.name] = endpoint
        save()
    }

    /// The read-write endpoint of a branch.
    func primaryEndpoint(of branch: String) -> PostgresRecord? {
        postgresChildren(of: branch, .endpoint).first { $0.spec["endpoint_type"]?.stringValue == "ENDPOINT_TYPE_READ_WRITE" }
    }

    /// The role id the platform derives from an identity: `local-user` for `local.user@example.com`.
    nonisolated static func roleID(of userName: String) -> String {
        let local = userName.split(separator: "@").first.map(String.init) ?? userName
        var id = String(local.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" })
        if id.first?.isLetter != true { id = "u-" + id }
        while id.count < 4 { id += "-u" }
        return String(id.prefix(63))
    }

    private nonisolated static func checkProjectSpec(_ spec: JSONValue) throws(LocalAPIError) {
        if let display = spec["display_name"]?.stringValue, !(1...256).contains(display.count) {
            throw .invalidParameter("display_name must be 1 to 256 characters long")
        }
        if let retention = spec["history_retention_duration"], PostgresSpec.seconds(retention) == nil {
            throw .invalidParameter("history_retention_duration must be a duration such as \"604800s\"")
        }
        if let settings = spec["default_endpoint_settings"] { try checkComputeLimits(settings, field: "default_endpoint_settings.") }
    }

    private nonisolated static func checkBranchSpec(_ spec: JSONValue) throws(LocalAPIError) {
        let expiry = ["no_expiry", "ttl", "expire_time"].filter { spec[$0] != nil }
        if expiry.count > 1 {
            throw .invalidParameter("only one of no_expiry, ttl and expire_time may be set; got \(expiry.joined(separator: ", "))")
        }
        if spec["no_expiry"] == .bool(false) { throw .invalidParameter("no_expiry can only be true") }
        if let ttl = spec["ttl"], PostgresSpec.seconds(ttl) == nil {
            throw .invalidParameter("ttl must be a duration such as \"86400s\"")
        }
    }

    /// Autoscaling limits (min ≥ 0.5, max ≤ 64, max − min ≤ 16, min ≤ max) and suspension (60 s – 7 days, or
    /// `no_suspension`, not both).
    nonisolated static func checkComputeLimits(_ spec: JSONValue, field prefix: String) throws(LocalAPIError) {
        let minimum = PostgresSpec.number(spec["autoscaling_limit_min_cu"])
        let maximum = PostgresSpec.number(spec["autoscaling_limit_max_cu"])
        if let minimum, minimum < 0.5 { throw .invalidParameter("\(prefix)autoscaling_limit_min_cu must be at least 0.5") }
        if let maximum, maximum > 64 { throw .invalidParameter("\(prefix)autoscaling_limit_max_cu must be at most 64") }
        if let minimum, let maximum {
            if minimum > maximum {
                throw .invalidParameter("\(prefix)autoscaling_limit_min_cu must not exceed autoscaling_limit_max_cu")
            }
            if maximum - minimum > 16 {
                throw .invalidParameter("\(prefix)autoscaling_limit_max_cu - autoscaling_limit_min_cu must not exceed 16")
            }
        }
        if let suspend = spec["suspend_timeout_duration"] {
            guard let seconds = PostgresSpec.seconds(suspend), (60...604_800).contains(seconds) else {
                throw .invalidParameter("\(prefix)suspend_timeout_duration must be between 60s and 604800s")
            }
            if spec["no_suspension"] == .bool(true) {
                throw .invalidParameter("\(prefix)suspend_timeout_duration and no_suspension are mutually exclusive")
            }
        }
    }
}
