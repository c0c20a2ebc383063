#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSONCore

/// The `databricks-cli` auth type: runs `databricks auth token --profile P` (or `--host H`), reads
/// `access_token` and `expiry` from its JSON, and runs it again shortly before expiry. The CLI owns its token
/// cache; we never read it. Its `refresh_token` is never kept or shown.
public actor DatabricksCLITokenSource: TokenSource, CustomStringConvertible {
    private let executable: String
    private let arguments: [String]
    private let clock: any ClientClock
    private var cached: CachedToken?

    /// A source for `profile` (preferred) or `host`; `cliPath` is `DATABRICKS_CLI_PATH` or `databricks` on PATH.
    public init(profile: String?, host: WorkspaceHost, cliPath: String?, clock: any ClientClock = SystemClock()) {
        executable = cliPath ?? "databricks"
        arguments = ["auth", "token"] + (profile.map { ["--profile", $0] } ?? ["--host", host.baseURL])
        self.clock = clock
    }

    /// The command, never a token.
    public nonisolated var description: String { "databricks-cli" }

    public func token(refresh: Bool) async throws(APIError) -> String {
        if !refresh, let cached, cached.isFresh(now: clock.now, lifetime: 3600) { return cached.value }
        let run = await CommandOutput.run(executable, arguments)
        let command = "\(executable) \(arguments.joined(separator: " "))"
        guard run.status == 0 else {
            throw APIError(status: 0, errorCode: "DATABRICKS_CLI_FAILED",
                           message: "`\(command)` failed (exit \(run.status)): \(run.errors.trimmingWhitespace())",
                           method: "EXEC", path: "databricks auth token")
        }
        let body = (try? JSONParser.parse(run.output)) ?? .null
        guard let token = body["access_token"]?.stringValue, !token.isEmpty else {
            throw APIError(status: 0, errorCode: "DATABRICKS_CLI_FAILED",
                           message: "`\(command)` printed no access_token", method: "EXEC", path: "databricks auth token")
        }
        let expiry = body["expiry"]?.stringValue.flatMap(Self.parseExpiry) ?? clock.now + 300
        cached = CachedToken(value: token, expiry: expiry)
        return token
    }

    /// Parses RFC 3339 (any fraction, `Z` or an offset) or `YYYY-MM-DD HH:MM:SS[.fff]` (UTC).
    static func parseExpiry(_ text: String) -> Double? {
        var normalized = text.replacing(" ", with: "T")
        if let dot = normalized.firstIndex(of: ".") {
            let fractionEnd = normalized[dot...].dropFirst().firstIndex { !$0.isNumber } ?? normalized.endIndex
            normalized.removeSubrange(dot..<fractionEnd)
        }
        if !(normalized.hasSuffix("Z") || normalized.dropFirst(19).contains(where: { $0 == "+" || $0 == "-" })) {
            normalized += "Z"
        }
        return (try? Date.ISO8601FormatStyle().parse(normalized))?.timeIntervalSince1970
    }
}
