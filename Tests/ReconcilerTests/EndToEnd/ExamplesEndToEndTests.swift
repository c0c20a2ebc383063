import Foundation
import LakebaseLocalHarness
import Testing
import JSONCore
import YAMLBridge

/// Every bundle under `examples/` against lakebase-local with its default seed: each deployable one deploys from
/// empty and then plans no changes, and each scenario does what its README says.
@Suite struct ExamplesEndToEndTests {
    /// Bundles that deploy as they are (`before/` and `after/` folders are bundles of their own).
    static let deployable = [
        "chained-references", "multi-target", "shared-pipeline", "minimal-instance", "prevent-destroy", "ci-recipe",
        "sync-mode-change/before", "sync-mode-change/after", "instance-rename/before", "instance-rename/after",
        "autoscaling-project",
    ]

    /// A lakebase-local with the example folder `example` copied into the deployment folder (as `example/`).
    static func deployment(_ example: String) async throws -> LocalDeployment {
        let deployment = try await LocalDeployment("")
        try FileManager.default.removeItem(at: deployment.folder.appendingPathComponent("databricks.yml"))
        let source = Golden.packageRoot.appendingPathComponent("examples/\(example)")
        try FileManager.default.copyItem(at: source, to: deployment.folder.appendingPathComponent(example))
        return deployment
    }

