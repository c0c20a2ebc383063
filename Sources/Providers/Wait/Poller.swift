/// What one observation of a polled resource says.
enum PollVerdict<Value: Sendable>: Sendable {
    /// Keep polling; the state to report.
    case pending(state: String)
    /// The goal is reached.
    case done(Value)
    /// The goal can no longer be reached.
    case failed(state: String, message: String?)
}

/// Polls `observe` until it is done, fails, or the timeout passes. Pauses double from `firstInterval` (many
/// waiters at once stay cheap), or, with `proportional`, stay a tenth of the time waited so far (a lone wait
/// overshoots the moment its goal is reached by at most about 10%), always within `firstInterval…maxInterval`.
/// With `jittered`, each pause is drawn from its upper half (`pause/2…pause`), so many clients waiting on the same
/// service do not poll in step.
struct Poller: Sendable {
    let options: WaitOptions
    let resource: String
    let goal: String
    var proportional = false
    var jittered = false

    func run<Value: Sendable>(
        _ observe: @Sendable () async throws(APIError) -> PollVerdict<Value>
    ) async throws -> Value {
        let started = options.clock.now
        var pause = options.firstInterval
        var lastState = ""
        while true {
            switch try await observe() {
            case .done(let value):
                return value
            case .failed(let state, let message):
                throw WaitError(resource: resource, goal: goal, reason: .failed(state: state, message: message),
                                waited: options.clock.now - started)
            case .pending(let state):
                if state != lastState {
                    options.progress?("\(resource): \(state)")
                    lastState = state
                }
            }
            let waited = options.clock.now - started
            guard waited < options.timeout else {
                throw WaitError(resource: resource, goal: goal, reason: .timedOut(lastState: lastState), waited: waited)
            }
            let drawn = jittered ? Double.random(in: (pause / 2)...pause) : pause
            try await options.clock.sleep(seconds: min(drawn, options.timeout - waited))
            pause = min(options.maxInterval, proportional ? max(options.firstInterval, (waited + pause) / 10) : pause * 2)
        }
    }
}
