#if canImport(Glibc)
import CMalloc
#endif

/// Process-wide memory settings, applied before anything else runs.
enum MemoryTuning {
    /// One malloc arena for every thread (glibc gives each thread that allocates its own, up to eight per core).
    /// Swift's tasks hop between threads, so every arena ends up holding freed memory of its own: measured at
    /// N = 1000 with the same binary, one arena lowered peak RSS by 1–3 MB for plan and apply, at the same time
    /// (BENCHMARKS.md).
    static func apply() {
        #if canImport(Glibc)
        _ = mallopt(cmalloc_arena_max, 1)
        #endif
    }
}
