import JSONCore

/// A resource's `permissions` node (lakebase-api.md §9): the id is the permissions object id
/// (`/database-instances/<name>`); create and update PUT the whole list; a delete leaves the list as it is.
struct PermissionsClient: KindClient {
    let permissions: PermissionsAPI
    let waitOptions: WaitOptions
    var kind: String { "permissions" }

    init(client: WorkspaceClient, waitOptions: WaitOptions) {
        permissions = PermissionsAPI(client: client)
        self.waitOptions = waitOptions
    }

    func read(id: String) async throws(APIError) -> JSONValue? { try await permissions.get(objectID: id) }

    func create(id: String, _ body: JSONValue) async throws(APIError) -> CallOutcome {
        try await permissions.put(objectID: id, body)
        return .done(body)
    }

    func update(id: String, _ body: JSONValue, changedPaths: [String]) async throws(APIError) -> CallOutcome {
        try await permissions.put(objectID: id, body)
        return .done(body)
    }

    func delete(id: String, options: DeleteOptions) async throws(APIError) -> CallOutcome { .done(.object([:])) }

    func waitGone(id: String) async throws {}
}
