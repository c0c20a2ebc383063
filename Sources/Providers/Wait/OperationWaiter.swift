import JSONCore

/// Finishes long-running operations (autoscaling-api.md §1.3, §D.4): polls `GET /api/2.0/<operation name>` with
/// jittered, doubling pauses until `done`, bounded by the wait options; a failed operation is an error naming the
/// resource, the operation and the server's `[CODE] message`.
public struct OperationWaiter: Sendable {
    let client: WorkspaceClient
    let options: WaitOptions

    /// A waiter polling through `client`.
    public init(client: WorkspaceClient, options: WaitOptions) {
        self.client = client
        self.options = options
    }

    /// The operation's `response` (the resource it created or changed; an empty object for deletes) on resource `id`
    /// of `kind`.
    public func finish(_ outcome: CallOutcome, kind: String, id: String) async throws -> JSONValue {
        switch outcome {
        case .done(let value): return value
        case .operation(let name): return try await wait(name, kind: kind, id: id)
        case .leftToParent: return .object([:])
        }
    }

    /// Polls operation `name` until it is done: a path of its own (`/api/2.0/postgres/projects/p/operations/o`), or
    /// a name below `/api/2.0/`; the operation changes resource `id` of `kind`.
    public func wait(_ name: String, kind: String, id: String) async throws -> JSONValue {
        let client = client
        let path = name.hasPrefix("/") ? name : "/api/2.0" + WorkspaceClient.path(name)
        return try await Poller(options: options, kind: kind, resource: "\(kind) \(id)", goal: "operation \(name) done",
                                jittered: true).run {
            () throws(APIError) -> PollVerdict<JSONValue> in
            Self.verdict(try await client.call("GET", path))
        }
    }

    /// What one read of an operation says.
    static func verdict(_ operation: JSONValue) -> PollVerdict<JSONValue> {
        guard operation["done"] == .bool(true) else { return .pending(state: "running") }
        if let error = operation["error"], error != .null {
            let code = error["error_code"]?.stringValue ?? error["code"].map { $0.serialized(pretty: false) } ?? "UNKNOWN"
            return .failed(state: "failed", message: "[\(code)] \(error["message"]?.stringValue ?? "the operation failed")")
        }
        return .done(operation["response"] ?? .object([:]))
    }
}