    @Test func everyExampleFolderIsCoveredAndHasAThreeLineReadme() throws {
        let root = Golden.packageRoot.appendingPathComponent("examples")
        let folders = try FileManager.default.contentsOfDirectory(atPath: root.path).filter {
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: root.appendingPathComponent($0).path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
        let covered = Set(Self.deployable.map { String($0.split(separator: "/")[0]) } + ["preflight-failures", "branch-per-pull-request"])
        #expect(Set(folders) == covered, "a new example needs an end-to-end test here")
        for folder in folders {
            let readme = try String(contentsOf: root.appendingPathComponent("\(folder)/README.md"), encoding: .utf8)
            #expect(readme.split(separator: "\n").count == 3, "examples/\(folder)/README.md must have three lines")
        }
    }

    @Test(arguments: deployable)
    func deploysFromEmptyThenPlansClean(_ example: String) async throws {
        let deployment = try await Self.deployment(example)
        let applied = try await deployment.reconcile(["apply", "-C", example, "--auto-approve"])
        #expect(applied.status == 0, "\(example): \(applied.stderr)")
        let plan = try await deployment.reconcile(["plan", "-C", example, "--detailed-exitcode"])
        #expect(plan.status == 0, "\(example): \(plan.stdout)\(plan.stderr)")
    }

    @Test func theAcceleratorBundleDeploysWithTargetLocal() async throws {
        let deployment = try await LocalDeployment("")
        for item in ["databricks.yml", "resources"] {
            try? FileManager.default.removeItem(at: deployment.folder.appendingPathComponent(item))
            try FileManager.default.copyItem(at: Golden.packageRoot.appendingPathComponent(item), to: deployment.folder.appendingPathComponent(item))
        }
        let applied = try await deployment.reconcile(["apply", "-t", "local", "--auto-approve"])
        #expect(applied.status == 0, "\(applied.stderr)")
        #expect(applied.stderr.contains("Created synced_database_tables.store_sales"))
        let plan = try await deployment.reconcile(["plan", "-t", "local", "--detailed-exitcode"])
        #expect(plan.status == 0, "\(plan.stdout)\(plan.stderr)")
    }

    /// The Autoscaling quickstart (a project, its production branch adopted, a catalog, the ten TPC-DS synced tables)
    /// deploys with target local, serves every table's rows from the branch, and then plans clean.
    @Test func theAutoscalingQuickstartDeploysWithTargetLocal() async throws {
        let deployment = try await LocalDeployment("")
        try FileManager.default.removeItem(at: deployment.folder.appendingPathComponent("databricks.yml"))
        try FileManager.default.copyItem(at: Golden.packageRoot.appendingPathComponent("quickstarts/autoscaling/databricks.yml"),
                                         to: deployment.folder.appendingPathComponent("databricks.yml"))
        let applied = try await deployment.reconcile(["apply", "-t", "local", "--auto-approve"])
        #expect(applied.status == 0, "\(applied.stderr)")
        #expect(applied.stderr.contains("Resources: 13 created, 0 changed, 0 deleted, 0 unchanged"), "\(applied.stderr)")
        let plan = try await deployment.reconcile(["plan", "-t", "local", "--detailed-exitcode"])
        #expect(plan.status == 0, "\(plan.stdout)\(plan.stderr)")
        let status = try await deployment.reconcile(["status", "-t", "local", "--pg-port", String(deployment.emulator.postgresPort)])
        let served = status.stdout.split(separator: "\n").filter { $0.contains("PostgreSQL tpcds.public.") && $0.contains(" rows, ") }
        #expect(served.count == 10, "\(status.stdout)")
        #expect(status.stdout.contains("PostgreSQL tpcds.public.store_sales: 20000 rows"), "\(status.stdout)")

        // A sync-mode change recreates exactly that table.
        let manifest = try String(contentsOf: deployment.folder.appendingPathComponent("databricks.yml"), encoding: .utf8)
        let customer = try #require(manifest.range(of: "    customer:"))
        let policy = try #require(manifest.range(of: "scheduling_policy: SNAPSHOT", range: customer.upperBound..<manifest.endIndex))
        try deployment.write(manifest.replacingCharacters(in: policy, with: "scheduling_policy: TRIGGERED"))
        let mark = try deployment.requestMark()
        let recreated = try await deployment.reconcile(["apply", "-t", "local", "--auto-approve"])
        #expect(recreated.status == 0, "\(recreated.stderr)")
        #expect(try deployment.lakebaseMutations(since: mark) == [
            "DELETE /api/2.0/postgres/synced_tables/quickstart_as_local.public.customer",
            "POST /api/2.0/postgres/synced_tables?synced_table_id=quickstart_as_local.public.customer",
        ])
        #expect(try await deployment.reconcile(["plan", "-t", "local", "--detailed-exitcode"]).status == 0)
    }

    @Test(arguments: [
        ("sync-mode-change", ["recreate synced_database_tables.orders",
                              #"~ spec.scheduling_policy = "SNAPSHOT" → "TRIGGERED"   # forces replacement (immutable)"#]),
        ("instance-rename", ["recreate database_instances.orders_db", "recreate database_catalogs.orders_catalog",
                             "recreate synced_database_tables.orders",
                             #"~ name = "orders-db" → "orders-db-eu"   # forces replacement"#]),
    ])
    func afterReplacesWhatBeforeDeployed(_ example: String, expected: [String]) async throws {
        let deployment = try await Self.deployment(example)
        try await deployment.apply(["-C", "\(example)/before"])
        let plan = try await deployment.reconcile(["plan", "-C", "\(example)/after", "--detailed-exitcode"])
        #expect(plan.status == 2, "\(plan.stdout)\(plan.stderr)")
        for line in expected { #expect(plan.stdout.contains(line), "\(example): no \(line) in\n\(plan.stdout)") }
        try await deployment.apply(["-C", "\(example)/after"])
        let settled = try await deployment.reconcile(["plan", "-C", "\(example)/after", "--detailed-exitcode"])
        #expect(settled.status == 0, "\(settled.stdout)\(settled.stderr)")
    }

    @Test func aPackedTableGetsThePipelineOfItsOwnerAtApplyTime() async throws {
        let deployment = try await LocalDeployment("")
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

    @Test func preflightFailuresStopThePlanAtTheirFieldsBeforeAnyWrite() async throws {
        let deployment = try await Self.deployment("preflight-failures")
        let plan = try await deployment.reconcile(["plan", "-C", "preflight-failures"])
        #expect(plan.status == 1)
        #expect(plan.stderr.contains("databricks.yml:26:28: error: TRIGGERED sync needs change data feed on main.demo.orders_nocdf"), "\(plan.stderr)")
        #expect(plan.stderr.contains("ALTER TABLE main.demo.orders_nocdf SET TBLPROPERTIES (delta.enableChangeDataFeed = true), or use scheduling_policy: SNAPSHOT"))
        #expect(plan.stderr.contains("databricks.yml:35:28: error: main.demo.orders_view is a VIEW; views can only be synced with scheduling_policy: SNAPSHOT"))
        let apply = try await deployment.reconcile(["apply", "-C", "preflight-failures", "--auto-approve"])
        #expect(apply.status == 1)
        #expect(try deployment.lakebaseMutations().isEmpty, "preflight errors must stop apply before any write")
    }

    @Test func preventDestroyRefusesDestroyBeforeAnyDelete() async throws {
        let deployment = try await Self.deployment("prevent-destroy")
        try await deployment.apply(["-C", "prevent-destroy"])
        let mark = try deployment.requestMark()
        let destroy = try await deployment.reconcile(["destroy", "-C", "prevent-destroy", "--auto-approve"])
        #expect(destroy.status == 1)
        #expect(destroy.stderr.contains("resources.database_instances.ledger_db has lifecycle.prevent_destroy set, but the plan calls for this resource to be recreated or destroyed."))
        #expect(try deployment.lakebaseMutations(since: mark).isEmpty)
        #expect(try await deployment.emulator.call("GET", "/api/2.0/database/instances/ledger-db").status == 200)
    }

    /// The recipe's workflow, read as GitHub Actions reads it; its Plan and Apply steps run as written against
    /// lakebase-local, with `reconcile` on the PATH as the Build step leaves it.
    @Test func theCIRecipePlansOnPullRequestsAndAppliesOnMain() async throws {
        let deployment = try await Self.deployment("ci-recipe")
        let bundle = deployment.folder.appendingPathComponent("ci-recipe")
        let workflowText = try String(contentsOf: bundle.appendingPathComponent(".github/workflows/lakebase.yml"), encoding: .utf8)
        let workflow = try #require(try YAMLParser.parse(workflowText, file: "lakebase.yml"))
        #expect(workflow["on"]?["pull_request"] != nil)
        #expect(workflow["on"]?["push"]?["branches"]?.items?.compactMap(\.stringValue) == ["main"])
        #expect(workflow["jobs"]?["plan"]?["if"]?.stringValue == "github.event_name == 'pull_request'")
        #expect(workflow["jobs"]?["apply"]?["if"]?.stringValue == "github.event_name == 'push'")
        func script(_ job: String, _ step: String) throws -> String {
            let steps = workflow["jobs"]?[job]?["steps"]?.items ?? []
            return try #require(steps.first { $0["name"]?.stringValue == step }?["run"]?.stringValue, "no step \(step) in job \(job)")
        }
        let planScript = try script("plan", "Plan")
        #expect(planScript.contains("reconcile plan -t \"$TARGET\" -o markdown --detailed-exitcode > plan.md"))
        let applyScript = try script("apply", "Apply")
        #expect(applyScript.contains("reconcile apply -t \"$TARGET\" --auto-approve"))

        let outputs = bundle.appendingPathComponent("github-output")
        func step(_ text: String) async throws -> (status: Int32, stdout: String, stderr: String) {
            try "".write(to: outputs, atomically: true, encoding: .utf8)
            var environment = deployment.environment
            environment["PATH"] = ReconcileBinary.url.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
            environment["TARGET"] = "prod"
            environment["GITHUB_OUTPUT"] = outputs.path
            return try await ReconcileBinary.runOffPool(["-e", "-c", text], in: bundle, environment: environment, executable: URL(fileURLWithPath: "/bin/bash"))
        }
        let firstPlan = try await step(planScript)
        #expect(firstPlan.status == 0, "exit code 2 (changes) must keep the check green: \(firstPlan.stderr)")
        #expect(try String(contentsOf: outputs, encoding: .utf8) == "changes=true\n")
        let comment = try String(contentsOf: bundle.appendingPathComponent("plan.md"), encoding: .utf8)
        #expect(comment.hasPrefix("### reconcile plan: orders-serving-ci (target prod)"), "\(comment)")
        #expect(comment.contains("| create | `synced_database_tables.orders` |"))

        let applied = try await step(applyScript)
        #expect(applied.status == 0, "\(applied.stderr)")
        let secondPlan = try await step(planScript)
        #expect(secondPlan.status == 0)
        #expect(try String(contentsOf: outputs, encoding: .utf8) == "changes=false\n")

        try (try String(contentsOf: bundle.appendingPathComponent("databricks.yml"), encoding: .utf8))
            .replacingOccurrences(of: "primary_key_columns: [order_id]", with: "primary_key_columns: [order_key]")
            .write(to: bundle.appendingPathComponent("databricks.yml"), atomically: true, encoding: .utf8)
        let broken = try await step(planScript)
        #expect(broken.status == 1, "a preflight error must fail the check")
        #expect(broken.stderr.contains("order_key"), "\(broken.stderr)")
    }

    /// The branch-per-pull-request workflow's steps, run as written: the production target first, then a pull
    /// request's branch (a copy of production's data) whose host the comment names, a clean re-plan, and the destroy
    /// that removes the branch only.
    @Test func theBranchPerPullRequestRecipeCreatesAndRemovesABranch() async throws {
        let deployment = try await Self.deployment("branch-per-pull-request")
        let bundle = deployment.folder.appendingPathComponent("branch-per-pull-request")
        let workflowText = try String(contentsOf: bundle.appendingPathComponent(".github/workflows/branch-per-pr.yml"), encoding: .utf8)
        let workflow = try #require(try YAMLParser.parse(workflowText, file: "branch-per-pr.yml"))
        let steps = workflow["jobs"]?["branch"]?["steps"]?.items ?? []
        func script(_ name: String) throws -> String {
            try #require(steps.first { $0["name"]?.stringValue == name }?["run"]?.stringValue, "no step \(name)")
        }
        func run(_ text: String) async throws -> (status: Int32, stdout: String, stderr: String) {
            var environment = deployment.environment
            environment["PATH"] = ReconcileBinary.url.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
            environment["PR_NUMBER"] = "7"
            return try await ReconcileBinary.runOffPool(["-e", "-c", text], in: bundle, environment: environment,
                                                        executable: URL(fileURLWithPath: "/bin/bash"))
        }
        let production = try await deployment.reconcile(["apply", "-C", "branch-per-pull-request", "--auto-approve"])
        #expect(production.status == 0, "\(production.stderr)")

        let applied = try await run(try script("Apply"))
        #expect(applied.status == 0, "\(applied.stderr)")
        let comment = try String(contentsOf: bundle.appendingPathComponent("comment.md"), encoding: .utf8)
        #expect(comment.hasPrefix("Database branch `pr-7` is ready: host `127."), "\(comment)")
        let branch = try await deployment.emulator.call("GET", "/api/2.0/postgres/projects/shop/branches/pr-7").json
        #expect(branch["status"]?["source_branch"]?.stringValue == "projects/shop/branches/production")
        #expect(branch["status"]?["expire_time"] != nil)
        let plan = try await deployment.reconcile(["plan", "-C", "branch-per-pull-request", "-t", "pr", "--var", "pr_number=7", "--detailed-exitcode"])
        #expect(plan.status == 0, "\(plan.stdout)")

        let destroyed = try await run(try script("Destroy"))
        #expect(destroyed.status == 0, "\(destroyed.stderr)")
        #expect(try await deployment.emulator.call("GET", "/api/2.0/postgres/projects/shop/branches/pr-7").status == 404)
        #expect(try await deployment.emulator.call("GET", "/api/2.0/postgres/projects/shop/branches/production").status == 200,
                "the pull request's destroy leaves production alone")
    }
}
