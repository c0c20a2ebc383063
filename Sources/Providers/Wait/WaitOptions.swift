#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// How long and how often waiters poll, and where they report progress.
public struct WaitOptions: Sendable {
    /// The default timeout: 20 minutes, like the SDKs' waiter.
    public static let defaultTimeout: Double = 1200

    /// Seconds before a wait gives up.
    public var timeout: Double
    /// Time, injected so tests can wait minutes in no time.
    public var clock: any ClientClock
    /// First pause between polls; it doubles up to `maxInterval` (see `WaitCrowds.pause`).
    public var firstInterval: Double
    /// Longest pause between polls.
    public var maxInterval: Double
    /// Called with a line whenever the observed state changes.
    public var progress: (@Sendable (String) -> Void)?
    /// The waits under way, shared by every copy of these options (their pauses follow how many there are).
    public var crowds = WaitCrowds()

    /// Options; `timeout` defaults to `RECONCILE_WAIT_TIMEOUT` seconds when set, else 20 minutes.
    public init(
        timeout: Double? = nil, clock: any ClientClock = SystemClock(), firstInterval: Double = 0.25,
        maxInterval: Double = 10, progress: (@Sendable (String) -> Void)? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.timeout = timeout ?? environment["RECONCILE_WAIT_TIMEOUT"].flatMap(Double.init) ?? Self.defaultTimeout
        self.clock = clock
        self.firstInterval = firstInterval
        self.maxInterval = maxInterval
        self.progress = progress
    }
}

/// Why a wait ended without reaching its goal.
public struct WaitError: Error, Sendable, CustomStringConvertible {
    /// What happened.
    public enum Reason: Sendable, Equatable {
        /// The timeout passed; the last state seen.
        case timedOut(lastState: String)
        /// The resource reached a state that cannot lead to the goal.
        case failed(state: String, message: String?)
        /// The resource disappeared (404) while we waited for it to become ready.
        case vanished
    }

    /// `database_instances orders-db` or similar.
    public let resource: String
    /// What we waited for, e.g. `AVAILABLE`.
    public let goal: String
    /// Why it ended.
    public let reason: Reason
    /// Seconds waited.
    public let waited: Double

    public var description: String {
        let seconds = Int(waited.rounded())
        switch reason {
        case .timedOut(let state):
            return "\(resource): still \(state) after \(seconds) s waiting for \(goal); raise the limit with "
                + "RECONCILE_WAIT_TIMEOUT (seconds)"
        case .failed(let state, let message):
            return "\(resource): reached \(state) while waiting for \(goal)" + (message.map { ": \($0)" } ?? "")
        case .vanished:
            return "\(resource): disappeared (404) while waiting for \(goal)"
        }
    }
}
