import Foundation

/// Bounds the pipeline work (destination DDL, copies, change feed applies) running at once: each job holds a few
/// PostgreSQL connections, and a thousand synced tables provisioning together would exhaust the servers'
/// `max_connections` (the platform queues pipelines; so do we). Jobs wait their turn in order.
actor DataPlaneSlots {
    /// Jobs at once: twice the cores, at least 4.
    static let defaultLimit = max(4, ProcessInfo.processInfo.activeProcessorCount * 2)

    private var available: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Slots for `limit` jobs.
    init(limit: Int = DataPlaneSlots.defaultLimit) { available = max(1, limit) }

    /// Runs `job` once a slot is free.
    func run<Value: Sendable>(_ job: @Sendable () async -> Value) async -> Value {
        if available > 0 {
            available -= 1
        } else {
            await withCheckedContinuation { waiting.append($0) }
        }
        let value = await job()
        if waiting.isEmpty { available += 1 } else { waiting.removeFirst().resume() }
        return value
    }
}
