import JSONCore

/// A path to a value inside a resource's JSON: `spec.primary_key_columns[0]`, `custom_tags[1].value`.
public struct FieldPath: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// One step: an object key or a list index.
    public enum Step: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    /// The steps from the resource's root.
    public var steps: [Step]

    /// The root (the whole resource).
    public static let root = FieldPath(steps: [])

    /// A path from its steps.
    public init(steps: [Step]) { self.steps = steps }

    /// The path one step deeper.
    public func appending(_ step: Step) -> FieldPath { FieldPath(steps: steps + [step]) }

    /// Dotted form with list indexes: `spec.primary_key_columns[0]`.
    public var description: String {
        var out = ""
        for step in steps {
            switch step {
            case .key(let key): out += out.isEmpty ? key : "." + key
            case .index(let index): out += "[\(index)]"
            }
        }
        return out
    }

    /// Byte order of the dotted form, as the CLI sorts changes.
    public static func < (lhs: FieldPath, rhs: FieldPath) -> Bool {
        Array(lhs.description.utf8).lexicographicallyPrecedes(Array(rhs.description.utf8))
    }

    /// The value at this path in `value`, or nil when some step is absent.
    public func value(in value: JSONValue?) -> JSONValue? {
        var current = value
        for step in steps {
            switch step {
            case .key(let key): current = current?[key]
            case .index(let index):
                guard let items = current?.arrayValue, items.indices.contains(index) else { return nil }
                current = items[index]
            }
        }
        if case .null? = current { return nil }
        return current
    }
}

/// A rule's path pattern: dotted keys with `[*]` for any index. It matches the path itself and everything
/// below it; the empty pattern matches every field.
public struct FieldPattern: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    private let steps: [String]
    /// The pattern as written.
    public let description: String

    /// Parses `spec.type_overrides[*].pg_type`.
    public init(_ text: String) {
        description = text
        var parsed: [String] = []
        for part in text.split(separator: ".") {
            var rest = Substring(part)
            if let bracket = rest.firstIndex(of: "[") {
                parsed.append(String(rest[..<bracket]))
                rest = rest[bracket...]
                while rest.hasPrefix("[*]") {
                    parsed.append("[*]")
                    rest = rest.dropFirst(3)
                }
            } else {
                parsed.append(String(rest))
            }
        }
        steps = parsed
    }

    /// A pattern from a string literal.
    public init(stringLiteral value: String) { self.init(value) }

    /// Whether `path` is this field or lies below it.
    public func matches(_ path: FieldPath) -> Bool {
        guard path.steps.count >= steps.count else { return false }
        for (pattern, step) in zip(steps, path.steps) {
            switch step {
            case .key(let key): if pattern != key { return false }
            case .index: if pattern != "[*]" { return false }
            }
        }
        return true
    }
}
