import JSONCore
import ManifestModel

/// One compute endpoint of an Autoscaling branch, as the advisor prices it.
public struct AutoscalingEndpointEstimate: Sendable, Hashable {
    /// `production/primary`: branch id and endpoint id.
    public var label: String
    /// Whether it serves reads only.
    public var readOnly: Bool
    /// Whether the bundle does not declare it: the `primary` every branch gets with the project's defaults.
    public var implicit: Bool
    /// Autoscaling range, CU.
    public var minCU: Double
    public var maxCU: Double
    /// Computes in its group (high availability), 1 without a group.
    public var computes: Int
    /// Idle time before it suspends; nil when it never suspends.
    public var suspendSeconds: Double?
    /// Whether it is disabled (costs nothing).
    public var disabled: Bool
    /// Monthly compute cost, USD: idle at its floor all month (0 when it can suspend) to busy at its ceiling.
    public var costLow: Double
    public var costHigh: Double
}

/// One Autoscaling project of a plan's end state (or of the workspace now), as the advisor sees it.
public struct AutoscalingProjectEstimate: Sendable, Hashable {
    /// The project id.
    public var projectID: String
    /// Branches the bundle declares, and the root `production` of a project it declares (an endpoint on a branch
    /// the bundle does not declare counts no branch, and that branch's `primary` is not priced).
    public var branches: Int
    /// Of those, how many expire (`ttl` or `expire_time`).
    public var expiringBranches: Int
    /// Endpoints, declared and implicit.
    public var endpoints: [AutoscalingEndpointEstimate]
    /// Storage the project reports (`synthetic_storage_size_bytes`), when read.
    public var storageBytes: Double?

    /// Monthly compute cost range of all endpoints, USD.
    public var computeLow: Double { endpoints.reduce(0) { $0 + $1.costLow } }
    public var computeHigh: Double { endpoints.reduce(0) { $0 + $1.costHigh } }
}

/// A monthly cost range, USD.
public struct MonthlyCostRange: Sendable, Hashable {
    public var computeLow = 0.0
    public var computeHigh = 0.0
    public var storage = 0.0
    public var continuousPipelines = 0.0
    /// The bounds of the sum.
    public var totalLow: Double { computeLow + storage + continuousPipelines }
    public var totalHigh: Double { computeHigh + storage + continuousPipelines }
}

/// Prices the Autoscaling part of a plan: every endpoint by its CU range and suspension, the implicit `primary` of
/// every branch with its project's `default_endpoint_settings`, and the storage projects report. Pure.
enum AutoscalingEstimate {
    /// Which side of the plan to read: the workspace now (remote state) or the end state after apply.
    enum Side { case now, after }

    /// The projects of one side of the plan, in project id order.
    static func projects(of plan: Plan, side: Side, facts: LakebaseFacts) -> [AutoscalingProjectEstimate] {
        let view = View(plan: plan, side: side)
        var projects: [String: AutoscalingProjectEstimate] = [:]
        func project(_ id: String) -> AutoscalingProjectEstimate {
            projects[id] ?? AutoscalingProjectEstimate(projectID: id, branches: 0, expiringBranches: 0, endpoints: [], storageBytes: nil)
        }
        var defaults: [String: JSONValue] = [:]
        var branches: [String: (projectID: String, expires: Bool)] = [:]
        for entry in view.entries(of: .postgresProject) {
            guard let id = view.field("project_id", of: entry)?.stringValue ?? view.identity(of: entry)?.split(separator: "/").last.map(String.init) else { continue }
            var estimate = project(id)
            if let bytes = view.number(view.field("synthetic_storage_size_bytes", of: entry)) { estimate.storageBytes = bytes }
            projects[id] = estimate
            defaults[id] = view.field("default_endpoint_settings", of: entry)
            branches["projects/\(id)/branches/production", default: (id, false)] = (id, false)
        }
        for entry in view.entries(of: .postgresBranch) {
            guard let name = view.identity(of: entry), let projectID = Self.projectID(of: name) else { continue }
            let expires = view.field("ttl", of: entry) != nil || view.field("expire_time", of: entry) != nil
            branches[name] = (projectID, expires)
        }
        var declared: [String: [AutoscalingEndpointEstimate]] = [:]
        var declaredReadWrite: Set<String> = []
        for entry in view.entries(of: .postgresEndpoint) {
            guard let name = view.identity(of: entry), let projectID = Self.projectID(of: name) else { continue }
            let branch = Self.parentPath(of: name, dropping: 2)
            let readOnly = view.field("endpoint_type", of: entry)?.stringValue == "ENDPOINT_TYPE_READ_ONLY"
            if !readOnly { declaredReadWrite.insert(branch) }
            declared[projectID, default: []].append(endpoint(
                label: Self.label(of: name), readOnly: readOnly, implicit: false, settings: { view.field($0, of: entry) },
                defaults: defaults[projectID], facts: facts))
        }
        for (name, branch) in branches {
            var estimate = project(branch.projectID)
            estimate.branches += 1
            if branch.expires { estimate.expiringBranches += 1 }
            if !declaredReadWrite.contains(name) {
                estimate.endpoints.append(endpoint(
                    label: Self.label(of: name + "/endpoints/primary"), readOnly: false, implicit: true, settings: { _ in nil },
                    defaults: defaults[branch.projectID], facts: facts))
            }
            projects[branch.projectID] = estimate
        }
        for (projectID, endpoints) in declared {
            var estimate = project(projectID)
            estimate.endpoints += endpoints
            projects[projectID] = estimate
        }
        return projects.values
            .map { var project = $0; project.endpoints.sort { $0.label < $1.label }; return project }
            .sorted { $0.projectID < $1.projectID }
    }

