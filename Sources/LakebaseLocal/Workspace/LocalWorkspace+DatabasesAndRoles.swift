import Foundation
import JSONCore

extension LocalWorkspace {
    /// `POST …/branches/{b}/roles?role_id=`: a real PostgreSQL role with its attributes and memberships. A name the
    /// branch already has (as a resource, or as a PostgreSQL role it inherited) is a 400, unless `replace_existing`.
    func createRole(branch: String, id: String?, spec: JSONValue, replaceExisting: Bool) throws(LocalAPIError) -> JSONValue {
        let branchRecord = try existingPostgres(branch, .branch)
        guard let postgresRole = spec["postgres_role"]?.stringValue, !postgresRole.isEmpty else {
            throw PostgresSpec.missingID("role.spec.postgres_role")
        }
        let roleID = id.flatMap { $0.isEmpty ? nil : $0 } ?? Self.roleID(of: postgresRole)
        try PostgresSpec.check(id: roleID, field: "role_id", minLength: 4)
        let name = "\(branch)/roles/\(roleID)"
        let sameName = postgresChildren(of: branch, .role).first { $0.name == name || $0.spec["postgres_role"]?.stringValue == postgresRole }
        if let existing = sameName {
            guard replaceExisting, existing.name == name else { throw .badRequest("role with that name already exists") }
            snapshot.postgres[name: name]?.spec = spec
            return roleOperation(name, branch: branchRecord)
        }
        addRecord(.role, parent: branch, id: roleID, spec: spec)
        save()
        return roleOperation(name, branch: branchRecord)
    }

    /// Brings the PostgreSQL role of `name` to its spec, in an operation.
    func roleOperation(_ name: String, branch: PostgresRecord) -> JSONValue {
        let fleet = fleet
        let spec = snapshot.postgres[name: name]?.spec ?? .object([:])
        let role = spec["postgres_role"]?.stringValue ?? ""
        let login = Self.authMethod(of: spec) != "NO_LOGIN"
        let attributes = ["createdb", "createrole", "bypassrls"].reduce(into: [String: Bool]()) { result, key in
            result[key] = spec["attributes"]?[key] == .bool(true)
        }
        let memberships = (spec["membership_roles"]?.arrayValue ?? []).compactMap(\.stringValue)
        return startOperation(on: name, .role) { () throws(LocalAPIError) -> JSONValue? in
            // The platform applies it once the branch's compute runs (a new branch may still be copying its data).
            let address = try await self.servingAddress(branch.name)
            do {
                try await fleet.applyRole(role, login: login, attributes: attributes, memberships: memberships, address: address)
            } catch {
                throw .internalError("PostgreSQL role \(role) on \(branch.name): \(error)")
            }
            return await self.markReady(name, response: name)
        }
    }

    /// `POST …/branches/{b}/databases?database_id=`: a real database owned by its `role`'s PostgreSQL role.
    func createDatabase(branch: String, id: String, spec: JSONValue, replaceExisting: Bool) throws(LocalAPIError) -> JSONValue {
        let branchRecord = try existingPostgres(branch, .branch)
        try PostgresSpec.check(id: id, field: "database_id", minLength: 1)
        let owner = try databaseOwner(spec)
        guard let database = spec["postgres_database"]?.stringValue, !database.isEmpty else {
            throw PostgresSpec.missingID("database.spec.postgres_database")
        }
        let name = "\(branch)/databases/\(id)"
        let sameName = postgresChildren(of: branch, .database).first {
            $0.name == name || $0.spec["postgres_database"]?.stringValue == database
        }
        var previous: String?
        if let existing = sameName {
            guard replaceExisting, existing.name == name else { throw .badRequest("database with that name already exists") }
            previous = existing.spec["postgres_database"]?.stringValue
            snapshot.postgres[name: name]?.spec = spec
        } else {
            addRecord(.database, parent: branch, id: id, spec: spec)
        }
        save()
        return databaseOperation(name, database: database, owner: owner, previous: previous, branch: branchRecord)
    }

    /// The PostgreSQL role that owns a database spec's `role`, or the platform's errors.
    func databaseOwner(_ spec: JSONValue) throws(LocalAPIError) -> String {
        guard let roleName = spec["role"]?.stringValue, !roleName.isEmpty else {
            throw PostgresSpec.missingID("database.spec.role")
        }
        guard let role = livePostgres(roleName), role.kind == .role, let owner = role.spec["postgres_role"]?.stringValue else {
            let roleID = roleName.split(separator: "/").last.map(String.init) ?? roleName
            throw .notFound("role not found; role_id:\"\(roleID)\"", code: "NOT_FOUND")
        }
        return owner
    }

    /// Creates, renames or re-owns the database of `name`, in an operation.
    func databaseOperation(_ name: String, database: String, owner: String, previous: String?, branch: PostgresRecord) -> JSONValue {
        let fleet = fleet
        return startOperation(on: name, .database) { () throws(LocalAPIError) -> JSONValue? in
            let address = try await self.servingAddress(branch.name)
            do {
                try await fleet.applyDatabase(database, owner: owner, previous: previous, address: address)
            } catch {
                throw .internalError("PostgreSQL database \(database) on \(branch.name): \(error)")
            }
            return await self.markReady(name, response: name)
        }
    }
}
