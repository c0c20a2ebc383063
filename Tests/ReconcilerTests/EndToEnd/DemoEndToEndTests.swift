import Foundation
import LakebaseLocalHarness
import Testing

/// `scripts/demo`, the README's first command, run end to end with the built binaries: it must tell the whole
/// story (validate, plan, apply, status from PostgreSQL, the forced recreate, a source change synced) and leave
/// nothing behind.
@Suite struct DemoEndToEndTests {
    /// The story each family's demo tells, in order.
    static let stories: [String: [String]] = [
        "autoscaling": [
            "==> Validate the quickstart bundle (autoscaling, target local)",
            "Validation OK!",
            "Plan: 13 to add, 0 to change, 0 to delete, 0 unchanged",
            "synced table postgres_synced_tables.store_sales → projects/quickstart-local/branches/production (2 CU ceiling):",
            "Resources: 13 created, 0 changed, 0 deleted, 0 unchanged",
            "PostgreSQL tpcds.public.inventory: 10000 rows",
            "PostgreSQL tpcds.public.store_sales: 20000 rows",
            "Plan: 0 to add, 0 to change, 0 to delete, 13 unchanged",
            "recreate postgres_synced_tables.customer",
            #"~ scheduling_policy = "SNAPSHOT" → "TRIGGERED"   # forces replacement"#,
            "(plan exit code 2: 2 means changes)",
            "Recreated postgres_synced_tables.customer",
            "Resources: 1 created, 0 changed, 1 deleted, 12 unchanged",
            "PostgreSQL tpcds.public.customer: 1000 rows",
            "==> A dev branch from production, declared in the bundle",
            "Created postgres_branches.dev",
            " store_sales_rows_on_dev \n-------------------------\n                   20000\n",
            "UPDATE samples.tpcds_sf1.customer SET c_first_name = 'Ada' WHERE c_customer_sk = 1",
            ": COMPLETED",
            "             1 | Ada          |",
        ],
        "provisioned": [
            "==> Validate the quickstart bundle (provisioned, target local)",
            "Validation OK!",
            "Plan: 12 to add, 0 to change, 0 to delete, 0 unchanged",
            "initial sync of synced_database_tables.store_sales:",
            "workload (lakebase-advisor.yml) against the planned capacity:",
            "Resources: 12 created, 0 changed, 0 deleted, 0 unchanged",
            "PostgreSQL tpcds.public.inventory: 10000 rows",
            "PostgreSQL tpcds.public.store_sales: 20000 rows",
            "Plan: 0 to add, 0 to change, 0 to delete, 12 unchanged",
            "recreate synced_database_tables.customer",
            #"~ spec.scheduling_policy = "SNAPSHOT" → "TRIGGERED"   # forces replacement"#,
            "(plan exit code 2: 2 means changes)",
            "Recreated synced_database_tables.customer",
            "Resources: 1 created, 0 changed, 1 deleted, 11 unchanged",
            "PostgreSQL tpcds.public.customer: 1000 rows",
            "UPDATE samples.tpcds_sf1.customer SET c_first_name = 'Ada' WHERE c_customer_sk = 1",
            ": COMPLETED",
            "             1 | Ada          |",
        ],
    ]

    /// The default demo tells the Autoscaling story; `--provisioned` the same story on a database instance.
    @Test(arguments: ["autoscaling", "provisioned"])
    func theDemoTellsTheWholeStoryAndLeavesNothingRunning(family: String) async throws {
        let scratch = try Emulator.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        await EmulatorSlots.shared.acquire()
        let (status, output) = try await Self.runDemo(temporaryDirectory: scratch, arguments: family == "provisioned" ? ["--provisioned"] : [])
        await EmulatorSlots.shared.release()
        #expect(status == 0, "scripts/demo failed:\n\(output)")

        let story = Self.stories[family] ?? []
        var rest = Substring(output)
        for line in story {
            guard let range = rest.range(of: line) else {
                Issue.record("the demo's output lacks, in order, \"\(line)\":\n\(output)")
                break
            }
            rest = rest[range.upperBound...]
        }
        #expect(!output.contains("dapi-local-dev"), "the token must not be printed")

        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.path)
        #expect(leftovers.isEmpty, "the demo left files behind: \(leftovers)")
        #expect(Self.processes(mentioning: scratch.path).isEmpty, "the demo left processes running")
    }

    /// Runs `scripts/demo` with the built binaries and `TMPDIR` set to `temporaryDirectory`; returns its exit
    /// status and its standard output and error, interleaved.
    static func runDemo(temporaryDirectory: URL, arguments: [String] = []) async throws -> (Int32, String) {
        let log = temporaryDirectory.deletingLastPathComponent().appendingPathComponent(temporaryDirectory.lastPathComponent + ".log")
        defer { try? FileManager.default.removeItem(at: log) }
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [Golden.packageRoot.appendingPathComponent("scripts/demo").path] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["DEMO_BIN_DIR"] = ReconcileBinary.url.deletingLastPathComponent().path
        environment["TMPDIR"] = temporaryDirectory.path
        process.environment = environment
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        let status = await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                process.waitUntilExit()
                continuation.resume(returning: process.terminationStatus)
            }
        }
        try handle.close()
        return (status, try String(contentsOf: log, encoding: .utf8))
    }

    /// Command lines of running processes that mention `text`.
    static func processes(mentioning text: String) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.filter { Int($0) != nil }.compactMap { pid in
            guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return nil }
            let line = String(decoding: data.map { $0 == 0 ? 32 : $0 }, as: UTF8.self)
            return line.contains(text) ? line : nil
        }
    }
}
