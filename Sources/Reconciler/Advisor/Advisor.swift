#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSONCore

/// Size of a source table, as far as known.
public struct SourceSize: Sendable, Hashable {
    /// Delta size in bytes.
    public var bytes: Double?
    /// Row count.
    public var rows: Double?

    /// A size.
    public init(bytes: Double?, rows: Double?) {
        self.bytes = bytes
        self.rows = rows
    }
}

/// Monthly list-price cost of an estate, USD.
public struct MonthlyCost: Sendable, Hashable {
    public var compute = 0.0
    public var continuousPipelines = 0.0
    public var storage = 0.0
    /// The sum.
    public var total: Double { compute + continuousPipelines + storage }
}

/// What the advisor says about a plan's end state (issue 7): per instance, the PostgreSQL size range against the
/// 2 TB limit, the initial sync time of each new synced table, the incremental throughput ceiling; and the
/// monthly cost now and after apply.
public struct AdvisorReport: Sendable {
    /// Whether there is nothing to advise on: no instance or project now or after apply, nothing they cost, no
    /// workload, no finding (a plan of roles and databases of a project the bundle does not declare).
    public var isEmpty: Bool {
        !hasProvisioned && !hasAutoscaling && workload.isEmpty && findings.isEmpty
    }

    /// Whether the Autoscaling family has figures: a project now or after apply, or a synced table.
    public var hasAutoscaling: Bool { !projects.isEmpty || !autoscalingNow.isEmpty || !autoscalingSyncs.isEmpty }

    /// Whether the Provisioned family has figures: an instance after apply, or a cost now or after.
    public var hasProvisioned: Bool { !instances.isEmpty || costNow.total != 0 || costAfter.total != 0 }

    /// A new synced table's first copy.
    public struct InitialSync: Sendable, Hashable {
        public var key: String
        public var rows: Double
        public var seconds: Double
    }

    /// One instance of the end state.
    public struct Instance: Sendable {
        public var name: String
        public var key: String?
        public var capacityUnits: Int
        public var nodes: Int
        /// Estimated PostgreSQL size range of its synced tables, bytes (nil when a source size is unknown).
        public var sizeLowBytes: Double?
        public var sizeHighBytes: Double?
        public var initialSyncs: [InitialSync]
        /// Incremental rows/s the instance can absorb.
        public var incrementalCeiling: Double
        /// Synced tables whose source size is unknown.
        public var unknownSources: [String]
    }

    /// A limit the end state would break, or come near.
    public struct Finding: Sendable, Hashable {
        public var isError: Bool
        public var message: String
        /// The instance's key in the bundle, to point at.
        public var instanceKey: String?
    }

    public var facts: LakebaseFacts
    public var instances: [Instance]
    public var costNow: MonthlyCost
    public var costAfter: MonthlyCost
    public var findings: [Finding]
    /// Why size estimates are missing, when they are.
    public var unavailable: String?
    /// The described workload against the end state (empty without a `workload:` in lakebase-advisor.yml).
    public var workload: [WorkloadFit] = []
    /// Autoscaling projects after apply, and as they are now.
    public var projects: [AutoscalingProjectEstimate] = []
    public var autoscalingNow: [AutoscalingProjectEstimate] = []
    /// Their monthly cost ranges.
    public var autoscalingCostNow = MonthlyCostRange()
    public var autoscalingCostAfter = MonthlyCostRange()
    /// Autoscaling synced tables after apply.
    public var autoscalingSyncs: [AutoscalingSyncedTableEstimate] = []
}

