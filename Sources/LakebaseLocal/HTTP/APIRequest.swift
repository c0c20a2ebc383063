import Foundation
import JSONCore

/// One HTTP request as the emulator's API layer sees it, independent of the HTTP server library.
public struct APIRequest: Sendable {
    /// Upper-case HTTP method.
    public var method: String
    /// The percent-decoded path, e.g. `/api/2.0/database/instances/orders-db`.
    public var path: String
    /// Query parameters; for a repeated name the first value wins.
    public var query: [String: String]
    /// Header fields with lower-cased names.
    public var headers: [String: String]
    /// The raw body.
    public var body: [UInt8]

    /// A request from its parts.
    public init(method: String, path: String, query: [String: String] = [:], headers: [String: String] = [:], body: [UInt8] = []) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// The body parsed as a JSON object; an empty body is an empty object.
    func jsonObject() throws(LocalAPIError) -> JSONObject {
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return JSONObject() }
        let value: JSONValue
        do {
            value = try JSONParser.parse(body)
        } catch {
            throw .malformed("Malformed request body: \(error.description)")
        }
        guard let object = value.objectValue else { throw .malformed("Request body must be a JSON object") }
        return object
    }

    /// A boolean query parameter (`true`/`false`, any case); absent is nil.
    func queryBool(_ name: String) throws(LocalAPIError) -> Bool? {
        guard let raw = query[name] else { return nil }
        switch raw.lowercased() {
        case "true", "1": return true
        case "false", "0", "": return false
        default: throw .invalidParameter("Query parameter '\(name)' must be true or false, got '\(raw)'")
        }
    }

    /// An integer query parameter; absent is nil.
    func queryInt(_ name: String) throws(LocalAPIError) -> Int? {
        guard let raw = query[name], !raw.isEmpty else { return nil }
        guard let value = Int(raw) else {
            throw .invalidParameter("Query parameter '\(name)' must be an integer, got '\(raw)'")
        }
        return value
    }
}

extension APIRequest {
    /// The path split at `/` with each segment percent-decoded (an encoded `/` stays inside its segment).
    var segments: [String] {
        path.split(separator: "/", omittingEmptySubsequences: true).map { String($0).removingPercentEncoding ?? String($0) }
    }

    /// Parses `a=1&b=two` (with `+` as space and percent-escapes); the first value of a name wins.
    static func parseQuery(_ raw: String?) -> [String: String] {
        var query: [String: String] = [:]
        for pair in (raw ?? "").split(separator: "&") where !pair.isEmpty {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = decodeFormComponent(parts[0])
            if query[name] == nil { query[name] = parts.count > 1 ? decodeFormComponent(parts[1]) : "" }
        }
        return query
    }

    private static func decodeFormComponent(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
