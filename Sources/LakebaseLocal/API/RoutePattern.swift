/// A path pattern such as `/api/2.0/database/instances/{name}`; a final `{path...}` takes the rest of the path.
struct RoutePattern: Sendable {
    private enum Segment: Sendable {
        case literal(String)
        case parameter(String)
        case rest(String)
    }

    private let segments: [Segment]

    init(_ pattern: String) {
        segments = pattern.split(separator: "/").map { part in
            if part.hasPrefix("{") && part.hasSuffix("...}") { return .rest(String(part.dropFirst().dropLast(4))) }
            if part.hasPrefix("{") && part.hasSuffix("}") { return .parameter(String(part.dropFirst().dropLast())) }
            return .literal(String(part))
        }
    }

    /// The parameters when `pathSegments` (percent-decoded) match, nil otherwise.
    func match(_ pathSegments: [String]) -> [String: String]? {
        var parameters: [String: String] = [:]
        for (index, segment) in segments.enumerated() {
            switch segment {
            case .rest(let name):
                guard index < pathSegments.count else { return nil }
                parameters[name] = "/" + pathSegments[index...].joined(separator: "/")
                return parameters
            case .literal(let text):
                guard index < pathSegments.count, pathSegments[index] == text else { return nil }
            case .parameter(let name):
                guard index < pathSegments.count, !pathSegments[index].isEmpty else { return nil }
                parameters[name] = pathSegments[index]
            }
        }
        return pathSegments.count == segments.count ? parameters : nil
    }
}

/// One endpoint: method, pattern, whether it needs a bearer token, and its handler.
struct Route: Sendable {
    typealias Handler = @Sendable (RouteCall) async throws(LocalAPIError) -> APIResponse

    let method: String
    let pattern: RoutePattern
    let needsAuth: Bool
    let handler: Handler

    init(_ method: String, _ pattern: String, needsAuth: Bool = true, _ handler: @escaping Handler) {
        self.method = method
        self.pattern = RoutePattern(pattern)
        self.needsAuth = needsAuth
        self.handler = handler
    }
}

/// What a handler gets: the request, the path parameters and the authenticated caller.
struct RouteCall: Sendable {
    let request: APIRequest
    let parameters: [String: String]
    let caller: Caller?

    /// A path parameter (always present when the route matched).
    func parameter(_ name: String) -> String { parameters[name] ?? "" }

    /// The caller; routes that need auth always have one.
    var identity: Caller { caller ?? Caller(userName: "anonymous", displayName: "anonymous", isServicePrincipal: false) }
}
