import JSONCore
import ManifestModel

/// The field paths an update names (autoscaling-api.md §2.0, §D): each changed leaf once (never a parent beside its
/// child; an object set whole is named by its leaves), a map (`pg_settings`) or a list as a whole, state-only
/// fields (`purge_on_delete`) never; a change to state-only fields alone makes no request.
enum UpdateMask {
    /// The paths of the changes that update, sorted.
    static func paths(of changes: [FieldChange], kind: NodeKind) -> [String] {
        guard !kind.isPermissions else { return [] }
        let schema = kind.resourceKind.schema.config
        var found = Set<String>()
        for change in changes where change.action == .update {
            let keys = change.path.steps.compactMap { step -> String? in
                if case .key(let key) = step { return key }
                return nil
            }
            for path in leaves(keys, value: change.new, in: schema) { found.insert(path.joined(separator: ".")) }
        }
        return found.filter { path in !found.contains { $0.hasPrefix(path + ".") } }.sorted()
    }

    /// Whether every updating change is to a state-only field.
    static func onlyStateChanged(_ changes: [FieldChange], kind: NodeKind) -> Bool {
        let updating = changes.filter { $0.action == .update }
        guard !kind.isPermissions, !updating.isEmpty else { return false }
        return paths(of: changes, kind: kind).isEmpty
    }

    /// The mask paths a change at `keys` (to `value`) stands for: cut at a map or a list, expanded into the leaves of
    /// an object, none for a state-only field.
    private static func leaves(_ keys: [String], value: JSONValue?, in fields: [FieldSpec]) -> [[String]] {
        guard let first = keys.first else {
            guard case .object(let object)? = value else { return [[]] }
            return object.flatMap { key, inner in
                leaves([key], value: inner, in: fields)
            }
        }
        guard let field = fields.first(where: { $0.name == first }) else { return [keys] }
        if field.stateOnly { return [] }
        switch field.type {
        case .map, .list:
            return [[first]]
        case .object(let inner):
            let below = leaves(Array(keys.dropFirst()), value: value, in: inner)
            return below.isEmpty ? [] : below.map { [first] + $0 }
        default:
            return [keys]
        }
    }
}
