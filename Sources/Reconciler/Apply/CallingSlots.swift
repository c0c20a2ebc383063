import Providers
import Synchronization

/// Bounds the nodes making calls at once (`ApplyOptions.maxActing`), first come, first served. A node gives its
/// slot back when its calls end, or as soon as one of them starts waiting (`WaitSignals.pausing`): an operation
/// that runs for minutes does not keep other nodes from calling.
final class CallingSlots: Sendable {
    private let slots: FairSemaphore

    /// `count` slots, at least one.
    init(_ count: Int) {
        slots = FairSemaphore(slots: count)
    }

    /// Waits for a free slot and takes it.
    func take() async -> Slot {
        await slots.take()
        return Slot(owner: slots)
    }

    /// One taken slot; releasing it twice gives it back once.
    final class Slot: Sendable {
        private let owner: FairSemaphore
        private let released = Atomic(false)

        fileprivate init(owner: FairSemaphore) {
            self.owner = owner
        }

        /// Gives the slot back (once).
        func release() {
            if !released.exchange(true, ordering: .acquiringAndReleasing) { owner.give() }
        }
    }
}
