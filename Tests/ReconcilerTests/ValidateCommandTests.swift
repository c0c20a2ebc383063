import Foundation
import Testing

/// Runs the real `reconcile validate` binary: exit codes, streams and formats.
@Suite struct ValidateCommandTests {
    static let chained = Golden.packageRoot.appendingPathComponent("examples/chained-references").path
    static let fourProblems = Golden.testsDirectory.appendingPathComponent("Fixtures/four-problems").path

    @Test func validBundleExitsZero() throws {
        let run = try ReconcileBinary.run(["validate", "-C", Self.chained])
        #expect(run.status == 0)
        #expect(run.stdout.hasSuffix("Validation OK!\n"))
    }

    @Test func bundleWithErrorsExitsOneAndNamesEachProblem() throws {
        let run = try ReconcileBinary.run(["validate", "-C", Self.fourProblems])
        #expect(run.status == 1)
        for prefix in [
            "databricks.yml:11:13: error: invalid database instance name 'serving_db'",
            "databricks.yml:16:13: error: no value assigned to required variable catalog_name",
            "databricks.yml:17:31: error: cycle detected:",
            "databricks.yml:29:9: warning: unknown field 'schedulng_policy'; did you mean 'scheduling_policy'?",
        ] {
            #expect(run.stdout.contains("\n" + prefix) || run.stdout.hasPrefix(prefix), "missing: \(prefix)")
        }
        #expect(run.stdout.hasSuffix("Found 3 errors and 1 warning\n"))
    }

    /// 10,000 nested sequences or mappings once crashed `validate` (exit 139); now a located error and exit 1.
    @Test(arguments: [String(repeating: "[", count: 10_000), String(repeating: "{a: ", count: 10_000)])
    func deeplyNestedFilesAreRefusedWithoutACrash(nesting: String) throws {
        let bundle = try TemporaryBundle(["databricks.yml": "bundle: {name: b}\nx: " + nesting + "\n"])
        defer { try? FileManager.default.removeItem(atPath: bundle.directory) }
        let run = try ReconcileBinary.run(["validate", "-C", bundle.directory])
        #expect(run.status == 1)
        #expect(run.stdout.contains("databricks.yml:2:"), "\(run.stdout.prefix(300))")
        #expect(run.stdout.contains("levels deep"))
    }

    @Test func theAdvisorFileIsCheckedToo() throws {
        let bundle = try TemporaryBundle([
            "databricks.yml": "bundle: {name: b}\nresources:\n  database_instances:\n    db: {name: db, capacity: CU_1}\n",
            "lakebase-advisor.yml": "growth_high: 15\nworkload:\n  reads_per_secnd: 5\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: bundle.directory) }
        let run = try ReconcileBinary.run(["validate", "-C", bundle.directory])
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("lakebase-advisor.yml:3:20: error: unknown workload figure 'reads_per_secnd'; did you mean 'reads_per_second'?\n"), "\(run.stdout)")
        #expect(run.stdout.hasSuffix("Found 1 error\n"))
    }

    @Test func jsonOutputIsParseable() throws {
        let run = try ReconcileBinary.run(["validate", "-C", Self.chained, "-o", "json"])
        #expect(run.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect(object?["target"] as? String == "default")
        let dependsOn = object?["depends_on"] as? [String: Any]
        #expect(dependsOn?["resources.database_catalogs.orders_catalog"] != nil)
    }

    @Test(arguments: [["validate", "-o", "yaml"], ["validate", "--var", "novalue"], ["validate", "--bogus"], ["frobnicate"]])
    func usageErrorsExit64(arguments: [String]) throws {
        let run = try ReconcileBinary.run(arguments + ["-C", Self.chained])
        #expect(run.status == 64)
        #expect(!run.stderr.isEmpty)
    }

    @Test func targetAndVarFlagsApply() throws {
        let root = Golden.packageRoot.appendingPathComponent("examples/multi-target").path
        let run = try ReconcileBinary.run(["validate", "-C", root, "-t", "prod", "--var", "capacity=CU_8", "-o", "json"])
        #expect(run.status == 0)
        #expect(run.stdout.contains(#""capacity": "CU_8""#))
    }

    @Test func environmentSelectsBundleRootAndTarget() throws {
        let root = Golden.packageRoot.appendingPathComponent("examples/multi-target").path
        let run = try ReconcileBinary.run(["validate"], in: URL(fileURLWithPath: "/"),
                                          environment: ["DATABRICKS_BUNDLE_ROOT": root, "DATABRICKS_BUNDLE_TARGET": "prod"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("Target: prod"))
    }
}
