import Foundation
import Providers

/// A transport that answers from a script and records what it was sent.
public final class ScriptedTransport: HTTPTransporting, @unchecked Sendable {
    /// One scripted answer.
    public enum Step {
        case respond(Int, body: String = "{}", headers: [String: String] = [:])
        case fail(transient: Bool)
        /// The transfer timed out (transient, but the host was reached).
        case timeout
    }

    private let lock = NSLock()
    private var steps: [Step]
    /// Every request sent, in order.
    public private(set) var requests: [HTTPRequest] = []
    /// When each request was sent, by `clock`, if one was given.
    public private(set) var sentTimes: [Double] = []
    private let clock: (any ClientClock)?

    /// A transport answering with `steps`, then 500 `SCRIPT_EXHAUSTED`; it notes when each request was sent by
    /// `clock`, when given.
    public init(_ steps: [Step], clock: (any ClientClock)? = nil) {
        self.steps = steps
        self.clock = clock
    }

    /// Seconds between one request and the next.
    public var intervals: [Double] {
        lock.withLock { zip(sentTimes.dropFirst(), sentTimes).map { $0 - $1 } }
    }

    /// How many requests were sent.
    public var sentCount: Int { lock.withLock { requests.count } }

    /// Answers with the next step.
    public func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        let sentAt = clock?.now
        let step: Step = lock.withLock {
            requests.append(request)
            if let sentAt { sentTimes.append(sentAt) }
            return steps.isEmpty ? .respond(500, body: #"{"error_code":"SCRIPT_EXHAUSTED","message":"no more steps"}"#) : steps.removeFirst()
        }
        switch step {
        case .respond(let status, let body, let headers):
            return HTTPResponse(status: status, headers: headers, body: Data(body.utf8), httpVersion: "1.1")
        case .fail(let transient):
            throw TransportError(code: 7, message: "Connection refused", call: "\(request.method) x", isTransient: transient)
        case .timeout:
            throw TransportError(code: 28, message: "Timeout was reached", call: "\(request.method) x", isTransient: true)
        }
    }
}

/// Virtual time: `sleep` moves the clock forward at once and records the pause.
public final class ManualClock: ClientClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Double = 1_800_000_000
    /// Every pause slept, in order.
    public private(set) var pauses: [Double] = []

    /// A clock at a fixed start.
    public init() {}

    /// The current virtual time.
    public var now: Double { lock.withLock { current } }

    /// Moves the clock forward by `seconds` at once.
    public func sleep(seconds: Double) async throws {
        lock.withLock {
            current += seconds
            pauses.append(seconds)
        }
        await Task.yield()
    }

    /// Moves the clock forward without a pause.
    public func advance(_ seconds: Double) { lock.withLock { current += seconds } }
}

/// A client for `https://example.cloud.databricks.com` over a scripted transport.
public func scriptedClient(
    _ transport: ScriptedTransport, clock: ManualClock = ManualClock(), tokens: any TokenSource = StaticTokenSource(token: "dapi-secret"),
    trace: DebugTrace? = nil, budget: Double = 300, host address: String = "https://example.cloud.databricks.com",
    notice: (@Sendable (String) -> Void)? = nil
) throws -> WorkspaceClient {
    let host = try WorkspaceHost(parsing: address)
    let sender = RetryingSender(
        transport: transport, policy: RetryPolicy(budget: budget), clock: clock, limit: AdaptiveConcurrencyLimit(maximum: 4),
        trace: trace, notice: notice)
    return WorkspaceClient(host: host, tokens: tokens, sender: sender)
}
