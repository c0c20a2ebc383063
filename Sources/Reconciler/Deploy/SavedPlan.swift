import JSONCore

/// A plan saved with `plan --out FILE`, checked before `apply --plan FILE` runs (planning-rules.md §10.2): the
/// version must be 2, unknown keys are refused, and lineage and serial must still match the state. We then plan
/// again and run only when the fresh plan does exactly what the saved one says.
public struct SavedPlan: Sendable {
    /// Lineage the plan was made from.
    public let lineage: String
    /// Serial the plan was made from.
    public let serial: Int
    /// Action and new value per state key.
    public let entries: [String: (action: String, value: JSONValue?)]

    static let topKeys: Set<String> = ["plan_version", "cli_version", "lineage", "serial", "plan", "not_selected", "advisor"]
    static let entryKeys: Set<String> = ["id", "depends_on", "action", "gone", "new_state", "remote_state", "changes"]

    /// Parses a saved plan.
    public init(parsing text: String, file: String) throws(PlanReport) {
        func refuse(_ message: String) -> PlanReport { PlanReport(messages: ["\(file): \(message)"]) }
        guard let object = (try? JSONParser.parse(text))?.objectValue else { throw refuse("not a JSON plan") }
        if let unknown = object.keys.first(where: { !Self.topKeys.contains($0) }) { throw refuse("unknown key \"\(unknown)\"") }
        let version = object["plan_version"].flatMap(DeploymentState.integer) ?? 0
        guard version == PlanJSONRenderer.planVersion else {
            throw refuse("plan version mismatch: the plan has version \(version), this tool reads \(PlanJSONRenderer.planVersion)")
        }
        lineage = object["lineage"]?.stringValue ?? ""
        serial = object["serial"].flatMap(DeploymentState.integer) ?? 0
        var entries: [String: (action: String, value: JSONValue?)] = [:]
        for (key, entry) in object["plan"]?.objectValue ?? JSONObject() {
            guard let fields = entry.objectValue else { throw refuse("entry \(key) is not an object") }
            if let unknown = fields.keys.first(where: { !Self.entryKeys.contains($0) }) {
                throw refuse("entry \(key) has an unknown key \"\(unknown)\"")
            }
            entries[key] = (fields["action"]?.stringValue ?? "", fields["new_state"]?["value"])
        }
        self.entries = entries
    }

    /// Why the saved plan cannot run against `state` and the freshly computed `plan`, or nil when it can.
    public func mismatch(state: DeploymentState, plan: Plan) -> String? {
        if lineage != state.lineage, !lineage.isEmpty {
            return "plan lineage \"\(lineage)\" does not match state lineage \"\(state.lineage)\"; the state may have been modified by another process"
        }
        if serial != state.serial {
            return "plan serial \(serial) does not match state serial \(state.serial); the state has been modified since the plan was created. Please run 'reconcile plan' again"
        }
        let fresh = Dictionary(uniqueKeysWithValues: plan.entries.map { ($0.key.stateKey, $0) })
        for key in Set(entries.keys).union(fresh.keys).sorted() {
            let saved = entries[key]
            let now = fresh[key]
            let nowValue = now?.action == .skip ? nil : now?.newState
            if saved?.action != now?.action.rawValue || !JSONValue.same(saved?.value, nowValue) {
                return "the workspace or the bundle changed since the plan was made (\(key): the plan says \(saved?.action ?? "nothing"), now it would be \(now?.action.rawValue ?? "nothing")). Please run 'reconcile plan' again"
            }
        }
        return nil
    }
}
