import JSONCore

/// One HTTP answer of the emulator's API layer.
public struct APIResponse: Sendable {
    /// HTTP status code.
    public var status: Int
    /// Header fields to send besides the defaults.
    public var headers: [(String, String)]
    /// The body bytes.
    public var body: [UInt8]
    /// Whether the server carried the request out but drops the connection halfway through this answer (an
    /// injected fault: the client sees a broken response to a request that took effect).
    public var dropsConnection = false

    /// An answer from its parts.
    public init(status: Int, headers: [(String, String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON answer.
    static func json(_ value: JSONValue, status: Int = 200) -> APIResponse {
        APIResponse(
            status: status, headers: [("Content-Type", "application/json")],
            body: Array(value.serialized(pretty: false).utf8))
    }

    /// The empty JSON object `{}` that deletes and imports answer.
    static var emptyObject: APIResponse { json(.object(JSONObject())) }

    /// The error in the platform's error shape, with `Retry-After` when it has one.
    static func error(_ error: LocalAPIError) -> APIResponse {
        var response = json(error.body, status: error.status)
        if let retryAfter = error.retryAfterSeconds { response.headers.append(("Retry-After", String(retryAfter))) }
        return response
    }
}
