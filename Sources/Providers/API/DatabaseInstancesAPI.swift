import JSONCore

/// `/api/2.0/database/instances`: one method per REST call (lakebase-api.md §3).
public struct DatabaseInstancesAPI: Sendable {
    let collection: RESTCollection

    /// Calls through `client`.
    public init(client: WorkspaceClient) {
        collection = RESTCollection(client: client, base: "/api/2.0/database/instances")
    }

    /// POST the bare DatabaseInstance; a retried create whose first answer was lost is
    /// recognised by reading `id` back.
    public func create(_ instance: JSONObject, id: String) async throws(APIError) -> JSONObject {
        try await collection.create(instance, id: id)
    }

    /// GET one instance.
    public func get(_ name: String) async throws(APIError) -> JSONObject { try await collection.get(name) }

    /// GET one instance, or nil on 404.
    public func find(_ name: String) async throws(APIError) -> JSONObject? { try await collection.find(name) }

    /// GET every instance (all pages, 100 per page).
    public func list() async throws(APIError) -> [JSONObject] {
        try await collection.client.allPages(collection.base, itemsKey: "database_instances", pageSize: 100)
    }

    /// PATCH with `update_mask` (comma-separated field names, or `*`).
    public func update(_ name: String, _ instance: JSONObject, updateMask: String) async throws(APIError) -> JSONObject {
        try await collection.client.call(
            "PATCH", collection.path(name), query: [("update_mask", updateMask)], body: .object(instance)
        ).objectValue ?? JSONObject()
    }

    /// DELETE with `purge=true` (the only value the platform accepts); `force` also deletes PITR children.
    public func delete(_ name: String, force: Bool = false) async throws(APIError) {
        try await collection.delete(name, query: [("purge", "true")] + (force ? [("force", "true")] : []))
    }

    /// The path of an instance, for calls below it.
    func path(_ name: String) -> String { collection.path(name) }
}
