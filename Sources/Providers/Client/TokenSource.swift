/// Where bearer tokens come from: a fixed personal access token, the OAuth token endpoint, or the
/// Databricks CLI. Sources cache their token and refresh it shortly before it expires.
public protocol TokenSource: Sendable {
    /// A token valid now; `refresh` asks for a new one even when the cached one looks valid (after a 401).
    func token(refresh: Bool) async throws(APIError) -> String
}

/// A personal access token.
public struct StaticTokenSource: TokenSource, CustomStringConvertible {
    private let value: String

    /// A source that always answers `token`.
    public init(token: String) { value = token }

    public func token(refresh: Bool) async throws(APIError) -> String { value }

    /// Never the token itself.
    public var description: String { "personal access token" }
}

/// A token and the time (seconds since 1970) it stops being valid.
struct CachedToken: Sendable {
    let value: String
    let expiry: Double

    /// Valid for at least another minute (or a tenth of a short lifetime).
    func isFresh(now: Double, lifetime: Double) -> Bool {
        now < expiry - min(60, lifetime / 10)
    }
}
