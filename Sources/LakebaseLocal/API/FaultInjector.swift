/// Answers a configured fraction of requests with 503 or 429 (each with `Retry-After`) before they have any
/// effect, and drops the connection after another fraction of mutating requests took effect; a seed makes the
/// sequence of faults reproducible.
actor FaultInjector {
    private let rate: Double
    private let dropRate: Double
    private var generator: SplitMix64

    init(rate: Double, dropRate: Double = 0, seed: UInt64) {
        self.rate = rate
        self.dropRate = dropRate
        generator = SplitMix64(seed: seed)
    }

    private func draw() -> Double { Double(generator.next() >> 11) / Double(1 << 53) }

    /// Whether the answer to a mutating request that was just carried out is lost.
    func dropsAnswer(method: String) -> Bool {
        guard dropRate > 0, ["POST", "PATCH", "PUT", "DELETE"].contains(method) else { return false }
        return draw() < dropRate
    }

    /// The fault for the next request, or nil.
    func nextFault() -> LocalAPIError? {
        guard rate > 0 else { return nil }
        guard draw() < rate else { return nil }
        if generator.next() & 1 == 0 {
            return .temporarilyUnavailable("Injected fault: the service is temporarily unavailable.", retryAfter: 1)
        }
        return .tooManyRequests("Injected fault: request limit exceeded.", retryAfter: 1)
    }
}

/// The SplitMix64 generator: small, fast, and the same on every platform for a given seed (fault injection, and the
/// tests' seeded mutations).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator starting at `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next value.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
