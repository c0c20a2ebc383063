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

    /// An error with an explicit status and code.
    public init(status: Int, errorCode: String, message: String, retryAfterSeconds: Int? = nil) {
        self.status = status
        self.errorCode = errorCode
        self.message = message
        self.retryAfterSeconds = retryAfterSeconds
    }

    /// The error body `{"error_code": …, "message": …}`.
    public var body: JSONValue {
        .object(["error_code": .string(errorCode), "message": .string(message)])
    }

    static func notFound(_ message: String, code: String = "RESOURCE_DOES_NOT_EXIST") -> LocalAPIError {
        LocalAPIError(status: 404, errorCode: code, message: message)
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
