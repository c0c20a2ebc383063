import Foundation
import JSONCore
import Testing
@testable import Reconciler

/// Answers lost in transit: lakebase-local carries a mutating request out and then drops the connection
/// (`--drop-rate`), so the client retries a create that already happened. The apply takes over what it created
/// (the retried POST meets the resource exactly as sent), creates nothing twice, clears every intent, and a second
/// plan is clean.
@Suite(.serialized) struct LostAnswerEndToEndTests {
    @discardableResult
    static func check(_ deployment: LocalDeployment, creates: Set<String>) async throws -> String {
        let applied = try await deployment.reconcile(["apply", "--auto-approve"])
        #expect(applied.status == 0, "\(applied.stderr)")
        let posts = try deployment.lakebaseMutations().filter { $0.hasPrefix("POST ") }.map { $0.split(separator: "?").first.map(String.init) ?? $0 }
        #expect(Set(posts) == creates)
        #expect(posts.count > creates.count, "some answer was lost and its POST retried: \(posts)")
        let plan = try await deployment.reconcile(["plan", "--detailed-exitcode"])
        #expect(plan.status == 0, "\(plan.stdout)\(plan.stderr)")
        #expect(!(try deployment.localState()).serialized().contains("__intent__"), "every completed create cleared its intent")
        return applied.stderr
    }

    @Test(arguments: [UInt64(3), 11])
    func provisionedCreatesAreReadBack(seed: UInt64) async throws {
        let deployment = try await LocalDeployment(Manifests.estate(), flags: ["--drop-rate", "0.5", "--fault-seed", String(seed)])
        try await Self.check(deployment, creates: [
            "POST /api/2.0/database/instances", "POST /api/2.0/database/catalogs", "POST /api/2.0/database/synced_tables",
        ])
        let instances = try await deployment.emulator.call("GET", "/api/2.0/database/instances")
        #expect(instances.json["database_instances"]?.arrayValue?.count == 1, "nothing created twice")
    }

    @Test(arguments: [UInt64(5), 8])
    func autoscalingCreatesAreAdopted(seed: UInt64) async throws {
        let deployment = try await LocalDeployment(
            AutoscalingEndToEndTests.scenario(),
            flags: ["--operation-ms", "50", "--endpoint-reconcile-ms", "100", "--drop-rate", "0.5", "--fault-seed", String(seed)])
        let stderr = try await Self.check(deployment, creates: [
            "POST /api/2.0/postgres/projects", "POST /api/2.0/postgres/projects/scen/branches",
            "POST /api/2.0/postgres/projects/scen/branches/main/endpoints", "POST /api/2.0/postgres/projects/scen/branches/main/roles",
            "POST /api/2.0/postgres/projects/scen/branches/main/databases",
        ])
        // Requests run concurrently, so which answers are lost varies; every retried create must have been adopted
        // (a retried `replace_existing` create simply replaces in place again).
        let posts = try deployment.lakebaseMutations().filter { $0.hasPrefix("POST /api/2.0/postgres/") && !$0.contains("replace_existing") }
        let retried = Set(posts.filter { post in posts.filter { $0 == post }.count > 1 })
        let adopted = stderr.split(separator: "\n").filter { $0.contains("(the answer to an earlier attempt was lost); it is adopted") }
        #expect(adopted.count == retried.count, "retried: \(retried)\n\(stderr)")
        let roles = try await deployment.emulator.call("GET", "/api/2.0/postgres/projects/scen/branches/main/roles")
        let names = roles.json["roles"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
        #expect(names.contains("projects/scen/branches/main/roles/app-owner") && names.contains("projects/scen/branches/main/roles/app-reader"))
    }
}
