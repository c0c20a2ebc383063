/// Bounds requests in flight: at most `maximum`; the current limit halves on a 429 and grows back by one
/// after each streak of `streakLength` successes; never below 1. Waiters are served first come, first served,
/// except that a request made with `urgent` set goes ahead of every waiting one (the identity and state reads a
/// plan needs, behind a thousand reads it started ahead).
public actor AdaptiveConcurrencyLimit {
    /// Set (with `$urgent.withValue(true) { … }`) around calls that should wait at the head of the queue.
    @TaskLocal public static var urgent = false

    /// The configured ceiling (`--max-parallel`).
    public let maximum: Int
    /// The current limit.
    public private(set) var limit: Int
    /// Requests holding a slot now.
    public private(set) var inFlight = 0
    /// Requests waiting for a slot now.
    public var waiting: Int { waiters.count }
    private let streakLength: Int
    private var successStreak = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []
    /// How many of the first `waiters` are urgent (they keep their order among themselves).
    private var urgentWaiting = 0

    /// A limit starting at `maximum`.
    public init(maximum: Int, streakLength: Int = 8) {
        self.maximum = max(1, maximum)
        self.limit = max(1, maximum)
        self.streakLength = max(1, streakLength)
    }

    /// Waits for a free slot and takes it.
    public func acquire() async {
        if inFlight < limit, waiters.isEmpty {
            inFlight += 1
            return
        }
        let urgent = Self.urgent
        await withCheckedContinuation { continuation in
            if urgent {
                waiters.insert(continuation, at: urgentWaiting)
                urgentWaiting += 1
            } else {
                waiters.append(continuation)
            }
        }
    }

    /// Gives a slot back, reporting whether the server throttled the request.
    public func release(throttled: Bool) {
        inFlight -= 1
        if throttled {
            limit = max(1, limit / 2)
            successStreak = 0
        } else {
            successStreak += 1
            if successStreak >= streakLength, limit < maximum {
                limit += 1
                successStreak = 0
            }
        }
        while inFlight < limit, !waiters.isEmpty {
            inFlight += 1
            urgentWaiting = max(0, urgentWaiting - 1)
            waiters.removeFirst().resume()
        }
    }
}
