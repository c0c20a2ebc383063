import Synchronization

/// The waits under way in one command, counted by the kind of resource they wait for (the kind the client names:
/// `synced_database_tables`, `postgres_endpoints`, …). Pollers of one kind share a budget of about `pollsPerSecond`
/// polls a second, widened while waits of the kind finish (`pause`): a thousand synced tables waiting at once poll
/// rarely, the last few poll often, so the tail of an apply is seen soon after it is reached without more polls per
/// table in all. Kinds are counted apart, so that many synced tables waiting do not slow the operations their
/// parents wait on. A wait that reaches its goal prompts the sleeping waits of its kind that started before it to
/// poll at once, and makes the others count the time they waited from then on (`progressed`): while the platform is
/// finishing waits of a kind, the last ones poll as often as their share allows instead of a tenth of the time they
/// waited.
public final class WaitCrowds: Sendable {
    /// The polls a second one kind of wait shares: a tenth of what 32 requests in flight answered in 50 ms allow.
    /// Measured at N = 1000 against 32 (six runs each): the last table seen 1.02–1.07× after the emulator's last
    /// table online instead of 1.08–1.28×, for about 5.5 requests per synced table instead of 4.6; against 128
    /// earlier, as quick with a quarter fewer requests (BENCHMARKS.md).
    public static let pollsPerSecond = 64.0

    /// One kind's waits.
    private struct Crowd {
        /// Waits under way.
        var count = 0
        /// When the latest-started wait that reached its goal had started.
        var newestFinishedStart: Double?
        /// When a wait last reached its goal.
        var lastFinish: Double?
        /// When waits reached their goal within about the last second.
        var recentFinishes: [Double] = []

        /// Seconds a wait started at `start` has waited at `now` without seeing progress.
        func progressed(startedAt start: Double, now: Double) -> Double {
            now - max(start, lastFinish ?? start)
        }

        /// Waits that reached their goal in the second before `now`.
        func finishedInLastSecond(now: Double) -> Int {
            recentFinishes.count { $0 > now - 1 }
        }
    }

    private let crowds = Mutex<[String: Crowd]>([:])

    /// No waits yet.
    public init() {}

    /// Counts a wait of `kind` in.
    func enter(_ kind: String) {
        crowds.withLock { $0[kind, default: Crowd()].count += 1 }
    }

    /// Counts a wait of `kind` out (the kind's record of finishes stays).
    func leave(_ kind: String) {
        crowds.withLock { crowds in
            guard var crowd = crowds[kind] else { return }
            crowd.count = max(0, crowd.count - 1)
            crowds[kind] = crowd
        }
    }

    /// Records that a wait of `kind` started at `start` reached its goal at `now`.
    func finished(_ kind: String, startedAt start: Double, at now: Double) {
        crowds.withLock { crowds in
            var crowd = crowds[kind, default: Crowd()]
            crowd.newestFinishedStart = max(crowd.newestFinishedStart ?? start, start)
            crowd.lastFinish = max(crowd.lastFinish ?? now, now)
            crowd.recentFinishes.removeAll { $0 <= now - 1 }
            crowd.recentFinishes.append(now)
            crowds[kind] = crowd
        }
    }

    /// How many waits of `kind` reached their goal in the second before `now`.
    func finishedInLastSecond(_ kind: String, now: Double) -> Int {
        crowds.withLock { $0[kind]?.finishedInLastSecond(now: now) ?? 0 }
    }

    /// Seconds a wait of `kind` started at `start` has waited at `now` without seeing progress: since it started, or
    /// since a wait of its kind last reached its goal, whichever is later.
    func progressed(_ kind: String, startedAt start: Double, now: Double) -> Double {
        crowds.withLock { $0[kind]?.progressed(startedAt: start, now: now) } ?? now - start
    }

    /// When the latest-started wait of `kind` that reached its goal had started, if any did.
    func newestFinishedStart(_ kind: String) -> Double? {
        crowds.withLock { $0[kind]?.newestFinishedStart }
    }

    /// Waits of `kind` under way now.
    public func count(_ kind: String) -> Int {
        crowds.withLock { $0[kind]?.count ?? 0 }
    }

    /// The next pause of a wait of `kind` started at `start`, at `now`, after a pause of `previous` (`pause`, with the
    /// crowd read once).
    func nextPause(_ kind: String, startedAt start: Double, now: Double, after previous: Double, first: Double,
                   longest: Double) -> Double {
        let crowd = crowds.withLock { $0[kind] } ?? Crowd()
        return Self.pause(after: previous, waited: crowd.progressed(startedAt: start, now: now), pending: crowd.count,
                          finishing: crowd.finishedInLastSecond(now: now), first: first, longest: longest)
    }

    /// The pause before the next poll of one of `pending` waits of a kind, after a pause of `previous` and `waited`
    /// seconds without progress (see `progressed`), while `finishing` waits of the kind reached their goal in the
    /// last second, within `first…longest`:
    /// - the kind's budget is `pollsPerSecond` polls a second, plus one for every two waits that finished in the last
    ///   second (while the platform finishes many, seeing each costs a poll anyway, and the crowd keeps pace);
    /// - each wait's fair share of the budget is `pending / budget` seconds;
    /// - the pause doubles, up to the larger of that share and a tenth of the time waited (so a lone wait sees its
    ///   goal within about 10% of the time it took), never beyond `longest`;
    /// - and it is at least half the share while many wait (they spread out instead of polling together early).
    public static func pause(after previous: Double, waited: Double, pending: Int, finishing: Int = 0, first: Double,
                             longest: Double) -> Double {
        let share = Double(max(pending, 1)) / (pollsPerSecond + Double(max(finishing, 0)) / 2)
        let cap = min(longest, max(first, share, waited / 10))
        let floor = min(cap, share / 2)
        return max(floor, min(previous * 2, cap))
    }
}
