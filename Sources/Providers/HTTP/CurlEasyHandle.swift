#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSONCore
internal import CCurl

/// Owns one libcurl easy handle. Handles are pooled so connections (and TLS sessions) are reused; the pool hands
/// each to one transfer at a time, which is what makes passing it between threads safe.
final class CurlEasyHandle: @unchecked Sendable {
    let handle: UnsafeMutableRawPointer

    init?() {
        guard let handle = curl_easy_init() else { return nil }
        self.handle = handle
    }

    deinit { curl_easy_cleanup(handle) }
}

/// Collects the body and header lines libcurl hands to its callbacks.
final class CurlResponseSink {
    var body = Data()
    var headers: [String: String] = [:]

    func appendHeaderLine(_ line: String) {
        if line.hasPrefix("HTTP/") { headers = [:]; return }  // a new response (after 100-continue or a redirect)
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = line[..<colon].trimmingWhitespace().lowercased()
        let value = line[line.index(after: colon)...].trimmingWhitespace()
        headers[name] = value
    }
}
