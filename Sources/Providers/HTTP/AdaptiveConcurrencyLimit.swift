import Synchronization

/// Bounds requests in flight: at most `maximum`; the current limit halves on a 429 and grows back by one
/// after each streak of `streakLength` successes; never below 1. Waiters are served first come, first served,
/// except that a request made with `urgent` set goes ahead of every waiting one (the identity and state reads a
/// plan needs, behind a thousand reads it started ahead).
public final class AdaptiveConcurrencyLimit: Sendable {
    /// Set (with `$urgent.withValue(true) { … }`) around calls that should wait at the head of the queue.
    @TaskLocal public static var urgent = false

    /// The configured ceiling (`--max-parallel`).
    public let maximum: Int
    private let slots: FairSemaphore
    private let streakLength: Int
    private let successStreak = Mutex(0)

    /// A limit starting at `maximum`.
    public init(maximum: Int, streakLength: Int = 8) {
        self.maximum = max(1, maximum)
        self.streakLength = max(1, streakLength)
        slots = FairSemaphore(slots: self.maximum)
    }

    /// The current limit.
    public var limit: Int { slots.slots }
    /// Requests holding a slot now.
    public var inFlight: Int { slots.taken }
    /// Requests waiting for a slot now.
    public var waiting: Int { slots.waiting }

    /// Waits for a free slot and takes it (ahead of the queue when `urgent` is set).
    public func acquire() async {
        await slots.take(urgent: Self.urgent)
    }

    /// Gives a slot back, reporting whether the server throttled the request.
    public func release(throttled: Bool) {
        if throttled {
            successStreak.withLock { $0 = 0 }
            slots.give { $0 / 2 }
            return
        }
        let maximum = maximum, streakLength = streakLength
        let grows = successStreak.withLock { streak -> Bool in
            streak += 1
            guard streak >= streakLength, slots.slots < maximum else { return false }
            streak = 0
            return true
        }
        slots.give(resizing: grows ? { min(maximum, $0 + 1) } : nil)
    }
}
