import JSONCore

/// `/api/2.0/database/synced_tables` (lakebase-api.md §5): create, get, delete; there is no update.
public struct SyncedTablesAPI: Sendable {
    let collection: RESTCollection

    /// Calls through `client`.
    public init(client: WorkspaceClient) {
        collection = RESTCollection(client: client, base: "/api/2.0/database/synced_tables")
    }

    /// POST the bare SyncedDatabaseTable; a retried create whose first answer was lost is
    /// recognised by reading `id` back.
    public func create(_ table: JSONObject, id: String) async throws(APIError) -> JSONObject {
        try await collection.create(table, id: id)
    }

    /// GET one synced table by its three-part name.
    public func get(_ name: String) async throws(APIError) -> JSONObject { try await collection.get(name) }

    /// GET one synced table, or nil on 404.
    public func find(_ name: String) async throws(APIError) -> JSONObject? { try await collection.find(name) }

    /// DELETE; `purgeData` also drops the PostgreSQL table.
    public func delete(_ name: String, purgeData: Bool = false) async throws(APIError) {
        try await collection.delete(name, query: purgeData ? [("purge_data", "true")] : [])
    }

    /// GET every synced table of an instance (all pages).
    public func list(instance: String) async throws(APIError) -> [JSONObject] {
        try await collection.client.allPages(
            DatabaseInstancesAPI(client: collection.client).path(instance) + "/synced_tables", itemsKey: "synced_tables")
    }
}
