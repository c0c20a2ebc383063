import JSONCore

/// One Autoscaling synced table of the end state, as the advisor sizes it.
public struct AutoscalingSyncedTableEstimate: Sendable, Hashable {
    /// `postgres_synced_tables.orders`.
    public var key: String
    /// The branch it writes to (`projects/p/branches/b`), when the bundle says.
    public var branch: String?
    /// The CU ceiling of that branch's read-write endpoint (its `primary`), which the sync can use.
    public var maxCU: Double
    /// Estimated PostgreSQL size range, bytes (nil when the source size is unknown).
    public var sizeLowBytes: Double?
    public var sizeHighBytes: Double?
    /// A new table's first copy: rows and seconds (nil when not created or recreated, or rows unknown).
    public var initialRows: Double?
    public var initialSeconds: Double?
    /// Incremental rows/s its branch can absorb.
    public var incrementalCeiling: Double
    /// Whether it runs a continuous pipeline of its own.
    public var continuous: Bool
    /// Whether the plan creates (or recreates) it: its data is not in the project's storage yet.
    public var isNew: Bool
}

/// Sizes the Autoscaling synced tables of a plan's end state: PostgreSQL size against the branch limit, the first
/// copy's time and the incremental ceiling at the branch endpoint's CU ceiling, and continuous pipelines. The
/// per-CU rates are ours (the Provisioned figures scaled by memory per CU); nothing is published. Pure.
enum AutoscalingSyncEstimate {
    static func tables(of plan: Plan, projects: [AutoscalingProjectEstimate], sizes: [String: SourceSize],
                       facts: LakebaseFacts) -> [AutoscalingSyncedTableEstimate] {
        var catalogBranches: [String: String] = [:]
        for entry in plan.entries where entry.key.kind == .postgresCatalog && entry.action != .delete {
            if let id = entry.newState?["catalog_id"]?.stringValue, let branch = entry.newState?["branch"]?.stringValue {
                catalogBranches[id] = branch
            }
        }
        var tables: [AutoscalingSyncedTableEstimate] = []
        for entry in plan.entries where entry.key.kind == .postgresSyncedTable && entry.action != .delete {
            guard let value = entry.newState, let source = value["source_table_full_name"]?.stringValue else { continue }
            let catalog = value["synced_table_id"]?.stringValue?.split(separator: ".").first.map(String.init)
            let branch = value["branch"]?.stringValue ?? catalog.flatMap { catalogBranches[$0] }
            let maxCU = branch.flatMap { ceiling(of: $0, in: projects) } ?? facts.autoscalingDefaultMaxCU
            let size = sizes[source]
            let creating = entry.action == .create || entry.action == .recreate
            let initialRows = creating ? size?.rows : nil
            tables.append(AutoscalingSyncedTableEstimate(
                key: entry.key.planLabel, branch: branch, maxCU: maxCU,
                sizeLowBytes: size?.bytes.map { $0 * facts.growthLow }, sizeHighBytes: size?.bytes.map { $0 * facts.growthHigh },
                initialRows: initialRows,
                initialSeconds: initialRows.map { $0 / (facts.autoscalingInitialRowsPerSecondPerCU * maxCU) },
                incrementalCeiling: facts.autoscalingIncrementalRowsPerSecondPerCU * maxCU,
                continuous: value["scheduling_policy"]?.stringValue == "CONTINUOUS" && value["existing_pipeline_id"] == nil,
                isNew: creating))
        }
        return tables
    }

    /// The CU ceiling of the read-write endpoint of `branch`, when the plan prices it.
    static func ceiling(of branch: String, in projects: [AutoscalingProjectEstimate]) -> Double? {
        guard let projectID = AutoscalingEstimate.projectID(of: branch),
              let project = projects.first(where: { $0.projectID == projectID }) else { return nil }
        let branchID = branch.split(separator: "/").last.map(String.init) ?? ""
        return project.endpoints.first { !$0.readOnly && $0.label.hasPrefix(branchID + "/") }?.maxCU
    }

    /// Findings: a branch whose synced tables would pass (or come near) the branch size limit.
    static func findings(_ tables: [AutoscalingSyncedTableEstimate], facts: LakebaseFacts) -> [AdvisorReport.Finding] {
        var byBranch: [String: (low: Double, high: Double)] = [:]
        for table in tables {
            guard let branch = table.branch, let low = table.sizeLowBytes, let high = table.sizeHighBytes else { continue }
            let sum = byBranch[branch] ?? (0, 0)
            byBranch[branch] = (sum.low + low, sum.high + high)
        }
        let limit = facts.autoscalingBranchSizeLimitBytes
        return byBranch.sorted { $0.key < $1.key }.compactMap { branch, size in
            if size.low > limit {
                return .init(isError: true, message: "\(branch) would hold \(ByteCount.text(size.low))–\(ByteCount.text(size.high)) of synced tables, over the \(ByteCount.text(limit)) limit of a branch", instanceKey: nil)
            }
            if size.high > 0.8 * limit {
                return .init(isError: false, message: "\(branch) may hold up to \(ByteCount.text(size.high)) of synced tables, \(Int((size.high / limit * 100).rounded()))% of the \(ByteCount.text(limit)) limit of a branch", instanceKey: nil)
            }
            return nil
        }
    }
}
