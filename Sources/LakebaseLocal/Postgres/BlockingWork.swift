import Foundation

/// Runs blocking work (libpq calls, COPY transfers) on a thread of its own, so neither an actor nor Swift's
/// cooperative pool waits on it.
enum BlockingWork {
    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
        }
    }
}
