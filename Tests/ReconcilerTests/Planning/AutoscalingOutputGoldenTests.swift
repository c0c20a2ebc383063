import JSONCore
import ManifestModel
import Testing
@testable import Reconciler

/// Golden files of every output format for a plan of the Autoscaling kinds: a created branch, a masked endpoint
/// update, a recreated role, a deleted database, drift read from `status`, and the dependency graph.
@Suite struct AutoscalingOutputGoldenTests {
    typealias F = PlanningFixtures
    static let project = F.key(.postgresProjects, "shop")
    static let branch = F.key(.postgresBranches, "dev")
    static let endpoint = F.key(.postgresEndpoints, "reader")
    static let role = F.key(.postgresRoles, "owner")
    static let database = F.key(.postgresDatabases, "old")

    static func plan() throws -> Plan {
        var s = F.Scenario()
        let project = #"{"project_id":"shop","display_name":"Shop"}"#
        s.want(Self.project, #"{"project_id":"shop","display_name":"Shop 2"}"#)
        s.saved(Self.project, project)
        s.state.set(Self.project.stateKey, .init(id: "projects/shop", state: F.json(project), dependsOn: []))
        s.remote(Self.project, #"{"name":"projects/shop","project_id":"shop","status":{"display_name":"Shop","pg_version":17}}"#)

        let projectEdge = Dependency(node: Self.project.stateKey, label: "${resources.postgres_projects.shop.id}")
        s.want(Self.branch, #"{"parent":"projects/shop","branch_id":"dev","ttl":"86400s"}"#, dependsOn: [projectEdge])
        s.remote(Self.branch, nil)

        let endpoint = #"{"parent":"projects/shop/branches/production","endpoint_id":"reader","endpoint_type":"ENDPOINT_TYPE_READ_ONLY","autoscaling_limit_max_cu":2}"#
        s.want(Self.endpoint, endpoint.replacingOccurrences(of: "\"autoscaling_limit_max_cu\":2", with: "\"autoscaling_limit_max_cu\":4,\"settings\":{\"pg_settings\":{\"work_mem\":\"64MB\"}}"))
        s.state.set(Self.endpoint.stateKey, .init(id: "projects/shop/branches/production/endpoints/reader", state: F.json(endpoint), dependsOn: []))
        s.remote(Self.endpoint, #"{"name":"projects/shop/branches/production/endpoints/reader","parent":"projects/shop/branches/production","endpoint_id":"reader","status":{"endpoint_type":"ENDPOINT_TYPE_READ_ONLY","autoscaling_limit_min_cu":1,"autoscaling_limit_max_cu":2,"current_state":"ACTIVE"}}"#)

        let role = #"{"parent":"projects/shop/branches/production","role_id":"app-owner","postgres_role":"app_owner"}"#
        s.want(Self.role, role.replacingOccurrences(of: "\"app_owner\"", with: "\"shop_owner\""))
        s.state.set(Self.role.stateKey, .init(id: "projects/shop/branches/production/roles/app-owner", state: F.json(role), dependsOn: []))
        s.remote(Self.role, #"{"name":"projects/shop/branches/production/roles/app-owner","status":{"postgres_role":"app_owner","identity_type":"IDENTITY_TYPE_UNSPECIFIED"}}"#)

        let database = #"{"parent":"projects/shop/branches/production","database_id":"old","postgres_database":"old_db","role":"projects/shop/branches/production/roles/app-owner"}"#
        s.state.set(Self.database.stateKey, .init(id: "projects/shop/branches/production/databases/old", state: F.json(database), dependsOn: []))
        s.remote(Self.database, #"{"name":"projects/shop/branches/production/databases/old","status":{"postgres_database":"old_db"}}"#)
        return try s.plan()
    }

    @Test func text() throws { try Golden.check(PlanTextRenderer.render(Self.plan()), "plan/autoscaling.txt") }

    @Test func json() throws {
        try Golden.check(PlanJSONRenderer.render(Self.plan(), cliVersion: "0.1.0"), "plan/autoscaling.json")
    }

    @Test func markdown() throws {
        try Golden.check(PlanMarkdownRenderer.render(Self.plan(), title: "reconcile plan: shop (target dev)"), "plan/autoscaling.md")
    }

    @Test func banners() throws {
        try Golden.check(Approval(Self.plan()).banners, "plan/autoscaling-banners.txt")
    }

    /// A catalog created and a synced table recreated (its sync mode changed) in it, in every plan format.
    static func syncPlan() throws -> Plan {
        var s = F.Scenario()
        let catalog = F.key(.postgresCatalogs, "serving")
        s.want(catalog, #"{"catalog_id":"serving","branch":"projects/shop/branches/production","postgres_database":"app","create_database_if_missing":true}"#)
        s.remote(catalog, nil)
        let table = F.key(.postgresSyncedTables, "orders")
        let old = #"{"synced_table_id":"serving.public.orders","source_table_full_name":"main.sales.orders","primary_key_columns":["order_id"],"scheduling_policy":"SNAPSHOT"}"#
        s.want(table, old.replacingOccurrences(of: "SNAPSHOT", with: "TRIGGERED"),
               dependsOn: [Dependency(node: catalog.stateKey, label: "${resources.postgres_catalogs.serving.catalog_id}")])
        s.state.set(table.stateKey, .init(id: "synced_tables/serving.public.orders", state: F.json(old), dependsOn: []))
        s.remote(table, #"{"name":"synced_tables/serving.public.orders","synced_table_id":"serving.public.orders","status":{"detailed_state":"SYNCED_TABLE_ONLINE_NO_PENDING_UPDATE","unity_catalog_provisioning_state":"ACTIVE"}}"#)
        return try s.plan()
    }

    @Test func syncedTablePlans() throws {
        let plan = try Self.syncPlan()
        try Golden.check(PlanTextRenderer.render(plan), "plan/autoscaling-sync.txt")
        try Golden.check(PlanJSONRenderer.render(plan, cliVersion: "0.1.0"), "plan/autoscaling-sync.json")
        try Golden.check(PlanMarkdownRenderer.render(plan, title: "reconcile plan: serving (target dev)"), "plan/autoscaling-sync.md")
        try Golden.check(Approval(plan).banners, "plan/autoscaling-sync-banners.txt")
    }

    @Test func graph() throws {
        let nodes = [
            DesiredNode(key: Self.project, value: F.json(#"{"project_id":"shop"}"#)),
            DesiredNode(key: Self.branch, value: F.json(#"{"parent":"projects/shop","branch_id":"dev"}"#)),
            DesiredNode(key: Self.endpoint, value: F.json(#"{"parent":"projects/shop/branches/dev","endpoint_id":"reader"}"#)),
        ]
        try Golden.check(GraphRenderer.dot(nodes, bundleName: "shop"), "graph/autoscaling.dot")
    }
}
