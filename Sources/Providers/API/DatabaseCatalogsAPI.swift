import JSONCore

/// `/api/2.0/database/catalogs` (lakebase-api.md §4): create, get, delete; there is no update.
public struct DatabaseCatalogsAPI: Sendable {
    let collection: RESTCollection

    /// Calls through `client`.
    public init(client: WorkspaceClient) {
        collection = RESTCollection(client: client, base: "/api/2.0/database/catalogs")
    }

    /// POST the bare DatabaseCatalog; a retried create whose first answer was lost is
    /// recognised by reading `id` back.
    public func create(_ catalog: JSONObject, id: String) async throws(APIError) -> JSONObject {
        try await collection.create(catalog, id: id)
    }

    /// GET one catalog.
    public func get(_ name: String) async throws(APIError) -> JSONObject { try await collection.get(name) }

    /// GET one catalog, or nil on 404.
    public func find(_ name: String) async throws(APIError) -> JSONObject? { try await collection.find(name) }

    /// DELETE (the PostgreSQL database stays).
    public func delete(_ name: String) async throws(APIError) { try await collection.delete(name) }
}
