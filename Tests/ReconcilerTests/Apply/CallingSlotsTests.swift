import Foundation
import JSONCore
import Providers
import Synchronization
import Testing
@testable import Reconciler

/// How many nodes make calls at once (`ApplyOptions.maxActing`), and that a node starting to wait gives its turn up.
@Suite struct CallingSlotsTests {
    typealias F = PlanningFixtures

    /// Numbers in the order they were admitted.
    final class Admissions: Sendable {
        let numbers = Mutex<[Int]>([])
    }

    @Test func slotsAreHandedOutFirstComeFirstServedAndReleasedOnce() async throws {
        let slots = CallingSlots(2)
        let first = await slots.take()
        _ = await slots.take()
        let admissions = Admissions()
        var waiters: [Task<CallingSlots.Slot, Never>] = []
        for number in 1...2 {
            waiters.append(Task {
                let slot = await slots.take()
                admissions.numbers.withLock { $0.append(number) }
                return slot
            })
            try await Task.sleep(for: .milliseconds(20))
        }
        try await Task.sleep(for: .milliseconds(50))
        #expect(admissions.numbers.withLock { $0 }.isEmpty, "no slot is free")
        first.release()
        first.release()
        let admitted = await waiters[0].value
        try await Task.sleep(for: .milliseconds(50))
        #expect(admissions.numbers.withLock { $0 } == [1], "a slot released twice is given back once")
        admitted.release()
        _ = await waiters[1].value
        #expect(admissions.numbers.withLock { $0 } == [1, 2])
    }

    /// Creates two unrelated synced tables; the create of the first does what `body` says before it returns.
    final class TwoCreates: InertWorkspace {
        let calls = Mutex<[String]>([])
        let firstCreate: @Sendable (TwoCreates) async -> Void
        init(firstCreate: @escaping @Sendable (TwoCreates) async -> Void) { self.firstCreate = firstCreate }
        func create(_ kind: NodeKind, id: String, _ body: JSONValue) async throws -> JSONValue {
            calls.withLock { $0.append("POST \(id)") }
            if id.hasSuffix(".a") { await firstCreate(self) }
            calls.withLock { $0.append("done \(id)") }
            return body
        }
        /// Waits (in real time, at most 5 s) until `call` was made.
        func awaitCall(_ call: String) async {
            for _ in 0..<500 where !calls.withLock({ $0.contains(call) }) { try? await Task.sleep(for: .milliseconds(10)) }
        }
    }

    static func run(_ workspace: TwoCreates) async throws -> ApplyResult {
        var s = F.Scenario()
        for name in ["a", "b"] {
            s.want(F.key(.syncedDatabaseTables, name),
                   #"{"name":"serving.public.\#(name)","spec":{"source_table_full_name":"main.sales.\#(name)","scheduling_policy":"SNAPSHOT"}}"#)
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("calling-slots-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let journal = try StateJournal(state: F.Scenario().state, file: LocalStateFile(bundleRoot: folder, target: "t", cliVersion: "test"), remote: nil)
        return await Executor(workspace: workspace, journal: journal, options: ApplyOptions(maxActing: 1, waitForSyncedTables: false),
                              reporter: ExecutorOrderTests.SilentReporter()).run(try s.plan())
    }

    @Test func oneSlotLetsOneNodeCallAtATime() async throws {
        let workspace = TwoCreates { _ in try? await Task.sleep(for: .milliseconds(100)) }
        let result = try await Self.run(workspace)
        #expect(result.failures.isEmpty)
        #expect(workspace.calls.withLock { $0 } == ["POST serving.public.a", "done serving.public.a", "POST serving.public.b", "done serving.public.b"])
    }

    @Test func aNodeThatStartsWaitingGivesItsSlotUp() async throws {
        // The first create waits (an operation) until the second create was sent: only possible with its slot given up.
        let workspace = TwoCreates { workspace in
            WaitSignals.current?.pausing()
            await workspace.awaitCall("POST serving.public.b")
        }
        let result = try await Self.run(workspace)
        #expect(result.failures.isEmpty)
        let calls = workspace.calls.withLock { $0 }
        #expect(calls.prefix(2) == ["POST serving.public.a", "POST serving.public.b"], "\(calls)")
        #expect(Set(calls) == ["POST serving.public.a", "POST serving.public.b", "done serving.public.a", "done serving.public.b"])
    }

    @Test func aNodeInterruptedWhileWaitingForItsTurnMakesNoCall() async throws {
        let workspace = TwoCreates { _ in try? await Task.sleep(for: .seconds(30)) }
        let apply = Task { try await Self.run(workspace) }
        await workspace.awaitCall("POST serving.public.a")
        apply.cancel()
        let result = try await apply.value
        #expect(!workspace.calls.withLock { $0 }.contains("POST serving.public.b"))
        #expect(result.failures.map(\.message).contains("cannot create resources.synced_database_tables.b: interrupted before it started"),
                "\(result.failures)")
    }
}
