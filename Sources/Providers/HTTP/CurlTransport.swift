#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Synchronization
internal import CCurl

/// HTTP over libcurl: pooled easy handles (connection reuse), HTTP/2 over TLS when offered, connect, total
/// and inactivity timeouts (a transfer slower than 1 byte/s for `inactivityTimeout` seconds is abandoned), TLS verification always on, proxies from the environment (libcurl's default), and a
/// fixed `User-Agent`. Each transfer blocks a thread of its own, never Swift's cooperative pool nor Dispatch's
/// pool (which on a small machine runs only as many blocking transfers at once as there are cores).
public final class CurlTransport: @unchecked Sendable {
    private let userAgent: String
    private let connectTimeout: Int
    private let totalTimeout: Int
    private let inactivityTimeout: Int
    private let idle = Mutex<[CurlEasyHandle]>([])
    private static let globalInit: Void = { curl_global_init(Int(CURL_GLOBAL_DEFAULT)) }()

    /// A transport sending `User-Agent: userAgent`, with timeouts in seconds.
    public init(userAgent: String, connectTimeout: Int = 30, totalTimeout: Int = 60, inactivityTimeout: Int = 20) {
        _ = Self.globalInit
        self.userAgent = userAgent
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.inactivityTimeout = inactivityTimeout
    }

    /// Sends `request` and returns the response, whatever its status.
    public func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        try await OwnThread.result { self.perform(request) }.get()
    }

    private func checkout() -> CurlEasyHandle? {
        idle.withLock { $0.popLast() } ?? CurlEasyHandle()
    }

    private func checkin(_ handle: CurlEasyHandle) {
        idle.withLock { $0.append(handle) }
    }

    private func perform(_ request: HTTPRequest) -> Result<HTTPResponse, TransportError> {
        let call = "\(request.method) \(HTTPRequest.pathOnly(request.url))"
        guard let easy = checkout() else {
            return .failure(TransportError(code: -1, message: "libcurl could not create a handle", call: call, isTransient: false))
        }
        defer { checkin(easy) }
        let h = easy.handle
        curl_easy_reset(h)
        let sink = CurlResponseSink()
        let sinkPointer = Unmanaged.passUnretained(sink).toOpaque()
        var headerList: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(headerList) }
        for header in request.headers { headerList = curl_slist_append(headerList, "\(header.name): \(header.value)") }
        if request.body == nil || request.body?.isEmpty == true { headerList = curl_slist_append(headerList, "Expect:") }

        ccurl_setopt_string(h, CURLOPT_URL, request.url)
        ccurl_setopt_string(h, CURLOPT_CUSTOMREQUEST, request.method)
        ccurl_setopt_string(h, CURLOPT_USERAGENT, userAgent)
        ccurl_setopt_pointer(h, CURLOPT_HTTPHEADER, UnsafeMutableRawPointer(headerList))
        ccurl_setopt_long(h, CURLOPT_SSL_VERIFYPEER, 1)
        ccurl_setopt_long(h, CURLOPT_SSL_VERIFYHOST, 2)
        ccurl_setopt_long(h, CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_2TLS))
        ccurl_setopt_long(h, CURLOPT_CONNECTTIMEOUT, connectTimeout)
        ccurl_setopt_long(h, CURLOPT_TIMEOUT, totalTimeout)
        ccurl_setopt_long(h, CURLOPT_LOW_SPEED_LIMIT, 1)
        ccurl_setopt_long(h, CURLOPT_LOW_SPEED_TIME, inactivityTimeout)
        ccurl_setopt_long(h, CURLOPT_NOSIGNAL, 1)
        ccurl_setopt_long(h, CURLOPT_FOLLOWLOCATION, 0)
        ccurl_setopt_pointer(h, CURLOPT_WRITEDATA, sinkPointer)
        ccurl_setopt_pointer(h, CURLOPT_HEADERDATA, sinkPointer)
        ccurl_setopt_write_callback(h, CURLOPT_WRITEFUNCTION) { data, size, count, context in
            guard let data, let context else { return 0 }
            let sink = Unmanaged<CurlResponseSink>.fromOpaque(context).takeUnretainedValue()
            sink.body.append(UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self), count: size * count)
            return size * count
        }
        ccurl_setopt_write_callback(h, CURLOPT_HEADERFUNCTION) { data, size, count, context in
            guard let data, let context else { return 0 }
            let sink = Unmanaged<CurlResponseSink>.fromOpaque(context).takeUnretainedValue()
            let bytes = UnsafeRawBufferPointer(start: data, count: size * count)
            sink.appendHeaderLine(String(decoding: bytes, as: UTF8.self))
            return size * count
        }

        if let body = request.body, !body.isEmpty {
            ccurl_setopt_long(h, CURLOPT_POSTFIELDSIZE, body.count)
            _ = body.withUnsafeBytes { buffer in
                ccurl_setopt_pointer(h, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: buffer.baseAddress))
            }
        } else if request.method != "GET" {
            ccurl_setopt_long(h, CURLOPT_POSTFIELDSIZE, 0)
            ccurl_setopt_string(h, CURLOPT_COPYPOSTFIELDS, "")
        }
        ccurl_setopt_string(h, CURLOPT_CUSTOMREQUEST, request.method)
        let code = curl_easy_perform(h)
        guard code == CURLE_OK else {
            let message = String(cString: curl_easy_strerror(code))
            return .failure(TransportError(code: Int32(code.rawValue), message: message, call: call,
                                           isTransient: Self.transientCodes.contains(code)))
        }
        var status = 0
        ccurl_getinfo_long(h, CURLINFO_RESPONSE_CODE, &status)
        var version = 0
        ccurl_getinfo_long(h, CURLINFO_HTTP_VERSION, &version)
        return .success(HTTPResponse(status: status, headers: sink.headers, body: sink.body,
                                     httpVersion: version == CURL_HTTP_VERSION_2_0 ? "2" : "1.1"))
    }

    private static let transientCodes: Set<CURLcode> = [
        CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_OPERATION_TIMEDOUT, CURLE_SEND_ERROR,
        CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_SSL_CONNECT_ERROR, CURLE_PARTIAL_FILE, CURLE_HTTP2, CURLE_HTTP2_STREAM,
    ]
}
