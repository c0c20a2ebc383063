#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A workspace URL, normalized as the Databricks SDKs do (`https://` prepended when no scheme is given,
/// trailing slashes and paths dropped), and checked against our transport rule: TLS always, plain
/// `http://` only for loopback hosts.
public struct WorkspaceHost: Sendable, Hashable, CustomStringConvertible {
    /// `https` or `http`.
    public let scheme: String
    /// Host name or IP literal (IPv6 without brackets).
    public let host: String
    /// Explicit port, if any.
    public let port: Int?

    /// Why a host string was refused.
    public enum Problem: Error, Sendable, Hashable, CustomStringConvertible {
        case empty
        case unsupportedScheme(String)
        case plainHTTPNotLoopback(String)
        case invalid(String)

        /// A sentence that says what is wrong and what to do.
        public var description: String {
            switch self {
            case .empty:
                "the workspace host is empty; set DATABRICKS_HOST, --host, workspace.host or a profile's host"
            case .unsupportedScheme(let scheme):
                "unsupported scheme '\(scheme)' in the workspace host; use https://"
            case .plainHTTPNotLoopback(let host):
                "refusing plain http:// for \(host): tokens would travel unencrypted; use https:// (http:// is allowed only for loopback hosts such as 127.0.0.1 or localhost)"
            case .invalid(let text):
                "'\(text)' is not a valid workspace host; write it like https://dbc-1234.cloud.databricks.com"
            }
        }
    }

    /// Parses and checks `text`.
    public init(parsing text: String) throws(Problem) {
        var rest = Substring(text.trimmingWhitespace)
        guard !rest.isEmpty else { throw .empty }
        var scheme = "https"
        if let range = rest.firstRange(of: "://") {
            scheme = rest[..<range.lowerBound].lowercased()
            rest = rest[range.upperBound...]
        }
        guard scheme == "https" || scheme == "http" else { throw .unsupportedScheme(scheme) }
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard !authority.isEmpty, !authority.contains("@") else { throw .invalid(text) }
        var host = Substring(authority)
        var port: Int?
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { throw .invalid(text) }
            let after = host[host.index(after: close)...]
            host = host[host.index(after: host.startIndex)..<close]
            if !after.isEmpty {
                guard after.hasPrefix(":"), let p = Int(after.dropFirst()) else { throw .invalid(text) }
                port = p
            }
        } else if let colon = host.lastIndex(of: ":") {
            guard let p = Int(host[host.index(after: colon)...]) else { throw .invalid(text) }
            port = p
            host = host[..<colon]
        }
        if let port, !(1...65535).contains(port) { throw .invalid(text) }
        guard !host.isEmpty else { throw .invalid(text) }
        self.scheme = scheme
        self.host = host.lowercased()
        self.port = port
        if scheme == "http", !isLoopback { throw .plainHTTPNotLoopback(self.host) }
    }

    /// Whether the host is `localhost`, in 127.0.0.0/8, or `::1`.
    public var isLoopback: Bool {
        if host == "localhost" || host.hasSuffix(".localhost") || host == "::1" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }

    /// The base of request URLs: `scheme://host[:port]`.
    public var baseURL: String { description }

    /// `scheme://host[:port]`, the form profiles are matched by and requests are built from.
    public var description: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "\(scheme)://\(shownHost)" + (port.map { ":\($0)" } ?? "")
    }
}

extension String {
    var trimmingWhitespace: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
