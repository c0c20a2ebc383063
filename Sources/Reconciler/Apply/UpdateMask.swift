import ManifestModel

/// The field paths an update names (autoscaling-api.md §2.0, §D): each changed leaf once, a map field (`pg_settings`)
/// as a whole, state-only fields (`purge_on_delete`) never; a change to state-only fields alone makes no request.
enum UpdateMask {
    /// The paths of the changes that update, sorted, without state-only fields, maps cut at the map.
    static func paths(of changes: [FieldChange], kind: NodeKind) -> [String] {
        guard !kind.isPermissions else { return [] }
        let schema = kind.resourceKind.schema.config
        var seen = Set<String>()
        return changes.filter { $0.action == .update }.compactMap { change -> String? in
            let keys = change.path.steps.compactMap { step -> String? in
                if case .key(let key) = step { return key }
                return nil
            }
            guard let cut = cutAtMap(keys, in: schema) else { return nil }
            let path = cut.joined(separator: ".")
            return seen.insert(path).inserted ? path : nil
        }.sorted()
    }

    /// Whether every updating change is to a state-only field.
    static func onlyStateChanged(_ changes: [FieldChange], kind: NodeKind) -> Bool {
        let updating = changes.filter { $0.action == .update }
        guard !kind.isPermissions, !updating.isEmpty else { return false }
        return paths(of: changes, kind: kind).isEmpty
    }

    /// The path up to and including a map field; nil for a state-only field.
    private static func cutAtMap(_ keys: [String], in fields: [FieldSpec]) -> [String]? {
        guard let first = keys.first else { return [] }
        guard let field = fields.first(where: { $0.name == first }) else { return keys }
        if field.stateOnly { return nil }
        switch field.type {
        case .map, .list: return [first]
        case .object(let inner): return cutAtMap(Array(keys.dropFirst()), in: inner).map { [first] + $0 }
        default: return keys
        }
    }
}
