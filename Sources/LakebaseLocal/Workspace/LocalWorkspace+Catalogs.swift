import Foundation
import JSONCore

extension LocalWorkspace {
    /// `POST /api/2.0/database/catalogs`: registers a database of an instance as a catalog, creating the
    /// PostgreSQL database when `create_database_if_not_exists` is set.
    func createCatalog(_ body: BodyFields) async throws(LocalAPIError) -> JSONValue {
        let name = try body.requiredString("name")
        let instanceName = try body.requiredString("database_instance_name")
        let databaseName = try body.requiredString("database_name")
        let createDatabase = try body.bool("create_database_if_not_exists") ?? false
        guard catalog(named: name) == nil, sourceCatalogNames.contains(name) == false else {
            throw .alreadyExists("Catalog '\(name)' already exists.")
        }
        let instance = try existingInstance(instanceName)
        guard instance.isServing else {
            throw .invalidState(
                "Database instance '\(instanceName)' is not available (state \(instance.state.rawValue)); "
                    + "wait until it is AVAILABLE.")
        }
        do {
            if try await !fleet.databaseExists(databaseName, address: instance.address) {
                guard createDatabase else {
                    throw LocalAPIError.invalidParameter(
                        "Database '\(databaseName)' does not exist in database instance '\(instanceName)'; "
                            + "set create_database_if_not_exists to create it.")
                }
                try await fleet.createDatabase(databaseName, address: instance.address)
            }
        } catch let error as LocalAPIError {
            throw error
        } catch {
            throw .internalError("PostgreSQL of instance '\(instanceName)' failed: \(error)")
        }
        guard catalog(named: name) == nil else { throw .alreadyExists("Catalog '\(name)' already exists.") }
        let record = CatalogRecord(
            name: name, uid: RandomToken.uuid(), databaseInstanceName: instanceName, databaseName: databaseName,
            createdAt: Date())
        snapshot.catalogs.append(record)
        save()
        return record.wire
    }

    /// `GET /api/2.0/database/catalogs/{name}`.
    func getCatalog(_ name: String) throws(LocalAPIError) -> JSONValue {
        guard let record = catalog(named: name), record.branch == nil else { throw Self.catalogMissing(name) }
        return record.wire
    }

    /// `DELETE /api/2.0/database/catalogs/{name}`: unregisters the catalog; the PostgreSQL database stays.
    func deleteCatalog(_ name: String) throws(LocalAPIError) {
        guard let record = catalog(named: name), record.branch == nil else { throw Self.catalogMissing(name) }
        snapshot.catalogs[name: name] = nil
        save()
    }

    /// `GET /api/2.0/database/instances/{instance}/catalogs`.
    func listCatalogs(instance: String, pageSize: Int?, pageToken: String?) throws(LocalAPIError) -> JSONValue {
        _ = try existingInstance(instance)
        let page = try Pagination.page(
            of: snapshot.catalogs.filter { $0.databaseInstanceName == instance }, size: pageSize, maximum: 100,
            token: pageToken)
        return Pagination.body(key: "database_catalogs", items: page.items.map(\.wire), nextToken: page.nextToken)
    }

    /// The database catalog called `name`, if any.
    func catalog(named name: String) -> CatalogRecord? {
        snapshot.catalogs[name: name]
    }

    /// Names of the lakehouse's standard catalogs (from the seed).
    var sourceCatalogNames: Set<String> { Set(sourceTables.values.map(\.catalog)) }

    static func catalogMissing(_ name: String) -> LocalAPIError {
        .notFound("Database catalog '\(name)' does not exist.")
    }
}

extension CatalogRecord {
    /// The DatabaseCatalog JSON (`create_database_if_not_exists` is input-only and never echoed).
    var wire: JSONValue {
        .object([
            "name": .string(name), "uid": .string(uid), "database_instance_name": .string(databaseInstanceName),
            "database_name": .string(databaseName),
        ])
    }
}
