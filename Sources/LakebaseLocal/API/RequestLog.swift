import Foundation
import JSONCore

/// The `--request-log` file: one JSON object per request with `method`, `path`, `query`, `body` (parsed JSON,
/// secrets redacted), `status` and `at` (when it was answered, epoch milliseconds: a request timeline). Headers
/// are never logged.
actor RequestLog {
    /// Body and query keys whose values are replaced by `**REDACTED**`.
    static let secretKeys: Set<String> = [
        "token", "access_token", "refresh_token", "client_secret", "password", "secret", "credential",
        "id_token", "pat",
    ]

    private let handle: FileHandle

    init(path: String) throws {
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw LocalServerError("cannot create request log \(path)")
            }
        }
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        handle.seekToEndOfFile()
    }

    /// Appends one line for `request` answered with `status`.
    func record(_ request: APIRequest, status: Int) {
        var entry = JSONObject()
        entry["method"] = .string(request.method)
        entry["path"] = .string(request.path)
        entry["query"] = .object(JSONObject(request.query.sorted { $0.key < $1.key }.map { key, value in
            (key, Self.secretKeys.contains(key) ? .string("**REDACTED**") : .string(value))
        }))
        entry["body"] = Self.loggedBody(request)
        entry["status"] = .int(Int64(status))
        entry["at"] = .int(Int64((Date().timeIntervalSince1970 * 1000).rounded()))
        handle.write(Data((JSONValue.object(entry).serialized(pretty: false) + "\n").utf8))
    }

    private static func loggedBody(_ request: APIRequest) -> JSONValue {
        guard !request.body.isEmpty else { return .null }
        if let parsed = try? JSONParser.parse(request.body) { return redact(parsed) }
        if request.headers["content-type"]?.hasPrefix("application/x-www-form-urlencoded") == true {
            let form = APIRequest.parseQuery(String(decoding: request.body, as: UTF8.self))
            return redact(.object(JSONObject(form.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })))
        }
        return .string("<\(request.body.count) bytes>")
    }

    /// `value` with every secret-named key's value replaced, at any depth.
    static func redact(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            return .object(JSONObject(object.map { key, inner in
                (key, secretKeys.contains(key.lowercased()) ? .string("**REDACTED**") : redact(inner))
            }))
        case .array(let items):
            return .array(items.map(redact))
        default:
            return value
        }
    }
}
