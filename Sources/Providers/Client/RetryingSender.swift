#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSONCore

/// Sends requests with the retry rule of lakebase-api.md §15: 429/503 honour `Retry-After` (capped),
/// connection failures back off with full jitter, other statuses are final; all within `policy.budget`.
/// Requests in flight are bounded by the adaptive limit, which halves on 429. Each exchange can be traced.
public struct RetryingSender: Sendable {
    let transport: any HTTPTransporting
    let policy: RetryPolicy
    let clock: any ClientClock
    let limit: AdaptiveConcurrencyLimit?
    /// Calls past their first step at once: twice the limit's ceiling (`WorkspaceClient.admitted`).
    let admission: FairSemaphore?
    let trace: DebugTrace?
    /// Told one line per retry once a call has been retrying for `quietSeconds` (what, why, attempt, time so far).
    let notice: (@Sendable (String) -> Void)?
    /// How long retries stay silent.
    static let quietSeconds = 3.0

    /// A sender; `limit` nil means unbounded, `trace` nil means silent, `notice` nil means retries are not told.
    public init(
        transport: any HTTPTransporting, policy: RetryPolicy = RetryPolicy(), clock: any ClientClock = SystemClock(),
        limit: AdaptiveConcurrencyLimit? = nil, trace: DebugTrace? = nil, notice: (@Sendable (String) -> Void)? = nil
    ) {
        self.transport = transport
        self.policy = policy
        self.clock = clock
        self.limit = limit
        admission = limit.map { FairSemaphore(slots: 2 * $0.maximum) }
        self.trace = trace
        self.notice = notice
    }

    /// The final response (any status that is not retried) and how many attempts it took; a connection that
    /// kept failing until the budget ran out is an `APIError` with code `CONNECTION_FAILED`.
    public func exchange(_ request: @Sendable () async throws(APIError) -> HTTPRequest) async throws(APIError) -> (HTTPResponse, attempts: Int) {
        let started = clock.now
        var attempt = 0
        while true {
            attempt += 1
            let outgoing = try await request()
            let begin = clock.now
            await limit?.acquire()
            let outcome: Result<HTTPResponse, TransportError>
            do {
                outcome = .success(try await transport.send(outgoing))
            } catch {
                outcome = .failure(error)
            }
            let throttled = (try? outcome.get().status) == 429
            limit?.release(throttled: throttled)
            let failure: RetryPolicy.Failure
            switch outcome {
            case .success(let response):
                trace?.exchange(outgoing, status: String(response.status), seconds: clock.now - begin, attempt: attempt)
                let retryAfter = RetryPolicy.parseRetryAfter(response.headers["retry-after"], now: clock.now)
                failure = .status(response.status, retryAfter: retryAfter)
                guard response.status == 429 || response.status == 503 else { return (response, attempt) }
            case .failure(let error):
                trace?.exchange(outgoing, status: "failed (\(error.message))", seconds: clock.now - begin, attempt: attempt)
                guard error.isTransient else { throw Self.connectionError(error, outgoing) }
                failure = error.isUnreachable ? .unreachable : .transport
            }
            guard let wait = policy.delay(after: failure, attempt: attempt, elapsed: clock.now - started, random: Double.random(in: 0..<1))
            else {
                switch outcome {
                case .success(let response): return (response, attempt)
                case .failure(let error): throw Self.connectionError(error, outgoing)
                }
            }
            let elapsed = clock.now - started
            if let notice, elapsed + wait >= Self.quietSeconds {
                let why: String
                switch outcome {
                case .success(let response): why = "HTTP \(response.status)"
                case .failure(let error): why = error.message
                }
                notice("retrying \(outgoing.method) \(HTTPRequest.pathOnly(outgoing.url)) in \(CFormat.string("%.1f", wait)) s: \(why) "
                       + "(attempt \(attempt), \(CFormat.string("%.1f", elapsed)) s so far)")
            }
            do {
                try await clock.sleep(seconds: wait)
            } catch {
                throw APIError(status: 499, errorCode: "CANCELLED", message: "cancelled while waiting to retry",
                               method: outgoing.method, path: HTTPRequest.pathOnly(outgoing.url))
            }
        }
    }

    /// The error of a call that got no response: which host, what went wrong, and for a loopback host that does
    /// not answer, the likely fix (start `lakebase-local`).
    static func connectionError(_ error: TransportError, _ request: HTTPRequest) -> APIError {
        let host = HTTPRequest.origin(request.url)
        var message = "cannot reach \(host): \(error.message)"
        if error.isUnreachable, (try? WorkspaceHost(parsing: host))?.isLoopback == true {
            message += "; nothing answers there: start lakebase-local (`lakebase-local serve`) or check DATABRICKS_HOST"
        }
        return APIError(status: 0, errorCode: "CONNECTION_FAILED", message: message, method: request.method,
                        path: HTTPRequest.pathOnly(request.url))
    }
}
