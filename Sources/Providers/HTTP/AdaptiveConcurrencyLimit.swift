/// Bounds requests in flight: at most `maximum`; the current limit halves on a 429 and grows back by one
/// after each streak of `streakLength` successes; never below 1. Waiters are served first come, first served.
public actor AdaptiveConcurrencyLimit {
    /// The configured ceiling (`--max-parallel`).
    public let maximum: Int
    /// The current limit.
    public private(set) var limit: Int
    /// Requests holding a slot now.
    public private(set) var inFlight = 0
    private let streakLength: Int
    private var successStreak = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []

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
        await withCheckedContinuation { waiters.append($0) }
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
            waiters.removeFirst().resume()
        }
    }
}
