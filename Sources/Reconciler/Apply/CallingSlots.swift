import Synchronization

/// Bounds the nodes making calls at once (`ApplyOptions.maxActing`), first come, first served. A node gives its
/// slot back when its calls end, or as soon as one of them starts waiting (`WaitSignals.pausing`): an operation
/// that runs for minutes does not keep other nodes from calling.
final class CallingSlots: Sendable {
    private struct State {
        var free: Int
        var waiters: [CheckedContinuation<Void, Never>] = []
        /// Waiters before this index were resumed (the list is compacted when it is all served).
        var served = 0
    }

    private let state: Mutex<State>

    /// `count` slots, at least one.
    init(_ count: Int) {
        state = Mutex(State(free: max(1, count)))
    }

    /// Waits for a free slot and takes it.
    func take() async -> Slot {
        let taken = state.withLock { state -> Bool in
            guard state.free > 0 else { return false }
            state.free -= 1
            return true
        }
        if !taken {
            await withCheckedContinuation { continuation in
                let now = state.withLock { state -> Bool in
                    if state.free > 0 {
                        state.free -= 1
                        return true
                    }
                    state.waiters.append(continuation)
                    return false
                }
                if now { continuation.resume() }
            }
        }
        return Slot(owner: self)
    }

    /// Hands a freed slot to the longest waiter, or keeps it free.
    fileprivate func give() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard state.served < state.waiters.count else {
                state.free += 1
                return nil
            }
            let waiter = state.waiters[state.served]
            state.served += 1
            if state.served == state.waiters.count {
                state.waiters.removeAll(keepingCapacity: true)
                state.served = 0
            }
            return waiter
        }
        next?.resume()
    }

    /// One taken slot; releasing it twice gives it back once.
    final class Slot: Sendable {
        private let owner: CallingSlots
        private let released = Atomic(false)

        fileprivate init(owner: CallingSlots) {
            self.owner = owner
        }

        /// Gives the slot back (once).
        func release() {
            if !released.exchange(true, ordering: .acquiringAndReleasing) { owner.give() }
        }
    }
}
