import Foundation
import JSONCore

/// The workspace files calls a remote state file and a deploy lock need (lakebase-api.md §13).
public struct WorkspaceFilesAPI: Sendable {
    let client: WorkspaceClient

    /// Calls through `client`.
    public init(client: WorkspaceClient) { self.client = client }

    /// `mkdirs`: the folder and its parents; an existing folder is fine.
    public func makeDirectories(_ path: String) async throws(APIError) {
        _ = try await client.call("POST", "/api/2.0/workspace/mkdirs", body: .object(["path": .string(path)]))
    }

    /// `import` as format AUTO. Without `overwrite`, an existing file is `false` (the 409, or the 400
    /// "already exists" some workspaces send); with it, the file is replaced. True when written.
    @discardableResult
    public func write(_ path: String, content: Data, overwrite: Bool) async throws(APIError) -> Bool {
        let body: JSONValue = .object([
            "path": .string(path), "content": .string(content.base64EncodedString()), "format": .string("AUTO"),
            "overwrite": .bool(overwrite),
        ])
        do {
            _ = try await client.call("POST", "/api/2.0/workspace/import", body: body)
            return true
        } catch where !overwrite && Self.meansExists(error) {
            return false
        }
    }

    /// The file's bytes, or nil when it does not exist.
    public func read(_ path: String) async throws(APIError) -> Data? {
        do {
            let answer = try await client.call("GET", "/api/2.0/workspace/export", query: [("path", path), ("format", "SOURCE")])
            return answer["content"]?.stringValue.flatMap { Data(base64Encoded: $0) } ?? Data()
        } catch where error.kind == .notFound {
            return nil
        }
    }

    /// `get-status`, or nil when nothing is at `path`.
    public func status(_ path: String) async throws(APIError) -> JSONObject? {
        do {
            return try await client.call("GET", "/api/2.0/workspace/get-status", query: [("path", path)]).objectValue
        } catch where error.kind == .notFound {
            return nil
        }
    }

    /// `delete`; a missing path is fine.
    public func delete(_ path: String, recursive: Bool = false) async throws(APIError) {
        do {
            _ = try await client.call(
                "POST", "/api/2.0/workspace/delete", body: .object(["path": .string(path), "recursive": .bool(recursive)]))
        } catch where error.kind == .notFound {
            return
        }
    }

    /// Whether an import error says the path exists (409, or 400 with "already exists").
    static func meansExists(_ error: APIError) -> Bool {
        error.status == 409 || (error.status == 400 && error.message.lowercased().contains("already exists"))
    }
}
