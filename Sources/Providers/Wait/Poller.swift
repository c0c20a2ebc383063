/// What one observation of a polled resource says.
enum PollVerdict<Value: Sendable>: Sendable {
    /// Keep polling; the state to report.
    case pending(state: String)
    /// The goal is reached.
    case done(Value)
    /// The goal can no longer be reached.
    case failed(state: String, message: String?)
}

/// What a wait tells the code that started it: `pausing` is called when the wait found its resource not ready yet
/// and is about to pause (apply gives the node's calling slot back then: a node waiting minutes for an operation
/// does not keep others from making calls). Bound for a task with `WaitSignals.$current.withValue`.
public final class WaitSignals: Sendable {
    /// The signals of the current task's waits, if anyone listens.
    @TaskLocal public static var current: WaitSignals?
    private let onPause: @Sendable () -> Void

    /// Signals calling `pausing`.
    public init(pausing: @escaping @Sendable () -> Void) {
        onPause = pausing
    }

    /// A wait is about to pause (`Poller` calls it; so may any code that waits).
    public func pausing() {
        onPause()
    }
}

/// Polls `observe` until it is done, fails, or the timeout passes. Pauses follow how many waits of the same `kind`
/// are under way (`WaitCrowds.pause`: doubling, capped by their shared budget and a tenth of the time waited), or,
/// with `proportional`, stay a tenth of the time waited so far (a lone wait overshoots the moment its goal is
/// reached by at most about 10%), always within `firstInterval…maxInterval`.
/// With `jittered`, each pause is drawn from its upper half (`pause/2…pause`), so many clients waiting on the same
/// service do not poll in step.
struct Poller: Sendable {
    let options: WaitOptions
    /// The crowd the wait counts in (`synced_database_tables`, `postgres_branches`): waits of one kind share a budget.
    let kind: String
    /// What is waited for, in messages (`postgres_branches projects/p/branches/b`).
    let resource: String
    let goal: String
    var proportional = false
    var jittered = false

    func run<Value: Sendable>(
        _ observe: @escaping @Sendable () async throws(APIError) -> PollVerdict<Value>
    ) async throws -> Value {
        let started = options.clock.now
        options.crowds.enter(kind)
        defer { options.crowds.leave(kind) }
        var pause = proportional ? options.firstInterval
            : crowdPause(after: options.firstInterval / 2, started: started)
        var lastState = ""
        var heedFinished = true
        while true {
            switch try await Self.observed(observe) {
            case .done(let value):
                options.crowds.finished(kind, startedAt: started, at: options.clock.now)
                return value
            case .failed(let state, let message):
                throw failure(.failed(state: state, message: message), started: started)
            case .pending(let state):
                if state != lastState {
                    report(state)
                    lastState = state
                }
            }
            WaitSignals.current?.pausing()
            let waited = options.clock.now - started
            guard waited < options.timeout else {
                throw failure(.timedOut(lastState: lastState), started: started)
            }
            let drawn = jittered ? Double.random(in: (pause / 2)...pause) : pause
            if proportional {
                try await options.clock.sleep(seconds: min(drawn, options.timeout - waited))
                pause = min(options.maxInterval, max(options.firstInterval, (options.clock.now - started) / 10))
            } else {
                // A poll a finished younger wait prompted, that found this one still pending, is not prompted again
                // until the next poll: waits finishing out of order cost at most every other poll.
                let prompted = try await sleepWhileCrowded(drawn, ceiling: pause, started: started,
                                                           heedFinished: heedFinished)
                heedFinished = !prompted
                pause = crowdPause(after: pause, started: started)
            }
        }
    }

    // The helpers below stay out of line: calls made one after another reuse the same memory of the waiting task,
    // where inlined they would all be part of its frame, held for as long as it waits (a thousand wait at once).

    @inline(never)
    private func failure(_ reason: WaitError.Reason, started: Double) -> WaitError {
        WaitError(resource: resource, goal: goal, reason: reason, waited: options.clock.now - started)
    }

    /// The next pause among the waits of this kind now (`WaitCrowds.pause`), after a pause of `previous`.
    @inline(never)
    private func crowdPause(after previous: Double, started: Double) -> Double {
        options.crowds.nextPause(kind, startedAt: started, now: options.clock.now, after: previous,
                                 first: options.firstInterval, longest: options.maxInterval)
    }

    @inline(never)
    private func report(_ state: String) {
        options.progress?("\(resource): \(state)")
    }

    /// Sleeps `planned` seconds, in slices of at most `Self.slice`, cutting the sleep short when the waits of `kind`
    /// thinned out meanwhile (a pause chosen among a thousand waits is too long for one of the last ten), or, with
    /// `heedFinished`, when a wait of the same kind that started later finished (the platform provisions in about
    /// the order it was asked, so this one is likely done too). Returns whether a finished wait cut it short.
    @inline(never)
    private func sleepWhileCrowded(_ planned: Double, ceiling: Double, started: Double,
                                   heedFinished: Bool) async throws -> Bool {
        var due = min(planned, options.timeout - (options.clock.now - started))
        var slept = 0.0
        let finishedBefore = options.crowds.newestFinishedStart(kind)
        while due - slept > 0.000_5 {
            let slice = min(due - slept, Self.slice)
            try await options.clock.sleep(seconds: slice)
            slept += slice
            if heedFinished, let newest = options.crowds.newestFinishedStart(kind), newest >= started,
               newest != finishedBefore {
                return true
            }
            due = min(due, crowdPause(after: ceiling / 2, started: started))
        }
        return false
    }

    /// One observation, made in a child task: the request's frames are freed when it ends instead of staying with
    /// the waiting task, which keeps the deepest stack it ever reached for as long as it lives (a thousand waits
    /// would otherwise each hold one request's frames while they sleep).
    @inline(never)
    private static func observed<Value: Sendable>(
        _ observe: @escaping @Sendable () async throws(APIError) -> PollVerdict<Value>
    ) async throws(APIError) -> PollVerdict<Value> {
        // A task group, not `async let`: its record takes less of the waiting task's frame.
        try await withTaskGroup(of: Result<PollVerdict<Value>, APIError>.self) { group in
            group.addTask {
                do throws(APIError) {
                    return .success(try await observe())
                } catch {
                    return .failure(error)
                }
            }
            // The one task added always answers; without an answer nothing was observed, so the wait goes on.
            return await group.next() ?? .success(.pending(state: "not observed"))
        }.get()
    }

    /// The longest single sleep of a crowd-paced wait: how soon it notices that the crowd thinned out or that a wait
    /// it follows finished (measured at N = 1000: 1 s left the last tables seen 1–4 s after they were online, a
    /// quarter of a second about 0.3 s, for the same number of requests).
    static let slice = 0.25
}
