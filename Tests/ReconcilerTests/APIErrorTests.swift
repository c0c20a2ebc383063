import Foundation
import Testing
@testable import Providers

@Suite struct APIErrorTests {
    @Test(arguments: [
        (404, #"{"error_code":"RESOURCE_DOES_NOT_EXIST","message":"Database instance 'x' does not exist.","details":[{"@type":"type.googleapis.com/google.rpc.RequestInfo","request_id":"req-1"}]}"#,
         "RESOURCE_DOES_NOT_EXIST", "Database instance 'x' does not exist.", "req-1" as String?),
        (400, #"{"error":"Invalid token"}"#, "BAD_REQUEST", "Invalid token", nil),
        (401, #"{"error":"invalid_client","error_description":"bad client"}"#, "invalid_client", "bad client", nil),
        (403, #"{"detail":"User not authorized","status":"403"}"#, "PERMISSION_DENIED", "User not authorized", nil),
        (502, "upstream connect error", "HTTP_502", "upstream connect error", nil),
        (503, "", "TEMPORARILY_UNAVAILABLE", "Service Unavailable", nil),
        (500, "<html><body>oops</body></html>", "INTERNAL_ERROR", "Internal Server Error", nil),
    ])
    func parsesBodies(status: Int, body: String, code: String, message: String, requestID: String?) {
        let error = APIError(status: status, body: Data(body.utf8), method: "GET", path: "/api/2.0/database/instances/x?purge=true")
        #expect(error.errorCode == code)
        #expect(error.message == message)
        #expect(error.requestID == requestID)
        #expect(error.path == "/api/2.0/database/instances/x")
    }

    @Test(arguments: [
        (400, APIErrorKind.invalidParameter, false), (401, .unauthenticated, false), (403, .permissionDenied, false),
        (404, .notFound, false), (409, .alreadyExists, false), (429, .rateLimited, true), (500, .internalError, false),
        (501, .notImplemented, false), (503, .unavailable, true), (504, .deadlineExceeded, false), (418, .other, false),
    ])
    func classification(status: Int, kind: APIErrorKind, retryable: Bool) {
        let error = APIError(status: status, body: Data(), method: "POST", path: "/p")
        #expect(error.kind == kind)
        #expect(error.isRetryable == retryable)
    }

    @Test func descriptionNamesCallStatusCodeAndMessage() {
        let error = APIError(status: 501, body: Data(#"{"error_code":"NOT_IMPLEMENTED","message":"Update Synced Database Table is not yet implemented."}"#.utf8),
                             method: "PATCH", path: "/api/2.0/database/synced_tables/a.b.c?update_mask=*")
        #expect(error.description == "PATCH /api/2.0/database/synced_tables/a.b.c: 501 NOT_IMPLEMENTED: Update Synced Database Table is not yet implemented.")
    }
}

@Suite struct RetryPolicyTests {
    let policy = RetryPolicy(budget: 60, baseDelay: 1, maxDelay: 10)

    @Test(arguments: [
        (RetryPolicy.Failure.status(429, retryAfter: 3), 1, 0.0, 0.5, 3.5 as Double?),
        (.status(503, retryAfter: 100), 1, 0.0, 0.0, 10),
        (.status(429, retryAfter: nil), 3, 0.0, 0.5, 2),
        (.transport, 1, 0.0, 1.0, 1),
        (.transport, 5, 0.0, 1.0, 10),
        (.transport, 2, 0.0, 0.0, 0.1),
        (.status(500, retryAfter: 1), 1, 0.0, 0.5, nil),
        (.status(400, retryAfter: nil), 1, 0.0, 0.5, nil),
        (.status(404, retryAfter: nil), 1, 0.0, 0.5, nil),
        (.status(501, retryAfter: nil), 1, 0.0, 0.5, nil),
        (.status(504, retryAfter: nil), 1, 0.0, 0.5, nil),
        (.status(429, retryAfter: 5), 4, 58.0, 0.0, nil),
    ])
    func decisions(failure: RetryPolicy.Failure, attempt: Int, elapsed: Double, random: Double, expected: Double?) {
        #expect(policy.delay(after: failure, attempt: attempt, elapsed: elapsed, random: random) == expected)
    }

    @Test func retryAfterHeaderForms() {
        #expect(RetryPolicy.parseRetryAfter("7", now: 0) == 7)
        #expect(RetryPolicy.parseRetryAfter(" 2.5 ", now: 0) == 2.5)
        #expect(RetryPolicy.parseRetryAfter("Wed, 21 Oct 2015 07:28:10 GMT", now: 1445412480) == 10)
        #expect(RetryPolicy.parseRetryAfter("soon", now: 0) == nil)
        #expect(RetryPolicy.parseRetryAfter(nil, now: 0) == nil)
    }
}

@Suite struct AdaptiveConcurrencyLimitTests {
    @Test func halvesOnThrottleAndGrowsBackPerStreak() async {
        let limit = AdaptiveConcurrencyLimit(maximum: 16, streakLength: 2)
        for _ in 0..<3 { await limit.acquire() }
        limit.release(throttled: true)
        #expect(limit.limit == 8)
        limit.release(throttled: true)
        #expect(limit.limit == 4)
        limit.release(throttled: false)
        #expect(limit.limit == 4)
        for _ in 0..<2 { await limit.acquire(); limit.release(throttled: false) }
        #expect(limit.limit == 5)
    }

    @Test func neverBelowOneNorAboveMaximum() async {
        let limit = AdaptiveConcurrencyLimit(maximum: 2, streakLength: 1)
        for _ in 0..<5 { await limit.acquire(); limit.release(throttled: true) }
        #expect(limit.limit == 1)
        for _ in 0..<10 { await limit.acquire(); limit.release(throttled: false) }
        #expect(limit.limit == 2)
    }

    @Test func urgentRequestsGoAheadOfWaitingOnesInTheirOwnOrder() async {
        let limit = AdaptiveConcurrencyLimit(maximum: 1)
        await limit.acquire()
        let served = OrderRecorder()
        var tasks: [Task<Void, Never>] = []
        for (name, urgent) in [("a", false), ("b", false), ("u1", true), ("c", false), ("u2", true)] {
            let queuedBefore = limit.waiting
            tasks.append(Task {
                await AdaptiveConcurrencyLimit.$urgent.withValue(urgent) { await limit.acquire() }
                await served.record(name)
                limit.release(throttled: false)
            })
            while limit.waiting == queuedBefore { await Task.yield() }
        }
        limit.release(throttled: false)
        for task in tasks { await task.value }
        #expect(await served.names == ["u1", "u2", "a", "b", "c"])
        #expect(limit.inFlight == 0)
    }

    @Test func boundsRequestsInFlight() async {
        let limit = AdaptiveConcurrencyLimit(maximum: 3)
        let peak = PeakCounter()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    await limit.acquire()
                    await peak.enter()
                    try? await Task.sleep(for: .milliseconds(5))
                    await peak.leave()
                    limit.release(throttled: false)
                }
            }
        }
        #expect(await peak.peak == 3)
        #expect(limit.inFlight == 0)
    }
}

private actor PeakCounter {
    private var current = 0
    private(set) var peak = 0
    func enter() { current += 1; peak = max(peak, current) }
    func leave() { current -= 1 }
}

/// The order in which tasks got through.
private actor OrderRecorder {
    private(set) var names: [String] = []
    func record(_ name: String) { names.append(name) }
}
