import JSONCore

/// `plan -o json`: `plan_version` 2 exactly as the Databricks CLI writes it (planning-rules.md §10.2), so a saved
/// plan can be read back and the CLI's tooling can read ours.
public enum PlanJSONRenderer {
    /// The plan version written and accepted.
    public static let planVersion = 2

    /// The JSON document; `advisor` (a reconcile extension) is added last when given.
    public static func json(_ plan: Plan, cliVersion: String, advisor: JSONValue? = nil) -> JSONValue {
        var entries = JSONObject()
        for entry in plan.entries { entries[entry.key.stateKey] = .object(object(entry)) }
        var document: JSONObject = [
            "plan_version": .int(Int64(planVersion)), "cli_version": .string(cliVersion),
            "lineage": .string(plan.lineage), "serial": .int(Int64(plan.serial)), "plan": .object(entries),
        ]
        if let advisor { document["advisor"] = advisor }
        return .object(document)
    }

    /// The pretty-printed text with a final newline.
    public static func render(_ plan: Plan, cliVersion: String, advisor: JSONValue? = nil) -> String {
        json(plan, cliVersion: cliVersion, advisor: advisor).serialized(pretty: true) + "\n"
    }

    static func object(_ entry: PlanEntry) -> JSONObject {
        var out = JSONObject()
        if !entry.dependsOn.isEmpty {
            out["depends_on"] = .array(entry.dependsOn.map { .object(["node": .string($0.node), "label": .string($0.label)]) })
        }
        out["action"] = .string(entry.action.rawValue)
        if entry.gone { out["gone"] = .bool(true) }
        if entry.action != .skip, let value = entry.newState {
            var newState: JSONObject = ["value": value]
            if !entry.vars.isEmpty {
                newState["vars"] = .object(JSONObject(entry.vars.map { ($0.path, JSONValue.string($0.reference)) }))
            }
            out["new_state"] = .object(newState)
        }
        if let remote = entry.remoteState { out["remote_state"] = remote }
        if !entry.changes.isEmpty {
            var changes = JSONObject()
            for change in entry.changes {
                var record: JSONObject = ["action": .string(change.action.rawValue)]
                if let reason = change.reason { record["reason"] = .string(reason) }
                if let old = change.old { record["old"] = old }
                if let new = change.new { record["new"] = new }
                if let remote = change.remote { record["remote"] = remote }
                changes[change.path.description] = .object(record)
            }
            out["changes"] = .object(changes)
        }
        return out
    }
}
