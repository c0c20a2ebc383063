#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSONCore

/// OAuth machine-to-machine: finds the token endpoint (host metadata `/.well-known/databricks-config`, else
/// `{host}/oidc/.well-known/oauth-authorization-server`), trades the client credentials (HTTP Basic, scope
/// `all-apis`) for an access token, caches it and fetches a new one shortly before it expires.
public actor OAuthM2MTokenSource: TokenSource, CustomStringConvertible {
    private let host: WorkspaceHost
    private let clientID: String
    private let clientSecret: String
    private let sender: RetryingSender
    private var tokenEndpoint: String?
    private var cached: CachedToken?
    private var lifetime: Double = 3600

    /// A source for the service principal `clientID` on `host`.
    public init(host: WorkspaceHost, clientID: String, clientSecret: String, sender: RetryingSender) {
        self.host = host
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.sender = sender
    }

    /// Never the secret.
    public nonisolated var description: String { "OAuth M2M" }

    public func token(refresh: Bool) async throws(APIError) -> String {
        if !refresh, let cached, cached.isFresh(now: sender.clock.now, lifetime: lifetime) { return cached.value }
        let endpoint = try await discoveredEndpoint()
        let credentials = Data("\(Self.formEncode(clientID)):\(Self.formEncode(clientSecret))".utf8).base64EncodedString()
        let request = HTTPRequest(
            method: "POST", url: endpoint,
            headers: [
                ("Authorization", "Basic \(credentials)"), ("Content-Type", "application/x-www-form-urlencoded"),
                ("Accept", "application/json"),
            ],
            body: Data("grant_type=client_credentials&scope=all-apis".utf8))
        let (response, _) = try await sender.exchange { request }
        let path = HTTPRequest.pathOnly(endpoint)
        guard response.status == 200 else { throw Self.oauthError(response, path: path) }
        let body = (try? JSONParser.parse(Array(response.body))) ?? .null
        guard let token = body["access_token"]?.stringValue, !token.isEmpty else {
            throw APIError(status: response.status, errorCode: "INVALID_TOKEN_RESPONSE",
                           message: "the token endpoint answered without an access_token", method: "POST", path: path)
        }
        if case .int(let seconds)? = body["expires_in"] { lifetime = Double(seconds) }
        cached = CachedToken(value: token, expiry: sender.clock.now + lifetime)
        return token
    }

    private func discoveredEndpoint() async throws(APIError) -> String {
        if let tokenEndpoint { return tokenEndpoint }
        var discoveryURL = host.baseURL + "/oidc/.well-known/oauth-authorization-server"
        if let metadata = try? await getJSON(host.baseURL + "/.well-known/databricks-config"),
            let oidc = metadata["oidc_endpoint"]?.stringValue, !oidc.isEmpty
        {
            discoveryURL = oidc + "/.well-known/oauth-authorization-server"
        }
        let document = try await getJSON(discoveryURL)
        guard let endpoint = document["token_endpoint"]?.stringValue else {
            throw APIError(status: 200, errorCode: "INVALID_DISCOVERY", message: "no token_endpoint in the OAuth discovery document",
                           method: "GET", path: HTTPRequest.pathOnly(discoveryURL))
        }
        tokenEndpoint = endpoint
        return endpoint
    }

    private func getJSON(_ url: String) async throws(APIError) -> JSONValue {
        let request = HTTPRequest(method: "GET", url: url, headers: [("Accept", "application/json")])
        let (response, _) = try await sender.exchange { request }
        guard response.status == 200 else {
            throw APIError(status: response.status, body: response.body, method: "GET", path: HTTPRequest.pathOnly(url))
        }
        return (try? JSONParser.parse(Array(response.body))) ?? .null
    }

    /// The OAuth error shape `{"error","error_description"}` as an `APIError`.
    static func oauthError(_ response: HTTPResponse, path: String) -> APIError {
        let body = (try? JSONParser.parse(Array(response.body))) ?? .null
        guard let code = body["error"]?.stringValue else {
            return APIError(status: response.status, body: response.body, method: "POST", path: path)
        }
        return APIError(status: response.status, errorCode: code,
                        message: body["error_description"]?.stringValue ?? "OAuth token request failed",
                        method: "POST", path: path)
    }

    /// `application/x-www-form-urlencoded` encoding of a credential (RFC 6749 §2.3.1).
    static func formEncode(_ text: String) -> String {
        PercentEncoding.encode(text, keeping: "-._~")
    }
}
