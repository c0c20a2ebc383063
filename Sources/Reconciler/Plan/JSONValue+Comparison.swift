import JSONCore

extension JSONValue {
    /// Equal as values: numbers compare numerically (`1` and `1.0`), objects ignore key order.
    static func same(_ lhs: JSONValue?, _ rhs: JSONValue?) -> Bool {
        switch (lhs, rhs) {
        case (nil, nil), (.null?, nil), (nil, .null?): return true
        case (.int(let a)?, .double(let b)?), (.double(let b)?, .int(let a)?): return Double(a) == b
        case (.array(let a)?, .array(let b)?): return a.count == b.count && zip(a, b).allSatisfy { same($0, $1) }
        case (.object(let a)?, .object(let b)?):
            return Set(a.keys) == Set(b.keys) && a.keys.allSatisfy { same(a[$0], b[$0]) }
        default: return lhs == rhs
        }
    }

    /// "Empty" as the CLI's classification uses it: nil, `false`, `0`, `""`, `[]` or `{}`.
    static func isEmpty(_ value: JSONValue?) -> Bool {
        switch value {
        case nil, .null?: return true
        case .bool(let b)?: return !b
        case .int(let i)?: return i == 0
        case .double(let d)?: return d == 0
        case .string(let s)?: return s.isEmpty
        case .array(let a)?: return a.isEmpty
        case .object(let o)?: return o.isEmpty
        }
    }
}

/// The structural difference of two JSON values: the paths at which they differ. Objects are compared key by
/// key, lists of equal length element by element; lists of different lengths differ at the list itself.
enum StructuralDiff {
    static func paths(_ lhs: JSONValue?, _ rhs: JSONValue?, at path: FieldPath = .root) -> [FieldPath] {
        switch (lhs, rhs) {
        case (.object(let a)?, .object(let b)?):
            var keys = a.keys
            for key in b.keys where a[key] == nil { keys.append(key) }
            return keys.flatMap { paths(a[$0], b[$0], at: path.appending(.key($0))) }
        case (.array(let a)?, .array(let b)?) where a.count == b.count:
            return a.indices.flatMap { paths(a[$0], b[$0], at: path.appending(.index($0))) }
        default:
            return JSONValue.same(lhs, rhs) ? [] : [path]
        }
    }
}
