import Foundation
import JSONCore
import LakebaseLocalHarness
import PostgresBridge
import Testing

/// Autoscaling catalogs and synced tables (`/api/2.0/postgres/catalogs`, `/synced_tables`) over real HTTP, checked
/// in the branch's real PostgreSQL: the catalog creates its database, the synced table's rows land there through the
/// read-write endpoint, a branch made afterwards starts with a copy of them, and a delete drops the table.
@Suite struct AutoscalingSyncedTableTests {
    typealias A = AutoscalingTests

    static func waitOnline(_ emulator: Emulator, _ id: String) async throws -> JSONValue {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let table = try await emulator.call("GET", "/api/2.0/postgres/synced_tables/\(id)").json
            let state = table["status"]?["detailed_state"]?.stringValue ?? ""
            if state.hasPrefix("SYNCED_TABLE_ONLINE") || state.contains("FAILED") { return table }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw EmulatorError("\(id) not online within 60 s")
    }

    @Test func catalogAndSyncedTableServeRowsFromTheBranch() async throws {
        let emulator = try await Emulator.start(["--operation-ms", "100"])
        try await A.finish(emulator, try await emulator.call("POST", "/api/2.0/postgres/projects?project_id=shop", body: #"{"spec":{}}"#))

        let missing = try await emulator.call("POST", "/api/2.0/postgres/catalogs?catalog_id=serving",
                                              body: #"{"spec":{"branch":"projects/shop/branches/production","postgres_database":"serving"}}"#)
        await #expect(throws: EmulatorError.self, "without create_database_if_missing a missing database fails the operation") {
            try await A.finish(emulator, missing)
        }
        #expect(try await emulator.call("GET", "/api/2.0/postgres/catalogs/serving").status == 404, "a failed create leaves no catalog")

        let catalog = try await A.finish(emulator, try await emulator.call(
            "POST", "/api/2.0/postgres/catalogs?catalog_id=serving",
            body: #"{"spec":{"branch":"projects/shop/branches/production","postgres_database":"serving","create_database_if_missing":true}}"#))
        #expect(catalog["name"]?.stringValue == "catalogs/serving")
        #expect(catalog["status"]?["project"]?.stringValue == "projects/shop")
        #expect(catalog["spec"] == nil)
        let duplicate = try await emulator.call("POST", "/api/2.0/postgres/catalogs?catalog_id=serving",
                                                body: #"{"spec":{"branch":"projects/shop/branches/production","postgres_database":"other"}}"#)
        #expect(duplicate.status == 409 && duplicate.json["error_code"]?.stringValue == "ALREADY_EXISTS")
        #expect(try await emulator.call("POST", "/api/2.0/postgres/catalogs?catalog_id=main", body: #"{"spec":{"branch":"projects/shop/branches/production","postgres_database":"x"}}"#).status == 409,
                "a lakehouse catalog's name is taken")
        #expect(try await emulator.call("POST", "/api/2.0/postgres/catalogs", body: #"{"spec":{}}"#).status == 400)

        let table = try await A.finish(emulator, try await emulator.call(
            "POST", "/api/2.0/postgres/synced_tables?synced_table_id=serving.public.orders",
            body: #"{"spec":{"source_table_full_name":"main.sales.orders","primary_key_columns":["order_id"],"scheduling_policy":"SNAPSHOT"}}"#))
        #expect(table["name"]?.stringValue == "synced_tables/serving.public.orders")
        let online = try await Self.waitOnline(emulator, "serving.public.orders")
        #expect(online["status"]?["detailed_state"]?.stringValue == "SYNCED_TABLE_ONLINE_NO_PENDING_UPDATE")
        #expect(online["status"]?["unity_catalog_provisioning_state"]?.stringValue == "ACTIVE")
        #expect(online["status"]?["postgres_database"]?.stringValue == "serving")
        #expect(online["status"]?["ongoing_sync_progress"]?["synced_row_count"] == .int(500))
        #expect(try await emulator.call("GET", "/api/2.0/database/synced_tables/serving.public.orders").status == 404,
                "not a Provisioned synced table")

        let production = try await A.connect(emulator, endpoint: "projects/shop/branches/production/endpoints/primary", database: "serving")
        #expect(try production.query("SELECT count(*) FROM public.orders") == [["500"]])

        try await A.finish(emulator, try await emulator.call(
            "POST", "/api/2.0/postgres/projects/shop/branches?branch_id=dev", body: #"{"spec":{"no_expiry":true}}"#))
        let dev = try await A.connect(emulator, endpoint: "projects/shop/branches/dev/endpoints/primary", database: "serving")
        #expect(try dev.query("SELECT count(*) FROM public.orders") == [["500"]], "a later branch starts with the synced rows")

        let views = try await emulator.call(
            "POST", "/api/2.0/postgres/synced_tables?synced_table_id=serving.public.live",
            body: #"{"spec":{"source_table_full_name":"main.sales.nothing","primary_key_columns":["id"],"scheduling_policy":"SNAPSHOT"}}"#)
        #expect(views.status == 404, "a missing source is refused: \(views.json.serialized(pretty: false))")
        let elsewhere = try await emulator.call(
            "POST", "/api/2.0/postgres/synced_tables?synced_table_id=nowhere.public.orders",
            body: #"{"spec":{"source_table_full_name":"main.sales.orders","primary_key_columns":["order_id"],"scheduling_policy":"SNAPSHOT"}}"#)
        #expect(elsewhere.status == 404)

        try await A.finish(emulator, try await emulator.call("DELETE", "/api/2.0/postgres/synced_tables/serving.public.orders"))
        #expect(try await emulator.call("GET", "/api/2.0/postgres/synced_tables/serving.public.orders").status == 404)
        #expect(try production.query("SELECT count(*) FROM pg_tables WHERE tablename = 'orders'") == [["0"]], "the delete drops the table")
        #expect(try dev.query("SELECT count(*) FROM public.orders") == [["500"]], "the copy on dev stays")
        try await A.finish(emulator, try await emulator.call("DELETE", "/api/2.0/postgres/catalogs/serving"))
        #expect(try await emulator.call("GET", "/api/2.0/postgres/catalogs/serving").status == 404)
    }

    /// A CONTINUOUS synced table on a branch carries a source change into the branch's database by itself, and only
    /// into the branch it was created on.
    @Test func continuousSyncWritesToItsBranchOnly() async throws {
        let emulator = try await Emulator.start(["--operation-ms", "50", "--continuous-poll-ms", "300"])
        try await A.finish(emulator, try await emulator.call("POST", "/api/2.0/postgres/projects?project_id=live", body: #"{"spec":{}}"#))
        try await A.finish(emulator, try await emulator.call(
            "POST", "/api/2.0/postgres/catalogs?catalog_id=live_serving",
            body: #"{"spec":{"branch":"projects/live/branches/production","postgres_database":"app","create_database_if_missing":true}}"#))
        try await A.finish(emulator, try await emulator.call(
            "POST", "/api/2.0/postgres/synced_tables?synced_table_id=live_serving.public.orders",
            body: #"{"spec":{"source_table_full_name":"main.demo.orders_cdf","primary_key_columns":["order_id"],"scheduling_policy":"CONTINUOUS"}}"#))
        let online = try await Self.waitOnline(emulator, "live_serving.public.orders")
        #expect(online["status"]?["detailed_state"]?.stringValue == "SYNCED_TABLE_ONLINE_CONTINUOUS_UPDATE")
        try await A.finish(emulator, try await emulator.call(
            "POST", "/api/2.0/postgres/projects/live/branches?branch_id=dev", body: #"{"spec":{"no_expiry":true}}"#))

        let change = try await emulator.call("POST", "/api/2.0/sql/statements", body: JSONValue.object([
            "statement": .string("UPDATE main.demo.orders_cdf SET status = 'CONTINUOUS' WHERE order_id = 7"), "warehouse_id": .string("w"),
        ]).serialized(pretty: false))
        #expect(change.json["status"]?["state"]?.stringValue == "SUCCEEDED", "\(change.json.serialized(pretty: false))")
        let production = try await A.connect(emulator, endpoint: "projects/live/branches/production/endpoints/primary", database: "app")
        let probe = "SELECT status FROM public.orders WHERE order_id = 7"
        let deadline = Date().addingTimeInterval(20)
        while try production.query(probe) != [["CONTINUOUS"]], Date() < deadline { try await Task.sleep(for: .milliseconds(100)) }
        #expect(try production.query(probe) == [["CONTINUOUS"]], "the change reached production by itself")
        let dev = try await A.connect(emulator, endpoint: "projects/live/branches/dev/endpoints/primary", database: "app")
        #expect(try dev.query(probe) != [["CONTINUOUS"]], "the pipeline writes only to the branch it was created on")
    }
}
