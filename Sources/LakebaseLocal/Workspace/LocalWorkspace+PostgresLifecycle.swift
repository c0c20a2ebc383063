import Foundation
import JSONCore

extension LocalWorkspace {
    /// `GET` one Autoscaling resource.
    func getPostgres(_ name: String, _ kind: PostgresKind) throws(LocalAPIError) -> JSONValue {
        postgresWire(try visiblePostgres(name, kind))
    }

    /// `GET` a collection (`projects`, or below a parent), in creation order, soft-deleted ones only with
    /// `show_deleted`.
    func listPostgres(parent: String?, _ kind: PostgresKind, pageSize: Int?, pageToken: String?, showDeleted: Bool)
        throws(LocalAPIError) -> JSONValue {
        if let parent { _ = try existingPostgres(parent, parent.contains("/branches/") ? .branch : .project) }
        let members = snapshot.postgres.filter { record in
            record.kind == kind && record.parent == parent && (showDeleted || record.deleteTime == nil)
        }
        let page = try Pagination.page(of: members, size: pageSize, maximum: 100, token: pageToken)
        return Pagination.body(key: kind.collection, items: page.items.map(postgresWire), nextToken: page.nextToken)
    }

    /// `PATCH` with `update_mask` (leaf semantics, autoscaling-api.md §1.1); the PostgreSQL side follows (a database
    /// renamed or given to another role, a role's attributes and memberships).
    func updatePostgres(_ name: String, _ kind: PostgresKind, mask: String?, body: JSONValue) throws(LocalAPIError) -> JSONValue {
        var record = try existingPostgres(name, kind)
        let refused: Set<String> = kind == .role ? ["postgres_role", "auth_method", "identity_type"] : []
        let spec = try PostgresSpec.applying(mask: mask, body: body, to: record.spec, refused: refused)
        switch kind {
        case .project:
            if let settings = spec["default_endpoint_settings"] { try Self.checkComputeLimits(settings, field: "default_endpoint_settings.") }
        case .branch:
            let expiry = ["no_expiry", "ttl", "expire_time"].filter { spec[$0] != nil }
            if expiry.count > 1 { throw .invalidParameter("only one of no_expiry, ttl and expire_time may be set") }
        case .endpoint:
            guard spec["endpoint_type"] == record.spec["endpoint_type"] else {
                throw .invalidParameter("endpoint_type cannot be changed; create another endpoint")
            }
            _ = try Self.checkEndpointSpec(spec)
            record.pendingUntil = reconcileUntil()
        case .database:
            _ = try databaseOwner(spec)
        case .role:
            break
        }
        let previous = record.spec
        record.spec = spec
        record.updateTime = Date()
        snapshot.postgres[name: name] = record
        save()
        let branch = record.parent.flatMap(livePostgres)
        switch kind {
        case .database:
            guard let branch else { break }
            return databaseOperation(name, database: spec["postgres_database"]?.stringValue ?? "", owner: try databaseOwner(spec),
                                     previous: previous["postgres_database"]?.stringValue, branch: branch)
        case .role:
            guard let branch else { break }
            return roleOperation(name, branch: branch)
        default:
            break
        }
        return startOperation(on: name, kind) { () throws(LocalAPIError) -> JSONValue? in await self.postgresWire(named: name) }
    }

