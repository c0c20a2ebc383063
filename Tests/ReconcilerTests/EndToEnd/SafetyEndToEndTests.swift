import Foundation
import LakebaseLocalHarness
import Testing
import JSONCore

/// Refusals, the lock, crashes and foreign state: nothing is lost, nothing is created twice.
@Suite struct SafetyEndToEndTests {
    @Test func preventDestroyRefusesBeforeAnyWrite() async throws {
        let guarded = "      lifecycle: {prevent_destroy: true}"
        let deployment = try await LocalDeployment(Manifests.estate(instanceExtra: guarded))
        try await deployment.apply()
        try deployment.write(Manifests.estate(instance: "renamed-db", instanceExtra: guarded))
        let mark = try deployment.requestMark()
        let refused = try await deployment.reconcile(["apply", "--auto-approve"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("resources.database_instances.db has lifecycle.prevent_destroy set, but the plan calls for this resource to be recreated or destroyed. To avoid this error, disable lifecycle.prevent_destroy for resources.database_instances.db"))
        #expect(try deployment.lakebaseMutations(since: mark) == [])
    }

    @Test func withoutATerminalDestructivePlansNeedAutoApprove() async throws {
        let deployment = try await LocalDeployment(Manifests.estate(policy: "SNAPSHOT"))
        try await deployment.apply()
        try deployment.write(Manifests.estate(policy: "CONTINUOUS"))
        let mark = try deployment.requestMark()
        let refused = try await deployment.reconcile(["apply"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("""

            This action will result in the deletion or recreation of the following synced database tables.
            The synced data in the destination database will be lost (the source table is preserved):
              recreate resources.synced_database_tables.orders
            """))
        #expect(refused.stderr.contains("To proceed, use --auto-approve after reviewing the plan above."))
        #expect(try deployment.lakebaseMutations(since: mark) == [])
        #expect(try await deployment.workspaceFileExists(deployment.statePath + "/deploy.lock") == false, "the lock is released")
    }

    @Test func aSecondConcurrentApplyGetsTheLockError() async throws {
        let deployment = try await LocalDeployment(Manifests.estate(), flags: ["--instance-startup-ms", "3000"])
        let first = try deployment.launch(["apply", "--auto-approve"])
        let deadline = Date().addingTimeInterval(30)
        while try await !deployment.workspaceFileExists(deployment.statePath + "/deploy.lock") {
            guard Date() < deadline, first.isRunning else { Issue.record("the first apply never held the lock: \(deployment.launchedErrors)"); return }
            try await Task.sleep(for: .milliseconds(50))
        }
        let second = try await deployment.reconcile(["apply", "--auto-approve"])
        #expect(second.status == 1)
        #expect(second.stderr.contains("Error: deploy lock acquired by \(Emulator.user) at "))
        #expect(second.stderr.contains("Use --force-lock to override"))
        #expect(try await LocalDeployment.exitStatus(of: first) == 0)
        #expect(try await deployment.workspaceFileExists(deployment.statePath + "/deploy.lock") == false)
        #expect(try await deployment.reconcile(["plan", "--detailed-exitcode"]).status == 0)
    }

    @Test func interruptedApplySavesStateAndReleasesTheLock() async throws {
        let deployment = try await LocalDeployment(Manifests.estate(), flags: ["--instance-startup-ms", "4000"])
        let running = try deployment.launch(["apply", "--auto-approve"])
        let deadline = Date().addingTimeInterval(30)
        while try await deployment.lakebaseMutations().isEmpty {
            guard Date() < deadline, running.isRunning else { Issue.record("apply never created anything: \(deployment.launchedErrors)"); return }
            try await Task.sleep(for: .milliseconds(50))
        }
        kill(running.processIdentifier, SIGINT)
        #expect(try await LocalDeployment.exitStatus(of: running) == 130, "\(deployment.launchedErrors)")
        #expect(deployment.launchedErrors.contains("Interrupted: the state records every completed step"))
        #expect(try await deployment.workspaceFileExists(deployment.statePath + "/deploy.lock") == false, "the lock is released")
        let state = try deployment.localState()["state"]?.objectValue ?? JSONObject()
        #expect(state["resources.database_instances.db"]?["__id__"] == .string("orders-db"), "the create is recorded")
        try await deployment.apply()
        #expect(try await deployment.reconcile(["plan", "--detailed-exitcode"]).status == 0)
    }

    @Test(arguments: [300, 1200, 2600])
    func killedApplyConvergesWhenRunAgain(afterMilliseconds delay: Int) async throws {
        let deployment = try await LocalDeployment(
            Manifests.estate(), flags: ["--instance-startup-ms", "1500", "--synced-table-phase-ms", "500"])
        let doomed = try deployment.launch(["apply", "--auto-approve"])
        try await Task.sleep(for: .milliseconds(delay))
        kill(doomed.processIdentifier, SIGKILL)
        _ = try await LocalDeployment.exitStatus(of: doomed)

        let again = try await deployment.reconcile(["apply", "--auto-approve", "--force-lock"])
        #expect(again.status == 0, "\(again.stderr)")
        let plan = try await deployment.reconcile(["plan", "--detailed-exitcode"])
        #expect(plan.status == 0, "\(plan.stdout)\(plan.stderr)")

        let instances = try await deployment.emulator.call("GET", "/api/2.0/database/instances")
        #expect(instances.json["database_instances"]?.arrayValue?.count == 1, "no duplicate instance")
        let state = try deployment.localState()["state"]?.objectValue ?? JSONObject()
        #expect(Set(state.keys) == [
            "resources.database_instances.db", "resources.database_catalogs.cat", "resources.synced_database_tables.orders",
        ])
        #expect(state["resources.database_instances.db"]?["__id__"] == .string("orders-db"))
        #expect(state["resources.synced_database_tables.orders"]?["__id__"] == .string("serving.public.orders"))
    }

