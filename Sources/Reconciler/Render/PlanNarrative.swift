import JSONCore

/// What a reviewer reads about one changed node, shared by the text and markdown plans: a headline, one line per
/// field that matters, and the data-loss warnings (planning-rules.md §10, §14).
struct PlanNarrative {
    /// One field line: `+ name = "x"`, `~ capacity = "CU_1" → "CU_2"  # forces replacement (immutable)`.
    struct FieldLine {
        let marker: String
        let path: String
        let text: String
        let note: String?
    }

    let entry: PlanEntry
    let headline: String
    let fields: [FieldLine]
    let notes: [String]
    let warnings: [String]

    init(_ entry: PlanEntry, in plan: Plan) {
        self.entry = entry
        let label = entry.key.planLabel
        switch entry.action {
        case .create: headline = "\(label) will be created"
        case .update, .updateID, .resize: headline = "\(label) will be updated in place"
        case .recreate: headline = "\(label) must be replaced"
        case .delete: headline = entry.gone ? "\(label) is already gone; only its state entry is removed" : "\(label) will be deleted"
        case .skip: headline = "\(label) is unchanged"
        }
        fields = Self.fieldLines(entry)
        notes = entry.reasons.map { $0.replacing("parent_recreated: ", with: "replaced because ") }
        warnings = DataLossWarnings.warnings(for: entry, in: plan)
    }

    static func fieldLines(_ entry: PlanEntry) -> [FieldLine] {
        let known = Dictionary(entry.vars.map { ($0.path, $0.reference) }, uniquingKeysWith: { first, _ in first })
        switch entry.action {
        case .create:
            return leaves(entry.newState, at: .root).map { path, value in
                let text = known[path.description] != nil ? "(known after apply)" : render(value)
                return FieldLine(marker: "+", path: path.description, text: text, note: nil)
            }
        case .delete:
            return []
        default:
            return entry.changes.filter { $0.action != .skip }.map { change in
                let path = change.path.description
                let new = known[path] != nil ? "(known after apply)" : render(change.new)
                let before = change.isLocal ? (change.old ?? change.remote) : change.remote
                var note: String?
                if change.action == .recreate { note = "forces replacement (\(change.reason ?? "immutable"))" }
                if change.reason == "remote_drift" { note = (note.map { $0 + "; " } ?? "") + "changed outside the bundle" }
                return FieldLine(marker: "~", path: path, text: "\(render(before)) → \(new)", note: note)
            }
        }
    }

    /// Leaf values of an object, lists kept whole.
    static func leaves(_ value: JSONValue?, at path: FieldPath) -> [(FieldPath, JSONValue)] {
        guard case .object(let object)? = value else { return value.map { [(path, $0)] } ?? [] }
        return object.flatMap { key, inner in leaves(inner, at: path.appending(.key(key))) }
    }

    /// A value as JSON text; absent values print as `null`.
    static func render(_ value: JSONValue?) -> String {
        value.map { $0.serialized(pretty: false) } ?? "null"
    }
}

/// The data each destructive action takes with it, in the words of its kind's behaviour.
enum DataLossWarnings {
    static func warnings(for entry: PlanEntry, in plan: Plan) -> [String] {
        guard entry.action.isDestructive, !entry.gone else { return [] }
        return entry.key.kind.behaviour.dataLoss(entry, plan)
    }
}