    /// The cost range of a side's projects.
    static func cost(of projects: [AutoscalingProjectEstimate], facts: LakebaseFacts) -> MonthlyCostRange {
        var cost = MonthlyCostRange()
        for project in projects {
            cost.computeLow += project.computeLow
            cost.computeHigh += project.computeHigh
            cost.storage += (project.storageBytes ?? 0) / 1_073_741_824 * facts.autoscalingStoragePricePerGBMonth
        }
        return cost
    }

    /// An endpoint priced from its own settings, falling back to its project's defaults and then the platform's.
    private static func endpoint(label: String, readOnly: Bool, implicit: Bool, settings: (String) -> JSONValue?,
                                 defaults: JSONValue?, facts: LakebaseFacts) -> AutoscalingEndpointEstimate {
        func setting(_ name: String) -> JSONValue? { settings(name) ?? defaults?[name] }
        let minCU = number(setting("autoscaling_limit_min_cu")) ?? facts.autoscalingDefaultMinCU
        let maxCU = max(number(setting("autoscaling_limit_max_cu")) ?? facts.autoscalingDefaultMaxCU, minCU)
        let neverSuspends = setting("no_suspension") == .bool(true)
        let suspend = neverSuspends ? nil : (setting("suspend_timeout_duration")?.stringValue.flatMap { DurationText.seconds(of: $0) }
                                             ?? facts.autoscalingDefaultSuspendSeconds)
        let computes = max(1, Int(number(settings("group")?["max"]) ?? 1))
        let disabled = settings("disabled") == .bool(true)
        let perCU = facts.autoscalingComputePricePerCUHour * facts.hoursPerMonth * Double(computes)
        return AutoscalingEndpointEstimate(
            label: label, readOnly: readOnly, implicit: implicit, minCU: minCU, maxCU: maxCU, computes: computes,
            suspendSeconds: suspend, disabled: disabled,
            costLow: disabled || suspend != nil ? 0 : minCU * perCU, costHigh: disabled ? 0 : maxCU * perCU)
    }

    private static func number(_ value: JSONValue?) -> Double? {
        switch value {
        case .int(let number)?: return Double(number)
        case .double(let number)?: return number
        default: return nil
        }
    }

    /// `projects/p/…` → `p`.
    static func projectID(of name: String) -> String? {
        let parts = name.split(separator: "/")
        return parts.count >= 2 && parts[0] == "projects" ? String(parts[1]) : nil
    }

    /// `projects/p/branches/b/endpoints/e` → `b/e`.
    static func label(of name: String) -> String {
        let parts = name.split(separator: "/")
        return parts.count >= 6 ? "\(parts[3])/\(parts[5])" : name
    }

    private static func parentPath(of name: String, dropping count: Int) -> String {
        name.split(separator: "/").dropLast(count).joined(separator: "/")
    }

    /// Reads entries of one side: after apply, the desired fields over the live status; now, the live status.
    private struct View {
        let plan: Plan
        let side: Side

        func entries(of kind: NodeKind) -> [PlanEntry] {
            plan.entries.filter { entry in
                guard entry.key.kind == kind else { return false }
                switch side {
                case .now: return entry.remoteState != nil
                case .after: return entry.action != .delete && entry.newState != nil
                }
            }
        }

        /// The resource name (`projects/p/branches/b`).
        func identity(of entry: PlanEntry) -> String? {
            if side == .after, let value = entry.newState, let id = entry.key.kind.configuredID(in: value), !id.contains("${") { return id }
            return entry.remoteState?["name"]?.stringValue
        }

        func field(_ name: String, of entry: PlanEntry) -> JSONValue? {
            let live = entry.remoteState?["status"]?[name] ?? entry.remoteState?[name]
            return side == .after ? entry.newState?[name] ?? live : live
        }

        func number(_ value: JSONValue?) -> Double? { AutoscalingEstimate.number(value) }
    }
}
