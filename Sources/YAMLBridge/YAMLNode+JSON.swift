import JSONCore

extension YAMLNode {
    /// The node as a JSON-compatible value: scalars by their typed value, mappings keep their key order.
    public var jsonValue: JSONValue {
        switch kind {
        case .scalar(let scalar):
            switch scalar.resolved {
            case .null: return .null
            case .bool(let b): return .bool(b)
            case .int(let i): return .int(i)
            case .float(let f): return .double(f)
            case .string(let s): return .string(s)
            }
        case .sequence(let items):
            return .array(items.map(\.jsonValue))
        case .mapping(let pairs):
            return .object(JSONObject(pairs.map { ($0.key, $0.value.jsonValue) }))
        }
    }
}
