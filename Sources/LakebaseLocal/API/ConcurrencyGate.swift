/// Counts requests in flight; beyond the limit a request is refused with 429 `REQUEST_LIMIT_EXCEEDED`.
actor ConcurrencyGate {
    private let limit: Int?
    private var inFlight = 0

    init(limit: Int?) { self.limit = limit }

    /// Admits a request, or returns the 429 to answer.
    func enter() -> LocalAPIError? {
        if let limit, inFlight >= limit {
            return .tooManyRequests("Too many concurrent requests (limit \(limit)); retry later.", retryAfter: 1)
        }
        inFlight += 1
        return nil
    }

    /// Marks an admitted request as finished.
    func leave() { inFlight -= 1 }
}
