import Foundation
import LakebaseLocalHarness
import PostgresBridge
import Testing
import JSONCore

/// The data plane: synced tables really copy rows from the lakehouse and follow the change data feed according
/// to their sync mode.
@Suite struct SyncPipelineTests {
    /// An emulator with an instance `db`, a catalog `cat` (database `app`) and the synced table `cat.public.orders`
    /// of `source` with `policy`, online.
    struct Estate {
        let emulator: Emulator
        let address: String
        let token: String
        let pipelineID: String

        static func start(policy: String, source: String = "main.demo.orders_cdf", flags: [String] = [],
                          timeseriesKey: String? = nil) async throws -> Estate {
            let emulator = try await Emulator.start(flags)
            _ = try await emulator.call("POST", "/api/2.0/database/instances", body: #"{"name":"db","capacity":"CU_1"}"#)
            let instance = try await emulator.waitFor("/api/2.0/database/instances/db", "state", equals: "AVAILABLE")
            _ = try await emulator.call("POST", "/api/2.0/database/catalogs",
                                        body: #"{"name":"cat","database_instance_name":"db","database_name":"app","create_database_if_not_exists":true}"#)
            let created = try await emulator.call("POST", "/api/2.0/database/synced_tables", body: """
                {"name":"cat.public.orders","spec":{"source_table_full_name":"\(source)","primary_key_columns":["order_id"],
                 "scheduling_policy":"\(policy)",\(timeseriesKey.map { "\"timeseries_key\":\"\($0)\"," } ?? "")
                 "new_pipeline_spec":{"storage_catalog":"main","storage_schema":"demo"}}}
                """)
            try #require(created.status == 200, "\(created.json.serialized(pretty: false))")
            _ = try await emulator.waitFor("/api/2.0/database/synced_tables/cat.public.orders", "unity_catalog_provisioning_state", equals: "ACTIVE")
            return Estate(emulator: emulator, address: try #require(instance["read_write_dns"]?.stringValue),
                          token: try await credential(emulator, instance: "db"),
                          pipelineID: try #require(created.json["data_synchronization_status"]?["pipeline_id"]?.stringValue))
        }

        /// Rows of a query on the synced table's database.
        func destination(_ sql: String) throws -> [[String?]] {
            try PostgresProbe.connect(address: address, port: emulator.postgresPort, user: Emulator.user, password: token, database: "app")
                .query(sql)
        }

        /// Runs SQL in the lakehouse through the statement API; returns the data rows.
        @discardableResult
        func source(_ sql: String) async throws -> [[String?]] {
            let reply = try await emulator.call("POST", "/api/2.0/sql/statements",
                                                body: JSONValue.object(["statement": .string(sql), "warehouse_id": .string("w")]).serialized(pretty: false))
            try #require(reply.json["status"]?["state"]?.stringValue == "SUCCEEDED", "\(reply.json.serialized(pretty: false))")
            return (reply.json["result"]?["data_array"]?.arrayValue ?? []).map { row in (row.arrayValue ?? []).map(\.stringValue) }
        }

        /// The synced table's status.
        func status() async throws -> JSONValue {
            try await emulator.call("GET", "/api/2.0/database/synced_tables/cat.public.orders").json["data_synchronization_status"] ?? .null
        }

        /// Starts a pipeline update and waits until it ends; returns its final state.
        @discardableResult
        func refresh(fullRefresh: Bool = false) async throws -> String {
            let started = try await emulator.call("POST", "/api/2.0/pipelines/\(pipelineID)/updates", body: #"{"full_refresh":\#(fullRefresh)}"#)
            let updateID = try #require(started.json["update_id"]?.stringValue, "\(started.json.serialized(pretty: false))")
            let deadline = Date().addingTimeInterval(30)
            while Date() < deadline {
                let state = try await emulator.call("GET", "/api/2.0/pipelines/\(pipelineID)/updates/\(updateID)").json["update"]?["state"]?.stringValue
                if state != "RUNNING" { return state ?? "missing" }
                try await Task.sleep(for: .milliseconds(50))
            }
            throw EmulatorError("pipeline update \(updateID) did not finish within 30 s")
        }

        /// Polls the destination until `sql` returns `expected`; returns how long it took.
        func waitUntilDestination(_ sql: String, equals expected: [[String?]], timeout: TimeInterval) async throws -> TimeInterval {
            let start = Date()
            while Date().timeIntervalSince(start) < timeout {
                if try destination(sql) == expected { return Date().timeIntervalSince(start) }
                try await Task.sleep(for: .milliseconds(25))
            }
            throw EmulatorError("the destination did not reach \(expected) within \(timeout) s; it has \(try destination(sql))")
        }
    }

    /// Inserts order 20001, updates order 1, deletes order 2 (three commits: versions 1, 2, 3).
    static func changeSource(_ estate: Estate) async throws {
        try await estate.source("UPDATE main.demo.orders_cdf SET status = 'SHIPPED' WHERE order_id = 1")
        try await estate.source("DELETE FROM main.demo.orders_cdf WHERE order_id = 2")
        try await estate.source("INSERT INTO main.demo.orders_cdf VALUES (20001, 7, 'NEW', 12.50, now())")
    }

    static let probe = "SELECT count(*)::text, (SELECT status FROM public.orders WHERE order_id = 1), "
        + "(SELECT count(*)::text FROM public.orders WHERE order_id IN (2, 20001)) FROM public.orders"
    static let before: [[String?]] = [["10000", "status-1", "1"]]
    static let after: [[String?]] = [["10000", "SHIPPED", "1"]]

    static let checksum = "SELECT count(*)::text, md5(string_agg(order_id::text || '|' || coalesce(status, '') || '|' || amount::text, ',' ORDER BY order_id)) FROM "

    @Test func snapshotCopiesExactlyTheSourceRowsIntoHashPartitions() async throws {
        let estate = try await Estate.start(policy: "SNAPSHOT")
        let source = try await estate.source(Self.checksum + "main.demo.orders_cdf")
        let copied = try estate.destination(Self.checksum + "public.orders")
        #expect(copied == source)
        #expect(copied.first?.first == "10000")
        let sample = try estate.destination("SELECT order_id::text, status, amount::text FROM public.orders ORDER BY order_id LIMIT 3")
        let original = try await estate.source("SELECT order_id::text, status, amount::text FROM main.demo.orders_cdf ORDER BY order_id LIMIT 3")
        #expect(sample == original)
        let partitions = try estate.destination("""
            SELECT child.relname FROM pg_inherits JOIN pg_class parent ON pg_inherits.inhparent = parent.oid
            JOIN pg_class child ON pg_inherits.inhrelid = child.oid WHERE parent.relname = 'orders' ORDER BY 1
            """)
        #expect(partitions.map { $0.first ?? nil } == ["orders_p0", "orders_p1", "orders_p2", "orders_p3"])
        let status = try await estate.status()
        #expect(status["last_sync"]?["delta_table_sync_info"]?["delta_commit_version"] == .int(0))
    }

    @Test func snapshotCopiesAgainOnlyWhenRefreshed() async throws {
        let estate = try await Estate.start(policy: "SNAPSHOT", source: "main.demo.orders_nocdf")
        try await estate.source("UPDATE main.demo.orders_nocdf SET status = 'SHIPPED' WHERE order_id = 1")
        try await Task.sleep(for: .milliseconds(500))
        #expect(try estate.destination("SELECT status FROM public.orders WHERE order_id = 1") == [["status-1"]])
        #expect(try await estate.refresh() == "COMPLETED")
        #expect(try estate.destination("SELECT status FROM public.orders WHERE order_id = 1") == [["SHIPPED"]])
    }

    @Test func triggeredAppliesInsertsUpdatesAndDeletesOnlyWhenTriggered() async throws {
        let estate = try await Estate.start(policy: "TRIGGERED")
        try await Self.changeSource(estate)
        try await Task.sleep(for: .milliseconds(500))
        #expect(try estate.destination(Self.probe) == Self.before, "nothing moves until an update is triggered")
        #expect(try await estate.refresh() == "COMPLETED")
        #expect(try estate.destination(Self.probe) == Self.after)
        let status = try await estate.status()
        #expect(status["detailed_state"] == .string("SYNCED_TABLE_ONLINE_NO_PENDING_UPDATE"))
        #expect(status["triggered_update_status"]?["last_processed_commit_version"] == .int(3))
        #expect(status["last_sync"]?["delta_table_sync_info"]?["delta_commit_version"] == .int(3))
        #expect(try estate.destination(Self.checksum + "public.orders") == (try await estate.source(Self.checksum + "main.demo.orders_cdf")))
    }

    @Test func continuousCatchesUpWithinTwoPollIntervals() async throws {
        let interval = 0.5
        let estate = try await Estate.start(policy: "CONTINUOUS", flags: ["--continuous-poll-ms", "500"])
        try await Self.changeSource(estate)
        // Two poll intervals, plus slack for a loaded test machine (the copy itself takes milliseconds).
        let took = try await estate.waitUntilDestination(Self.probe, equals: Self.after, timeout: 2 * interval + 2)
        print("continuous sync caught up in \(Int(took * 1000)) ms (poll interval \(Int(interval * 1000)) ms)")
        let status = try await estate.status()
        #expect(status["detailed_state"] == .string("SYNCED_TABLE_ONLINE_CONTINUOUS_UPDATE"))
        #expect(status["continuous_update_status"]?["last_processed_commit_version"] == .int(3))
    }

    @Test func restartKeepsSyncedDataAndResumesContinuousPipelines() async throws {
        let estate = try await Estate.start(policy: "CONTINUOUS", flags: ["--continuous-poll-ms", "300"])
        let restarted = try await estate.emulator.restarted(["--continuous-poll-ms", "300"])
        let again = Estate(emulator: restarted, address: estate.address, token: try await credential(restarted, instance: "db"),
                           pipelineID: estate.pipelineID)
        #expect(try again.destination("SELECT count(*)::text FROM public.orders") == [["10000"]])
        try await Self.changeSource(again)
        _ = try await again.waitUntilDestination(Self.probe, equals: Self.after, timeout: 10)
    }

    @Test func viewsAreCopiedBySnapshot() async throws {
        let estate = try await Estate.start(policy: "SNAPSHOT", source: "main.demo.orders_view")
        #expect(try estate.destination("SELECT count(*)::text FROM public.orders") == [["10000"]])
    }

    @Test func theTimeseriesKeyBreaksTiesBetweenChangesOfOneKey() async throws {
        let estate = try await Estate.start(policy: "TRIGGERED", timeseriesKey: "updated_at")
        try await estate.source("UPDATE main.demo.orders_cdf SET status = 'LATEST', updated_at = '2030-01-01' WHERE order_id = 1")
        try await estate.source("UPDATE main.demo.orders_cdf SET status = 'STALE', updated_at = '2029-01-01' WHERE order_id = 1")
        #expect(try await estate.refresh() == "COMPLETED")
        #expect(try estate.destination("SELECT status FROM public.orders WHERE order_id = 1") == [["LATEST"]])
    }
}
