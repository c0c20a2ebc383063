import ManifestModel
import Testing
import JSONCore
@testable import Reconciler

/// Golden files for every plan output format, from one plan that holds every kind of action and reason.
@Suite struct PlanOutputGoldenTests {
    typealias F = PlanningFixtures

    /// create (with a value known after apply), update (local and drift), recreate (sync mode, cascade), delete,
    /// gone delete, skip.
    static func mixedPlan() throws -> Plan {
        var s = F.Scenario()
        let instance = #"{"name":"orders-db","capacity":"CU_1"}"#
        s.want(F.instance, #"{"name":"orders-db","capacity":"CU_2","node_count":2}"#)
        s.saved(F.instance, instance)
        s.remote(F.instance, #"{"name":"orders-db","capacity":"CU_1","state":"AVAILABLE","effective_node_count":1}"#)

        let catalog = #"{"name":"serving","database_instance_name":"orders-db","database_name":"app"}"#
        s.want(F.catalog, catalog)
        s.saved(F.catalog, catalog)
        s.remote(F.catalog, #"{"name":"serving","database_instance_name":"orders-db","database_name":"app","uid":"c-1"}"#)

        let snapshot = #"{"name":"serving.public.orders","spec":{"source_table_full_name":"main.demo.orders_cdf","primary_key_columns":["order_id"],"scheduling_policy":"SNAPSHOT"}}"#
        s.want(F.table, snapshot.replacingOccurrences(of: "SNAPSHOT", with: "TRIGGERED"))
        s.saved(F.table, snapshot)
        s.remote(F.table, #"{"name":"serving.public.orders","spec":{"source_table_full_name":"main.demo.orders_cdf","primary_key_columns":["order_id"],"scheduling_policy":"SNAPSHOT"},"data_synchronization_status":{"pipeline_id":"p-1"}}"#)

        let packed = F.key(.syncedDatabaseTables, "packed")
        let reference = "${resources.synced_database_tables.orders.data_synchronization_status.pipeline_id}"
        s.want(packed, #"{"name":"serving.public.customers","spec":{"source_table_full_name":"main.demo.customers","primary_key_columns":["id"],"scheduling_policy":"TRIGGERED","existing_pipeline_id":"\#(reference)"}}"#,
               dependsOn: [Dependency(node: F.table.stateKey, label: reference)])
        s.remote(packed, nil)

        let old = F.key(.databaseInstances, "old")
        s.saved(old, #"{"name":"old-db","capacity":"CU_1"}"#)
        s.remote(old, #"{"name":"old-db","capacity":"CU_1","state":"AVAILABLE"}"#)
        let vanished = F.key(.databaseCatalogs, "vanished")
        s.saved(vanished, #"{"name":"vanished","database_instance_name":"old-db","database_name":"x"}"#)
        s.remote(vanished, nil)
        return try s.plan()
    }

    @Test func text() throws {
        try Golden.check(PlanTextRenderer.render(Self.mixedPlan()), "plan/mixed.txt")
    }

    @Test func json() throws {
        try Golden.check(PlanJSONRenderer.render(Self.mixedPlan(), cliVersion: "0.1.0"), "plan/mixed.json")
    }

    @Test func markdown() throws {
        try Golden.check(PlanMarkdownRenderer.render(Self.mixedPlan(), title: "reconcile plan: demo (target dev)"), "plan/mixed.md")
    }

    @Test func noChanges() throws {
        let plan = try F.settled(F.instance, #"{"name":"orders-db","capacity":"CU_1"}"#).plan()
        try Golden.check(PlanTextRenderer.render(plan), "plan/no-changes.txt")
        try Golden.check(PlanMarkdownRenderer.render(plan, title: "reconcile plan: demo (target dev)"), "plan/no-changes.md")
    }

    @Test func savedPlanRoundTrip() throws {
        let plan = try Self.mixedPlan()
        let saved = try SavedPlan(parsing: PlanJSONRenderer.render(plan, cliVersion: "0.1.0"), file: "plan.json")
        var state = DeploymentState(cliVersion: "test")
        state.lineage = plan.lineage
        state.serial = plan.serial
        #expect(saved.mismatch(state: state, plan: plan) == nil)
        state.serial += 1
        #expect(saved.mismatch(state: state, plan: plan)?.hasPrefix("plan serial 3 does not match state serial 4") == true)
    }

    @Test func dependencyGraph() throws {
        let nodes = [
            DesiredNode(key: F.instance, value: F.json(#"{"name":"orders-db"}"#)),
            DesiredNode(key: F.catalog, value: F.json(#"{"name":"serving","database_instance_name":"orders-db"}"#)),
            DesiredNode(key: F.table, value: F.json(#"{"name":"serving.public.orders","spec":{}}"#)),
        ]
        try Golden.check(GraphRenderer.dot(nodes, bundleName: "demo"), "graph/demo.dot")
    }
}
