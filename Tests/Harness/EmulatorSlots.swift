import Foundation
import LakebaseLocal

/// How many emulators (or demos) the tests run at once. Each one runs PostgreSQL servers; dozens at once on a two-core
/// machine make every wait time out. `LAKEBASE_LOCAL_TEST_PARALLEL` overrides the default (twice the cores, at
/// least 3).
public enum EmulatorSlots {
    /// The slots every test shares.
    public static let shared = WorkSlots(
        limit: ProcessInfo.processInfo.environment["LAKEBASE_LOCAL_TEST_PARALLEL"].flatMap(Int.init)
            ?? max(3, ProcessInfo.processInfo.activeProcessorCount * 2))
}