    /// The lost create of the hardening issue: `kill -9` right after `POST /api/2.0/database/catalogs`, before the
    /// state could record the answer. The record written before the POST carries the create's intent, so the next
    /// plan adopts the catalog (no `409 RESOURCE_ALREADY_EXISTS`) and the synced table under it is created.
    @Test func killedRightAfterACreateIsSentTheNextRunAdoptsIt() async throws {
        let deployment = try await LocalDeployment(
            Manifests.estate(), flags: ["--instance-startup-ms", "300", "--synced-table-phase-ms", "300"])
        let doomed = try deployment.launch(["apply", "--auto-approve"])
        let deadline = Date().addingTimeInterval(60)
        while !(try deployment.lakebaseMutations().contains("POST /api/2.0/database/catalogs")) {
            guard Date() < deadline, doomed.isRunning else { Issue.record("no catalog create: \(deployment.launchedErrors)"); return }
            try await Task.sleep(for: .milliseconds(2))
        }
        kill(doomed.processIdentifier, SIGKILL)
        _ = try await LocalDeployment.exitStatus(of: doomed)

        // The write-ahead log holds the records of the killed run; its last one for the catalog is the newest (its
        // own record: the synced table's names the catalog too, in depends_on).
        let wal = deployment.folder.appendingPathComponent(".databricks/bundle/default/resources.json.wal")
        let record = try String(contentsOf: wal, encoding: .utf8).split(separator: "\n")
            .last { $0.contains(#""k":"resources.database_catalogs.cat""#) }.map(String.init) ?? ""
        #expect(record.contains(#""__id__":"serving""#), "recorded before the POST: \(record)")
        let plan = try await deployment.reconcile(["plan"])
        if record.contains("__intent__") {
            #expect(plan.stdout.contains("update database_catalogs.cat\n"), "\(plan.stdout)")
            #expect(plan.stdout.contains("! adopted: an interrupted apply created serving"), "\(plan.stdout)")
        }
        let again = try await deployment.reconcile(["apply", "--auto-approve", "--force-lock"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(!again.stderr.contains("already exists"))
        #expect(try await deployment.reconcile(["plan", "--detailed-exitcode"]).status == 0)
        #expect(try deployment.lakebaseMutations().filter { $0 == "POST /api/2.0/database/catalogs" }.count == 1, "created once")
        #expect(!(try deployment.localState()).serialized().contains("__intent__"))
    }

    @Test func foreignStateEntriesSurviveEveryWrite() async throws {
        let deployment = try await LocalDeployment(Manifests.estate())
        let job = #"{"__id__":"981","state":{"name":"nightly","tasks":[{"task_key":"a"}]}}"#
        let folder = deployment.folder.appendingPathComponent(".databricks/bundle/default")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try """
            {"state_version":2,"cli_version":"0.279.0","lineage":"11111111-2222-3333-4444-555555555555","serial":4,
             "state":{"resources.jobs.nightly":\(job)}}
            """.write(to: folder.appendingPathComponent("resources.json"), atomically: true, encoding: .utf8)
        try await deployment.apply()
        let state = try deployment.localState()
        #expect(state["lineage"] == .string("11111111-2222-3333-4444-555555555555"))
        #expect(state["serial"] == .int(5))
        #expect(state["state"]?["resources.jobs.nightly"] == PlanningFixtures.json(job))
        let plan = try await deployment.reconcile(["plan", "-o", "json"])
        #expect(!plan.stdout.contains("resources.jobs"), "foreign entries are not planned")
    }

    @Test func aSavedPlanRunsOnlyWhileTheStateIsUnchanged() async throws {
        let deployment = try await LocalDeployment(Manifests.estate())
        let planFile = deployment.folder.appendingPathComponent("plan.json").path
        #expect(try await deployment.reconcile(["plan", "--out", planFile]).status == 0)
        try await deployment.apply(["--plan", planFile])
        let stale = try await deployment.reconcile(["apply", "--auto-approve", "--plan", planFile])
        #expect(stale.status == 1)
        #expect(stale.stderr.contains("plan serial 0 does not match state serial 1"))
    }

    /// Runs `reconcile` on a pseudo-terminal (util-linux `script`) with `input` typed in.
    static func onTerminal(_ deployment: LocalDeployment, _ arguments: String, input: String) async throws -> (status: Int32, output: String) {
        let script = "/usr/bin/script"
        guard FileManager.default.isExecutableFile(atPath: script) else {
            throw EmulatorError("this test needs util-linux's script: apt-get install -y bsdutils")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: script)
        process.arguments = ["-qec", ReconcileBinary.url.path + " " + arguments, "/dev/null"]
        process.currentDirectoryURL = deployment.folder
        var env = ProcessInfo.processInfo.environment
        env.merge(deployment.environment) { _, new in new }
        process.environment = env
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stdout
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let status = try await LocalDeployment.exitStatus(of: process)
        let output = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return (status, output)
    }

    @Test func onATerminalTheAnswerDecides() async throws {
        let deployment = try await LocalDeployment(Manifests.estate(policy: "SNAPSHOT"))
        try await deployment.apply()
        try deployment.write(Manifests.estate(policy: "TRIGGERED"))
        let mark = try deployment.requestMark()
        let declined = try await Self.onTerminal(deployment, "apply", input: "n\n")
        #expect(declined.status == 1)
        #expect(declined.output.contains("Would you like to proceed? [y/N]: "))
        #expect(declined.output.contains("Deployment cancelled!"))
        #expect(try deployment.lakebaseMutations(since: mark) == [])
        let accepted = try await Self.onTerminal(deployment, "apply", input: "yes\n")
        #expect(accepted.status == 0, "\(accepted.output)")
        #expect(accepted.output.contains("Recreated synced_database_tables.orders"))
    }
}
