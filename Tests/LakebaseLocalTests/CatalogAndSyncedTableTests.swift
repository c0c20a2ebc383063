import Foundation
import LakebaseLocalHarness
import Testing
import JSONCore
@testable import LakebaseLocal

/// Database catalogs and synced tables through the real HTTP API, checked in the real PostgreSQL server.
@Suite struct CatalogAndSyncedTableTests {
    /// An emulator with one AVAILABLE instance `db` and its address.
    private func emulatorWithInstance() async throws -> (Emulator, String) {
        let emulator = try await Emulator.start()
        _ = try await emulator.call("POST", "/api/2.0/database/instances", body: #"{"name":"db","capacity":"CU_1"}"#)
        let instance = try await emulator.waitFor("/api/2.0/database/instances/db", "state", equals: "AVAILABLE")
        return (emulator, try #require(instance["read_write_dns"]?.stringValue))
    }

    @Test func catalogLifecycle() async throws {
        let (emulator, address) = try await emulatorWithInstance()
        let orphan = try await emulator.call(
            "POST", "/api/2.0/database/catalogs",
            body: #"{"name":"c","database_instance_name":"missing","database_name":"app"}"#)
        #expect(orphan.status == 404)

        let noDatabase = try await emulator.call(
            "POST", "/api/2.0/database/catalogs", body: #"{"name":"c","database_instance_name":"db","database_name":"app"}"#)
        #expect(noDatabase.status == 400)
        #expect(noDatabase.errorCode == "INVALID_PARAMETER_VALUE")

        let created = try await emulator.call(
            "POST", "/api/2.0/database/catalogs",
            body: #"{"name":"app_catalog","database_instance_name":"db","database_name":"app","create_database_if_not_exists":true}"#)
        #expect(created.status == 200)
        #expect(created.json["uid"]?.stringValue != nil)
        let fetched = try await emulator.call("GET", "/api/2.0/database/catalogs/app_catalog")
        #expect(fetched.json["database_name"]?.stringValue == "app")
        #expect(fetched.json["create_database_if_not_exists"] == nil, "input-only fields are not echoed")

        let token = try await credential(emulator, instance: "db")
        let rows = try PostgresProbe.connect(
            address: address, port: emulator.postgresPort, user: Emulator.user, password: token, database: "app"
        ).query("SELECT current_database()")
        #expect(rows == [["app"]], "the catalog's database is a real PostgreSQL database")

        let duplicate = try await emulator.call(
            "POST", "/api/2.0/database/catalogs",
            body: #"{"name":"app_catalog","database_instance_name":"db","database_name":"app"}"#)
        #expect(duplicate.status == 409)
        #expect(duplicate.errorCode == "RESOURCE_ALREADY_EXISTS")

        let patch = try await emulator.call("PATCH", "/api/2.0/database/catalogs/app_catalog?update_mask=*", body: "{}")
        #expect(patch.status == 501)
        #expect(patch.errorCode == "NOT_IMPLEMENTED")

        let listed = try await emulator.call("GET", "/api/2.0/database/instances/db/catalogs")
        #expect(listed.json["database_catalogs"]?.arrayValue?.count == 1)

        #expect(try await emulator.call("DELETE", "/api/2.0/database/catalogs/app_catalog").status == 200)
        #expect(try await emulator.call("GET", "/api/2.0/database/catalogs/app_catalog").status == 404)
        #expect(try await emulator.call("DELETE", "/api/2.0/database/catalogs/app_catalog").status == 404)
    }

    @Test func syncedTableLifecycleAndPurgeRules() async throws {
        let (emulator, address) = try await emulatorWithInstance()
        _ = try await emulator.call(
            "POST", "/api/2.0/database/catalogs",
            body: #"{"name":"cat","database_instance_name":"db","database_name":"app","create_database_if_not_exists":true}"#)
        let body = #"{"name":"cat.public.orders","spec":{"source_table_full_name":"main.demo.orders_cdf","primary_key_columns":["order_id"],"scheduling_policy":"TRIGGERED","new_pipeline_spec":{"storage_catalog":"main","storage_schema":"demo"}}}"#
        let created = try await emulator.call("POST", "/api/2.0/database/synced_tables", body: body)
        #expect(created.status == 200)
        #expect(created.json["unity_catalog_provisioning_state"]?.stringValue == "PROVISIONING")
        #expect(created.json["effective_database_instance_name"]?.stringValue == "db")
        #expect(created.json["effective_logical_database_name"]?.stringValue == "app")
        #expect(created.json["spec"]?["new_pipeline_spec"] == nil, "input-only spec fields are not echoed")
        #expect(created.json["data_synchronization_status"]?["pipeline_id"]?.stringValue != nil)

        let online = try await emulator.waitFor(
            "/api/2.0/database/synced_tables/cat.public.orders", "unity_catalog_provisioning_state", equals: "ACTIVE")
        #expect(online["data_synchronization_status"]?["detailed_state"]?.stringValue == "SYNCED_TABLE_ONLINE_NO_PENDING_UPDATE")

        let patch = try await emulator.call("PATCH", "/api/2.0/database/synced_tables/cat.public.orders?update_mask=*", body: "{}")
        #expect(patch.status == 501)
        #expect(patch.json["message"]?.stringValue == "Update Synced Database Table is not yet implemented.")

        let listed = try await emulator.call("GET", "/api/2.0/database/instances/db/synced_tables")
        #expect(listed.json["synced_tables"]?.arrayValue?.count == 1)

        let token = try await credential(emulator, instance: "db")
        func tableExists() throws -> Bool {
            try !PostgresProbe.connect(
                address: address, port: emulator.postgresPort, user: Emulator.user, password: token, database: "app"
            ).query("SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tablename = 'orders'").isEmpty
        }
        #expect(try tableExists(), "the destination table exists in PostgreSQL once online")

        #expect(try await emulator.call("DELETE", "/api/2.0/database/synced_tables/cat.public.orders").status == 200)
        #expect(try await emulator.call("GET", "/api/2.0/database/synced_tables/cat.public.orders").status == 404)
        #expect(try tableExists(), "without purge_data the PostgreSQL table stays")

        _ = try await emulator.call("POST", "/api/2.0/database/synced_tables", body: body)
        _ = try await emulator.waitFor(
            "/api/2.0/database/synced_tables/cat.public.orders", "unity_catalog_provisioning_state", equals: "ACTIVE")
        #expect(try await emulator.call("DELETE", "/api/2.0/database/synced_tables/cat.public.orders?purge_data=true").status == 200)
        #expect(try !tableExists(), "purge_data drops the PostgreSQL table")
    }

    @Test func provisioningGoesThroughEveryPhaseInOrder() async throws {
        let emulator = try await Emulator.start(["--synced-table-phase-ms", "2500"])
        _ = try await emulator.call("POST", "/api/2.0/database/instances", body: #"{"name":"db"}"#)
        _ = try await emulator.waitFor("/api/2.0/database/instances/db", "state", equals: "AVAILABLE")
        _ = try await emulator.call(
            "POST", "/api/2.0/database/catalogs",
            body: #"{"name":"cat","database_instance_name":"db","database_name":"app","create_database_if_not_exists":true}"#)
        _ = try await emulator.call(
            "POST", "/api/2.0/database/synced_tables",
            body: #"{"name":"cat.public.t","spec":{"source_table_full_name":"main.demo.orders_cdf","scheduling_policy":"SNAPSHOT"}}"#)
        var seen: [String] = []
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let table = try await emulator.call("GET", "/api/2.0/database/synced_tables/cat.public.t").json
            let state = table["data_synchronization_status"]?["detailed_state"]?.stringValue ?? ""
            if seen.last != state { seen.append(state) }
            if table["unity_catalog_provisioning_state"]?.stringValue == "ACTIVE" { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        let expected = [
            "SYNCED_TABLE_PROVISIONING_PIPELINE_RESOURCES", "SYNCED_TABLE_PROVISIONING_INITIAL_SNAPSHOT",
            "SYNCED_TABLE_ONLINE_NO_PENDING_UPDATE",
        ]
        #expect(Array(seen.drop { $0 == "SYNCED_TABLE_PROVISIONING" }) == expected, "seen: \(seen)")
    }

    @Test func continuousSettlesInContinuousUpdateAndViewsAreRefusedIncrementalSync() async throws {
        let (emulator, _) = try await emulatorWithInstance()
        _ = try await emulator.call(
            "POST", "/api/2.0/database/catalogs",
            body: #"{"name":"cat","database_instance_name":"db","database_name":"app","create_database_if_not_exists":true}"#)
        _ = try await emulator.call(
            "POST", "/api/2.0/database/synced_tables",
            body: #"{"name":"cat.public.live","spec":{"source_table_full_name":"main.demo.orders_cdf","primary_key_columns":["order_id"],"scheduling_policy":"CONTINUOUS"}}"#)
        let live = try await emulator.waitFor(
            "/api/2.0/database/synced_tables/cat.public.live", "unity_catalog_provisioning_state", equals: "ACTIVE")
        #expect(live["data_synchronization_status"]?["detailed_state"]?.stringValue == "SYNCED_TABLE_ONLINE_CONTINUOUS_UPDATE")

        let refused = try await emulator.call(
            "POST", "/api/2.0/database/synced_tables",
            body: #"{"name":"cat.public.viewed","spec":{"source_table_full_name":"main.demo.orders_view","primary_key_columns":["order_id"],"scheduling_policy":"TRIGGERED"}}"#)
        #expect(refused.status == 400)
        #expect(refused.errorCode == "INVALID_PARAMETER_VALUE")
        #expect(refused.json["message"]?.stringValue?.contains("main.demo.orders_view") == true)
        #expect(refused.json["message"]?.stringValue?.contains("delta.enableChangeDataFeed") == true)
    }

    @Test func syncedTableCreateChecks() async throws {
        let (emulator, _) = try await emulatorWithInstance()
        _ = try await emulator.call(
            "POST", "/api/2.0/database/catalogs",
            body: #"{"name":"cat","database_instance_name":"db","database_name":"app","create_database_if_not_exists":true}"#)
        func create(_ name: String, source: String, policy: String, keys: String = #"["order_id"]"#, extra: String = "") async throws -> Reply {
            try await emulator.call(
                "POST", "/api/2.0/database/synced_tables",
                body: #"{"name":"\#(name)"\#(extra),"spec":{"source_table_full_name":"\#(source)","primary_key_columns":\#(keys),"scheduling_policy":"\#(policy)"}}"#)
        }
        let missingSource = try await create("cat.public.t", source: "main.demo.nope", policy: "SNAPSHOT")
        #expect(missingSource.status == 404)
        #expect(missingSource.errorCode == "TABLE_DOES_NOT_EXIST")

        let missingCatalog = try await create("nocat.public.t", source: "main.demo.orders_cdf", policy: "SNAPSHOT")
        #expect(missingCatalog.status == 404)
        #expect(missingCatalog.errorCode == "CATALOG_DOES_NOT_EXIST")

        let noFeed = try await create("cat.public.t", source: "main.demo.orders_nocdf", policy: "TRIGGERED")
        #expect(noFeed.status == 400)
        #expect(noFeed.json["message"]?.stringValue?.contains("delta.enableChangeDataFeed") == true)

        let badPolicy = try await create("cat.public.t", source: "main.demo.orders_cdf", policy: "HOURLY")
        #expect(badPolicy.status == 400)
        #expect(badPolicy.json["message"]?.stringValue?.contains("spec.scheduling_policy") == true)

        let badKey = try await create("cat.public.t", source: "main.demo.orders_cdf", policy: "SNAPSHOT", keys: #"["id"]"#)
        #expect(badKey.status == 400)

        let wrongInstance = try await create(
            "cat.public.t", source: "main.demo.orders_cdf", policy: "SNAPSHOT", extra: #","database_instance_name":"other""#)
        #expect(wrongInstance.status == 400)

        let standardCatalog = try await create("main.demo.copy", source: "main.demo.orders_cdf", policy: "SNAPSHOT")
        #expect(standardCatalog.status == 400, "a standard catalog needs database_instance_name and logical_database_name")

        let badOverride = try await emulator.call(
            "POST", "/api/2.0/database/synced_tables",
            body: #"{"name":"cat.public.t","spec":{"source_table_full_name":"main.demo.orders_cdf","scheduling_policy":"SNAPSHOT","type_overrides":[{"column_name":"status","pg_type":"PG_SPECIFIC_TYPE_TEXT"}]}}"#)
        #expect(badOverride.status == 400)
        #expect(badOverride.json["message"]?.stringValue?.contains("spec.type_overrides[0].pg_type") == true)

        #expect(try await create("cat.public.t", source: "main.demo.orders_cdf", policy: "SNAPSHOT").status == 200)
        let duplicate = try await create("cat.public.t", source: "main.demo.orders_cdf", policy: "SNAPSHOT")
        #expect(duplicate.status == 409)
    }

    @Test func atMostTwentySyncedTablesPerSource() async throws {
        let (emulator, _) = try await emulatorWithInstance()
        _ = try await emulator.call(
            "POST", "/api/2.0/database/catalogs",
            body: #"{"name":"cat","database_instance_name":"db","database_name":"app","create_database_if_not_exists":true}"#)
        for index in 0..<20 {
            let reply = try await emulator.call(
                "POST", "/api/2.0/database/synced_tables",
                body: #"{"name":"cat.public.t\#(index)","spec":{"source_table_full_name":"main.demo.orders_cdf","primary_key_columns":["order_id"],"scheduling_policy":"SNAPSHOT"}}"#)
            try #require(reply.status == 200)
        }
        let over = try await emulator.call(
            "POST", "/api/2.0/database/synced_tables",
            body: #"{"name":"cat.public.t20","spec":{"source_table_full_name":"main.demo.orders_cdf","primary_key_columns":["order_id"],"scheduling_policy":"SNAPSHOT"}}"#)
        #expect(over.status == 400, "a limit is a 400, never a retryable 429")
        #expect(over.errorCode == "RESOURCE_LIMIT_EXCEEDED")
    }
}
