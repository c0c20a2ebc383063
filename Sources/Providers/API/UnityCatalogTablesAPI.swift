import JSONCore

/// `/api/2.1/unity-catalog/tables` (lakebase-api.md §10): what preflight reads about source tables.
public struct UnityCatalogTablesAPI: Sendable {
    let collection: RESTCollection

    /// Calls through `client`.
    public init(client: WorkspaceClient) {
        collection = RESTCollection(client: client, base: "/api/2.1/unity-catalog/tables")
    }

    /// GET the TableInfo of `fullName`, or nil on 404.
    public func find(_ fullName: String) async throws(APIError) -> JSONObject? { try await collection.find(fullName) }

    /// GET `/exists`.
    public func exists(_ fullName: String) async throws(APIError) -> Bool {
        try await collection.client.call("GET", collection.path(fullName) + "/exists")["table_exists"] == .bool(true)
    }
}
