import Foundation
import LakebaseLocalHarness
import Testing
import JSONCore

/// `destroy`, `bind`, `unbind`, `summary` and `graph` through the real binary against lakebase-local.
@Suite struct LifecycleCommandsEndToEndTests {
    @Test func destroyDeletesChildrenFirstAndForgetsTheState() async throws {
        let deployment = try await LocalDeployment(Manifests.estate())
        try await deployment.apply()
        let refused = try await deployment.reconcile(["destroy"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("To proceed, use --auto-approve."))
        let mark = try deployment.requestMark()
        let destroyed = try await deployment.reconcile(["destroy", "--auto-approve"])
        #expect(destroyed.status == 0, "\(destroyed.stderr)")
        #expect(destroyed.stderr.hasPrefix("""
            The following resources will be deleted:
              delete resources.database_catalogs.cat
              delete resources.database_instances.db
              delete resources.synced_database_tables.orders

            This action will result in the deletion of the following Lakebase database instances.
            All data stored in them will be permanently lost:
              delete resources.database_instances.db

            """))
        #expect(destroyed.stderr.hasSuffix("Destroy: 3 deleted\n"))
        #expect(try deployment.lakebaseMutations(since: mark) == [
            "DELETE /api/2.0/database/synced_tables/serving.public.orders",
            "DELETE /api/2.0/database/catalogs/serving",
            "DELETE /api/2.0/database/instances/orders-db?purge=true",
        ])
        #expect(try await deployment.workspaceFileExists(deployment.statePath + "/resources.json") == false)
        #expect(try await deployment.emulator.call("GET", "/api/2.0/database/instances/orders-db").status == 404,
                "destroy returns once the instance is gone, so its name can be used again")
        let nothing = try await deployment.reconcile(["destroy", "--auto-approve"])
        #expect(nothing.stderr == "No active deployment found to destroy!\n")
        try await deployment.apply()
    }

    @Test func unbindThenBindHandsAResourceBackWithoutTouchingIt() async throws {
        let deployment = try await LocalDeployment(Manifests.estate())
        try await deployment.apply()
        let mark = try deployment.requestMark()
        let unbound = try await deployment.reconcile(["unbind", "database_instances.db"])
        #expect(unbound.status == 0, "\(unbound.stderr)")
        let refused = try await deployment.reconcile(["plan"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("run `reconcile bind database_instances.db orders-db` to manage it"))
        let bound = try await deployment.reconcile(["bind", "database_instances.db", "orders-db"])
        #expect(bound.status == 0, "\(bound.stderr)")
        #expect(try await deployment.reconcile(["plan", "--detailed-exitcode"]).status == 0)
        #expect(try deployment.lakebaseMutations(since: mark) == [], "bind and unbind change nothing in the workspace")

        let missing = try await deployment.reconcile(["bind", "database_catalogs.cat", "no-such-catalog"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("already bound to serving"))
        let typo = try await deployment.reconcile(["bind", "database_catalogs.catt", "serving"])
        #expect(typo.stderr.contains("resources.database_catalogs.catt is not defined in the bundle; did you mean 'cat'?"))
    }

    @Test func summaryShowsNamesUrlsAndLiveStates() async throws {
        let deployment = try await LocalDeployment(Manifests.estate())
        let before = try await deployment.reconcile(["summary"])
        #expect(before.stdout.contains("      Name: orders-db\n      URL: \(deployment.emulator.baseURL)/compute/database-instances/orders-db\n      State: not deployed\n"))
        try await deployment.apply()
        let after = try await deployment.reconcile(["summary"])
        #expect(after.status == 0, "\(after.stderr)")
        #expect(after.stdout.contains("State: AVAILABLE (CU_1)"))
        #expect(after.stdout.contains("URL: \(deployment.emulator.baseURL)/explore/data/serving/public/orders"))
        #expect(after.stdout.contains("SYNCED_TABLE_ONLINE"))
    }

    @Test func graphIsOfflineDot() async throws {
        let bundle = try TemporaryBundle(["databricks.yml": Manifests.estate()])
        let result = try await ReconcileBinary.runOffPool(["graph"], in: URL(fileURLWithPath: bundle.directory))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(#""database_instances.db" -> "database_catalogs.cat" [label="${resources.database_instances.db.name}"];"#))
        #expect(result.stdout.contains(#""database_catalogs.cat" -> "synced_database_tables.orders" [label="catalog=serving"];"#))
    }

    @Test func statusShowsRealRowCountsAndPartitionSizes() async throws {
        let deployment = try await LocalDeployment(Manifests.estate())
        try await deployment.apply()
        let port = String(deployment.emulator.postgresPort)
        let status = try await deployment.reconcile(["status", "--pg-port", port])
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("    state AVAILABLE, capacity CU_1, 1 node, host "))
        #expect(status.stdout.contains("    connections in use: "))
        #expect(status.stdout.contains("    SYNCED_TABLE_ONLINE_NO_PENDING_UPDATE: Synced table is online.\n"))
        #expect(status.stdout.contains(", commit version 0\n"))
        #expect(status.stdout.contains("    PostgreSQL app.public.orders: 10000 rows, "))
        #expect(status.stdout.contains(" in 4 partitions\n"))
        let json = try JSONParser.parse(try await deployment.reconcile(["status", "-o", "json", "--pg-port", port]).stdout)
        let table = json["synced_tables"]?.arrayValue?.first
        #expect(table?["postgres"]?["rows"] == .int(10000))
        #expect(table?["postgres"]?["partitions"] == .int(4))
        if case .int(let bytes)? = table?["postgres"]?["total_bytes"] { #expect(bytes > 100_000) } else { Issue.record("no size") }
    }
}
