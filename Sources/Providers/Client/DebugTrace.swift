/// `--debug`: one line per HTTP exchange on standard error: method, path and query (secret-named parameters
/// redacted), status, duration and attempt. Headers and bodies are never traced.
public struct DebugTrace: Sendable {
    /// Query parameter names whose values are never shown.
    static let secretNames: Set<String> = ["token", "access_token", "client_secret", "password", "secret", "code"]

    private let sink: @Sendable (String) -> Void

    /// A trace writing each line to `sink`.
    public init(sink: @escaping @Sendable (String) -> Void) {
        self.sink = sink
    }

    /// Traces one exchange.
    func exchange(_ request: HTTPRequest, status: String, seconds: Double, attempt: Int) {
        var target = HTTPRequest.pathOnly(request.url)
        if let query = HTTPRequest.queryOnly(request.url), !query.isEmpty {
            target += "?" + Self.redacted(query)
        }
        let milliseconds = Int((seconds * 1000).rounded())
        sink("debug: \(request.method) \(target) -> \(status) (\(milliseconds) ms, attempt \(attempt))")
    }

    static func redacted(_ query: String) -> String {
        query.split(separator: "&").map { pair in
            let name = pair.split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
            return secretNames.contains(name.lowercased()) ? "\(name)=REDACTED" : String(pair)
        }.joined(separator: "&")
    }
}
