#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
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
        do {
            _ = try await client.call("POST", "/api/2.0/workspace/import",
                                      encodedBody: Self.importBody(path, content: content, overwrite: overwrite))
            return true
        } catch where !overwrite && Self.meansExists(error) {
            return false
        }
    }

    /// `{"format":"AUTO","overwrite":…,"path":…,"content":"<base64>"}`, the content's Base64 written straight into
    /// the body: a state file of a thousand resources is about 1 MB, and building it as a JSON string first took
    /// three more copies of it at the end of every apply.
    static func importBody(_ path: String, content: Data, overwrite: Bool) -> Data {
        var head = JSONValue.object(["path": .string(path), "format": .string("AUTO"), "overwrite": .bool(overwrite)])
            .serialized(pretty: false)
        head.removeLast()
        head += #","content":""#
        var body = Data(capacity: head.utf8.count + (content.count + 2) / 3 * 4 + 2)
        body.append(contentsOf: head.utf8)
        appendBase64(of: content, to: &body)
        body.append(contentsOf: #""}"#.utf8)
        return body
    }

    /// Appends the standard, padded Base64 of `bytes` (RFC 4648 §4) to `out`, with no copy of the encoded text.
    static func appendBase64(of bytes: Data, to out: inout Data) {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        let padding = UInt8(ascii: "=")
        bytes.withUnsafeBytes { (input: UnsafeRawBufferPointer) in
            var index = 0
            var quad: [UInt8] = [0, 0, 0, 0]
            while index < input.count {
                let left = input.count - index
                let first = UInt32(input[index])
                let second = left > 1 ? UInt32(input[index + 1]) : 0
                let third = left > 2 ? UInt32(input[index + 2]) : 0
                let triple = first << 16 | second << 8 | third
                quad[0] = alphabet[Int(triple >> 18 & 63)]
                quad[1] = alphabet[Int(triple >> 12 & 63)]
                quad[2] = left > 1 ? alphabet[Int(triple >> 6 & 63)] : padding
                quad[3] = left > 2 ? alphabet[Int(triple & 63)] : padding
                out.append(contentsOf: quad)
                index += 3
            }
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
