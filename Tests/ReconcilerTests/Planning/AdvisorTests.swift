import Testing
import YAMLBridge
@testable import Reconciler

/// The advisor's arithmetic from fixed inputs (facts table, source sizes, plan).
@Suite struct AdvisorTests {
    typealias F = PlanningFixtures
    static let gigabyte = 1_073_741_824.0

    /// A new CU_2 instance with two new synced tables: one TRIGGERED (10 GB, 30M rows), one CONTINUOUS (5 GB, 6M rows).
    static func plan(capacity: String = "CU_2", nodes: Int = 1) throws -> Plan {
        var s = F.Scenario()
        s.want(F.instance, #"{"name":"orders-db","capacity":"\#(capacity)","node_count":\#(nodes)}"#)
        s.remote(F.instance, nil)
        s.want(F.catalog, #"{"name":"serving","database_instance_name":"orders-db","database_name":"app"}"#)
        s.remote(F.catalog, nil)
        s.want(F.table, #"{"name":"serving.public.orders","spec":{"source_table_full_name":"main.sales.orders","scheduling_policy":"TRIGGERED"}}"#)
        s.remote(F.table, nil)
        let live = F.key(.syncedDatabaseTables, "live")
        s.want(live, #"{"name":"serving.public.live","spec":{"source_table_full_name":"main.sales.events","scheduling_policy":"CONTINUOUS"}}"#)
        s.remote(live, nil)
        return try s.plan()
    }

    static let sizes: [String: SourceSize] = [
        "main.sales.orders": SourceSize(bytes: 10 * gigabyte, rows: 30_000_000),
        "main.sales.events": SourceSize(bytes: 5 * gigabyte, rows: 6_000_000),
    ]

    @Test func sizesSyncTimesCeilingAndCost() throws {
        let report = Advisor.report(plan: try Self.plan(), sizes: Self.sizes, unavailable: nil, facts: LakebaseFacts())
        let instance = try #require(report.instances.first)
        #expect(instance.capacityUnits == 2)
        #expect(instance.sizeLowBytes == 150 * Self.gigabyte)
        #expect(instance.sizeHighBytes == 300 * Self.gigabyte)
        #expect(instance.incrementalCeiling == 2_400)
        #expect(instance.initialSyncs.map(\.key) == ["synced_database_tables.live", "synced_database_tables.orders"])
        #expect(instance.initialSyncs.map(\.seconds) == [200, 1000], "rows / (15k rows/s × 2 CU)")
        #expect(report.costNow.total == 0)
        #expect(report.costAfter.compute == 583.34)
        #expect(report.costAfter.continuousPipelines == 548)
        #expect(abs(report.costAfter.storage - 225 * 0.35) < 0.001, "midpoint of 150–300 GB at $0.35 per GB-month")
        #expect(report.findings.isEmpty)
    }

    @Test(arguments: [
        (100.0, "warning"),  // 1–2 TB: the high estimate reaches the 2 TB limit
        (90.0, "warning"),   // 0.9–1.8 TB: 88% of the limit
        (70.0, "none"),      // 0.7–1.4 TB: 68%
        (250.0, "error"),    // 2.5–5 TB: even the low estimate is over
    ])
    func storageLimitFindings(gigabytes: Double, expected: String) throws {
        let sizes: [String: SourceSize] = ["main.sales.orders": SourceSize(bytes: gigabytes * Self.gigabyte, rows: 1),
                                           "main.sales.events": SourceSize(bytes: 0, rows: 0)]
        let report = Advisor.report(plan: try Self.plan(), sizes: sizes, unavailable: nil, facts: LakebaseFacts())
        let found = report.findings.first.map { $0.isError ? "error" : "warning" } ?? "none"
        #expect(found == expected)
    }

    @Test func readableSecondariesCostLikeThePrimary() throws {
        let report = Advisor.report(plan: try Self.plan(capacity: "CU_4", nodes: 2), sizes: Self.sizes, unavailable: nil, facts: LakebaseFacts())
        #expect(report.costAfter.compute == 291.67 * 4 * 2)
    }

    @Test func unknownSizesAreSaidNotGuessed() throws {
        let report = Advisor.report(plan: try Self.plan(), sizes: [:], unavailable: "no size", facts: LakebaseFacts())
        #expect(report.instances.first?.sizeHighBytes == nil)
        #expect(report.instances.first?.unknownSources == ["synced_database_tables.live", "synced_database_tables.orders"])
        #expect(report.instances.first?.initialSyncs.isEmpty == true)
    }

    @Test func factsCanBeOverriddenByAFile() throws {
        let facts = try LakebaseFacts.overridden(by: "compute_price_per_cu_month: 300\ngrowth_high: 15\n", file: "f.yml")
        #expect(facts.computePricePerCUMonth == 300)
        #expect(facts.growthHigh == 15)
        #expect(facts.growthLow == 10)
        #expect(throws: LakebaseFacts.FileError.self) { try LakebaseFacts.overridden(by: "growth_hi: 3\n", file: "f.yml") }
        do {
            _ = try LakebaseFacts.overridden(by: "growth_hi: 3\n", file: "f.yml")
        } catch {
            #expect(error.description == "f.yml:1:12: unknown advisor figure 'growth_hi'; did you mean 'growth_high'?")
        }
    }

    @Test func goldenSections() throws {
        let report = Advisor.report(plan: try Self.plan(), sizes: Self.sizes, unavailable: nil, facts: LakebaseFacts())
        try Golden.check(AdvisorRenderer.text(report), "plan/advisor.txt")
        try Golden.check(AdvisorRenderer.markdown(report), "plan/advisor.md")
        try Golden.check(AdvisorRenderer.json(report).serialized(pretty: true) + "\n", "plan/advisor.json")
    }
}
