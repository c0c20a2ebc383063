#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSONCore

/// A failed Databricks REST call: which call, the HTTP status, and the server's `error_code` and message.
/// Its description never holds a request body, a header or a credential.
public struct APIError: Error, Sendable, Hashable, CustomStringConvertible {
    /// HTTP status.
    public var status: Int
    /// The server's `error_code` (e.g. `RESOURCE_DOES_NOT_EXIST`), or a fallback derived from the status.
    public var errorCode: String
    /// The server's message, or the status text for bodies without one.
    public var message: String
    /// HTTP method of the call.
    public var method: String
    /// Path of the call, without query string.
    public var path: String
    /// The request id from `details[].request_id`, when the server sent one.
    public var requestID: String?
    /// `details[].metadata.declarative_context` (`MANAGED_BY_PARENT`: the parent's delete removes this resource).
    public var declarativeContext: String?
    /// Seconds from a `Retry-After` header, when present.
    public var retryAfter: Double?
    /// How many attempts the call made before this answer (more than one means it was retried).
    public var attempts = 1

    /// Classification by status.
    public var kind: APIErrorKind { APIErrorKind(status: status) }

    /// Whether the call may be retried as is: 429 and 503 (lakebase-api.md §15).
    public var isRetryable: Bool { status == 429 || status == 503 }

    /// `GET /api/2.0/database/instances/x: 404 RESOURCE_DOES_NOT_EXIST: Database instance 'x' does not exist.`
    public var description: String {
        var text = status == 0
            ? "\(method) \(path): \(errorCode): \(message)" : "\(method) \(path): \(status) \(errorCode): \(message)"
        if let requestID { text += " (request id \(requestID))" }
        return text
    }

    /// Parses an error response. Accepts the standard `{"error_code","message","details"}` shape, the legacy
    /// `{"error"}`, SCIM `{"detail","status"}`, plain text and empty bodies.
    public init(status: Int, body: Data, method: String, path: String, retryAfter: Double? = nil) {
        self.status = status
        self.method = method
        self.path = APIError.stripQuery(path)
        self.retryAfter = retryAfter
        let parsed = try? JSONDecoder().decode(ErrorBody.self, from: body)
        errorCode = parsed?.errorCode ?? parsed?.error.flatMap { $0.contains(" ") ? nil : $0 } ?? Self.fallbackCode(status)
        let text = String(decoding: body.prefix(512), as: UTF8.self).trimmingWhitespace()
        message = parsed?.message ?? parsed?.detail ?? parsed?.errorDescription ?? parsed?.error
            ?? (parsed == nil && !text.isEmpty && !text.hasPrefix("<") ? text : Self.statusText(status))
        requestID = parsed?.details?.compactMap(\.requestID).first
        declarativeContext = parsed?.details?.compactMap(\.metadata?.declarativeContext).first
    }

    /// A synthetic error for failures that never reached the server's error handling.
    public init(status: Int, errorCode: String, message: String, method: String, path: String) {
        self.status = status
        self.errorCode = errorCode
        self.message = message
        self.method = method
        self.path = APIError.stripQuery(path)
    }

    /// The reason phrase of a status, for bodies that carry no message.
    static func statusText(_ status: Int) -> String {
        switch status {
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 409: "Conflict"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "HTTP status \(status)"
        }
    }

    static func fallbackCode(_ status: Int) -> String {
        switch APIErrorKind(status: status) {
        case .invalidParameter: "BAD_REQUEST"
        case .unauthenticated: "UNAUTHENTICATED"
        case .permissionDenied: "PERMISSION_DENIED"
        case .notFound: "NOT_FOUND"
        case .alreadyExists: "RESOURCE_CONFLICT"
        case .rateLimited: "REQUEST_LIMIT_EXCEEDED"
        case .cancelled: "CANCELLED"
        case .internalError: "INTERNAL_ERROR"
        case .notImplemented: "NOT_IMPLEMENTED"
        case .unavailable: "TEMPORARILY_UNAVAILABLE"
        case .deadlineExceeded: "DEADLINE_EXCEEDED"
        case .other: "HTTP_\(status)"
        }
    }

    private static func stripQuery(_ path: String) -> String {
        String(path.prefix { $0 != "?" })
    }
}

/// The error body shapes the SDKs accept.
private struct ErrorBody: Decodable, Equatable {
    var errorCode: String?
    var message: String?
    var error: String?
    var errorDescription: String?
    var detail: String?
    var details: [Detail]?

    struct Detail: Decodable, Equatable {
        var requestID: String?
        var metadata: Metadata?
        enum CodingKeys: String, CodingKey { case requestID = "request_id", metadata }
    }

    struct Metadata: Decodable, Equatable {
        var declarativeContext: String?
        enum CodingKeys: String, CodingKey { case declarativeContext = "declarative_context" }
    }

    enum CodingKeys: String, CodingKey {
        case message, error, detail, details
        case errorCode = "error_code"
        case errorDescription = "error_description"
    }
}
