import Foundation
import JSONCore
import LakebaseLocalHarness
import Testing
@testable import Providers

/// The operation waiter (jittered, bounded, naming what failed) and the SQL statement waiter, over a scripted
/// transport and virtual time.
@Suite struct OperationAndStatementWaiterTests {
    private func operation(_ done: Bool, extra: String = "") -> ScriptedTransport.Step {
        .respond(200, body: #"{"name":"projects/p/operations/o-1","done":\#(done)\#(extra)}"#)
    }

    @Test func pollsWithJitteredPausesUntilDone() async throws {
        let clock = ManualClock()
        let transport = ScriptedTransport(Array(repeating: operation(false), count: 6)
            + [operation(true, extra: #","response":{"name":"projects/p"}"#)], clock: clock)
        let waiter = OperationWaiter(client: try scriptedClient(transport, clock: clock),
                                     options: WaitOptions(timeout: 600, clock: clock, firstInterval: 0.5, maxInterval: 10))
        let response = try await waiter.wait("projects/p/operations/o-1", kind: "postgres_projects", id: "p")
        #expect(response["name"]?.stringValue == "projects/p")
        #expect(transport.requests.allSatisfy { $0.url.hasSuffix("/api/2.0/projects/p/operations/o-1") })
        // A lone operation is polled at least every 0.5 s until a tenth of the time waited is longer; each pause is
        // drawn from the upper half of its ceiling (and slept in slices).
        #expect(transport.intervals.count == 6)
        for pause in transport.intervals {
            #expect(pause >= 0.25 && pause <= 0.5 + 1e-9, "pause \(pause) outside 0.25…0.5")
        }
    }

    @Test func manyOperationsOfOneKindSpreadTheirPolls() async throws {
        let transport = ScriptedTransport(Array(repeating: operation(false), count: 3)
            + [operation(true, extra: #","response":{"name":"projects/p/branches/b"}"#)])
        let clock = ManualClock()
        let options = WaitOptions(timeout: 600, clock: clock)
        for _ in 0..<319 { options.crowds.enter("postgres_branches") }
        let waiter = OperationWaiter(client: try scriptedClient(transport, clock: clock), options: options)
        _ = try await waiter.wait("projects/p/branches/b/operations/o-1", kind: "postgres_branches", id: "b")
        // 320 waiting share 64 polls a second: after a first pause of 1.25–2.5 s each polls every 2.5–5 s (jittered,
        // slept in slices), not every quarter second.
        #expect(transport.sentCount == 4)
        let waited = clock.pauses.reduce(0, +)
        #expect(waited >= 1.25 + 2.5 + 2.5 && waited <= 2.5 + 5 + 5, "waited \(waited) s over three pauses")
    }

    @Test func aFailedOperationNamesTheResourceTheOperationAndTheError() async throws {
        let transport = ScriptedTransport([operation(true, extra: #","error":{"error_code":"INVALID_PARAMETER_VALUE","message":"bad CU range"}"#)])
        let clock = ManualClock()
        let waiter = OperationWaiter(client: try scriptedClient(transport, clock: clock), options: WaitOptions(clock: clock))
        do {
            _ = try await waiter.finish(.operation("projects/p/operations/o-1"), kind: "postgres_endpoints", id: "e")
            Issue.record("a failed operation finished")
        } catch {
            let text = "\(error)"
            #expect(text.contains("postgres_endpoints e"))
            #expect(text.contains("projects/p/operations/o-1"))
            #expect(text.contains("[INVALID_PARAMETER_VALUE] bad CU range"))
        }
    }

    @Test func aWaitIsBoundedByItsTimeout() async throws {
        let transport = ScriptedTransport(Array(repeating: operation(false), count: 200))
        let clock = ManualClock()
        let waiter = OperationWaiter(client: try scriptedClient(transport, clock: clock), options: WaitOptions(timeout: 60, clock: clock))
        await #expect(throws: WaitError.self) { try await waiter.wait("projects/p/operations/o-1", kind: "r", id: "1") }
        #expect(clock.pauses.reduce(0, +) <= 60.001)
        // A lone wait is polled every tenth of the time waited (at least every 0.25 s, jittered): about 55 polls in
        // 60 s, never one per request slot.
        #expect(transport.sentCount < 80)
    }

    @Test func aDoneOutcomeNeedsNoCall() async throws {
        let transport = ScriptedTransport([])
        let waiter = OperationWaiter(client: try scriptedClient(transport), options: WaitOptions())
        #expect(try await waiter.finish(.done(.object(["name": .string("x")])), kind: "r", id: "1")["name"]?.stringValue == "x")
        #expect(transport.sentCount == 0)
    }

    @Test func aStatementIsPolledUntilItEnds() async throws {
        let transport = ScriptedTransport([
            .respond(200, body: #"{"statement_id":"s-1","status":{"state":"PENDING"}}"#),
            .respond(200, body: #"{"statement_id":"s-1","status":{"state":"RUNNING"}}"#),
            .respond(200, body: #"{"statement_id":"s-1","status":{"state":"SUCCEEDED"},"manifest":{"schema":{"columns":[{"name":"rows"}]}},"result":{"data_array":[["42"]]}}"#),
        ])
        let clock = ManualClock()
        let waiter = StatementWaiter(client: try scriptedClient(transport, clock: clock), options: WaitOptions(clock: clock))
        let result = try await waiter.run(warehouseID: "w", statement: "SELECT COUNT(*) AS rows FROM t")
        #expect(result.first("rows") == "42")
        #expect(transport.requests.map(\.method) == ["POST", "GET", "GET"])
        #expect(transport.requests.last?.url.hasSuffix("/api/2.0/sql/statements/s-1") == true)
    }

    @Test func aFailedStatementIsAnAPIErrorWithTheSQLError() async throws {
        let transport = ScriptedTransport([
            .respond(200, body: #"{"statement_id":"s-2","status":{"state":"FAILED","error":{"error_code":"TABLE_OR_VIEW_NOT_FOUND","message":"no such table"}}}"#),
        ])
        let waiter = StatementWaiter(client: try scriptedClient(transport), options: WaitOptions())
        do {
            _ = try await waiter.run(warehouseID: "w", statement: "SELECT 1 FROM missing")
            Issue.record("a failed statement succeeded")
        } catch let error as APIError {
            #expect(error.errorCode == "TABLE_OR_VIEW_NOT_FOUND")
            #expect(error.message == "no such table")
        }
    }
}
