import Foundation
import LakebaseLocalHarness
import Testing
import JSONCore

/// Preflight through the real binary against lakebase-local's default seed: each rule fires at the field to
/// fix, before any write; a clean bundle passes.
@Suite struct PreflightEndToEndTests {
    static func bundle(_ tables: String, instances: String = "    db: {name: orders-db, capacity: CU_1}\n") -> String {
        "bundle: {name: preflight}\nresources:\n  database_instances:\n" + instances + """
          database_catalogs:
            cat: {name: serving, database_instance_name: orders-db, database_name: app, create_database_if_not_exists: true}
          synced_database_tables:

        """ + tables
    }

    static func table(_ key: String, source: String, keys: String = "[order_id]", policy: String = "SNAPSHOT", extra: String = "") -> String {
        "    \(key):\n      name: serving.public.\(key)\n      spec: {source_table_full_name: \(source), primary_key_columns: \(keys), scheduling_policy: \(policy)\(extra)}\n"
    }

    /// Runs plan and expects preflight to refuse it without a single write.
    static func refused(_ manifest: String) async throws -> String {
        let deployment = try await LocalDeployment(manifest)
        let plan = try await deployment.reconcile(["plan"])
        #expect(plan.status == 1)
        #expect(plan.stdout == "", "no plan is printed when preflight fails")
        let applied = try await deployment.reconcile(["apply", "--auto-approve"])
        #expect(applied.status == 1)
        #expect(try deployment.lakebaseMutations() == [], "invalid input never writes to the workspace")
        return plan.stderr
    }

    @Test func aMissingSourceNamesTheTableAtItsField() async throws {
        let errors = try await Self.refused(Self.bundle(Self.table("t", source: "main.demo.nope")))
        #expect(errors.contains("databricks.yml:10:38: error: source table main.demo.nope does not exist"))
    }

    @Test func incrementalSyncNeedsChangeDataFeedAndSaysBothFixes() async throws {
        let errors = try await Self.refused(Self.bundle(Self.table("t", source: "main.demo.orders_nocdf", policy: "TRIGGERED")))
        #expect(errors.contains("error: TRIGGERED sync needs change data feed on main.demo.orders_nocdf, which has delta.enableChangeDataFeed unset"))
        #expect(errors.contains("ALTER TABLE main.demo.orders_nocdf SET TBLPROPERTIES (delta.enableChangeDataFeed = true), or use scheduling_policy: SNAPSHOT"))
    }

    @Test func viewsOnlySyncBySnapshot() async throws {
        let errors = try await Self.refused(Self.bundle(Self.table("t", source: "main.demo.orders_view", policy: "CONTINUOUS")))
        #expect(errors.contains("error: main.demo.orders_view is a VIEW; views can only be synced with scheduling_policy: SNAPSHOT"))
    }

    @Test func keyColumnsMustExistWithASuggestion() async throws {
        let errors = try await Self.refused(Self.bundle(Self.table(
            "t", source: "main.demo.orders_cdf", keys: "[order_idd]", policy: "TRIGGERED", extra: ", timeseries_key: updatedat")))
        #expect(errors.contains("error: primary key column 'order_idd' is not a column of main.demo.orders_cdf; did you mean 'order_id'?"))
        #expect(errors.contains("error: timeseries_key 'updatedat' is not a column of main.demo.orders_cdf; did you mean 'updated_at'?"))
    }

    @Test func atMostTwentySyncedTablesPerSource() async throws {
        let tables = (1...21).map { Self.table("t\($0)", source: "main.demo.orders_cdf") }.joined()
        let errors = try await Self.refused(Self.bundle(tables))
        #expect(errors.contains("error: 21 synced tables would read main.demo.orders_cdf; the platform allows at most 20 per source table"))
    }

