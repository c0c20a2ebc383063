import Foundation
import Synchronization
import LakebaseLocalHarness
import Testing
import JSONCore
@testable import Providers

/// Waiters over a scripted transport and virtual time.
@Suite struct WaiterTests {
    private func instance(_ state: String) -> ScriptedTransport.Step {
        .respond(200, body: #"{"name":"db","state":"\#(state)"}"#)
    }

    private func waiters(_ transport: ScriptedTransport, clock: ManualClock, timeout: Double = 1200,
                         progress: LineCollector? = nil) throws -> Waiters {
        var report: (@Sendable (String) -> Void)?
        if let progress { report = { progress.append($0) } }
        let options = WaitOptions(timeout: timeout, clock: clock, progress: report)
        return Waiters(client: try scriptedClient(transport, clock: clock), options: options)
    }

    @Test func instanceBecomesAvailable() async throws {
        let transport = ScriptedTransport([instance("STARTING"), instance("STARTING"), instance("AVAILABLE")])
        let clock = ManualClock()
        let lines = LineCollector()
        let ready = try await waiters(transport, clock: clock, progress: lines).instanceReady("db")
        #expect(ready["state"]?.stringValue == "AVAILABLE")
        #expect(clock.pauses == [0.25, 0.25], "an instance is polled every tenth of the time waited, at least every 0.25 s")
        #expect(lines.all == ["database_instances db: STARTING"], "one line per state change")
    }

    /// Pauses between 14 polls. A lone wait and an instance are polled every tenth of the time waited, at least every
    /// 0.25 s; among 128 waits of one kind each polls every 2 s (their share of 64 polls a second) until a tenth of
    /// the time waited is longer; among 640, every 10 s.
    @Test(arguments: [
        (false, 0, [0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.275, 0.303]),
        (true, 0, [0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.275, 0.303]),
        (false, 127, [1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2.1, 2.31]),
        (false, 639, [5, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10]),
        (true, 639, [0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.275, 0.303]),
    ])
    func pollSchedules(proportional: Bool, otherWaits: Int, expected: [Double]) async throws {
        let clock = ManualClock()
        let options = WaitOptions(timeout: 1200, clock: clock)
        for _ in 0..<otherWaits { options.crowds.enter("r") }
        let poller = Poller(options: options, kind: "r", resource: "r 1", goal: "g", proportional: proportional)
        let polls = PollTimes()
        _ = try await poller.run { () throws(APIError) -> PollVerdict<Int> in
            polls.record(clock.now) < 13 ? .pending(state: "S") : .done(1)
        }
        #expect(polls.intervals.map { ($0 * 1000).rounded() / 1000 } == expected)
        #expect(proportional || clock.pauses.allSatisfy { $0 <= Poller.slice + 1e-9 }, "crowd-paced pauses are slept in slices")
        #expect(options.crowds.count("r") == otherWaits, "a finished wait counts itself out")
    }

    @Test func aLongPauseAmongManyIsCutShortWhenTheOthersFinish() async throws {
        let clock = SteppingClock()
        let options = WaitOptions(timeout: 1200, clock: clock)
        for _ in 0..<1999 { options.crowds.enter("synced_database_tables") }
        // Three seconds into the first pause (10 s, chosen among 2000), the 1999 others finish.
        clock.onSleep = { elapsed in
            if elapsed >= 3, options.crowds.count("synced_database_tables") > 1 {
                for _ in 0..<1999 { options.crowds.leave("synced_database_tables") }
            }
        }
        let poller = Poller(options: options, kind: "synced_database_tables", resource: "synced_database_tables t", goal: "ONLINE")
        let polls = PollTimes()
        _ = try await poller.run { () throws(APIError) -> PollVerdict<Int> in
            polls.record(clock.now) < 3 ? .pending(state: "S") : .done(1)
        }
        #expect(polls.intervals.map { ($0 * 1000).rounded() / 1000 } == [3, 0.3, 0.33])
    }

    /// A lone wait 60 s in polls every 6 s; when a wait of its kind that started earlier reaches its goal, the
    /// platform is finishing that kind, and the wait's next poll comes within a slice, and then every tenth of the
    /// time since that finish instead of since its own start.
    @Test func aWaitOfTheSameKindFinishingShortensThePause() async throws {
        let clock = SteppingClock()
        let options = WaitOptions(timeout: 1200, clock: clock)
        let finishedAt = Mutex<Double?>(nil)
        clock.onSleep = { elapsed in
            if elapsed >= 60, finishedAt.withLock({ $0 == nil }) {
                finishedAt.withLock { $0 = clock.now }
                options.crowds.finished("synced_database_tables", startedAt: clock.now - 100, at: clock.now)
            }
        }
        let poller = Poller(options: options, kind: "synced_database_tables", resource: "synced_database_tables t", goal: "ONLINE")
        let polls = PollTimes()
        _ = try await poller.run { () throws(APIError) -> PollVerdict<Int> in
            _ = polls.record(clock.now)
            return clock.now - 1_800_000_000 >= 64 ? .done(1) : .pending(state: "S")
        }
        let finished = try #require(finishedAt.withLock { $0 })
        let after = polls.all.filter { $0 >= finished }
        #expect(after.first.map { $0 - finished } ?? 99 <= Poller.slice + 1e-9, "the next poll comes within a slice")
        #expect(polls.intervals.suffix(3).allSatisfy { $0 <= 0.5 }, "then polls follow the finish, not the 60 s waited")
        #expect(polls.intervals.contains { $0 > 5 }, "before it, the wait polled every tenth of the time waited")
    }

    /// Time without progress: since the wait started, or since a wait of its kind last reached its goal.
    @Test(arguments: [
        (10.0, nil as Double?, 70.0, 60.0),
        (10.0, 5.0, 70.0, 60.0),
        (10.0, 50.0, 70.0, 20.0),
        (10.0, 70.0, 70.0, 0.0),
    ])
    func timeWithoutProgress(started: Double, lastFinish: Double?, now: Double, expected: Double) {
        let crowds = WaitCrowds()
        if let lastFinish { crowds.finished("k", startedAt: 0, at: lastFinish) }
        #expect(crowds.progressed("k", startedAt: started, now: now) == expected)
        #expect(crowds.progressed("other", startedAt: started, now: now) == now - started, "kinds are apart")
    }

    /// The rule behind the schedules, as a table: previous pause, time waited, waits of the kind → next pause.
    @Test(arguments: [
        (0.25, 0.0, 1, 0.25),
        (0.25, 0.25, 1, 0.25),
        (4.0, 30.0, 1, 3.0),
        (8.0, 200.0, 1, 10.0),
        (0.125, 0.0, 2000, 10.0),
        (10.0, 5.0, 2000, 10.0),
        (0.125, 0.0, 200, 1.5625),
        (0.5, 1.0, 64, 1.0),
        (1.0, 2.0, 64, 1.0),
        (2.0, 2.0, 16, 0.25),
    ])
    func pauseRule(previous: Double, waited: Double, pending: Int, expected: Double) {
        let pause = WaitCrowds.pause(after: previous, waited: waited, pending: pending, first: 0.25, longest: 10)
        #expect(abs(pause - expected) < 1e-9, "\(previous) s, \(waited) s waited, \(pending) waiting → \(pause)")
    }

    /// While waits of the kind finish, the budget grows by one poll a second for every two that finished in the last
    /// second: 128 waiting with 128 finishing share 128 polls a second (1 s each instead of 2 s).
    @Test(arguments: [
        (128, 0, 2.0),
        (128, 128, 1.0),
        (320, 384, 1.25),
        (2000, 0, 10.0),
        (1064, 2000, 1.0),
        (16, 1000, 0.25),
    ])
    func finishingWaitsWidenTheBudget(pending: Int, finishing: Int, expected: Double) {
        let pause = WaitCrowds.pause(after: 10, waited: 0, pending: pending, finishing: finishing, first: 0.25, longest: 10)
        #expect(abs(pause - expected) < 1e-9, "\(pending) waiting, \(finishing) finishing → \(pause)")
    }

    @Test func finishesAreCountedOverTheLastSecondByKind() {
        let crowds = WaitCrowds()
        for at in [10.0, 10.5, 10.9, 11.2] { crowds.finished("synced_database_tables", startedAt: 0, at: at) }
        crowds.finished("postgres_branches", startedAt: 0, at: 11.2)
        #expect(crowds.finishedInLastSecond("synced_database_tables", now: 11.2) == 3)
        #expect(crowds.finishedInLastSecond("synced_database_tables", now: 12.3) == 0)
        #expect(crowds.finishedInLastSecond("postgres_branches", now: 11.5) == 1)
        #expect(crowds.finishedInLastSecond("postgres_endpoints", now: 11.5) == 0)
    }

    @Test func kindsAreCountedApart() {
        let crowds = WaitCrowds()
        crowds.enter("synced_database_tables")
        crowds.enter("synced_database_tables")
        crowds.enter("postgres_branches")
        crowds.leave("synced_database_tables")
        #expect(crowds.count("synced_database_tables") == 1)
        #expect(crowds.count("postgres_branches") == 1)
        #expect(crowds.count("postgres_endpoints") == 0)
    }

    @Test func longInstanceWaitsOvershootByATenthAtMost() async throws {
        let clock = ManualClock()
        let poller = Poller(options: WaitOptions(timeout: 1200, clock: clock), kind: "r", resource: "r", goal: "g", proportional: true)
        let started = clock.now
        _ = try await poller.run { () throws(APIError) -> PollVerdict<Int> in
            clock.now - started >= 180 ? .done(1) : .pending(state: "STARTING")
        }
        let waited = clock.now - started
        #expect(waited >= 180 && waited <= 180 * 1.1 + 0.25, "a 3-minute startup is seen within 10%: \(waited)")
    }

    @Test func stoppedIsTheGoalWhenStoppedIsDesired() async throws {
        let transport = ScriptedTransport([instance("UPDATING"), instance("STOPPED")])
        let ready = try await waiters(transport, clock: ManualClock()).instanceReady("db", stopped: true)
        #expect(ready["state"]?.stringValue == "STOPPED")
    }

    @Test(arguments: ["DELETING", "STOPPED"])
    func statesThatCannotLeadToAvailableFailFast(state: String) async throws {
        let transport = ScriptedTransport([instance(state)])
        do {
            _ = try await waiters(transport, clock: ManualClock()).instanceReady("db")
            Issue.record("expected a failure")
        } catch let error as WaitError {
            #expect(error.reason == .failed(state: state, message: error.reason.message))
            #expect(error.description.hasPrefix("database_instances db: reached \(state) while waiting for AVAILABLE"))
        }
        #expect(transport.sentCount == 1)
    }

    @Test func aVanishedInstanceFails() async throws {
        let transport = ScriptedTransport([.respond(404, body: #"{"error_code":"RESOURCE_DOES_NOT_EXIST","message":"gone"}"#)])
        await #expect(throws: WaitError.self) { try await waiters(transport, clock: ManualClock()).instanceReady("db") }
    }

    @Test func timeoutNamesTheLastStateAndTheKnob() async throws {
        let transport = ScriptedTransport(Array(repeating: instance("STARTING"), count: 400))
        let clock = ManualClock()
        let started = clock.now
        do {
            _ = try await waiters(transport, clock: clock, timeout: 1200).instanceReady("db")
            Issue.record("expected a timeout")
        } catch let error as WaitError {
            #expect(error.reason == .timedOut(lastState: "STARTING"))
            #expect(error.description.contains("RECONCILE_WAIT_TIMEOUT"))
            #expect(error.description.contains("after 1200 s"))
        }
        #expect(clock.now - started == 1200, "the last pause stops at the timeout")
        #expect(clock.pauses.allSatisfy { $0 <= 10 })
    }

    @Test func timeoutComesFromTheEnvironment() {
        #expect(WaitOptions(environment: ["RECONCILE_WAIT_TIMEOUT": "90"]).timeout == 90)
        #expect(WaitOptions(environment: [:]).timeout == 1200)
        #expect(WaitOptions(timeout: 5, environment: ["RECONCILE_WAIT_TIMEOUT": "90"]).timeout == 5)
    }

    @Test func deletionWaitsFor404() async throws {
        let transport = ScriptedTransport([
            instance("DELETING"), .respond(404, body: #"{"error_code":"RESOURCE_DOES_NOT_EXIST","message":"gone"}"#),
        ])
        try await waiters(transport, clock: ManualClock()).instanceGone("db")
        #expect(transport.sentCount == 2)
    }

    private func synced(_ state: String, uc: String = "PROVISIONING", extra: String = "") -> ScriptedTransport.Step {
        .respond(200, body: #"{"name":"c.s.t","unity_catalog_provisioning_state":"\#(uc)","data_synchronization_status":{"detailed_state":"\#(state)","message":"m"\#(extra)}}"#)
    }

    @Test func syncedTableReportsRowProgressUntilOnline() async throws {
        let progress = #","provisioning_status":{"initial_pipeline_sync_progress":{"synced_row_count":1200,"total_row_count":10000}}"#
        let transport = ScriptedTransport([
            synced("SYNCED_TABLE_PROVISIONING"), synced("SYNCED_TABLE_PROVISIONING_INITIAL_SNAPSHOT", extra: progress),
            synced("SYNCED_TABLE_ONLINE_NO_PENDING_UPDATE", uc: "PROVISIONING"),
            synced("SYNCED_TABLE_ONLINE_NO_PENDING_UPDATE", uc: "ACTIVE"),
        ])
        let lines = LineCollector()
        let outcome = try await waiters(transport, clock: ManualClock(), progress: lines).syncedTableOnline("c.s.t")
        #expect(!outcome.degraded)
        #expect(lines.all.contains("synced_database_tables c.s.t: SYNCED_TABLE_PROVISIONING_INITIAL_SNAPSHOT (1200/10000 rows)"))
        #expect(transport.sentCount == 4, "online is not enough: Unity Catalog must be ACTIVE too")
    }

    @Test(arguments: ["SYNCED_TABLE_OFFLINE_FAILED", "SYNCED_TABLED_OFFLINE", "SYNCED_TABLE_OFFLINE"])
    func failedAndOfflineStatesFail(state: String) async throws {
        let transport = ScriptedTransport([synced(state)])
        await #expect(throws: WaitError.self) { try await waiters(transport, clock: ManualClock()).syncedTableOnline("c.s.t") }
    }

    @Test func aFailedPipelineServingStaleDataIsDegraded() async throws {
        let transport = ScriptedTransport([synced("SYNCED_TABLE_ONLINE_PIPELINE_FAILED", uc: "ACTIVE")])
        #expect(try await waiters(transport, clock: ManualClock()).syncedTableOnline("c.s.t").degraded)
    }

    @Test(arguments: [
        ("SYNCED_TABLE_PROVISIONING_PIPELINE_RESOURCES", SyncedTableStateClass.provisioning),
        ("SYNCED_TABLE_ONLINE_TRIGGERED_UPDATE", .online), ("SYNCED_TABLE_ONLINE_CONTINUOUS_UPDATE", .online),
        ("SYNCED_TABLE_ONLINE_PIPELINE_FAILED", .degraded), ("SYNCED_TABLED_OFFLINE", .offline),
        ("SOMETHING_NEW", .unknown),
    ])
    func stateClasses(state: String, expected: SyncedTableStateClass) {
        #expect(SyncedTableStateClass(state) == expected)
    }
}

extension WaitError.Reason {
    /// The message of a failure, for comparisons.
    var message: String? {
        if case .failed(_, let message) = self { return message }
        return nil
    }
}

/// Counts calls from concurrent code.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    /// Increments; returns the count before.
    func increment() -> Int { lock.withLock { defer { count += 1 }; return count } }
}

/// The clock readings at which a poller polled.
final class PollTimes: @unchecked Sendable {
    private let lock = NSLock()
    private var times: [Double] = []
    /// Records a poll at `time`; returns how many came before.
    func record(_ time: Double) -> Int { lock.withLock { defer { times.append(time) }; return times.count } }
    /// Every poll's time.
    var all: [Double] { lock.withLock { times } }
    /// Seconds between consecutive polls.
    var intervals: [Double] { lock.withLock { zip(times.dropFirst(), times).map { $0 - $1 } } }
}

/// Virtual time that runs `onSleep` with the seconds elapsed after each sleep.
final class SteppingClock: ClientClock, @unchecked Sendable {
    private let lock = NSLock()
    private var elapsed: Double = 0
    var onSleep: (@Sendable (Double) -> Void)?
    var now: Double { lock.withLock { 1_800_000_000 + elapsed } }
    func sleep(seconds: Double) async throws {
        let after = lock.withLock { elapsed += seconds; return elapsed }
        onSleep?(after)
    }
}
