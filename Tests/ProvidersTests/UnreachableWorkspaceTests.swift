import Foundation
import LakebaseLocalHarness
import Testing
@testable import Providers

/// A workspace that cannot be reached fails fast and says why; retries that take a while are told, one line each.
@Suite struct UnreachableWorkspaceTests {
    @Test func aRefusedConnectionFailsWithinFifteenSecondsNamingTheHost() async throws {
        let transport = ScriptedTransport(Array(repeating: .fail(transient: true), count: 100))
        let clock = ManualClock()
        let client = try scriptedClient(transport, clock: clock, budget: 300)
        do {
            _ = try await client.call("GET", "/api/2.0/preview/scim/v2/Me")
            Issue.record("an unreachable host answered")
        } catch {
            #expect(error.errorCode == "CONNECTION_FAILED")
            #expect(error.description.contains("GET /api/2.0/preview/scim/v2/Me"))
            #expect(error.message.hasPrefix("cannot reach https://example.cloud.databricks.com: Connection refused"), "\(error)")
            #expect(!error.message.contains("lakebase-local"), "the hint is for loopback hosts only")
        }
        #expect(clock.pauses.reduce(0, +) <= 15, "--retry-timeout 300 governs throttling, not an unreachable host")
        #expect(transport.sentCount > 2, "it is tried a few times first")
    }

    @Test func aLoopbackHostThatDoesNotAnswerPointsAtLakebaseLocal() async throws {
        let transport = ScriptedTransport(Array(repeating: .fail(transient: true), count: 100))
        let client = try scriptedClient(transport, host: "http://127.0.0.1:8990")
        await #expect(throws: APIError.self) { _ = try await client.call("GET", "/x") }
        do {
            _ = try await client.call("GET", "/x")
        } catch {
            #expect(error.message.contains("cannot reach http://127.0.0.1:8990"))
            #expect(error.message.contains("start lakebase-local (`lakebase-local serve`)"))
        }
    }

    @Test func timeoutsKeepTheWholeRetryBudget() async throws {
        let transport = ScriptedTransport(Array(repeating: .timeout, count: 200))
        let clock = ManualClock()
        let client = try scriptedClient(transport, clock: clock, budget: 120)
        await #expect(throws: APIError.self) { _ = try await client.call("GET", "/x") }
        #expect(clock.pauses.reduce(0, +) > 15)
        #expect(clock.pauses.reduce(0, +) <= 120)
    }

    @Test func retriesAfterTheFirstSecondsAreToldOneLineEach() async throws {
        let busy = ScriptedTransport.Step.respond(503, body: #"{"error_code":"TEMPORARILY_UNAVAILABLE","message":"busy"}"#,
                                                  headers: ["retry-after": "2"])
        let transport = ScriptedTransport(Array(repeating: busy, count: 4) + [.respond(200)])
        let lines = LineCollector()
        let client = try scriptedClient(transport, notice: { lines.append($0) })
        _ = try await client.call("GET", "/api/2.0/database/instances")
        #expect(lines.all.count >= 2, "\(lines.all)")
        #expect(lines.all.first?.hasPrefix("retrying GET /api/2.0/database/instances in ") == true, "\(lines.all)")
        #expect(lines.all.allSatisfy { $0.contains("HTTP 503") && $0.contains("attempt") && $0.contains("s so far") })
    }
}
