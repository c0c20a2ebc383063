import JSONCore
import Providers

/// The test kind's client, shaped like an Autoscaling one: `POST /api/2.0/test/{parent}/branches?branch_id=`,
/// `PATCH /api/2.0/test/{id}?update_mask=spec.<path>,...`, `DELETE`; every change answers an operation.
public struct TestBranchClient: KindClient {
    let client: WorkspaceClient
    public let waitOptions: WaitOptions
    public var kind: String { "test_branches" }

    /// A client over `client`.
    public init(client: WorkspaceClient, waitOptions: WaitOptions) {
        self.client = client
        self.waitOptions = waitOptions
    }

    public func read(id: String) async throws(APIError) -> JSONValue? {
        do {
            return try await client.call("GET", "/api/2.0/test" + WorkspaceClient.path(id))
        } catch where error.kind == .notFound {
            return nil
        }
    }

    public func create(id: String, _ body: JSONValue) async throws(APIError) -> CallOutcome {
        let parent = body["parent"]?.stringValue ?? ""
        let branch = body["branch_id"]?.stringValue ?? ""
        let answer = try await client.call("POST", "/api/2.0/test" + WorkspaceClient.path(parent) + "/branches",
                                           query: [("branch_id", branch)], body: Self.spec(of: body))
        return .operation(answer["name"]?.stringValue ?? "")
    }

    public func update(id: String, _ body: JSONValue, changedPaths: [String]) async throws(APIError) -> CallOutcome {
        let mask = changedPaths.map { "spec." + $0 }.joined(separator: ",")
        let answer = try await client.call("PATCH", "/api/2.0/test" + WorkspaceClient.path(id), query: [("update_mask", mask)],
                                           body: Self.spec(of: body))
        return .operation(answer["name"]?.stringValue ?? "")
    }

    public func delete(id: String, options: DeleteOptions) async throws(APIError) -> CallOutcome {
        let answer = try await client.call("DELETE", "/api/2.0/test" + WorkspaceClient.path(id))
        return .operation(answer["name"]?.stringValue ?? "")
    }

    /// `{"spec": {...}}` without the id fields.
    static func spec(of body: JSONValue) -> JSONValue {
        guard case .object(var object) = body else { return body }
        for field in ["parent", "branch_id", "replace_existing"] { object[field] = nil }
        return .object(["spec": .object(object)])
    }
}