    /// `DELETE`: projects and branches are soft-deleted (their servers stop, their ids stay taken) unless `purge`;
    /// the root branch and read-write endpoints are managed by their parent; protected branches refuse; an endpoint
    /// that is still reconciling answers 409 (autoscaling-api.md §1.7).
    func deletePostgres(_ name: String, _ kind: PostgresKind, purge: Bool) throws(LocalAPIError) -> JSONValue {
        let record = try existingPostgres(name, kind)
        switch kind {
        case .project:
            if let protected = postgresChildren(of: name, .branch).first(where: { $0.spec["is_protected"] == .bool(true) }) {
                throw .badRequest("cannot delete project \(name): branch \(protected.name) is protected")
            }
        case .branch:
            if record.isRoot {
                throw .managedByParent("Cannot delete root branch '\(name)'. Root branches cannot be deleted independently.")
            }
            if record.spec["is_protected"] == .bool(true) { throw .badRequest("cannot delete protected branch") }
        case .endpoint:
            if record.spec["endpoint_type"]?.stringValue == "ENDPOINT_TYPE_READ_WRITE" {
                throw .managedByParent("Cannot delete read-write endpoint '\(name)'. Read-write endpoints cannot be deleted.")
            }
            if let until = record.pendingUntil, until > Date() {
                throw LocalAPIError(status: 409, errorCode: "RESOURCE_CONFLICT",
                                    message: "endpoint \(name) is busy: reconciliation in progress; retry shortly")
            }
        case .database, .role:
            break
        }
        let soft = !purge && (kind == .project || kind == .branch)
        let servers = serverFolders(under: record)
        if soft {
            var deleted = record
            deleted.deleteTime = Date()
            deleted.purgeTime = Date().addingTimeInterval(7 * 86_400)
            snapshot.postgres[name: name] = deleted
        } else {
            snapshot.postgres.removeAll { $0.name == name || $0.name.hasPrefix(name + "/") }
        }
        save()
        let fleet = fleet
        let branch = record.parent.flatMap(livePostgres)
        let address = branch.flatMap { primaryEndpoint(of: $0.name)?.address } ?? ""
        return startOperation(on: name, kind) { () throws(LocalAPIError) -> JSONValue? in
            do {
                for server in servers {
                    if soft { try await fleet.stop(uid: server.folder) } else { try await fleet.remove(uid: server.folder) }
                }
                switch kind {
                case .database:
                    try await fleet.dropDatabase(record.spec["postgres_database"]?.stringValue ?? "", address: address)
                case .role:
                    try await fleet.dropRole(record.spec["postgres_role"]?.stringValue ?? "", address: address)
                default:
                    break
                }
            } catch {
                throw .internalError("deleting \(name) in PostgreSQL failed: \(error)")
            }
            return nil
        }
    }

    /// `POST …/undelete` of a soft-deleted project or branch: it and its servers come back.
    func undeletePostgres(_ name: String, _ kind: PostgresKind) throws(LocalAPIError) -> JSONValue {
        guard var record = snapshot.postgres[name: name], record.kind == kind, record.deleteTime != nil,
              Self.ancestors(of: name).allSatisfy({ livePostgres($0) != nil }) else {
            throw Self.postgresMissing(kind, name)
        }
        record.deleteTime = nil
        record.purgeTime = nil
        record.updateTime = Date()
        snapshot.postgres[name: name] = record
        save()
        let fleet = fleet
        let servers = serverFolders(under: record)
        return startOperation(on: name, kind) { () throws(LocalAPIError) -> JSONValue? in
            do {
                for server in servers { try await fleet.start(uid: server.folder, address: server.address) }
            } catch {
                throw .internalError("restarting the PostgreSQL servers of \(name) failed: \(error)")
            }
            return nil
        }
    }

    /// The PostgreSQL servers that `record` and everything below it run: each branch's data (served by its
    /// primary's address) and each read-only endpoint's standby, branches first.
    func serverFolders(under record: PostgresRecord) -> [(folder: String, address: String)] {
        let records = [record] + postgresDescendants(of: record.name)
        let branches = records.filter { $0.kind == .branch }.compactMap { branch -> (String, String)? in
            guard let folder = branch.dataFolder, let address = primaryEndpoint(of: branch.name)?.address else { return nil }
            return (folder, address)
        }
        let standbys = records.filter { $0.kind == .endpoint }.compactMap { endpoint -> (String, String)? in
            guard let folder = endpoint.dataFolder, let address = endpoint.address else { return nil }
            return (folder, address)
        }
        return branches + standbys
    }
}

extension LocalWorkspace {
    /// The servers of every live project, branches before read-only endpoints.
    func liveServers() -> [(folder: String, address: String)] {
        snapshot.postgres.filter { $0.kind == .project && $0.deleteTime == nil }.flatMap { serverFolders(under: $0) }
            .filter { server in
                snapshot.postgres.contains { $0.dataFolder == server.folder && livePostgres($0.name) != nil }
            }
    }

    /// After a restart: the servers of live projects run again, and operations cut short end with the resource as
    /// it stands.
    func resumePostgres() async throws {
        for server in liveServers() { try await fleet.start(uid: server.folder, address: server.address) }
        for record in snapshot.postgres where !record.ready && record.dataFolder != nil {
            snapshot.postgres[name: record.name]?.ready = true
        }
        for operation in snapshot.operations where !operation.finished {
            let resource = operation.name.components(separatedBy: "/operations/").first ?? ""
            var finished = operation
            finished.finished = true
            finished.responseText = (postgresWire(named: resource) ?? .object(["@type": .string("type.googleapis.com/google.protobuf.Empty")]))
                .serialized(pretty: false)
            snapshot.operations[name: operation.name] = finished
        }
        save()
    }
}
