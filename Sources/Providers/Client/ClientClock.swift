#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Time as the client and the waiters see it, injected so tests can run minutes of waiting in no time.
public protocol ClientClock: Sendable {
    /// Seconds since 1970.
    var now: Double { get }
    /// Waits `seconds` (throws when the task is cancelled).
    func sleep(seconds: Double) async throws
}

/// The real clock.
public struct SystemClock: ClientClock {
    /// The real clock.
    public init() {}

    public var now: Double { Date().timeIntervalSince1970 }

    public func sleep(seconds: Double) async throws {
        guard seconds > 0 else { return }
        try await Task.sleep(for: .milliseconds(Int((seconds * 1000).rounded())))
    }
}
