#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One HTTP request as the transport sends it.
public struct HTTPRequest: Sendable {
    /// `GET`, `POST`, `PATCH`, `PUT`, `DELETE`.
    public var method: String
    /// Absolute URL.
    public var url: String
    /// Header fields in order.
    public var headers: [(name: String, value: String)]
    /// Body bytes, if any.
    public var body: Data?

    /// Creates a request.
    public init(method: String, url: String, headers: [(name: String, value: String)] = [], body: Data? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

/// One HTTP response.
public struct HTTPResponse: Sendable {
    /// Status code.
    public var status: Int
    /// Header fields with lower-cased names (the last value wins).
    public var headers: [String: String]
    /// Body bytes.
    public var body: Data
    /// The HTTP version used (`1.1`, `2`).
    public var httpVersion: String

    /// A response (transports make them; test transports script them).
    public init(status: Int, headers: [String: String], body: Data, httpVersion: String) {
        self.status = status
        self.headers = headers
        self.body = body
        self.httpVersion = httpVersion
    }
}

/// A request that got no HTTP response: the connection failed, timed out, or TLS failed.
public struct TransportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// libcurl's result code.
    public var code: Int32
    /// libcurl's message for it.
    public var message: String
    /// Method and URL path (no query, no credentials) of the failed call.
    public var call: String

    /// Whether another attempt may succeed (refused, reset, timeout, DNS hiccup, TLS handshake trouble).
    public var isTransient: Bool
    /// `POST /api/2.0/...: could not connect (Couldn't connect to server)`.
    public var description: String { "\(call): \(message)" }

    /// Whether nothing could be reached at all: the host did not resolve, or nothing accepted the connection
    /// (libcurl's `COULDNT_RESOLVE_HOST` and `COULDNT_CONNECT`).
    public var isUnreachable: Bool { code == 6 || code == 7 }

    /// A transport failure.
    public init(code: Int32, message: String, call: String, isTransient: Bool) {
        self.code = code
        self.message = message
        self.call = call
        self.isTransient = isTransient
    }
}

extension HTTPRequest {
    /// The URL's path without scheme, host, query or credentials, for messages.
    static func pathOnly(_ url: String) -> String {
        guard let afterScheme = url.firstRange(of: "://") else { return url }
        let rest = url[afterScheme.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        return String(rest[slash...].prefix { $0 != "?" && $0 != "#" })
    }

    /// `scheme://host[:port]` of a URL (no credentials, path or query).
    static func origin(_ url: String) -> String {
        guard let afterScheme = url.firstRange(of: "://") else { return url }
        let rest = url[afterScheme.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let hostPart = authority.split(separator: "@").last.map(String.init) ?? String(authority)
        return String(url[..<afterScheme.upperBound]) + hostPart
    }

    /// The URL's query string, or nil.
    static func queryOnly(_ url: String) -> String? {
        guard let mark = url.firstIndex(of: "?") else { return nil }
        return String(url[url.index(after: mark)...].prefix { $0 != "#" })
    }
}
