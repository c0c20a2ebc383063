import Foundation
import LakebaseLocalHarness
import Testing
import JSONCore

/// `reconcile plan` and `apply`, the real binary against a real lakebase-local with real PostgreSQL.
@Suite struct ApplyEndToEndTests {
    @Test func deployFromEmptyThenNothingToDo() async throws {
        let deployment = try await LocalDeployment(Manifests.estate())
        let first = try await deployment.reconcile(["plan"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("""
            create database_catalogs.cat
            create database_instances.db
            create synced_database_tables.orders

            Plan: 3 to add, 0 to change, 0 to delete, 0 unchanged

            """))
        let applied = try await deployment.reconcile(["apply", "--auto-approve"])
        #expect(applied.status == 0, "\(applied.stderr)")
        #expect(applied.stdout == "", "apply writes to standard error only")
        #expect(applied.stderr.hasSuffix("""
            Created database_catalogs.cat
            Created database_instances.db
            Created synced_database_tables.orders
            Resources: 3 created, 0 changed, 0 deleted, 0 unchanged

            """))
        let again = try await deployment.reconcile(["plan", "--detailed-exitcode"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.hasPrefix("Plan: 0 to add, 0 to change, 0 to delete, 3 unchanged\n\nLakebase advisor"))
        let table = try await deployment.emulator.call("GET", "/api/2.0/database/synced_tables/serving.public.orders")
        #expect(table.json["data_synchronization_status"]?["detailed_state"]?.stringValue?.hasPrefix("SYNCED_TABLE_ONLINE") == true,
                "apply waits until the synced table is online")
    }

    @Test func syncModeChangeDeletesWithPurgeThenPostsTheFullBody() async throws {
        let deployment = try await LocalDeployment(Manifests.estate(policy: "SNAPSHOT"))
        try await deployment.apply()
        try deployment.write(Manifests.estate(policy: "TRIGGERED"))
        let plan = try await deployment.reconcile(["plan", "--detailed-exitcode"])
        #expect(plan.status == 2)
        #expect(plan.stdout.contains("recreate synced_database_tables.orders\n\nPlan: 1 to add, 0 to change, 1 to delete, 2 unchanged\n"))
        #expect(plan.stdout.contains(#"~ spec.scheduling_policy = "SNAPSHOT" → "TRIGGERED"   # forces replacement (immutable)"#))
        let mark = try deployment.requestMark()
        try await deployment.apply()
        #expect(try deployment.lakebaseMutations(since: mark) == [
            "DELETE /api/2.0/database/synced_tables/serving.public.orders?purge_data=true",
            "POST /api/2.0/database/synced_tables",
        ])
        let post = try #require(try deployment.loggedRequests().dropFirst(mark).first { $0.method == "POST" && $0.path == "/api/2.0/database/synced_tables" })
        #expect(post.body == PlanningFixtures.json("""
            {"name":"serving.public.orders","spec":{"source_table_full_name":"main.demo.orders_cdf","primary_key_columns":["order_id"],
             "scheduling_policy":"TRIGGERED","new_pipeline_spec":{"storage_catalog":"main","storage_schema":"demo"}}}
            """))
    }

    @Test func renameRecreatesWithPurgeAndCapacityIsOnePatch() async throws {
        let deployment = try await LocalDeployment(Manifests.estate())
        try await deployment.apply()
        try deployment.write(Manifests.estate(capacity: "CU_2"))
        var mark = try deployment.requestMark()
        try await deployment.apply()
        #expect(try deployment.lakebaseMutations(since: mark) == ["PATCH /api/2.0/database/instances/orders-db?update_mask=*"])

        try deployment.write(Manifests.estate(instance: "orders-db-2", capacity: "CU_2"))
        mark = try deployment.requestMark()
        let applied = try await deployment.reconcile(["apply", "--auto-approve"])
        #expect(applied.status == 0, "\(applied.stderr)")
        // The catalog and its synced table are recreated with the instance: their deletes come first, children
        // first, then the creates, parents first.
        #expect(try deployment.lakebaseMutations(since: mark) == [
            "DELETE /api/2.0/database/synced_tables/serving.public.orders?purge_data=true",
            "DELETE /api/2.0/database/catalogs/serving",
            "DELETE /api/2.0/database/instances/orders-db?purge=true",
            "POST /api/2.0/database/instances",
            "POST /api/2.0/database/catalogs",
            "POST /api/2.0/database/synced_tables",
        ])
        #expect(applied.stderr.contains("Recreated database_instances.db"))
        #expect(try await deployment.reconcile(["plan", "--detailed-exitcode"]).status == 0)
    }

    @Test func driftAndOutOfBandDeletesAreRepaired() async throws {
        let deployment = try await LocalDeployment(Manifests.estate())
        try await deployment.apply()
        _ = try await deployment.emulator.call("PATCH", "/api/2.0/database/instances/orders-db?update_mask=capacity",
                                               body: #"{"capacity":"CU_4"}"#)
        let drift = try await deployment.reconcile(["plan"])
        #expect(drift.stdout.contains("update database_instances.db\n"))
        #expect(drift.stdout.contains(#"~ capacity = "CU_4" → "CU_1"   # changed outside the bundle"#))
        try await deployment.apply()
        let instance = try await deployment.emulator.call("GET", "/api/2.0/database/instances/orders-db")
        #expect(instance.json["capacity"] == .string("CU_1"))

        _ = try await deployment.emulator.call("DELETE", "/api/2.0/database/catalogs/serving")
        let missing = try await deployment.reconcile(["plan"])
        #expect(missing.stdout.contains("create database_catalogs.cat\n"))
        #expect(!missing.stdout.contains("! orders-db is in the state but not in the workspace"))
        #expect(missing.stdout.contains("! serving is in the state but not in the workspace (deleted outside the bundle, or an interrupted create); it is created"))
        try await deployment.apply()
        #expect(try await deployment.reconcile(["plan", "--detailed-exitcode"]).status == 0)
    }

    @Test func resourcesRemovedFromTheConfigAreDeletedChildrenFirst() async throws {
        let deployment = try await LocalDeployment(Manifests.estate())
        try await deployment.apply()
        try deployment.write("bundle: {name: e2e}\n")
        let mark = try deployment.requestMark()
        let applied = try await deployment.reconcile(["apply", "--auto-approve"])
        #expect(applied.status == 0, "\(applied.stderr)")
        #expect(try deployment.lakebaseMutations(since: mark) == [
            "DELETE /api/2.0/database/synced_tables/serving.public.orders",
            "DELETE /api/2.0/database/catalogs/serving",
            "DELETE /api/2.0/database/instances/orders-db?purge=true",
        ])
        #expect(applied.stderr.contains("Resources: 0 created, 0 changed, 3 deleted, 0 unchanged"))
    }

    @Test func aFailedResourceSkipsItsDependentsAndTheRestGoesOn() async throws {
        let deployment = try await LocalDeployment(Manifests.estate(extra: """
                missing:
                  name: serving.public.missing
                  spec: {source_table_full_name: main.demo.no_such_table, primary_key_columns: [id], scheduling_policy: SNAPSHOT}
                packed:
                  name: serving.public.packed
                  spec:
                    source_table_full_name: main.demo.orders_nocdf
                    primary_key_columns: [order_id]
                    scheduling_policy: SNAPSHOT
                    existing_pipeline_id: ${resources.synced_database_tables.missing.data_synchronization_status.pipeline_id}
            """))
        // Preflight would refuse the missing source before any write; skip it to see a failure mid-apply.
        let applied = try await deployment.reconcile(["apply", "--auto-approve", "--skip-preflight"])
        #expect(applied.status == 1)
        let errors = applied.stderr.split(separator: "\n").filter { $0.hasPrefix("Error: ") }
        #expect(errors.count == 2, "\(applied.stderr)")
        #expect(errors.first?.hasPrefix("Error: cannot create resources.synced_database_tables.missing: POST /api/2.0/database/synced_tables: ") == true)
        #expect(errors.last == "Error: cannot create resources.synced_database_tables.packed: dependency failed: resources.synced_database_tables.missing")
        let state = try deployment.localState()["state"]?.objectValue ?? JSONObject()
        #expect(Set(state.keys) == [
            "resources.database_instances.db", "resources.database_catalogs.cat", "resources.synced_database_tables.orders",
        ], "everything that succeeded is in state")
    }
}
