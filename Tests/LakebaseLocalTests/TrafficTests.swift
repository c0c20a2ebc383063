import Foundation
import LakebaseLocalHarness
import Testing
import JSONCore

/// Fault injection, the concurrency limit, latency and the request log.
@Suite struct TrafficTests {
    /// Statuses of `count` sequential calls.
    private func statuses(_ emulator: Emulator, count: Int) async throws -> [Int] {
        var result: [Int] = []
        for _ in 0..<count { result.append(try await emulator.call("GET", "/api/2.0/preview/scim/v2/Me").status) }
        return result
    }

    @Test func faultsComeNearTheRateAndRepeatWithTheSeed() async throws {
        let first = try await Emulator.start(["--fault-rate", "0.3", "--fault-seed", "42"])
        let sequence = try await statuses(first, count: 300)
        let faults = sequence.filter { $0 != 200 }
        #expect(Set(faults).isSubset(of: [429, 503]))
        #expect(faults.contains(429) && faults.contains(503))
        let ratio = Double(faults.count) / Double(sequence.count)
        #expect(ratio > 0.22 && ratio < 0.38, "fault ratio \(ratio) is near 0.3")

        let second = try await Emulator.start(["--fault-rate", "0.3", "--fault-seed", "42"])
        #expect(try await statuses(second, count: 300) == sequence, "the same seed gives the same faults")
        let other = try await Emulator.start(["--fault-rate", "0.3", "--fault-seed", "7"])
        #expect(try await statuses(other, count: 300) != sequence)
    }

    @Test func faultsCarryRetryAfterAndHaveNoEffect() async throws {
        let emulator = try await Emulator.start(["--fault-rate", "1", "--fault-seed", "1"])
        let reply = try await emulator.call("POST", "/api/2.0/database/instances", body: #"{"name":"never"}"#)
        #expect([429, 503].contains(reply.status))
        #expect(["REQUEST_LIMIT_EXCEEDED", "TEMPORARILY_UNAVAILABLE"].contains(reply.errorCode ?? ""))
        #expect(reply.headers["retry-after"] == "1")
        let metadata = try await emulator.call("GET", "/.well-known/databricks-config", token: nil)
        #expect(metadata.status == 200, "faults hit /api/ calls only")
        let restarted = try await emulator.restarted()
        let instances = try await restarted.call("GET", "/api/2.0/database/instances")
        #expect(instances.json["database_instances"] == nil, "a faulted create created nothing")
    }

    @Test func concurrencyBeyondTheLimitIsRefusedWith429() async throws {
        let emulator = try await Emulator.start(["--latency-ms", "2000", "--max-concurrent-requests", "2"])
        let statuses = try await withThrowingTaskGroup(of: (Int, String?).self) { group in
            for _ in 0..<6 {
                group.addTask {
                    let reply = try await emulator.call("GET", "/api/2.0/preview/scim/v2/Me")
                    return (reply.status, reply.headers["retry-after"])
                }
            }
            return try await group.reduce(into: [(Int, String?)]()) { $0.append($1) }
        }
        #expect(statuses.filter { $0.0 == 200 }.count >= 2)
        let refused = statuses.filter { $0.0 == 429 }
        #expect(!refused.isEmpty)
        #expect(refused.allSatisfy { $0.1 != nil }, "429s carry Retry-After")
    }

    @Test func requestLogRecordsEveryCallWithoutSecrets() async throws {
        let folder = try Emulator.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let logFile = folder.appendingPathComponent("requests.jsonl")
        let emulator = try await Emulator.start([
            "--request-log", logFile.path, "--client-id", "sp-id", "--client-secret", "sp-secret-value",
        ])
        _ = try await emulator.call("POST", "/api/2.0/database/instances", body: #"{"name":"logged","capacity":"CU_1"}"#)
        let instance = try await emulator.waitFor("/api/2.0/database/instances/logged", "state", equals: "AVAILABLE")
        _ = instance
        let credential = try await credential(emulator, instance: "logged")
        _ = try await emulator.call("DELETE", "/api/2.0/database/instances/logged?purge=true")
        let basic = Data("sp-id:sp-secret-value".utf8).base64EncodedString()
        let granted = try await emulator.call(
            "POST", "/oidc/v1/token", token: nil, headers: [("Authorization", "Basic \(basic)")],
            form: "grant_type=client_credentials&scope=all-apis&client_secret=sp-secret-value")
        let accessToken = try #require(granted.json["access_token"]?.stringValue)
        _ = try await emulator.call("GET", "/api/2.0/preview/scim/v2/Me", token: accessToken)
        _ = try await emulator.call(
            "POST", "/api/2.0/workspace/mkdirs", body: #"{"path":"/Shared/x","password":"hunter2","nested":{"token":"abc"}}"#)
        await emulator.stop()

        let text = try String(contentsOf: logFile, encoding: .utf8)
        for secret in [Emulator.token, credential, "sp-secret-value", accessToken, basic, "hunter2", "\"abc\""] {
            #expect(!text.contains(secret), "the request log must not contain \(secret.prefix(8))…")
        }
        let entries = try text.split(separator: "\n").map { try JSONParser.parse(String($0)) }
        let create = try #require(entries.first)
        #expect(create["method"]?.stringValue == "POST")
        #expect(create["path"]?.stringValue == "/api/2.0/database/instances")
        #expect(create["body"] == .object(["name": .string("logged"), "capacity": .string("CU_1")]))
        #expect(create["status"] == .int(200))
        #expect(create["query"] == .object([:]))
        let delete = try #require(entries.first { $0["method"]?.stringValue == "DELETE" })
        #expect(delete["query"] == .object(["purge": .string("true")]))
        #expect(delete["body"] == .null)
        let mkdirs = try #require(entries.last)
        #expect(mkdirs["body"]?["password"]?.stringValue == "**REDACTED**")
        #expect(mkdirs["body"]?["nested"]?["token"]?.stringValue == "**REDACTED**")
        let token = try #require(entries.first { $0["path"]?.stringValue == "/oidc/v1/token" })
        #expect(token["body"]?["client_secret"]?.stringValue == "**REDACTED**")
        #expect(token["body"]?["grant_type"]?.stringValue == "client_credentials")
    }
}
