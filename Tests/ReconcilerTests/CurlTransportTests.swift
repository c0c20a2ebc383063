import Foundation
import Testing
@testable import Providers

/// The libcurl transport against a real local HTTP server (a Python fixture).
@Suite(.serialized) struct CurlTransportTests {
    final class FixtureServer {
        let process = Process()
        let stdin = Pipe()
        let port: Int

        init() throws {
            let script = Golden.testsDirectory.appendingPathComponent("Fixtures/http/fixture_server.py").path
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", script]
            let out = Pipe()
            process.standardOutput = out
            process.standardInput = stdin
            try process.run()
            var line = Data()
            while let byte = try out.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
                line.append(byte)
            }
            guard let port = Int(String(decoding: line, as: UTF8.self).replacingOccurrences(of: "port ", with: "")) else {
                throw CocoaError(.fileReadCorruptFile)
            }
            self.port = port
        }

        var base: String { "http://127.0.0.1:\(port)" }

        /// Stops the server: it exits when its stdin closes. (Foundation reaps the child itself.)
        deinit {
            try? stdin.fileHandleForWriting.close()
            process.terminate()
        }
    }

    let transport = CurlTransport(userAgent: "lakebase-reconcile/test", connectTimeout: 5, totalTimeout: 2)

    private func json(_ response: HTTPResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: response.body) as? [String: Any])
    }

    @Test func sendsMethodBodyHeadersAndUserAgent() async throws {
        let server = try FixtureServer()
        let body = Data(#"{"name":"orders-db"}"#.utf8)
        let response = try await transport.send(HTTPRequest(
            method: "POST", url: server.base + "/api/2.0/database/instances",
            headers: [("Content-Type", "application/json")], body: body))
        #expect(response.status == 200)
        #expect(response.headers["x-fixture"] == "yes")
        let echo = try json(response)
        #expect(echo["method"] as? String == "POST")
        #expect(echo["body"] as? String == #"{"name":"orders-db"}"#)
        #expect(echo["user_agent"] as? String == "lakebase-reconcile/test")
        #expect(echo["content_type"] as? String == "application/json")
    }

    @Test(arguments: ["GET", "PATCH", "DELETE", "PUT"])
    func methodsWithoutBody(method: String) async throws {
        let server = try FixtureServer()
        let response = try await transport.send(HTTPRequest(method: method, url: server.base + "/x?purge=true"))
        let echo = try json(response)
        #expect(echo["method"] as? String == method)
        #expect(echo["path"] as? String == "/x?purge=true")
    }

    @Test func errorStatusesAreResponsesNotThrows() async throws {
        let server = try FixtureServer()
        let response = try await transport.send(HTTPRequest(method: "GET", url: server.base + "/status/429"))
        #expect(response.status == 429)
        #expect(response.headers["retry-after"] == "2")
        let error = APIError(status: response.status, body: response.body, method: "GET", path: "/status/429")
        #expect(error.errorCode == "FIXTURE_429")
        #expect(error.isRetryable)
    }

    @Test func connectionsAreReusedAcrossManyConcurrentRequests() async throws {
        let server = try FixtureServer()
        let base = server.base
        let transport = self.transport
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<40 {
                group.addTask { try await transport.send(HTTPRequest(method: "GET", url: base + "/n/\(index)")).status }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(statuses.count == 40 && statuses.allSatisfy { $0 == 200 })
    }

    @Test func refusedConnectionIsTransientAndNamesTheCallWithoutQuery() async throws {
        do {
            _ = try await transport.send(HTTPRequest(method: "GET", url: "http://127.0.0.1:1/api/2.0/x?token=secret"))
            Issue.record("expected a transport error")
        } catch {
            #expect(error.isTransient)
            #expect(error.description.hasPrefix("GET /api/2.0/x: "))
            #expect(!error.description.contains("secret"))
        }
    }

    @Test func totalTimeoutIsEnforced() async throws {
        let server = try FixtureServer()
        do {
            _ = try await transport.send(HTTPRequest(method: "GET", url: server.base + "/slow"))
            Issue.record("expected a timeout")
        } catch {
            #expect(error.isTransient)
            #expect(error.message.lowercased().contains("timeout") || error.message.lowercased().contains("timed out"))
        }
    }

    @Test func inactivityTimeoutAbandonsAStalledTransfer() async throws {
        let server = try FixtureServer()
        let patient = CurlTransport(userAgent: "lakebase-reconcile/test", connectTimeout: 5, totalTimeout: 30,
                                    inactivityTimeout: 1)
        let started = Date()
        do {
            _ = try await patient.send(HTTPRequest(method: "GET", url: server.base + "/stall"))
            Issue.record("expected the stalled transfer to be abandoned")
        } catch {
            #expect(error.isTransient)
            #expect(Date().timeIntervalSince(started) < 3.5, "abandoned by inactivity, not by the server finishing")
        }
    }
}