    @Test func atMostTenInstancesPerWorkspace() async throws {
        let instances = (1...11).map { "    db\($0): {name: db-\($0), capacity: CU_1}\n" }.joined()
        let errors = try await Self.refused(Self.bundle(Self.table("t", source: "main.demo.orders_cdf"), instances: instances))
        #expect(errors.contains("error: the workspace would hold 11 database instances; the platform allows at most 10"))
    }

    @Test func packedTablesShareTheirPipelinesPolicy() async throws {
        let first = Self.table("first", source: "main.demo.orders_cdf", policy: "TRIGGERED")
        let second = Self.table("second", source: "main.demo.orders_nocdf", policy: "SNAPSHOT",
                                extra: ", existing_pipeline_id: \"${resources.synced_database_tables.first.data_synchronization_status.pipeline_id}\"")
        let errors = try await Self.refused(Self.bundle(first + second))
        #expect(errors.contains("error: scheduling_policy SNAPSHOT differs from TRIGGERED, the policy of the pipeline it joins (synced_database_tables.first)"))
    }

    @Test func aCleanBundlePassesAndSkippingIsSaid() async throws {
        let deployment = try await LocalDeployment(Self.bundle(
            Self.table("orders", source: "main.demo.orders_cdf", policy: "TRIGGERED")
                + Self.table("items", source: "samples.tpcds_sf1.item", keys: "[i_item_sk]")))
        let plan = try await deployment.reconcile(["plan"])
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(plan.stderr == "")
        let skipped = try await deployment.reconcile(["plan", "--skip-preflight"])
        #expect(skipped.stdout.contains("\nPreflight skipped (--skip-preflight): sources, sync modes and limits were not checked.\n"))
        try await deployment.apply()
    }

    @Test func theAdvisorMeasuresSourcesThroughAWarehouseInEveryFormat() async throws {
        let deployment = try await LocalDeployment(Self.bundle(Self.table("orders", source: "main.demo.orders_cdf", policy: "CONTINUOUS")))
        let text = try await deployment.reconcile(["plan", "--warehouse-id", "local"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("\nLakebase advisor (facts 2026-12, Lakebase Accelerator README / LAKEBASE_BENCHMARK; list prices, USD):\n"))
        #expect(text.stdout.contains("  orders-db: CU_1 × 1 node\n    PostgreSQL size: "))
        #expect(text.stdout.contains("    initial sync of synced_database_tables.orders: under 1 s (10,000 rows at 15,000 rows/s)\n"))
        #expect(text.stdout.contains("    incremental sync ceiling: 1,200 rows/s\n"))
        #expect(text.stdout.contains("continuous pipelines $548.00"))

        let json = try JSONParser.parse(try await deployment.reconcile(["plan", "-o", "json", "--warehouse-id", "local"]).stdout)
        let instance = json["advisor"]?["instances"]?.arrayValue?.first
        #expect(instance?["initial_syncs"]?.arrayValue?.first?["rows"] == .int(10_000))
        #expect(instance?["size_bytes"]?["low"] != nil)
        let markdown = try await deployment.reconcile(["plan", "-o", "markdown", "--warehouse-id", "local"])
        #expect(markdown.stdout.contains("| `synced_database_tables.orders` | 10,000 | under 1 s |"))

        let unmeasured = try await deployment.reconcile(["plan"])
        #expect(unmeasured.stdout.contains("size estimates unavailable: no size for main.demo.orders_cdf; pass --warehouse-id ID"))
    }

    @Test func validateOnlineRunsPreflight() async throws {
        let deployment = try await LocalDeployment(Self.bundle(Self.table("t", source: "main.demo.orders_nocdf", policy: "CONTINUOUS")))
        let offline = try await deployment.reconcile(["validate"])
        #expect(offline.status == 0, "offline validation cannot know the source")
        let online = try await deployment.reconcile(["validate", "--online"])
        #expect(online.status == 1)
        #expect(online.stderr.contains("error: CONTINUOUS sync needs change data feed on main.demo.orders_nocdf"))
    }
}
