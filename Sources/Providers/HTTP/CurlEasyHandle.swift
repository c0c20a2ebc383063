import Foundation
internal import CCurl

/// Owns one libcurl easy handle. Handles are pooled so connections (and TLS sessions) are reused.
final class CurlEasyHandle {
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
        let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
        headers[name] = value
    }
}
