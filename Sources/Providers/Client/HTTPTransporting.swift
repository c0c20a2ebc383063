/// Something that sends one HTTP request and returns the response, whatever its status: the libcurl
/// transport in production, scripted transports in unit tests.
public protocol HTTPTransporting: Sendable {
    /// Sends `request`; throws only when no response arrived.
    func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse
}

extension CurlTransport: HTTPTransporting {}
