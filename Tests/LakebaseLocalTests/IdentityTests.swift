import Foundation
import LakebaseLocalHarness
import Testing
import JSONCore

/// SCIM Me, host metadata, OAuth machine-to-machine and Unity Catalog tables.
@Suite struct IdentityTests {
    @Test func meAndHostMetadata() async throws {
        let emulator = try await Emulator.start()
        let me = try await emulator.call("GET", "/api/2.0/preview/scim/v2/Me")
        #expect(me.status == 200)
        #expect(me.json["userName"]?.stringValue == Emulator.user)
        #expect(me.json["active"] == .bool(true))
        #expect(me.json["emails"]?.arrayValue?.first?["value"]?.stringValue == Emulator.user)

        let metadata = try await emulator.call("GET", "/.well-known/databricks-config", token: nil)
        #expect(metadata.status == 200)
        #expect(metadata.json["oidc_endpoint"]?.stringValue == emulator.baseURL + "/oidc")
        #expect(metadata.json["workspace_id"]?.stringValue?.count == 16)
        #expect(metadata.json["cloud"]?.stringValue == "AWS")
    }

    @Test func oauthMachineToMachine() async throws {
        let emulator = try await Emulator.start(["--client-id", "11111111-2222-3333-4444-555555555555", "--client-secret", "dose-secret"])
        let discovery = try await emulator.call("GET", "/oidc/.well-known/oauth-authorization-server", token: nil)
        let tokenEndpoint = try #require(discovery.json["token_endpoint"]?.stringValue)
        #expect(tokenEndpoint == emulator.baseURL + "/oidc/v1/token")

        func requestToken(secret: String) async throws -> Reply {
            let basic = Data("11111111-2222-3333-4444-555555555555:\(secret)".utf8).base64EncodedString()
            return try await emulator.call(
                "POST", "/oidc/v1/token", token: nil,
                headers: [("Authorization", "Basic \(basic)")],
                form: "grant_type=client_credentials&scope=all-apis")
        }
        let refused = try await requestToken(secret: "wrong")
        #expect(refused.status == 401)
        #expect(refused.json["error"]?.stringValue == "invalid_client")

        let granted = try await requestToken(secret: "dose-secret")
        #expect(granted.status == 200)
        #expect(granted.json["token_type"]?.stringValue == "Bearer")
        #expect(granted.json["expires_in"] == .int(3600))
        let accessToken = try #require(granted.json["access_token"]?.stringValue)
        let me = try await emulator.call("GET", "/api/2.0/preview/scim/v2/Me", token: accessToken)
        #expect(me.json["userName"]?.stringValue == "11111111-2222-3333-4444-555555555555",
                "a service principal's userName is its application id")
    }

    @Test func expiredOAuthTokensAreRefused() async throws {
        let emulator = try await Emulator.start(["--client-id", "sp", "--client-secret", "s", "--oauth-token-ttl", "1"])
        let basic = Data("sp:s".utf8).base64EncodedString()
        let granted = try await emulator.call(
            "POST", "/oidc/v1/token", token: nil, headers: [("Authorization", "Basic \(basic)")],
            form: "grant_type=client_credentials&scope=all-apis")
        let accessToken = try #require(granted.json["access_token"]?.stringValue)
        try await Task.sleep(for: .milliseconds(1300))
        let expired = try await emulator.call("GET", "/api/2.0/preview/scim/v2/Me", token: accessToken)
        #expect(expired.status == 401)
    }

    @Test func unityCatalogTables() async throws {
        let emulator = try await Emulator.start()
        let table = try await emulator.call("GET", "/api/2.1/unity-catalog/tables/main.demo.orders_cdf")
        #expect(table.status == 200)
        #expect(table.json["table_type"]?.stringValue == "MANAGED")
        #expect(table.json["data_source_format"]?.stringValue == "DELTA")
        #expect(table.json["properties"]?["delta.enableChangeDataFeed"]?.stringValue == "true")
        let columns = table.json["columns"]?.arrayValue ?? []
        #expect(columns.compactMap { $0["name"]?.stringValue } == ["order_id", "customer_id", "status", "amount", "updated_at"])
        #expect(columns.first?["type_name"]?.stringValue == "LONG")
        #expect(columns.first?["nullable"] == .bool(false))
        #expect(columns[3]["type_text"]?.stringValue == "decimal(10,2)")
        #expect(table.json["table_constraints"]?.arrayValue?.first?["primary_key_constraint"]?["child_columns"]
                == .array([.string("order_id")]))
        let view = try await emulator.call("GET", "/api/2.1/unity-catalog/tables/main.demo.orders_view")
        #expect(view.json["table_type"]?.stringValue == "VIEW")
        let exists = try await emulator.call("GET", "/api/2.1/unity-catalog/tables/main.demo.orders_nocdf/exists")
        #expect(exists.json["table_exists"] == .bool(true))
        let missing = try await emulator.call("GET", "/api/2.1/unity-catalog/tables/main.demo.nope/exists")
        #expect(missing.json["table_exists"] == .bool(false))
    }
}
