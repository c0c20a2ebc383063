import Foundation
import JSONCore

/// Who may call the workspace: the configured personal access tokens, and access tokens issued by the
/// OAuth token endpoint to the configured service principal. Issued tokens live in memory only.
actor IdentityProvider {
    private let options: ServerOptions
    private var issued: [String: (caller: Caller, expiry: Date)] = [:]

    init(options: ServerOptions) {
        self.options = options
    }

    /// The caller behind an `Authorization` header, or the platform's 401/403.
    func authenticate(_ header: String?) throws(LocalAPIError) -> Caller {
        guard let header, !header.isEmpty else {
            throw .unauthenticated("Missing Authorization header; send 'Authorization: Bearer <token>'.")
        }
        guard header.lowercased().hasPrefix("bearer ") else {
            throw .unauthenticated("Unsupported authorization scheme; send 'Authorization: Bearer <token>'.")
        }
        let token = String(header.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
        if options.tokens.contains(token) {
            return Caller(
                userName: options.userName, displayName: LocalWorkspace.displayName(of: options.userName),
                isServicePrincipal: false)
        }
        if let grant = issued[token] {
            guard grant.expiry > Date() else {
                throw .unauthenticated("Access token expired; request a new one from the token endpoint.")
            }
            return grant.caller
        }
        throw .permissionDenied("Invalid access token.")
    }

    /// The OAuth token endpoint: client credentials (HTTP Basic or form fields) for an access token.
    func issueToken(authorization: String?, form: [String: String]) -> APIResponse {
        guard form["grant_type"] == "client_credentials" else {
            return Self.oauthError(400, "unsupported_grant_type", "Only grant_type=client_credentials is supported.")
        }
        var clientID = form["client_id"]
        var secret = form["client_secret"]
        if let authorization, authorization.lowercased().hasPrefix("basic "),
            let decoded = Data(base64Encoded: String(authorization.dropFirst("basic ".count)))
                .flatMap({ String(data: $0, encoding: .utf8) }),
            let colon = decoded.firstIndex(of: ":")
        {
            clientID = String(decoded[..<colon]).removingPercentEncoding
            secret = String(decoded[decoded.index(after: colon)...]).removingPercentEncoding
        }
        guard let configuredID = options.clientID, let configuredSecret = options.clientSecret,
            clientID == configuredID, secret == configuredSecret
        else {
            return Self.oauthError(401, "invalid_client", "Client authentication failed.")
        }
        let now = Date()
        issued = issued.filter { $0.value.expiry.addingTimeInterval(3600) > now }
        let token = "lboauth-" + RandomToken.hex(bytes: 32)
        let lifetime = options.oauthTokenLifetimeSeconds
        let caller = Caller(userName: configuredID, displayName: "lakebase-local service principal", isServicePrincipal: true)
        issued[token] = (caller, Date().addingTimeInterval(Double(lifetime)))
        let scope = form["scope"].map { $0.isEmpty ? "all-apis" : $0 } ?? "all-apis"
        return .json(.object([
            "access_token": .string(token), "token_type": .string("Bearer"), "expires_in": .int(Int64(lifetime)),
            "scope": .string(scope),
        ]))
    }

    private static func oauthError(_ status: Int, _ error: String, _ description: String) -> APIResponse {
        .json(.object(["error": .string(error), "error_description": .string(description)]), status: status)
    }
}
