import Foundation
import LakebaseLocalHarness
import Testing

/// The official Databricks Python SDK, which knows nothing of our code, runs a full create / read / update /
/// delete cycle of every kind against `lakebase-local`, with a personal access token and with OAuth M2M.
@Suite struct OfficialSDKTests {
    static let script = Emulator.packageRoot.appendingPathComponent("Tests/LakebaseLocalTests/Fixtures/sdk_cycle.py")
    static let installHint = "python3 -m pip install databricks-sdk"

    /// Runs python3 with `arguments`; returns the exit status and the combined output.
    private func python(_ arguments: [String]) async throws -> (Int32, String) {
        let folder = try Emulator.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("python.out")
        let status = try await ChildProcessLauncher.run(["/usr/bin/env", "python3"] + arguments, output: output.path)
        return (status, (try? String(contentsOf: output, encoding: .utf8)) ?? "")
    }

    @Test(arguments: ["pat", "oauth-m2m"])
    func fullCycle(mode: String) async throws {
        let (importStatus, importOutput) = try await python(["-c", "import databricks.sdk"])
        try #require(importStatus == 0, "the Databricks Python SDK is needed: \(Self.installHint)\n\(importOutput)")
        let emulator = try await Emulator.start(["--client-id", "sdk-app-id", "--client-secret", "sdk-secret"])
        let credentials = mode == "pat" ? [Emulator.token] : ["sdk-app-id", "sdk-secret"]
        let (status, output) = try await python([Self.script.path, emulator.baseURL, mode] + credentials)
        #expect(status == 0, "\(output)")
        #expect(output.contains("deleted: all"))
        #expect(output.contains("me: " + (mode == "pat" ? Emulator.user : "sdk-app-id")))
    }

    /// `w.postgres`: projects, branches, endpoints, roles, databases, credentials, soft delete, undelete and purge
    /// (autoscaling-api.md §5).
    @Test func autoscalingLifecycle() async throws {
        let (importStatus, importOutput) = try await python(["-c", "import databricks.sdk.service.postgres"])
        try #require(importStatus == 0, "the Databricks Python SDK (with w.postgres) is needed: \(Self.installHint)\n\(importOutput)")
        let emulator = try await Emulator.start(["--operation-ms", "50", "--endpoint-reconcile-ms", "200"])
        let script = Emulator.packageRoot.appendingPathComponent("Tests/LakebaseLocalTests/Fixtures/sdk_postgres_cycle.py")
        let (status, output) = try await python([script.path, emulator.baseURL, Emulator.token, String(emulator.postgresPort)])
        #expect(status == 0, "\(output)")
        #expect(output.contains("postgres cycle: complete"), "\(output)")
    }

    /// `w.postgres` catalogs and synced tables: create (waiting for their operations), read, duplicate refused, the
    /// synced table online with progress, deletes.
    @Test func autoscalingCatalogAndSyncedTable() async throws {
        let (importStatus, importOutput) = try await python(["-c", "import databricks.sdk.service.postgres"])
        try #require(importStatus == 0, "the Databricks Python SDK (with w.postgres) is needed: \(Self.installHint)\n\(importOutput)")
        let emulator = try await Emulator.start(["--operation-ms", "50"])
        let script = Emulator.packageRoot.appendingPathComponent("Tests/LakebaseLocalTests/Fixtures/sdk_postgres_sync.py")
        let (status, output) = try await python([script.path, emulator.baseURL, Emulator.token])
        #expect(status == 0, "\(output)")
        #expect(output.contains("postgres sync: complete"), "\(output)")
    }
}
