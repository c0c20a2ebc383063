import Foundation
import JSONCore

extension LocalWorkspace {
    /// `POST /api/2.0/postgres/catalogs?catalog_id=`: registers a branch's database in Unity Catalog; with
    /// `create_database_if_missing` the database is created first. Catalog names are shared with the Provisioned
    /// catalogs and the lakehouse's catalogs.
    func createPostgresCatalog(id: String, spec: JSONValue) throws(LocalAPIError) -> JSONValue {
        guard !id.isEmpty else { throw PostgresSpec.missingID("catalog_id") }
        guard let database = spec["postgres_database"]?.stringValue, !database.isEmpty else {
            throw PostgresSpec.missingID("catalog.spec.postgres_database")
        }
        guard let branch = spec["branch"]?.stringValue, !branch.isEmpty else { throw PostgresSpec.missingID("catalog.spec.branch") }
        _ = try existingPostgres(branch, .branch)
        guard catalog(named: id) == nil, !sourceCatalogNames.contains(id) else {
            throw .duplicate("catalog with such id already exists in the workspace")
        }
        let createIfMissing = spec["create_database_if_missing"] == .bool(true)
        snapshot.catalogs.append(CatalogRecord(
            name: id, uid: RandomToken.uuid(), databaseInstanceName: branch, databaseName: database, createdAt: Date(), branch: branch))
        save()
        let fleet = fleet
        return startOperation(on: "catalogs/\(id)", metadataKind: "Catalog") { () throws(LocalAPIError) -> JSONValue? in
            do {
                let address = try await self.servingAddress(branch)
                if try await !fleet.databaseExists(database, address: address) {
                    guard createIfMissing else {
                        throw LocalAPIError.invalidParameter(
                            "database '\(database)' does not exist on branch '\(branch)'; set create_database_if_missing to create it")
                    }
                    try await fleet.createDatabase(database, address: address)
                }
            } catch {
                await self.forgetCatalog(id)
                if let error = error as? LocalAPIError { throw error }
                throw .internalError("PostgreSQL of branch '\(branch)' failed: \(error)")
            }
            return await self.postgresCatalogWire(id)
        }
    }

    /// `GET /api/2.0/postgres/catalogs/{id}`.
    func getPostgresCatalog(_ id: String) throws(LocalAPIError) -> JSONValue {
        guard let wire = postgresCatalogWire(id) else { throw .notFound("catalog id not found: catalogs/\(id)", code: "NOT_FOUND") }
        return wire
    }

    /// `DELETE /api/2.0/postgres/catalogs/{id}`: unregisters it; the database and its data stay.
    func deletePostgresCatalog(_ id: String) throws(LocalAPIError) -> JSONValue {
        guard postgresCatalogWire(id) != nil else { throw .notFound("catalog id not found: catalogs/\(id)", code: "NOT_FOUND") }
        forgetCatalog(id)
        return startOperation(on: "catalogs/\(id)", metadataKind: "Catalog") { () throws(LocalAPIError) -> JSONValue? in nil }
    }

    private func forgetCatalog(_ id: String) {
        snapshot.catalogs[name: id] = nil
        save()
    }

    /// The Catalog JSON: identity and `status` (autoscaling-api.md §1.4).
    func postgresCatalogWire(_ id: String) -> JSONValue? {
        guard let record = catalog(named: id), let branch = record.branch else { return nil }
        let project = branch.split(separator: "/").prefix(2).joined(separator: "/")
        return .object([
            "name": .string("catalogs/\(id)"), "catalog_id": .string(id), "uid": .string(record.uid),
            "create_time": .string(Self.rfc3339(record.createdAt)), "update_time": .string(Self.rfc3339(record.createdAt)),
            "status": .object(["branch": .string(branch), "postgres_database": .string(record.databaseName), "project": .string(project)]),
        ])
    }
}
