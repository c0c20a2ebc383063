import JSONCore

/// `database_instances` (lakebase-api.md §3): PATCH with `update_mask=*` and the full object; waits until
/// AVAILABLE (or STOPPED) and, after a delete, until gone.
struct DatabaseInstanceClient: KindClient {
    let instances: DatabaseInstancesAPI
    let waiters: Waiters
    let waitOptions: WaitOptions

    init(client: WorkspaceClient, waitOptions: WaitOptions) {
        instances = DatabaseInstancesAPI(client: client)
        waiters = Waiters(client: client, options: waitOptions)
        self.waitOptions = waitOptions
    }

    func read(id: String) async throws(APIError) -> JSONValue? { try await instances.find(id).map(JSONValue.object) }

    func create(id: String, _ body: JSONValue) async throws(APIError) -> CallOutcome {
        .done(.object(try await instances.create(body.objectValue ?? JSONObject(), id: id)))
    }

    func update(id: String, _ body: JSONValue, changedPaths: [String]) async throws(APIError) -> CallOutcome {
        .done(.object(try await instances.update(id, body.objectValue ?? JSONObject(), updateMask: "*")))
    }

    func delete(id: String, options: DeleteOptions) async throws(APIError) -> CallOutcome {
        try await instances.delete(id)
        return .done(.object([:]))
    }

    func waitReady(id: String, desired: JSONValue) async throws -> String? {
        _ = try await waiters.instanceReady(id, stopped: desired["stopped"] == .bool(true))
        return nil
    }

    func waitGone(id: String) async throws { try await waiters.instanceGone(id) }
}
