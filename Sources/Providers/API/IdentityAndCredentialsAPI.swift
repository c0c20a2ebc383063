#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSONCore

/// The caller as SCIM `Me` describes it.
public struct CurrentUserInfo: Sendable, Hashable {
    /// `userName`: an email for users, the application id for service principals.
    public var userName: String
    /// `displayName`, when given.
    public var displayName: String?
}

/// A database credential: a token that works as the PostgreSQL password, and when it stops working.
public struct DatabaseCredential: Sendable, CustomStringConvertible, CustomReflectable {
    /// The token (never printed).
    public let token: String
    /// RFC 3339 expiry.
    public let expirationTime: String?

    /// A credential from its parts.
    public init(token: String, expirationTime: String?) {
        self.token = token
        self.expirationTime = expirationTime
    }

    /// Never the token.
    public var description: String { "database credential (expires \(expirationTime ?? "unknown"))" }

    /// Only the expiry, so `dump` never shows the token.
    public var customMirror: Mirror { Mirror(self, children: ["expirationTime": expirationTime as Any]) }
}

/// SCIM `Me` and `POST /api/2.0/database/credentials`.
public struct IdentityAndCredentialsAPI: Sendable {
    let client: WorkspaceClient

    /// Calls through `client`.
    public init(client: WorkspaceClient) { self.client = client }

    /// GET `/api/2.0/preview/scim/v2/Me`.
    public func me() async throws(APIError) -> CurrentUserInfo {
        let body = try await client.call("GET", "/api/2.0/preview/scim/v2/Me")
        guard let userName = body["userName"]?.stringValue else {
            throw APIError(status: 200, errorCode: "INVALID_RESPONSE", message: "SCIM Me has no userName",
                           method: "GET", path: "/api/2.0/preview/scim/v2/Me")
        }
        return CurrentUserInfo(userName: userName, displayName: body["displayName"]?.stringValue)
    }

    /// A credential for `instances` (a fresh `request_id` makes retries of this POST idempotent).
    /// `POST /api/2.0/postgres/credentials`: a token to log in to an Autoscaling endpoint (autoscaling-api.md §1.9).
    public func generatePostgresCredential(endpoint: String) async throws(APIError) -> DatabaseCredential {
        let answer = try await client.call("POST", "/api/2.0/postgres/credentials", body: .object(["endpoint": .string(endpoint)]))
        guard let token = answer["token"]?.stringValue else {
            throw APIError(status: 200, errorCode: "INVALID_RESPONSE", message: "the credential answer has no token",
                           method: "POST", path: "/api/2.0/postgres/credentials")
        }
        return DatabaseCredential(token: token, expirationTime: answer["expire_time"]?.stringValue)
    }

    public func generateCredential(instances: [String]) async throws(APIError) -> DatabaseCredential {
        let body: JSONValue = .object([
            "request_id": .string(UUID().uuidString.lowercased()),
            "instance_names": .array(instances.map(JSONValue.string)),
        ])
        let answer = try await client.call("POST", "/api/2.0/database/credentials", body: body)
        guard let token = answer["token"]?.stringValue else {
            throw APIError(status: 200, errorCode: "INVALID_RESPONSE", message: "the credential answer has no token",
                           method: "POST", path: "/api/2.0/database/credentials")
        }
        return DatabaseCredential(token: token, expirationTime: answer["expiration_time"]?.stringValue)
    }
}
