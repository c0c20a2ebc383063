/// One expectation of the described workload against what the plan's end state provides.
public struct WorkloadFit: Sendable, Hashable {
    /// What is compared: `reads`, `bulk writes`, `continuous writes`, `data size`, `readable secondaries`.
    public var figure: String
    /// The JSON key: `reads_per_second`, ….
    public var key: String
    /// How the figures read.
    var unit: Unit
    /// What the workload expects (for the data size: the high PostgreSQL estimate, bytes).
    public var expected: Double
    /// The low PostgreSQL estimate, for the data size only (bytes).
    public var expectedLow: Double?
    /// What the planned capacity provides, in the same unit.
    public var capacity: Double
    /// How the capacity is made up, for people.
    public var basis: String
    /// What to change when it does not fit.
    public var remedy: String

    /// The unit of a figure; estimates of throughput read `about …`.
    enum Unit: Sendable, Hashable {
        case queriesPerSecond, rowsPerSecond, bytes, count

        /// `value` with its unit; `estimate` prefixes throughput with `about`.
        func text(_ value: Double, estimate: Bool) -> String {
            let about = estimate ? "about " : ""
            switch self {
            case .queriesPerSecond: return "\(about)\(AdvisorRenderer.count(value)) queries/s"
            case .rowsPerSecond: return "\(about)\(AdvisorRenderer.count(value)) rows/s"
            case .bytes: return ByteCount.text(value)
            case .count: return AdvisorRenderer.count(value)
            }
        }
    }

    /// Whether the expectation fits the capacity.
    public var fits: Bool { expected <= capacity }

    /// Compares a workload with the end state's instances. Reads scale with every node (readable secondaries
    /// serve them); writes land on primaries only; data size grows by the facts' growth range in PostgreSQL.
    static func assess(_ workload: Workload, instances: [AdvisorReport.Instance], facts: LakebaseFacts) -> [WorkloadFit] {
        let primaryUnits = Double(instances.reduce(0) { $0 + $1.capacityUnits })
        let nodeUnits = Double(instances.reduce(0) { $0 + $1.capacityUnits * $1.nodes })
        let plural = instances.count == 1 ? "instance" : "instances"
        var fits: [WorkloadFit] = []
        if let reads = workload.readsPerSecond {
            fits.append(WorkloadFit(
                figure: "reads", key: "reads_per_second", unit: .queriesPerSecond, expected: reads, capacity: nodeUnits * facts.readQueriesPerSecondPerCU,
                basis: "\(AdvisorRenderer.count(facts.readQueriesPerSecondPerCU)) point lookups/s per CU over \(Int(nodeUnits)) CU of nodes",
                remedy: "raise the capacity or add readable secondaries (node_count)"))
        }
        if let bulk = workload.bulkWritesPerSecond {
            fits.append(WorkloadFit(
                figure: "bulk writes", key: "bulk_writes_per_second", unit: .rowsPerSecond, expected: bulk, capacity: primaryUnits * facts.initialRowsPerSecondPerCU,
                basis: "\(AdvisorRenderer.count(facts.initialRowsPerSecondPerCU)) rows/s per CU over \(Int(primaryUnits)) CU of primaries",
                remedy: "raise the capacity or spread the synced tables over more instances"))
        }
        if let continuous = workload.continuousWritesPerSecond {
            fits.append(WorkloadFit(
                figure: "continuous writes", key: "continuous_writes_per_second", unit: .rowsPerSecond, expected: continuous,
                capacity: primaryUnits * facts.incrementalRowsPerSecondPerCU,
                basis: "\(AdvisorRenderer.count(facts.incrementalRowsPerSecondPerCU)) rows/s per CU over \(Int(primaryUnits)) CU of primaries",
                remedy: "raise the capacity, or sync the busiest tables in SNAPSHOT mode when more than ~10% changes between syncs"))
        }
        if let gigabytes = workload.dataSizeGB {
            let bytes = gigabytes * 1_073_741_824
            fits.append(WorkloadFit(
                figure: "data size", key: "data_size_bytes", unit: .bytes, expected: bytes * facts.growthHigh, expectedLow: bytes * facts.growthLow,
                capacity: Double(instances.count) * facts.instanceStorageLimitBytes,
                basis: "\(ByteCount.text(bytes)) of Delta grown \(AdvisorRenderer.count(facts.growthLow))–\(AdvisorRenderer.count(facts.growthHigh))×, "
                    + "against \(ByteCount.text(facts.instanceStorageLimitBytes)) per instance × \(instances.count) \(plural)",
                remedy: "spread the data over more instances"))
        }
        if let secondaries = workload.readableSecondaries {
            let most = Double(instances.map { $0.nodes - 1 }.max() ?? 0)
            fits.append(WorkloadFit(
                figure: "readable secondaries", key: "readable_secondaries", unit: .count, expected: secondaries, capacity: most,
                basis: "node_count − 1 of the largest planned instance",
                remedy: "set node_count on the serving instance"))
        }
        return fits
    }

    /// The warning when it does not fit.
    var finding: AdvisorReport.Finding? {
        guard !fits else { return nil }
        return AdvisorReport.Finding(
            isError: false,
            message: "workload \(figure): \(expectedText) expected, the plan provides \(capacityText) (\(basis)); \(remedy)",
            instanceKey: nil)
    }

    /// The expectation as text (a range for the data size).
    var expectedText: String {
        let high = unit.text(expected, estimate: false)
        return expectedLow.map { "\(unit.text($0, estimate: false))–\(high)" } ?? high
    }

    /// The capacity as text (`about …` where it is an estimate).
    var capacityText: String { unit.text(capacity, estimate: true) }
}
