import Foundation
import JSONCore

extension LocalAPI {
    /// SCIM `Me`, host metadata, OAuth discovery and token.
    static func identityRoutes(_ workspace: LocalWorkspace, _ identity: IdentityProvider) -> [Route] {
        [
            Route("GET", "/api/2.0/preview/scim/v2/Me") { call throws(LocalAPIError) in
                .json(scimUser(call.identity))
            },
            Route("GET", "/.well-known/databricks-config", needsAuth: false) { call throws(LocalAPIError) in
                .json(.object([
                    "oidc_endpoint": .string(baseURL(call.request) + "/oidc"),
                    "workspace_id": .string(await workspace.workspaceID), "cloud": .string("AWS"),
                ]))
            },
            Route("GET", "/oidc/.well-known/oauth-authorization-server", needsAuth: false) { call throws(LocalAPIError) in
                let base = baseURL(call.request) + "/oidc"
                return .json(.object([
                    "issuer": .string(base), "authorization_endpoint": .string(base + "/v1/authorize"),
                    "token_endpoint": .string(base + "/v1/token"),
                    "grant_types_supported": .array([.string("client_credentials")]),
                    "scopes_supported": .array([.string("all-apis"), .string("postgres")]),
                    "token_endpoint_auth_methods_supported": .array([
                        .string("client_secret_basic"), .string("client_secret_post"),
                    ]),
                ]))
            },
            Route("POST", "/oidc/v1/token", needsAuth: false) { call throws(LocalAPIError) in
                let form = APIRequest.parseQuery(String(decoding: call.request.body, as: UTF8.self))
                return await identity.issueToken(authorization: call.request.headers["authorization"], form: form)
            },
        ]
    }

    /// `http://<Host header>`: the address the caller reached us at.
    static func baseURL(_ request: APIRequest) -> String {
        "http://" + (request.headers["host"] ?? "127.0.0.1")
    }

    static func scimUser(_ caller: Caller) -> JSONValue {
        var user = JSONObject()
        user["id"] = .string(String(UInt64(truncatingIfNeeded: stableHash(caller.userName)) % 9_000_000_000_000_000 + 1_000_000_000_000_000))
        user["userName"] = .string(caller.userName)
        user["displayName"] = .string(caller.displayName)
        user["active"] = .bool(true)
        if !caller.isServicePrincipal {
            user["emails"] = .array([.object([
                "value": .string(caller.userName), "type": .string("work"), "primary": .bool(true),
            ])])
        }
        user["groups"] = .array([.object(["display": .string("users"), "value": .string("1")])])
        user["schemas"] = .array([.string(
            caller.isServicePrincipal
                ? "urn:ietf:params:scim:schemas:core:2.0:ServicePrincipal" : "urn:ietf:params:scim:schemas:core:2.0:User")])
        return .object(user)
    }

    /// FNV-1a, stable across runs (Swift's `hashValue` is seeded per process).
    static func stableHash(_ text: String) -> UInt64 {
        text.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }
}
