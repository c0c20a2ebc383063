import Foundation
import LakebaseLocalHarness
import Testing
import YAMLBridge

/// Every bundle under `examples/` deploys from empty to lakebase-local, and then plans no changes.
@Suite struct ExamplesEndToEndTests {
    static let examples = ["chained-references", "multi-target", "shared-pipeline"]
    static let seed = Golden.testsDirectory.appendingPathComponent("Fixtures/seeds/examples.yml").path

    @Test(arguments: examples)
    func deploysFromEmptyThenHasNothingToDo(_ example: String) async throws {
        let deployment = try await LocalDeployment("", flags: ["--seed", Self.seed])
        let source = Golden.packageRoot.appendingPathComponent("examples/\(example)")
        try FileManager.default.removeItem(at: deployment.folder.appendingPathComponent("databricks.yml"))
        for item in try FileManager.default.contentsOfDirectory(atPath: source.path) {
            try FileManager.default.copyItem(at: source.appendingPathComponent(item), to: deployment.folder.appendingPathComponent(item))
        }
        let applied = try await deployment.reconcile(["apply", "--auto-approve"])
        #expect(applied.status == 0, "\(example): \(applied.stderr)")
        let plan = try await deployment.reconcile(["plan", "--detailed-exitcode"])
        #expect(plan.status == 0, "\(example): \(plan.stdout)\(plan.stderr)")
    }

    @Test func aPackedTableGetsThePipelineOfItsOwnerAtApplyTime() async throws {
        let deployment = try await LocalDeployment("", flags: ["--seed", Self.seed])
        let manifest = try String(contentsOf: Golden.packageRoot.appendingPathComponent("examples/shared-pipeline/databricks.yml"), encoding: .utf8)
        try deployment.write(manifest)
        let plan = try await deployment.reconcile(["plan", "-o", "json"])
        let second = try JSONParser.parse(plan.stdout)["plan"]?["resources.synced_database_tables.second"]
        #expect(second?["new_state"]?["vars"]?["spec.existing_pipeline_id"]
                == .string("${resources.synced_database_tables.first.data_synchronization_status.pipeline_id}"))
        try await deployment.apply()
        let first = try await deployment.emulator.call("GET", "/api/2.0/database/synced_tables/main.serving.first")
        let packed = try await deployment.emulator.call("GET", "/api/2.0/database/synced_tables/main.serving.second")
        let pipeline = first.json["data_synchronization_status"]?["pipeline_id"]
        #expect(pipeline != nil)
        #expect(packed.json["data_synchronization_status"]?["pipeline_id"] == pipeline)
        let state = try deployment.localState(target: "default")
        #expect(state["state"]?["resources.synced_database_tables.second"]?["state"]?["spec"]?["existing_pipeline_id"] == pipeline,
                "the state records the resolved value")
    }
}
