import Foundation
import JSONCore
import Testing

/// Autoscaling catalogs and synced tables deployed by the real `reconcile` binary to a real `lakebase-local`: the
/// CLI's request sequences (autoscaling-api.md §3 `postgres_catalogs/basic`, `postgres_synced_tables/basic` and
/// `recreate`), the wait until online, a clean second plan, the approval our synced tables ask for, and destroy.
@Suite struct AutoscalingSyncEndToEndTests {
    static func manifest(timeseriesKey: String? = nil) -> String {
        """
        bundle:
          name: serving
        resources:
          postgres_projects:
            shop:
              project_id: shop
          postgres_catalogs:
            serving:
              catalog_id: shop_serving
              branch: projects/shop/branches/production
              postgres_database: appdb
              create_database_if_missing: true
          postgres_synced_tables:
            orders:
              synced_table_id: ${resources.postgres_catalogs.serving.catalog_id}.public.orders
              source_table_full_name: main.sales.orders
              primary_key_columns: [order_id]
              scheduling_policy: SNAPSHOT
        \(timeseriesKey.map { "      timeseries_key: \($0)" } ?? "")
        """
    }

    @Test func deployRecreateAndDestroy() async throws {
        let deployment = try await LocalDeployment(Self.manifest(), flags: ["--operation-ms", "50"])
        let applied = try await deployment.reconcile(["apply", "--auto-approve"])
        #expect(applied.status == 0, "\(applied.stderr)")
        #expect(applied.stderr.contains("synced_tables/shop_serving.public.orders: SYNCED_TABLE_PROVISIONING_INITIAL_SNAPSHOT"), "\(applied.stderr)")
        #expect(try deployment.lakebaseMutations() == [
            "POST /api/2.0/postgres/projects?project_id=shop",
            "POST /api/2.0/postgres/catalogs?catalog_id=shop_serving",
            "POST /api/2.0/postgres/synced_tables?synced_table_id=shop_serving.public.orders",
        ], "the project (implicit edge through the catalog's branch), then the catalog, then the table")
        let posts = try deployment.loggedRequests().filter { $0.method == "POST" && $0.path.hasPrefix("/api/2.0/postgres/") }
        #expect(posts[1].body == PlanningFixtures.json(#"{"spec":{"postgres_database":"appdb","branch":"projects/shop/branches/production","create_database_if_missing":true}}"#))
        #expect(posts[2].body == PlanningFixtures.json(#"{"spec":{"source_table_full_name":"main.sales.orders","primary_key_columns":["order_id"],"scheduling_policy":"SNAPSHOT"}}"#))
        let table = try await deployment.emulator.call("GET", "/api/2.0/postgres/synced_tables/shop_serving.public.orders").json
        #expect(table["status"]?["detailed_state"]?.stringValue == "SYNCED_TABLE_ONLINE_NO_PENDING_UPDATE", "apply waited until online")
        #expect(try await deployment.reconcile(["plan", "--detailed-exitcode"]).status == 0)
        let status = try await deployment.reconcile(["status", "--pg-port", String(deployment.emulator.postgresPort)])
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("  postgres_synced_tables.orders (synced_tables/shop_serving.public.orders)\n    SYNCED_TABLE_ONLINE_NO_PENDING_UPDATE: Synced table is online.\n    last sync "), "\(status.stdout)")
        #expect(status.stdout.contains(", commit version 0\n    PostgreSQL appdb.public.orders: 500 rows, "), "read over libpq on the branch: \(status.stdout)")

        try deployment.write(Self.manifest(timeseriesKey: "updated_at"))
        let plan = try await deployment.reconcile(["plan"])
        #expect(plan.stdout.contains("recreate postgres_synced_tables.orders\n"), "\(plan.stdout)")
        #expect(plan.stdout.contains("! data loss: the synced PostgreSQL table public.orders is dropped and copied again from main.sales.orders"))
        let refused = try await deployment.reconcile(["apply"])
        #expect(refused.status != 0, "a recreate of a synced table needs approval (the CLI asks nothing; §D)")
        #expect(refused.stderr.contains("synced tables"), "\(refused.stderr)")
        let mark = try deployment.requestMark()
        try await deployment.apply()
        #expect(try deployment.lakebaseMutations(since: mark) == [
            "DELETE /api/2.0/postgres/synced_tables/shop_serving.public.orders",
            "POST /api/2.0/postgres/synced_tables?synced_table_id=shop_serving.public.orders",
        ])
        #expect(try await deployment.reconcile(["plan", "--detailed-exitcode"]).status == 0)

        let destroyMark = try deployment.requestMark()
        let destroyed = try await deployment.reconcile(["destroy", "--auto-approve"])
        #expect(destroyed.status == 0, "\(destroyed.stderr)")
        #expect(try deployment.lakebaseMutations(since: destroyMark) == [
            "DELETE /api/2.0/postgres/synced_tables/shop_serving.public.orders",
            "DELETE /api/2.0/postgres/catalogs/shop_serving",
            "DELETE /api/2.0/postgres/projects/shop",
        ], "children first")
    }

    /// The Provisioned preflight covers Autoscaling synced tables: a missing source, an incremental mode on a source
    /// without change data feed and on a view, and a key column that is not there, at plan time with the field's
    /// location, before anything is written.
    @Test func preflightRefusesAtPlanTimeWithoutAWrite() async throws {
        let deployment = try await LocalDeployment("""
            bundle:
              name: preflight
            resources:
              postgres_synced_tables:
                missing:
                  synced_table_id: shop_serving.public.missing
                  source_table_full_name: main.demo.nothing_here
                  primary_key_columns: [order_id]
                  scheduling_policy: SNAPSHOT
                nocdf:
                  synced_table_id: shop_serving.public.nocdf
                  source_table_full_name: main.demo.orders_nocdf
                  primary_key_columns: [order_id]
                  scheduling_policy: TRIGGERED
                view:
                  synced_table_id: shop_serving.public.view
                  source_table_full_name: main.demo.orders_view
                  primary_key_columns: [order_id]
                  scheduling_policy: CONTINUOUS
                key:
                  synced_table_id: shop_serving.public.key
                  source_table_full_name: main.demo.orders_cdf
                  primary_key_columns: [orderid]
                  scheduling_policy: SNAPSHOT
            """)
        let plan = try await deployment.reconcile(["plan"])
        #expect(plan.status == 1)
        for expected in [
            "databricks.yml:7:31: error: source table main.demo.nothing_here does not exist",
            "databricks.yml:14:26: error: TRIGGERED sync needs change data feed on main.demo.orders_nocdf",
            "databricks.yml:19:26: error: main.demo.orders_view is a VIEW; views can only be synced with scheduling_policy: SNAPSHOT",
            "databricks.yml:23:29: error: primary key column 'orderid' is not a column of main.demo.orders_cdf; did you mean 'order_id'?",
        ] {
            #expect(plan.stderr.contains(expected), "\(expected)\n\(plan.stderr)")
        }
        #expect(try deployment.lakebaseMutations().isEmpty, "nothing written")
    }

    /// The CLI's `postgres_catalogs/recreate`: a new `postgres_database` recreates the catalog (DELETE, then POST),
    /// without approval: a catalog holds no data.
    @Test func aCatalogRecreatesWithoutApproval() async throws {
        func manifest(_ database: String) -> String {
            """
            bundle:
              name: catalog
            resources:
              postgres_projects:
                shop:
                  project_id: shop
              postgres_catalogs:
                serving:
                  catalog_id: shop_serving
                  branch: projects/shop/branches/production
                  postgres_database: \(database)
                  create_database_if_missing: true
            """
        }
        let deployment = try await LocalDeployment(manifest("appdb"), flags: ["--operation-ms", "50"])
        try await deployment.apply()
        try deployment.write(manifest("otherdb"))
        let mark = try deployment.requestMark()
        let applied = try await deployment.reconcile(["apply"])
        #expect(applied.status == 0, "no approval needed: \(applied.stderr)")
        #expect(try deployment.lakebaseMutations(since: mark) == [
            "DELETE /api/2.0/postgres/catalogs/shop_serving",
            "POST /api/2.0/postgres/catalogs?catalog_id=shop_serving",
        ])
        let catalog = try await deployment.emulator.call("GET", "/api/2.0/postgres/catalogs/shop_serving").json
        #expect(catalog["status"]?["postgres_database"]?.stringValue == "otherdb")
        #expect(try await deployment.reconcile(["plan", "--detailed-exitcode"]).status == 0)
    }
}
