/// What kind of failure an API call hit, from its HTTP status (as both official SDKs map it).
public enum APIErrorKind: String, Sendable, Hashable {
    case invalidParameter, unauthenticated, permissionDenied, notFound, alreadyExists, rateLimited
    case cancelled, internalError, notImplemented, unavailable, deadlineExceeded, other

    /// The kind for an HTTP status.
    public init(status: Int) {
        switch status {
        case 400: self = .invalidParameter
        case 401: self = .unauthenticated
        case 403: self = .permissionDenied
        case 404: self = .notFound
        case 409: self = .alreadyExists
        case 429: self = .rateLimited
        case 499: self = .cancelled
        case 500: self = .internalError
        case 501: self = .notImplemented
        case 503: self = .unavailable
        case 504: self = .deadlineExceeded
        default: self = .other
        }
    }
}
