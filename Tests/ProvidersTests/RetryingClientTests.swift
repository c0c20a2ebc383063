import Foundation
import LakebaseLocalHarness
import Testing
import JSONCore
@testable import Providers

/// Retries, lost answers, token refresh and tracing, over a scripted transport and virtual time.
@Suite struct RetryingClientTests {
    @Test func retryAfterIsHonouredOn503() async throws {
        let transport = ScriptedTransport([
            .respond(503, body: #"{"error_code":"TEMPORARILY_UNAVAILABLE","message":"later"}"#, headers: ["retry-after": "7"]),
            .respond(200, body: #"{"name":"x"}"#),
        ])
        let clock = ManualClock()
        let client = try scriptedClient(transport, clock: clock)
        let (value, attempts) = try await client.callCountingAttempts("GET", "/api/2.0/database/instances/x")
        #expect(value["name"]?.stringValue == "x")
        #expect(attempts == 2)
        #expect(clock.pauses.count == 1)
        #expect(clock.pauses[0] >= 7 && clock.pauses[0] < 7.5)
    }

    @Test(arguments: [400, 401, 403, 404, 409, 500, 501, 504])
    func otherStatusesAreNotRetried(status: Int) async throws {
        let transport = ScriptedTransport([.respond(status, body: #"{"error_code":"X","message":"no"}"#)])
        let client = try scriptedClient(transport)
        await #expect(throws: APIError.self) { try await client.call("GET", "/api/2.0/database/instances/x") }
        #expect(transport.sentCount == 1)
    }

    @Test func a401RefreshesARefreshableTokenOnce() async throws {
        let transport = ScriptedTransport([
            .respond(401, body: #"{"error_code":"UNAUTHENTICATED","message":"expired"}"#), .respond(200, body: #"{"ok":true}"#),
        ])
        let tokens = CountingTokenSource()
        let client = try scriptedClient(transport, tokens: tokens)
        #expect(try await client.call("GET", "/x")["ok"] == .bool(true))
        #expect(await tokens.refreshes == 1)
        #expect(transport.requests.last?.headers.contains { $0.value == "Bearer token-2" } == true)
    }

    @Test func transientConnectionFailuresBackOffThenSucceed() async throws {
        let transport = ScriptedTransport([.fail(transient: true), .fail(transient: true), .respond(200)])
        let clock = ManualClock()
        let client = try scriptedClient(transport, clock: clock)
        let (_, attempts) = try await client.callCountingAttempts("GET", "/x")
        #expect(attempts == 3)
        #expect(clock.pauses.count == 2)
    }

    @Test func permanentConnectionFailuresFailAtOnce() async throws {
        let transport = ScriptedTransport([.fail(transient: false)])
        let client = try scriptedClient(transport)
        do {
            _ = try await client.call("GET", "/x")
            Issue.record("expected an error")
        } catch {
            #expect(error.errorCode == "CONNECTION_FAILED")
            #expect(error.description.contains("GET /x"))
        }
        #expect(transport.sentCount == 1)
    }

    @Test func theBudgetEndsRetries() async throws {
        let busy = ScriptedTransport.Step.respond(429, body: #"{"error_code":"REQUEST_LIMIT_EXCEEDED","message":"slow down"}"#,
                                                  headers: ["retry-after": "20"])
        let transport = ScriptedTransport(Array(repeating: busy, count: 20))
        let clock = ManualClock()
        let client = try scriptedClient(transport, clock: clock, budget: 60)
        do {
            _ = try await client.call("GET", "/x")
            Issue.record("expected an error")
        } catch {
            #expect(error.status == 429)
            #expect(error.attempts == 3, "20 s waits fit twice into a 60 s budget")
        }
        #expect(clock.pauses.reduce(0, +) <= 60)
    }

    @Test func aRetriedCreateThatLandedIsRecognised() async throws {
        let transport = ScriptedTransport([
            .fail(transient: true),
            .respond(409, body: #"{"error_code":"RESOURCE_ALREADY_EXISTS","message":"exists"}"#),
            .respond(200, body: #"{"name":"orders-db","state":"STARTING","uid":"u-1"}"#),
        ])
        let instances = DatabaseInstancesAPI(client: try scriptedClient(transport))
        let created = try await instances.create(["name": .string("orders-db"), "capacity": .string("CU_1")], id: "orders-db")
        #expect(created["uid"]?.stringValue == "u-1")
        #expect(transport.requests.map(\.method) == ["POST", "POST", "GET"])
        #expect(transport.requests.last?.url.hasSuffix("/api/2.0/database/instances/orders-db") == true)
    }

    @Test func aConflictOnTheFirstAttemptIsAnError() async throws {
        let transport = ScriptedTransport([.respond(409, body: #"{"error_code":"RESOURCE_ALREADY_EXISTS","message":"exists"}"#)])
        let instances = DatabaseInstancesAPI(client: try scriptedClient(transport))
        await #expect(throws: APIError.self) { try await instances.create(["name": .string("orders-db")], id: "orders-db") }
    }

    /// Each part of an id is percent-encoded (dots stay), and the slashes of a hierarchical id
    /// (`projects/p/branches/b`) travel verbatim (design.md §5).
    @Test func requestsCarryBearerJSONAndEncodedSegments() async throws {
        let transport = ScriptedTransport([.respond(200)])
        let tables = SyncedTablesAPI(client: try scriptedClient(transport))
        _ = try await tables.find("cat.my schema.t/1")
        let request = try #require(transport.requests.first)
        #expect(request.url == "https://example.cloud.databricks.com/api/2.0/database/synced_tables/cat.my%20schema.t/1")
        #expect(request.headers.contains { $0.name == "Authorization" && $0.value == "Bearer dapi-secret" })
        #expect(request.headers.contains { $0.name == "Accept" && $0.value == "application/json" })
    }

    @Test func pagesAreFollowedUntilTheTokenIsEmpty() async throws {
        let transport = ScriptedTransport([
            .respond(200, body: #"{"database_instances":[{"name":"a"},{"name":"b"}],"next_page_token":"t1"}"#),
            .respond(200, body: #"{"database_instances":[{"name":"c"}],"next_page_token":""}"#),
        ])
        let names = try await DatabaseInstancesAPI(client: try scriptedClient(transport)).list().compactMap { $0["name"]?.stringValue }
        #expect(names == ["a", "b", "c"])
        #expect(transport.requests.last?.url.contains("page_token=t1") == true)
    }

    @Test func traceLinesNameTheCallButNoSecret() async throws {
        let lines = LineCollector()
        let transport = ScriptedTransport([
            .respond(503, headers: ["retry-after": "0"]), .respond(200, body: #"{"token":"pg-secret"}"#),
        ])
        let client = try scriptedClient(transport, trace: DebugTrace { lines.append($0) })
        _ = try await client.call("GET", "/api/2.0/x", query: [("path", "/a"), ("client_secret", "s3cr3t")])
        let text = lines.all.joined(separator: "\n")
        #expect(lines.all.count == 2)
        #expect(lines.all[0].hasPrefix("debug: GET /api/2.0/x?path=/a&client_secret=REDACTED -> 503 ("))
        #expect(lines.all[1].hasSuffix("attempt 2)"))
        for secret in ["s3cr3t", "dapi-secret", "pg-secret"] { #expect(!text.contains(secret)) }
    }
}

/// Hands out `token-1`, `token-2`, … and counts forced refreshes.
actor CountingTokenSource: TokenSource {
    private var issued = 0
    private(set) var refreshes = 0

    func token(refresh: Bool) async throws(APIError) -> String {
        if refresh || issued == 0 {
            issued += 1
            if refresh { refreshes += 1 }
        }
        return "token-\(issued)"
    }
}

/// Collects trace lines from any thread.
final class LineCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}

/// Secrets stay out of every rendering of resolved auth, token sources and credentials.
@Suite struct SecretRenderingTests {
    @Test func reflectionAndDescriptionsShowNoSecret() throws {
        let host = try WorkspaceHost(parsing: "https://example.cloud.databricks.com")
        let methods: [AuthMethod] = [.pat(token: "dapi-hidden"), .oauthM2M(clientID: "id", clientSecret: "secret-hidden")]
        for method in methods {
            let auth = ResolvedAuth(host: host, method: method, profile: nil, sources: ["token from DATABRICKS_TOKEN"])
            var dumped = ""
            dump(auth, to: &dumped)
            let renderings = [dumped, "\(auth)", String(reflecting: auth), String(reflecting: method), "\(method)"]
            for text in renderings {
                #expect(!text.contains("dapi-hidden") && !text.contains("secret-hidden"), "\(text)")
            }
        }
        let credential = DatabaseCredential(token: "pg-token-hidden", expirationTime: "2026-01-01T00:00:00Z")
        #expect(!"\(credential)".contains("pg-token-hidden"))
        let login = InstanceLogin(host: "db.example.com", user: "a@b.c", credential: credential)
        for value in [credential, login] as [Any] {
            var dumped = ""
            dump(value, to: &dumped)
            #expect(!dumped.contains("pg-token-hidden"), "\(dumped)")
        }
        #expect(login.sslMode == "require", "TLS is required for every non-loopback host")
        #expect(!"\(StaticTokenSource(token: "dapi-hidden"))".contains("dapi-hidden"))
    }
}
