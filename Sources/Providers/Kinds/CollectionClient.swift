import JSONCore

/// The client of a kind whose resources are bare objects in one REST collection, found by id (the Provisioned
/// family): GET, POST (a retried POST whose answer was lost is read back), PATCH with a mask, DELETE with options.
/// Each kind's file says only what differs: its collection, its update mask (or none), its delete query and waits.
struct CollectionClient: KindClient {
    let collection: RESTCollection
    let waiters: Waiters
    let waitOptions: WaitOptions
    /// The kind name, for errors and the crowd of its waits.
    let kind: String
    /// The `update_mask` a PATCH sends for the changed paths, or nil when the kind has no update call.
    var updateMask: (@Sendable ([String]) -> String)?
    /// The query a DELETE sends.
    var deleteQuery: @Sendable (DeleteOptions) -> [(String, String)] = { _ in [] }
    /// Waits until the resource is usable; nil when it is usable once created.
    var ready: (@Sendable (Waiters, _ id: String, _ desired: JSONValue) async throws -> Readiness)?
    /// Waits until the resource is gone; nil to poll GET until 404.
    var gone: (@Sendable (Waiters, _ id: String) async throws -> Void)?

    init(kind: String, path: String, client: WorkspaceClient, waitOptions: WaitOptions) {
        self.kind = kind
        collection = RESTCollection(client: client, base: path)
        waiters = Waiters(client: client, options: waitOptions)
        self.waitOptions = waitOptions
    }

    func read(id: String) async throws(APIError) -> JSONValue? { try await collection.find(id).map(JSONValue.object) }

    func create(id: String, _ body: JSONValue) async throws(APIError) -> CallOutcome {
        .done(.object(try await collection.create(body.objectValue ?? JSONObject(), id: id)))
    }

    func update(id: String, _ body: JSONValue, changedPaths: [String]) async throws(APIError) -> CallOutcome {
        guard let updateMask else { throw .notUpdatable(kind, id: id) }
        let answer = try await collection.client.call("PATCH", collection.path(id), query: [("update_mask", updateMask(changedPaths))],
                                                      body: body)
        return .done(answer)
    }

    func delete(id: String, options: DeleteOptions) async throws(APIError) -> CallOutcome {
        try await collection.delete(id, query: deleteQuery(options))
        return .done(.object([:]))
    }

    func waitReady(id: String, desired: JSONValue) async throws -> Readiness {
        try await ready?(waiters, id, desired) ?? Readiness()
    }

    func waitGone(id: String) async throws {
        if let gone { try await gone(waiters, id) } else { try await pollUntilGone(id: id) }
    }
}