/// Computes the advisor's figures from a plan, source sizes and the facts table. Pure.
public enum Advisor {
    /// The report for a plan.
    public static func report(plan: Plan, sizes: [String: SourceSize], unavailable: String?, facts: LakebaseFacts,
                              workload: Workload? = nil) -> AdvisorReport {
        let catalogs = Dictionary(plan.entries.filter { $0.key.kind == .databaseCatalog }.compactMap { entry -> (String, String)? in
            let value = entry.newState ?? entry.remoteState
            guard let name = value?["name"]?.stringValue, let instance = value?["database_instance_name"]?.stringValue else { return nil }
            return (name, instance)
        }, uniquingKeysWith: { first, _ in first })

        func instanceOf(_ table: JSONValue?) -> String? {
            if let explicit = table?["database_instance_name"]?.stringValue ?? table?["effective_database_instance_name"]?.stringValue {
                return explicit
            }
            return table?["name"]?.stringValue.flatMap { $0.split(separator: ".").first.map(String.init) }.flatMap { catalogs[$0] }
        }

        var instances: [AdvisorReport.Instance] = []
        var costAfter = MonthlyCost()
        var costNow = MonthlyCost()
        let tables = plan.entries.filter { $0.key.kind == .syncedTable }
        for entry in plan.entries where entry.key.kind == .databaseInstance {
            if let live = entry.remoteState {
                costNow.compute += Double(units(live["capacity"]) * nodes(nil, live)) * facts.computePricePerCUMonth
            }
            guard entry.action != .delete, let value = entry.newState, let name = value["name"]?.stringValue else { continue }
            let cu = units(value["capacity"] ?? entry.remoteState?["capacity"])
            let count = nodes(value, entry.remoteState)
            costAfter.compute += Double(cu * count) * facts.computePricePerCUMonth
            var low = 0.0, high = 0.0
            var unknown: [String] = []
            var syncs: [AdvisorReport.InitialSync] = []
            for table in tables where table.action != .delete && instanceOf(table.newState) == name {
                let source = table.newState?["spec"]?["source_table_full_name"]?.stringValue ?? ""
                let size = sizes[source]
                if let bytes = size?.bytes {
                    low += bytes * facts.growthLow
                    high += bytes * facts.growthHigh
                } else {
                    unknown.append(table.key.planLabel)
                }
                if table.action == .create || table.action == .recreate, let rows = size?.rows {
                    syncs.append(.init(key: table.key.planLabel, rows: rows, seconds: rows / (facts.initialRowsPerSecondPerCU * Double(cu))))
                }
            }
            instances.append(AdvisorReport.Instance(
                name: name, key: entry.key.planLabel, capacityUnits: cu, nodes: count,
                sizeLowBytes: unknown.isEmpty ? low : nil, sizeHighBytes: unknown.isEmpty ? high : nil, initialSyncs: syncs,
                incrementalCeiling: facts.incrementalRowsPerSecondPerCU * Double(cu), unknownSources: unknown))
            if unknown.isEmpty { costAfter.storage += (low + high) / 2 / 1_073_741_824 * facts.storagePricePerGBMonth }
        }
        for table in tables {
            if let live = table.remoteState {
                if live["spec"]?["scheduling_policy"]?.stringValue == "CONTINUOUS" {
                    costNow.continuousPipelines += facts.continuousPipelinePricePerMonth
                }
                if let bytes = sizes[live["spec"]?["source_table_full_name"]?.stringValue ?? ""]?.bytes {
                    costNow.storage += bytes * (facts.growthLow + facts.growthHigh) / 2 / 1_073_741_824 * facts.storagePricePerGBMonth
                }
            }
            guard table.action != .delete, let spec = table.newState?["spec"] else { continue }
            if spec["scheduling_policy"]?.stringValue == "CONTINUOUS", spec["existing_pipeline_id"] == nil {
                costAfter.continuousPipelines += facts.continuousPipelinePricePerMonth
            }
        }
        var findings: [AdvisorReport.Finding] = []
        for instance in instances {
            guard let low = instance.sizeLowBytes, let high = instance.sizeHighBytes else { continue }
            let limit = facts.instanceStorageLimitBytes
            if low > limit {
                findings.append(.init(isError: true, message: "\(instance.name) would hold \(bytes(low))–\(bytes(high)) in PostgreSQL, over the \(bytes(limit)) limit of an instance; spread the synced tables over more instances", instanceKey: instance.key))
            } else if high > 0.8 * limit {
                findings.append(.init(isError: false, message: "\(instance.name) may hold up to \(bytes(high)) in PostgreSQL, \(Int((high / limit * 100).rounded()))% of the \(bytes(limit)) limit of an instance", instanceKey: instance.key))
            }
        }
        let fits = workload.map { WorkloadFit.assess($0, instances: instances, facts: facts) } ?? []
        findings += fits.compactMap(\.finding)
        var report = AdvisorReport(facts: facts, instances: instances, costNow: costNow, costAfter: costAfter, findings: findings,
                                   unavailable: unavailable, workload: fits)
        report.projects = AutoscalingEstimate.projects(of: plan, side: .after, facts: facts)
        report.autoscalingNow = AutoscalingEstimate.projects(of: plan, side: .now, facts: facts)
        report.autoscalingCostAfter = AutoscalingEstimate.cost(of: report.projects, facts: facts)
        report.autoscalingCostNow = AutoscalingEstimate.cost(of: report.autoscalingNow, facts: facts)
        report.autoscalingSyncs = AutoscalingSyncEstimate.tables(of: plan, projects: report.projects, sizes: sizes, facts: facts)
        for table in report.autoscalingSyncs {
            if table.continuous { report.autoscalingCostAfter.continuousPipelines += facts.continuousPipelinePricePerMonth }
            // Storage the projects report holds the synced tables that exist; new ones add their estimate.
            if table.isNew, let low = table.sizeLowBytes, let high = table.sizeHighBytes {
                report.autoscalingCostAfter.storage += (low + high) / 2 / 1_073_741_824 * facts.autoscalingStoragePricePerGBMonth
            }
        }
        report.findings += AutoscalingSyncEstimate.findings(report.autoscalingSyncs, facts: facts)
        return report
    }

    /// `CU_4` → 4; unset → 2 (the UI's default).
    static func units(_ capacity: JSONValue?) -> Int {
        capacity?.stringValue.flatMap { Int($0.dropFirst(3)) } ?? 2
    }

    static func nodes(_ desired: JSONValue?, _ live: JSONValue?) -> Int {
        for value in [desired?["node_count"], live?["effective_node_count"]] {
            if case .int(let count)? = value { return Int(count) }
        }
        return 1
    }

    /// `1.2 GB`, `2.0 TB`.
    public static func bytes(_ value: Double) -> String { ByteCount.text(value) }
}
