import Foundation

/// A counting semaphore for async work: at most `limit` holders at once, the rest wait their turn in order.
/// `lakebase-local` bounds its pipeline jobs with it (each holds a few PostgreSQL connections, and a thousand
/// synced tables provisioning together would exhaust `max_connections`; the platform queues pipelines too); the
/// test harness bounds the emulators it runs at once.
public actor WorkSlots {
    /// Pipeline jobs at once: twice the cores, at least 4.
    static let dataPlaneLimit = max(4, ProcessInfo.processInfo.activeProcessorCount * 2)

    private var available: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Slots for `limit` holders (at least one).
    public init(limit: Int) { available = max(1, limit) }

    /// Waits for a free slot.
    public func acquire() async {
        if available > 0 {
            available -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Frees a slot (or hands it to the next waiter).
    public func release() {
        if waiting.isEmpty { available += 1 } else { waiting.removeFirst().resume() }
    }

    /// Runs `job` holding a slot.
    func run<Value: Sendable>(_ job: @Sendable () async -> Value) async -> Value {
        await acquire()
        let value = await job()
        release()
        return value
    }
}
