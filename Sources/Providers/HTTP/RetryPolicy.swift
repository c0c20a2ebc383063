#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSONCore

/// When to retry a failed call and how long to wait (lakebase-api.md §15, our rule): 429 and 503 honour
/// `Retry-After` (capped); connection-level failures back off exponentially with full jitter; everything
/// else fails at once; all within a total budget per call.
public struct RetryPolicy: Sendable {
    /// Total time a call may spend across attempts and waits, in seconds (default 5 minutes).
    public var budget: Double
    /// First backoff step, in seconds.
    public var baseDelay: Double
    /// Longest single wait, in seconds (also caps `Retry-After`).
    public var maxDelay: Double
    /// How long a host that does not resolve or refuses connections is tried before the call fails (a wrong host
    /// or a server that is not started should not look like a hang); at most `budget`.
    public var unreachableBudget: Double

    /// Creates a policy.
    public init(budget: Double = 300, baseDelay: Double = 0.5, maxDelay: Double = 30, unreachableBudget: Double = 15) {
        self.budget = budget
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.unreachableBudget = unreachableBudget
    }

    /// How an attempt failed.
    public enum Failure: Sendable, Hashable {
        /// The server answered with this status (and maybe `Retry-After` seconds).
        case status(Int, retryAfter: Double?)
        /// The connection failed before a response (reset, timeout, TLS handshake).
        case transport
        /// The host did not resolve, or nothing accepted the connection.
        case unreachable
    }

    /// The wait before the next attempt, or nil to give up. `attempt` counts from 1; `elapsed` is the time
    /// spent so far; `random` is a value in 0..<1 for jitter.
    public func delay(after failure: Failure, attempt: Int, elapsed: Double, random: Double) -> Double? {
        let wait: Double
        switch failure {
        case .status(let status, let retryAfter) where status == 429 || status == 503:
            if let retryAfter, retryAfter >= 0 {
                wait = min(retryAfter, maxDelay) + random * baseDelay
            } else {
                wait = backoff(attempt: attempt, random: random)
            }
        case .status:
            return nil
        case .transport:
            wait = backoff(attempt: attempt, random: random)
        case .unreachable:
            wait = backoff(attempt: attempt, random: random)
            return elapsed + wait <= min(budget, unreachableBudget) ? wait : nil
        }
        return elapsed + wait <= budget ? wait : nil
    }

    /// Full jitter: a random wait up to `base · 2^(attempt-1)`, capped; never below a tenth of the base.
    private func backoff(attempt: Int, random: Double) -> Double {
        let ceiling = min(maxDelay, baseDelay * Double(1 << min(attempt - 1, 20)))
        return max(baseDelay / 10, random * ceiling)
    }

    /// Parses a `Retry-After` header: delta seconds, or an HTTP date relative to `now` (seconds since 1970).
    public static func parseRetryAfter(_ header: String?, now: Double) -> Double? {
        guard let header = header?.trimmingWhitespace(), !header.isEmpty else { return nil }
        if let seconds = Double(header) { return max(0, seconds) }
        guard let date = HTTPDate.parse(header) else { return nil }
        return max(0, date - now)
    }
}
