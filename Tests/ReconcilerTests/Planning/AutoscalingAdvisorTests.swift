import JSONCore
import Testing
@testable import Reconciler

/// The advisor's Autoscaling figures from fixed plans: every endpoint priced by its CU range and suspension, the
/// implicit `primary` of each branch priced with the project's defaults, branch counts, cost now and after.
@Suite struct AutoscalingAdvisorTests {
    typealias F = PlanningFixtures
    static let project = F.key(.postgresProjects, "shop")
    static let dev = F.key(.postgresBranches, "dev")
    static let reader = F.key(.postgresEndpoints, "reader")

    /// A project already deployed (now: production/primary at 1–1 CU suspending after a day, 3 GiB stored), to which
    /// the bundle adds a dev branch with a ttl and a read-only endpoint on production that never suspends.
    static func plan(projectDefaults: String = #","default_endpoint_settings":{"autoscaling_limit_min_cu":0.5,"autoscaling_limit_max_cu":2,"suspend_timeout_duration":"300s"}"#) throws -> Plan {
        var s = F.Scenario()
        let project = #"{"project_id":"shop""# + projectDefaults + "}"
        s.want(Self.project, project)
        s.saved(Self.project, project)
        s.state.set(Self.project.stateKey, .init(id: "projects/shop", state: F.json(project), dependsOn: []))
        s.remote(Self.project, #"{"name":"projects/shop","project_id":"shop","status":{"synthetic_storage_size_bytes":3221225472,"default_endpoint_settings":{"autoscaling_limit_min_cu":1,"autoscaling_limit_max_cu":1,"suspend_timeout_duration":"86400s"}}}"#)
        s.want(Self.dev, #"{"parent":"projects/shop","branch_id":"dev","ttl":"604800s"}"#)
        s.remote(Self.dev, nil)
        s.want(Self.reader, #"{"parent":"projects/shop/branches/production","endpoint_id":"reader","endpoint_type":"ENDPOINT_TYPE_READ_ONLY","autoscaling_limit_min_cu":1,"autoscaling_limit_max_cu":4,"no_suspension":true}"#)
        s.remote(Self.reader, nil)
        return try s.plan()
    }

    static func report(_ plan: Plan) -> AdvisorReport {
        Advisor.report(plan: plan, sizes: [:], unavailable: nil, facts: LakebaseFacts())
    }

    /// One CU for a month at the indicative $0.111 per CU-hour.
    static let cuMonth = 0.111 * 730

    @Test func endpointsArePricedByRangeAndSuspension() throws {
        let report = Self.report(try Self.plan())
        let project = try #require(report.projects.first)
        #expect(report.projects.count == 1)
        #expect(project.branches == 2, "production (implicit root) and dev")
        #expect(project.expiringBranches == 1)
        #expect(project.endpoints.map(\.label) == ["dev/primary", "production/primary", "production/reader"])
        #expect(project.endpoints.map(\.implicit) == [true, true, false])
        let reader = project.endpoints[2]
        #expect(reader.suspendSeconds == nil)
        #expect(abs(reader.costLow - Self.cuMonth) < 1e-9, "never suspends: the floor (1 CU) all month")
        #expect(abs(reader.costHigh - 4 * Self.cuMonth) < 1e-9)
        let primary = project.endpoints[0]
        #expect(primary.minCU == 0.5 && primary.maxCU == 2 && primary.suspendSeconds == 300, "the project's desired defaults")
        #expect(primary.costLow == 0, "it can suspend")
        #expect(abs(primary.costHigh - 2 * Self.cuMonth) < 1e-9)
        #expect(abs(report.autoscalingCostAfter.computeHigh - 8 * Self.cuMonth) < 1e-9)
        #expect(abs(report.autoscalingCostAfter.storage - 3 * 0.35) < 1e-9, "3 GiB at $0.35 per GB-month")
    }

    @Test func nowReadsTheLiveStatus() throws {
        let report = Self.report(try Self.plan())
        let now = try #require(report.autoscalingNow.first)
        #expect(now.endpoints.map(\.label) == ["production/primary"], "only what exists: the root branch's primary")
        #expect(now.endpoints.first?.maxCU == 1 && now.endpoints.first?.suspendSeconds == 86_400)
        #expect(abs(report.autoscalingCostNow.computeHigh - Self.cuMonth) < 1e-9)
        #expect(report.autoscalingCostNow.computeLow == 0)
    }

    @Test(arguments: [
        // (project defaults JSON, primary min, max, suspend seconds or -1 for never)
        ("", 1.0, 1.0, 86_400.0),  // the live status' defaults
        (#","default_endpoint_settings":{"no_suspension":true,"autoscaling_limit_max_cu":8}"#, 1.0, 8.0, -1.0),
        (#","default_endpoint_settings":{"autoscaling_limit_min_cu":2,"suspend_timeout_duration":"3600s"}"#, 2.0, 2.0, 3_600.0),
    ])
    func implicitPrimaryFollowsTheProjectDefaults(defaults: String, min: Double, max: Double, suspend: Double) throws {
        let report = Self.report(try Self.plan(projectDefaults: defaults))
        let primary = try #require(report.projects.first?.endpoints.first)
        #expect(primary.minCU == min)
        #expect(primary.maxCU == max)
        #expect(primary.suspendSeconds == (suspend < 0 ? nil : suspend))
    }

    @Test func deletedEndpointsLeaveTheEndStateAndCountNow() throws {
        var s = F.Scenario()
        let endpoint = #"{"parent":"projects/app/branches/production","endpoint_id":"ro","endpoint_type":"ENDPOINT_TYPE_READ_ONLY"}"#
        s.state.set(Self.reader.stateKey, .init(id: "projects/app/branches/production/endpoints/ro", state: F.json(endpoint), dependsOn: []))
        s.remote(Self.reader, #"{"name":"projects/app/branches/production/endpoints/ro","status":{"endpoint_type":"ENDPOINT_TYPE_READ_ONLY","autoscaling_limit_min_cu":2,"autoscaling_limit_max_cu":2,"suspend_timeout_duration":"300s"}}"#)
        let report = Self.report(try s.plan())
        #expect(report.projects.isEmpty)
        #expect(report.autoscalingNow.first?.endpoints.map(\.label) == ["production/ro"])
        #expect(abs(report.autoscalingCostNow.computeHigh - 2 * Self.cuMonth) < 1e-9)
        #expect(!report.isEmpty)
    }

    @Test func figuresCanBeOverriddenByAFile() throws {
        let facts = try AdvisorSettings.parse("autoscaling_compute_price_per_cu_hour: 0.2\nhours_per_month: 720\n", file: "f.yml").facts
        #expect(facts.autoscalingComputePricePerCUHour == 0.2)
        #expect(facts.hoursPerMonth == 720)
    }

    @Test func goldens() throws {
        let report = Self.report(try Self.plan())
        try Golden.check(AdvisorRenderer.text(report), "plan/advisor-autoscaling.txt")
        try Golden.check(AdvisorRenderer.markdown(report), "plan/advisor-autoscaling.md")
        try Golden.check(AdvisorRenderer.json(report).serialized(pretty: true) + "\n", "plan/advisor-autoscaling.json")
    }

    /// A catalog on production and two synced tables in it: a new SNAPSHOT one (1,000,000 rows, 1 GiB of Delta) and
    /// a new CONTINUOUS one; production's primary tops out at 2 CU (the project's defaults).
    static func syncPlan() throws -> Plan {
        var s = F.Scenario()
        let projectKey = Self.project
        s.want(projectKey, #"{"project_id":"shop","default_endpoint_settings":{"autoscaling_limit_min_cu":0.5,"autoscaling_limit_max_cu":2}}"#)
        s.remote(projectKey, nil)
        let catalog = F.key(.postgresCatalogs, "serving")
        s.want(catalog, #"{"catalog_id":"serving","branch":"projects/shop/branches/production","postgres_database":"app"}"#)
        s.remote(catalog, nil)
        let orders = F.key(.postgresSyncedTables, "orders")
        s.want(orders, #"{"synced_table_id":"serving.public.orders","source_table_full_name":"main.sales.orders","scheduling_policy":"SNAPSHOT"}"#)
        s.remote(orders, nil)
        let events = F.key(.postgresSyncedTables, "events")
        s.want(events, #"{"synced_table_id":"serving.public.events","source_table_full_name":"main.sales.events","scheduling_policy":"CONTINUOUS"}"#)
        s.remote(events, nil)
        return try s.plan()
    }

    static let syncSizes: [String: SourceSize] = ["main.sales.orders": SourceSize(bytes: 1_073_741_824, rows: 1_000_000)]

    @Test func syncedTablesAreSizedAtTheirBranchCeiling() throws {
        let report = Advisor.report(plan: try Self.syncPlan(), sizes: Self.syncSizes, unavailable: nil, facts: LakebaseFacts())
        #expect(report.autoscalingSyncs.map(\.key) == ["postgres_synced_tables.events", "postgres_synced_tables.orders"])
        let orders = try #require(report.autoscalingSyncs.last)
        #expect(orders.branch == "projects/shop/branches/production", "from the catalog the id starts with")
        #expect(orders.maxCU == 2)
        #expect(orders.initialSeconds.map { abs($0 - 1_000_000 / (1_875 * 2)) < 1e-9 } == true, "rows / (1,875 rows/s per CU × 2 CU)")
        #expect(orders.incrementalCeiling == 300)
        #expect(orders.sizeLowBytes == 10 * 1_073_741_824 && orders.sizeHighBytes == 20 * 1_073_741_824)
        let events = try #require(report.autoscalingSyncs.first)
        #expect(events.continuous && events.sizeHighBytes == nil && events.initialSeconds == nil, "no source size: said, not guessed")
        #expect(report.autoscalingCostAfter.continuousPipelines == 548)
        #expect(abs(report.autoscalingCostAfter.storage - 15 * 0.35) < 1e-9, "the new table's midpoint, 15 GiB")
        try Golden.check(AdvisorRenderer.text(report), "plan/advisor-autoscaling-sync.txt")
        try Golden.check(AdvisorRenderer.markdown(report), "plan/advisor-autoscaling-sync.md")
        try Golden.check(AdvisorRenderer.json(report).serialized(pretty: true) + "\n", "plan/advisor-autoscaling-sync.json")
    }

    @Test(arguments: [
        (300.0, "none"),     // 2.9–5.9 TiB in PostgreSQL: under 80% of the 8 TiB branch limit
        (400.0, "warning"),  // 3.9–7.8 TiB: the high estimate passes 80%
        (1000.0, "error"),   // 9.8–20 TiB: even the low estimate is over
    ])
    func branchSizeLimit(gibibytes: Double, expected: String) throws {
        let sizes = ["main.sales.orders": SourceSize(bytes: gibibytes * 1_073_741_824, rows: 1)]
        let report = Advisor.report(plan: try Self.syncPlan(), sizes: sizes, unavailable: nil, facts: LakebaseFacts())
        let found = report.findings.first.map { $0.isError ? "error" : "warning" } ?? "none"
        #expect(found == expected)
    }
}
