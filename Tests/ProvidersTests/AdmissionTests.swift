import Foundation
import LakebaseLocalHarness
import Synchronization
import Testing
@testable import Providers

/// Calls beyond twice the concurrency limit wait at the client's door (`WorkspaceClient.admitted`), urgent ones
/// first, before they build anything of the request.
@Suite struct AdmissionTests {
    /// Holds every request until `releaseAll`, recording the order they arrived in.
    final class HeldTransport: HTTPTransporting, Sendable {
        private let held = Mutex<[CheckedContinuation<Void, Never>]>([])
        private let arrived = Mutex<[String]>([])
        private let released = Atomic(false)

        var paths: [String] { arrived.withLock { $0 } }
        var holding: Int { held.withLock { $0.count } }

        func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
            arrived.withLock { $0.append(HTTPRequest.pathOnly(request.url)) }
            if !released.load(ordering: .acquiring) {
                await withCheckedContinuation { continuation in
                    if released.load(ordering: .acquiring) { continuation.resume() } else { held.withLock { $0.append(continuation) } }
                }
            }
            return HTTPResponse(status: 200, headers: [:], body: Data("{}".utf8), httpVersion: "1.1")
        }

        func releaseAll() {
            released.store(true, ordering: .releasing)
            for continuation in held.withLock({ list in defer { list.removeAll() }; return list }) { continuation.resume() }
        }
    }

    static func settle(until condition: () async -> Bool) async {
        for _ in 0..<400 where await !condition() { try? await Task.sleep(for: .milliseconds(5)) }
    }

    @Test func callsBeyondTwiceTheLimitWaitAtTheDoorAndUrgentOnesGoFirst() async throws {
        let transport = HeldTransport()
        let sender = RetryingSender(transport: transport, limit: AdaptiveConcurrencyLimit(maximum: 2))
        let client = WorkspaceClient(host: try WorkspaceHost(parsing: "https://example.cloud.databricks.com"),
                                     tokens: StaticTokenSource(token: "dapi-x"), sender: sender)
        let admission = try #require(sender.admission)
        #expect(admission.slots == 4)
        let calls = (0..<10).map { index in
            Task { _ = try await client.call("GET", "/r/\(index)") }
        }
        await Self.settle { admission.waiting == 6 && transport.holding == 2 }
        #expect(admission.taken == 4, "twice the limit are past the door")
        #expect(admission.waiting == 6)
        let urgent = Task {
            try await AdaptiveConcurrencyLimit.$urgent.withValue(true) { _ = try await client.call("GET", "/identity") }
        }
        await Self.settle { admission.waiting == 7 }
        transport.releaseAll()
        for call in calls { try await call.value }
        try await urgent.value
        let paths = transport.paths
        #expect(paths.count == 11)
        let identity = try #require(paths.firstIndex(of: "/identity"))
        #expect(identity <= 4, "the urgent call passes the six waiting at the door: \(paths)")
    }
}
