import Synchronization

/// Slots handed out first come, first served, with an urgent lane ahead of the queue; how many slots there are may
/// change while they are in use. Taking a slot may wait; giving one back never does, so any code may give back,
/// even a signal called from deep inside a wait. Under the request limit (`AdaptiveConcurrencyLimit`) and the
/// executor's calling turns.
public final class FairSemaphore: Sendable {
    private struct State {
        var slots: Int
        var taken = 0
        var queue: [CheckedContinuation<Void, Never>] = []
        /// Waiters before this index were served (the queue is emptied once all are).
        var served = 0
        /// How many waiters from `served` on are urgent (they keep their order among themselves).
        var urgent = 0

        /// The next waiter, given a slot, when a slot is free and someone waits.
        mutating func serveNext() -> CheckedContinuation<Void, Never>? {
            guard taken < slots, served < queue.count else { return nil }
            let waiter = queue[served]
            served += 1
            urgent = max(0, urgent - 1)
            taken += 1
            if served == queue.count {
                queue.removeAll(keepingCapacity: true)
                served = 0
            }
            return waiter
        }
    }

    private let state: Mutex<State>

    /// `slots` slots, at least one.
    public init(slots: Int) {
        state = Mutex(State(slots: max(1, slots)))
    }

    /// How many slots there are now.
    public var slots: Int { state.withLock { $0.slots } }
    /// Slots taken now.
    public var taken: Int { state.withLock { $0.taken } }
    /// Takers waiting now.
    public var waiting: Int { state.withLock { $0.queue.count - $0.served } }

    /// Waits for a free slot and takes it; an `urgent` taker goes ahead of every waiting one that is not.
    public func take(urgent: Bool = false) async {
        let free = state.withLock { state -> Bool in
            guard state.taken < state.slots, state.served == state.queue.count else { return false }
            state.taken += 1
            return true
        }
        if free { return }
        await withCheckedContinuation { continuation in
            // A slot freed since the check above goes to the head of the queue, which may be this taker.
            let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
                if urgent {
                    state.queue.insert(continuation, at: state.served + state.urgent)
                    state.urgent += 1
                } else {
                    state.queue.append(continuation)
                }
                return state.serveNext()
            }
            next?.resume()
        }
    }

    /// Gives a slot back, first changing the number of slots to `resize(slots)` (at least one) when given, and hands
    /// every free slot to the longest waiters.
    public func give(resizing resize: ((Int) -> Int)? = nil) {
        let ready = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.taken = max(0, state.taken - 1)
            if let resize { state.slots = max(1, resize(state.slots)) }
            var ready: [CheckedContinuation<Void, Never>] = []
            while let next = state.serveNext() { ready.append(next) }
            return ready
        }
        for waiter in ready { waiter.resume() }
    }
}
