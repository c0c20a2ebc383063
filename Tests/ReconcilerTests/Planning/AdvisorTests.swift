import Testing
import JSONCore
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
        #expect(AdvisorRenderer.money(report.costAfter.compute) == "$583.33", "2 CU cost the published $583.33, not 2 × $291.67")
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
        #expect(AdvisorRenderer.money(report.costAfter.compute) == "$2,333.33", "4 CU × 2 nodes at the published 8 CU price")
    }

    @Test func unknownSizesAreSaidNotGuessed() throws {
        let report = Advisor.report(plan: try Self.plan(), sizes: [:], unavailable: "no size", facts: LakebaseFacts())
        #expect(report.instances.first?.sizeHighBytes == nil)
        #expect(report.instances.first?.unknownSources == ["synced_database_tables.live", "synced_database_tables.orders"])
        #expect(report.instances.first?.initialSyncs.isEmpty == true)
    }

    @Test func factsCanBeOverriddenByAFile() throws {
        let facts = try AdvisorSettings.parse("compute_price_per_cu_month: 300\ngrowth_high: 15\n", file: "f.yml").facts
        #expect(facts.computePricePerCUMonth == 300)
        #expect(facts.growthHigh == 15)
        #expect(facts.growthLow == 10)
        #expect(throws: LakebaseFacts.FileError.self) { try AdvisorSettings.parse("growth_hi: 3\n", file: "f.yml") }
        do {
            _ = try AdvisorSettings.parse("growth_hi: 3\n", file: "f.yml")
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

    static let workloadFile = """
        growth_high: 15
        workload:
          reads_per_second: 25000
          bulk_writes_per_second: 20000
          continuous_writes_per_second: 500
          data_size_gb: 50
          readable_secondaries: 1
        """

    @Test func settingsCarryFiguresAndTheWorkload() throws {
        let settings = try AdvisorSettings.parse(Self.workloadFile, file: "lakebase-advisor.yml")
        #expect(settings.facts.growthHigh == 15)
        let workload = try #require(settings.workload)
        #expect(workload.readsPerSecond == 25_000)
        #expect(workload.bulkWritesPerSecond == 20_000)
        #expect(workload.continuousWritesPerSecond == 500)
        #expect(workload.dataSizeGB == 50)
        #expect(workload.readableSecondaries == 1)
        #expect(try AdvisorSettings.parse("growth_low: 8\n", file: "f.yml").workload == nil)
    }

    @Test(arguments: [
        ("workload:\n  reads_per_secnd: 3\n", "f.yml:2:20: unknown workload figure 'reads_per_secnd'; did you mean 'reads_per_second'?"),
        ("workload:\n  data_size_gb: -1\n", "f.yml:2:17: 'data_size_gb' must be zero or more"),
        ("workload:\n  data_size_gb: lots\n", "f.yml:2:17: 'data_size_gb' must be a number"),
        ("workload: 3\n", "f.yml:1:11: 'workload' must be a mapping"),
        ("growth_high: 0\n", "f.yml:1:14: 'growth_high' must be positive"),
        ("workloads: {}\n", "f.yml:1:12: unknown advisor figure 'workloads'; did you mean 'workload'?"),
    ])
    func badSettingsNameTheirPlace(text: String, message: String) {
        let error = #expect(throws: LakebaseFacts.FileError.self) { try AdvisorSettings.parse(text, file: "f.yml") }
        #expect(error?.description == message)
    }

    /// A CU_2 instance with one node: reads 20k/s, bulk writes 30k rows/s, continuous 2.4k rows/s, 2 TB, no secondary.
    @Test(arguments: [
        (Workload(readsPerSecond: 20_000), ["reads": true]),
        (Workload(readsPerSecond: 20_001), ["reads": false]),
        (Workload(bulkWritesPerSecond: 30_000, continuousWritesPerSecond: 2_401), ["bulk writes": true, "continuous writes": false]),
        (Workload(dataSizeGB: 100), ["data size": true]),     // 1–2 TB of 2 TB
        (Workload(dataSizeGB: 103), ["data size": false]),    // up to 2.01 TB
        (Workload(readableSecondaries: 1), ["readable secondaries": false]),
        (Workload(readableSecondaries: 0), ["readable secondaries": true]),
    ])
    func workloadAgainstPlannedCapacity(workload: Workload, expected: [String: Bool]) throws {
        let report = Advisor.report(plan: try Self.plan(), sizes: Self.sizes, unavailable: nil, facts: LakebaseFacts(), workload: workload)
        #expect(Dictionary(uniqueKeysWithValues: report.workload.map { ($0.figure, $0.fits) }) == expected)
        #expect(report.findings.count == expected.values.filter { !$0 }.count, "one warning per figure that does not fit")
        #expect(report.findings.allSatisfy { !$0.isError })
    }

    @Test func readableSecondariesServeReads() throws {
        let report = Advisor.report(plan: try Self.plan(capacity: "CU_2", nodes: 3), sizes: Self.sizes, unavailable: nil, facts: LakebaseFacts(),
                                    workload: Workload(readsPerSecond: 60_000, bulkWritesPerSecond: 30_001, readableSecondaries: 2))
        #expect(report.workload.map(\.capacity) == [60_000, 30_000, 2], "reads on every node; writes on the primary")
        #expect(report.workload.map(\.fits) == [true, false, true])
    }

    @Test func goldenWorkloadSections() throws {
        let settings = try AdvisorSettings.parse(Self.workloadFile, file: "lakebase-advisor.yml")
        let report = Advisor.report(plan: try Self.plan(), sizes: Self.sizes, unavailable: nil, facts: settings.facts, workload: settings.workload)
        try Golden.check(AdvisorRenderer.text(report), "plan/advisor-workload.txt")
        try Golden.check(AdvisorRenderer.markdown(report), "plan/advisor-workload.md")
        try Golden.check(AdvisorRenderer.json(report).serialized(pretty: true) + "\n", "plan/advisor-workload.json")
    }

    /// The published list prices, from one unrounded per-CU price (a rounded one summed to $583.34 for 2 CU).
    @Test(arguments: [(1, "$291.67"), (2, "$583.33"), (4, "$1,166.67"), (8, "$2,333.33")])
    func computePricesMatchThePublishedOnes(units: Int, published: String) {
        #expect(AdvisorRenderer.money(Double(units) * LakebaseFacts().computePricePerCUMonth) == published)
    }
}
