import Foundation

/// How many emulators (or demos) the tests run at once. Each one runs PostgreSQL servers; dozens at once on a two-core
/// machine make every wait time out. `LAKEBASE_LOCAL_TEST_PARALLEL` overrides the default (twice the cores, at
/// least 3).
public actor EmulatorSlots {
    public static let shared = EmulatorSlots(
        limit: ProcessInfo.processInfo.environment["LAKEBASE_LOCAL_TEST_PARALLEL"].flatMap(Int.init)
            ?? max(3, ProcessInfo.processInfo.activeProcessorCount * 2))

    private var available: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { available = max(1, limit) }

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
        if waiting.isEmpty {
            available += 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
