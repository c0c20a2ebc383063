import JSONCore

/// An error answer of the emulated workspace: HTTP status, `error_code` and message, as the platform sends them.
public struct LocalAPIError: Error, Equatable, Sendable {
    /// HTTP status code.
    public let status: Int
    /// The platform's `error_code`.
    public let errorCode: String
    /// Human-readable message.
    public let message: String
    /// Seconds for a `Retry-After` header, for 429 and 503 answers.
    public let retryAfterSeconds: Int?
    /// The `details` list (`google.rpc.ErrorInfo` and the like), when the platform sends one.
    public let details: [JSONValue]

    /// An error with an explicit status and code.
    public init(status: Int, errorCode: String, message: String, retryAfterSeconds: Int? = nil, details: [JSONValue] = []) {
        self.status = status
        self.errorCode = errorCode
        self.message = message
        self.retryAfterSeconds = retryAfterSeconds
        self.details = details
    }

    /// Messages longer than this are cut (a message may quote what the caller sent, which can be megabytes).
    static let maxMessageLength = 1000

    /// The error body `{"error_code": …, "message": …, "details": [...]}` (details only when there are some); a long
    /// message is cut, saying how much was left out.
    public var body: JSONValue {
        var text = message
        if text.count > Self.maxMessageLength {
            text = String(text.prefix(Self.maxMessageLength)) + "… (\(text.count - Self.maxMessageLength) more characters)"
        }
        var object: JSONObject = ["error_code": .string(errorCode), "message": .string(text)]
        if !details.isEmpty { object["details"] = .array(details) }
        return .object(object)
    }

    /// 400 `BAD_REQUEST` with the `MANAGED_BY_PARENT` error info the platform sends when a root branch or a
    /// read-write endpoint is deleted on its own (autoscaling-api.md §1.7).
    static func managedByParent(_ message: String) -> LocalAPIError {
        LocalAPIError(status: 400, errorCode: "BAD_REQUEST", message: message, details: [
            .object([
                "@type": .string("type.googleapis.com/google.rpc.ErrorInfo"), "domain": .string("databricks.com"),
                "reason": .string("RESOURCE_CONFLICT"),
                "metadata": .object(["declarative_context": .string("MANAGED_BY_PARENT")]),
            ]),
            .object(["@type": .string("type.googleapis.com/google.rpc.RequestInfo"), "request_id": .string(RandomToken.uuid())]),
        ])
    }

    /// 400 `BAD_REQUEST` (duplicate databases and roles, protected branches).
    static func badRequest(_ message: String) -> LocalAPIError {
        LocalAPIError(status: 400, errorCode: "BAD_REQUEST", message: message)
    }

    static func notFound(_ message: String, code: String = "RESOURCE_DOES_NOT_EXIST") -> LocalAPIError {
        LocalAPIError(status: 404, errorCode: code, message: message)
    }

    /// 409 `ALREADY_EXISTS`, as the Autoscaling API answers a duplicate id.
    static func duplicate(_ message: String) -> LocalAPIError {
        LocalAPIError(status: 409, errorCode: "ALREADY_EXISTS", message: message)
    }

    static func alreadyExists(_ message: String) -> LocalAPIError {
        LocalAPIError(status: 409, errorCode: "RESOURCE_ALREADY_EXISTS", message: message)
    }

    static func invalidParameter(_ message: String) -> LocalAPIError {
        LocalAPIError(status: 400, errorCode: "INVALID_PARAMETER_VALUE", message: message)
    }

    static func invalidState(_ message: String) -> LocalAPIError {
        LocalAPIError(status: 400, errorCode: "INVALID_STATE", message: message)
    }

    static func malformed(_ message: String) -> LocalAPIError {
        LocalAPIError(status: 400, errorCode: "MALFORMED_REQUEST", message: message)
    }

    static func limitExceeded(_ message: String) -> LocalAPIError {
        LocalAPIError(status: 400, errorCode: "RESOURCE_LIMIT_EXCEEDED", message: message)
    }

    static func notImplemented(_ message: String) -> LocalAPIError {
        LocalAPIError(status: 501, errorCode: "NOT_IMPLEMENTED", message: message)
    }

    static func unauthenticated(_ message: String) -> LocalAPIError {
        LocalAPIError(status: 401, errorCode: "UNAUTHENTICATED", message: message)
    }

    static func permissionDenied(_ message: String) -> LocalAPIError {
        LocalAPIError(status: 403, errorCode: "PERMISSION_DENIED", message: message)
    }

    static func endpointNotFound(method: String, path: String) -> LocalAPIError {
        LocalAPIError(status: 404, errorCode: "ENDPOINT_NOT_FOUND", message: "No API found for '\(method) \(path)'")
    }

    static func internalError(_ message: String) -> LocalAPIError {
        LocalAPIError(status: 500, errorCode: "INTERNAL_ERROR", message: message)
    }

    static func tooManyRequests(_ message: String, retryAfter: Int = 1) -> LocalAPIError {
        LocalAPIError(status: 429, errorCode: "REQUEST_LIMIT_EXCEEDED", message: message, retryAfterSeconds: retryAfter)
    }

    static func temporarilyUnavailable(_ message: String, retryAfter: Int = 1) -> LocalAPIError {
        LocalAPIError(
            status: 503, errorCode: "TEMPORARILY_UNAVAILABLE", message: message, retryAfterSeconds: retryAfter)
    }
}
