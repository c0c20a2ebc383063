import ManifestModel
import JSONCore

/// Resolves the `${resources.KIND.KEY.FIELD}` references the loader left open (planning-rules.md §6): `.id` is the
/// referenced node's id (by its kind's identity rule; after apply, as the created object says); a server-reported field is read from the live object
/// when the referenced node stays as it is; anything else is known only after apply and stays `${…}` in `vars`.
struct ReferenceResolver {
    /// Entries planned so far (the referenced nodes come first in dependency order).
    let entries: [NodeKey: PlanEntry]
    /// Live objects by state key.
    let live: LiveSnapshot
    /// For apply: fresh live objects of nodes already applied, by state key.
    var applied: [String: JSONValue] = [:]

    /// The value with every resolvable reference substituted, and the paths still waiting.
    func resolve(_ value: JSONValue) -> (value: JSONValue, vars: [(path: String, reference: String)]) {
        var vars: [(path: String, reference: String)] = []
        let resolved = walk(value, at: .root, vars: &vars)
        return (resolved, vars)
    }

    private func walk(_ value: JSONValue, at path: FieldPath, vars: inout [(path: String, reference: String)]) -> JSONValue {
        switch value {
        case .object(let object):
            var out = JSONObject()
            for (key, inner) in object { out[key] = walk(inner, at: path.appending(.key(key)), vars: &vars) }
            return .object(out)
        case .array(let items):
            return .array(items.enumerated().map { walk($1, at: path.appending(.index($0)), vars: &vars) })
        case .string(let text) where text.contains("${resources."):
            let result = substitute(text)
            if case .string(let left) = result, ReferenceScanner.containsReference(left) {
                vars.append((path.description, left))
            }
            return result
        default:
            return value
        }
    }

    private func substitute(_ text: String) -> JSONValue {
        let tokens = ReferenceScanner.tokens(text)
        if tokens.count == 1, case .reference(let reference) = tokens[0] {
            return value(of: reference) ?? .string(text)
        }
        var out = ""
        for token in tokens {
            switch token {
            case .literal(let literal): out += literal
            case .reference(let reference):
                switch value(of: reference) {
                case .string(let s)?: out += s
                case .int(let i)?: out += String(i)
                case .bool(let b)?: out += b ? "true" : "false"
                default: out += reference.description
                }
            }
        }
        return .string(out)
    }

    /// The value a reference stands for, when it is known now.
    func value(of reference: ReferencePath) -> JSONValue? {
        let segments = reference.segments
        guard segments.count >= 4, segments[0] == "resources", let kind = ResourceKind(rawValue: segments[1]) else { return nil }
        let key = NodeKey(ResourceKey(kind, segments[2]))
        let field = Array(segments.dropFirst(3))
        if let fresh = applied[key.stateKey] {
            return field == ["id"] ? key.kind.behaviour.idInObject(fresh).map(JSONValue.string) : Self.lookup(field, in: fresh)
        }
        guard let entry = entries[key] else { return nil }
        if field == ["id"] {
            guard let id = entry.newState.flatMap(key.kind.configuredID(in:)), !ReferenceScanner.containsReference(id) else {
                return nil
            }
            return .string(id)
        }
        if let configured = Self.lookup(field, in: entry.newState), !entry.vars.contains(where: { $0.path.hasPrefix(field.joined(separator: ".")) }) {
            return configured
        }
        guard entry.action == .skip, let object = live.object(key.stateKey) else { return nil }
        return Self.lookup(field, in: object)
    }

    private static func lookup(_ field: [String], in value: JSONValue?) -> JSONValue? {
        var current = value
        for segment in field {
            if segment.hasPrefix("["), let index = Int(segment.dropFirst().dropLast()) {
                guard let items = current?.arrayValue, items.indices.contains(index) else { return nil }
                current = items[index]
            } else {
                current = current?[segment]
            }
        }
        if case .null? = current { return nil }
        if case .string(let text)? = current, ReferenceScanner.containsReference(text) { return nil }
        return current
    }
}
