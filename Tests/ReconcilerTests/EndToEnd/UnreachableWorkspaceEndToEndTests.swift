import Foundation
import LakebaseLocalHarness
import Testing

/// `reconcile plan` against a port where nothing listens (target `local` before `lakebase-local` is started): it
/// fails within 20 s, naming the host, the call and the cause, and says how to start the emulator.
@Suite struct UnreachableWorkspaceEndToEndTests {
    @Test func planAgainstAClosedPortFailsFastAndSaysWhy() async throws {
        let port = try Emulator.freePort()
        let bundle = try TemporaryBundle(["databricks.yml": "bundle: {name: b}\nresources:\n  database_instances:\n    db: {name: db}\n"])
        defer { try? FileManager.default.removeItem(atPath: bundle.directory) }
        let started = Date()
        let run = try await ReconcileBinary.runOffPool(
            ["plan"], in: URL(fileURLWithPath: bundle.directory),
            environment: ["DATABRICKS_HOST": "http://127.0.0.1:\(port)", "DATABRICKS_TOKEN": "dapi-x"])
        let seconds = Date().timeIntervalSince(started)
        #expect(run.status == 1)
        #expect(seconds < 20, "took \(seconds) s")
        #expect(run.stderr.contains("cannot reach http://127.0.0.1:\(port)"), "\(run.stderr)")
        #expect(run.stderr.contains("lakebase-local serve"))
        #expect(run.stderr.contains("note: retrying GET "), "retries after the first seconds are told")
    }
}
