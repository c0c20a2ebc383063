#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSONCore

/// JSON calls to one workspace: `Authorization: Bearer` from the token source (a 401 refreshes the token once),
/// JSON bodies, percent-encoded path segments, retries and the adaptive concurrency limit of `RetryingSender`.
/// Errors are `APIError`s naming the call, status, `error_code` and message — never a token or a body.
public struct WorkspaceClient: Sendable {
    /// The workspace.
    public let host: WorkspaceHost
    let tokens: any TokenSource
    let sender: RetryingSender

    /// A client for `host` authenticating with `tokens`.
    public init(host: WorkspaceHost, tokens: any TokenSource, sender: RetryingSender) {
        self.host = host
        self.tokens = tokens
        self.sender = sender
    }

    /// One call and its parsed JSON answer (`.null` for an empty body). `path` is the path with each dynamic
    /// segment already encoded through `WorkspaceClient.segment(_:)`.
    public func call(
        _ method: String, _ path: String, query: [(String, String)] = [], body: JSONValue? = nil
    ) async throws(APIError) -> JSONValue {
        try await callCountingAttempts(method, path, query: query, body: body).value
    }

    /// Like `call`, also saying how many attempts it took (a create that needed a retry may have landed on an
    /// earlier attempt whose answer was lost).
    public func callCountingAttempts(
        _ method: String, _ path: String, query: [(String, String)] = [], body: JSONValue? = nil
    ) async throws(APIError) -> (value: JSONValue, attempts: Int) {
        try await admitted { () async throws(APIError) in
            try await callCountingAttempts(method, path, query: query, encodedBody: body.map { Data($0.serialized(pretty: false).utf8) })
        }
    }

    /// `call` with a body already encoded as JSON (a large one is then not built as a `JSONValue` first).
    public func call(_ method: String, _ path: String, query: [(String, String)] = [], encodedBody: Data) async throws(APIError) -> JSONValue {
        try await admitted { () async throws(APIError) in
            try await callCountingAttempts(method, path, query: query, encodedBody: encodedBody).value
        }
    }

    /// Runs `call` once admitted: at most twice as many calls as may be in flight go past this point at a time, and
    /// callers beyond them wait here (identity and state reads marked `urgent` first), each holding only its
    /// callers' frames, instead of the frames of a whole call while queued for a slot. A task keeps the deepest
    /// stack it ever reached until it ends: a thousand reads queued for 32 slots held about 5 MB this way.
    private func admitted<Value>(_ call: () async throws(APIError) -> Value) async throws(APIError) -> Value {
        guard let gate = sender.admission else { return try await call() }
        await gate.take(urgent: AdaptiveConcurrencyLimit.urgent)
        defer { gate.give() }
        return try await call()
    }

    @inline(never)
    private func callCountingAttempts(
        _ method: String, _ path: String, query: [(String, String)], encodedBody body: Data?
    ) async throws(APIError) -> (value: JSONValue, attempts: Int) {
        let response = try await exchange(method, path, query: query, body: body, contentType: body == nil ? nil : "application/json")
        guard (200..<300).contains(response.response.status) else {
            var error = APIError(
                status: response.response.status, body: response.response.body, method: method, path: path,
                retryAfter: RetryPolicy.parseRetryAfter(response.response.headers["retry-after"], now: sender.clock.now))
            error.attempts = response.attempts
            throw error
        }
        guard !response.response.body.isEmpty else { return (.null, response.attempts) }
        do {
            return (try JSONParser.parse(Array(response.response.body)), response.attempts)
        } catch {
            throw APIError(status: response.response.status, errorCode: "INVALID_RESPONSE",
                           message: "the response is not JSON (\(error.description))", method: method, path: path)
        }
    }

    /// One authenticated exchange with a raw body; any status is returned (the caller decides).
    public func raw(
        _ method: String, _ path: String, query: [(String, String)] = [], body: Data? = nil, contentType: String? = nil
    ) async throws(APIError) -> (response: HTTPResponse, attempts: Int) {
        try await admitted { () async throws(APIError) in
            try await exchange(method, path, query: query, body: body, contentType: contentType)
        }
    }

    @inline(never)
    private func exchange(
        _ method: String, _ path: String, query: [(String, String)], body: Data?, contentType: String?
    ) async throws(APIError) -> (response: HTTPResponse, attempts: Int) {
        let url = host.baseURL + path + Self.queryString(query)
        let tokens = tokens
        var headers: [(name: String, value: String)] = [("Accept", "application/json")]
        if let contentType { headers.append(("Content-Type", contentType)) }
        let fixedHeaders = headers
        let build: @Sendable (Bool) async throws(APIError) -> HTTPRequest = { refresh throws(APIError) in
            let token = try await tokens.token(refresh: refresh)
            return HTTPRequest(method: method, url: url, headers: fixedHeaders + [("Authorization", "Bearer \(token)")], body: body)
        }
        let first = try await sender.exchange { () throws(APIError) in try await build(false) }
        guard first.0.status == 401, !(tokens is StaticTokenSource) else { return (first.0, first.attempts) }
        let second = try await sender.exchange { () throws(APIError) in try await build(true) }
        return (second.0, first.attempts + second.attempts)
    }

    /// `value` percent-encoded as one path segment (dots stay, as the API expects for `cat.schema.table`).
    public static func segment(_ value: String) -> String {
        PercentEncoding.encode(value, keeping: "-._~@")
    }

    /// A path below a collection: each `/`-separated part of `id` percent-encoded as a segment, the slashes kept, so
    /// hierarchical ids (`projects/p/branches/b`) travel verbatim; a leading `/` is added when missing.
    public static func path(_ id: String) -> String {
        let parts = id.split(separator: "/", omittingEmptySubsequences: false).map { segment(String($0)) }
        let joined = parts.joined(separator: "/")
        return joined.hasPrefix("/") ? joined : "/" + joined
    }

    static func queryString(_ query: [(String, String)]) -> String {
        guard !query.isEmpty else { return "" }
        return "?" + query.map { name, value in
            "\(name)=\(PercentEncoding.encode(value, keeping: "-._~/*,"))"
        }.joined(separator: "&")
    }
}
