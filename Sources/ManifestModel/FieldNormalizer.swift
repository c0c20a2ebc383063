import JSONCore
import YAMLBridge

/// Checks values against a field schema and converts them the way the Databricks CLI does (strings from
/// numbers, booleans from `yes`/`on`, integers from numeric strings). Values that still hold `${...}`
/// references are kept as written; they are resolved later.
struct FieldNormalizer {
    private(set) var diagnostics = Diagnostics()

    static let trueWords: Set<String> = ["true", "y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "True", "TRUE"]
    static let falseWords: Set<String> = ["false", "n", "N", "no", "No", "NO", "off", "Off", "OFF", "False", "FALSE"]

    /// The normalized object, dropping unknown fields (warning) and reporting missing required ones.
    mutating func normalizeObject(_ node: YAMLNode, fields: [FieldSpec], path: String,
                                  legacyKeys: [String] = []) -> YAMLNode? {
        normalizeObject(node, fields: fields, at: { path }, legacyKeys: legacyKeys).node(from: node)
    }

    /// The normalized value, or nil when it has to be dropped (with a diagnostic).
    mutating func normalize(_ node: YAMLNode, as type: FieldType, path: String) -> YAMLNode? {
        normalize(node, as: type, at: { path }).node(from: node)
    }

    /// What normalizing did to a value: most values are already in their normal form, and a subtree that stays the
    /// same is shared, not rebuilt.
    private enum Outcome {
        case same
        case changed(YAMLNode)
        case dropped

        func node(from original: YAMLNode) -> YAMLNode? {
            switch self {
            case .same: original
            case .changed(let node): node
            case .dropped: nil
            }
        }
    }

    // The walk below spells a field's path out only when a diagnostic needs it: `path` builds it on demand.

    private mutating func normalizeObject(_ node: YAMLNode, fields: [FieldSpec], at path: () -> String,
                                          legacyKeys: [String]) -> Outcome {
        guard let pairs = node.pairs else {
            if Self.holdsReference(node) { return .same }
            mismatch(node, expected: "map", path: path())
            return .dropped
        }
        var out: [YAMLPair]?  // nil while every pair so far stays as it is
        for (index, pair) in pairs.enumerated() {
            func childPath() -> String { "\(path()).\(pair.key)" }
            guard let field = fields.first(where: { $0.name == pair.key }) else {
                if legacyKeys.contains(pair.key) {
                    diagnostics.warning("'\(pair.key)' is set by the server and cannot be configured; ignored",
                                        detail: "remove \(pair.key) from the manifest", at: pair.keyLocation, path: childPath())
                } else {
                    let names = fields.map(\.name)
                    let suggestion = Suggestion.closest(to: pair.key, among: names)
                    diagnostics.warning(
                        "unknown field '\(pair.key)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                        detail: suggestion == nil ? "fields here: \(names.joined(separator: ", "))" : nil,
                        at: pair.keyLocation, path: childPath())
                }
                if out == nil { out = Array(pairs[..<index]) }
                continue
            }
            switch normalize(pair.value, as: field.type, at: childPath) {
            case .same:
                out?.append(pair)
            case .changed(let value):
                if out == nil { out = Array(pairs[..<index]) }
                out?.append(YAMLPair(key: pair.key, keyLocation: pair.keyLocation, value: value))
            case .dropped:
                if out == nil { out = Array(pairs[..<index]) }
            }
        }
        let kept = out ?? pairs
        for field in fields where field.required && !kept.contains(where: { $0.key == field.name }) {
            diagnostics.error("required field '\(field.name)' is not set",
                              detail: "add \(field.name) under \(path())", at: node.location, path: "\(path()).\(field.name)")
        }
        return out.map { .changed(YAMLNode(.mapping($0), at: node.location)) } ?? .same
    }

    private mutating func normalize(_ node: YAMLNode, as type: FieldType, at path: () -> String) -> Outcome {
        if Self.holdsReference(node) { return .same }
        switch type {
        case .any:
            return .same
        case .object(let fields):
            return normalizeObject(node, fields: fields, at: path, legacyKeys: [])
        case .list(let element):
            guard let items = node.items else {
                if node.isNull { return nullValue(node, expected: "sequence", path: path()) }
                mismatch(node, expected: "sequence", path: path())
                return .dropped
            }
            var normalized: [YAMLNode]?  // nil while every item so far stays as it is
            for (offset, item) in items.enumerated() {
                switch normalize(item, as: element, at: { "\(path())[\(offset)]" }) {
                case .same: normalized?.append(item)
                case .changed(let value):
                    if normalized == nil { normalized = Array(items[..<offset]) }
                    normalized?.append(value)
                case .dropped:
                    if normalized == nil { normalized = Array(items[..<offset]) }
                }
            }
            return normalized.map { .changed(YAMLNode(.sequence($0), at: node.location)) } ?? .same
        case .map(let element):
            guard let pairs = node.pairs else {
                mismatch(node, expected: "map", path: path())
                return .dropped
            }
            var normalized: [YAMLPair]?  // nil while every pair so far stays as it is
            for (index, pair) in pairs.enumerated() {
                switch normalize(pair.value, as: element, at: { "\(path()).\(pair.key)" }) {
                case .same: normalized?.append(pair)
                case .changed(let value):
                    if normalized == nil { normalized = Array(pairs[..<index]) }
                    normalized?.append(YAMLPair(key: pair.key, keyLocation: pair.keyLocation, value: value))
                case .dropped:
                    if normalized == nil { normalized = Array(pairs[..<index]) }
                }
            }
            return normalized.map { .changed(YAMLNode(.mapping($0), at: node.location)) } ?? .same
        case .string, .enumeration, .int, .number, .duration, .bool:
            guard let scalar = node.scalar else {
                mismatch(node, expected: type.kindName, path: path())
                return .dropped
            }
            return normalizeScalar(scalar, node: node, as: type, at: path)
        }
    }

    private mutating func normalizeScalar(_ scalar: YAMLScalar, node: YAMLNode, as type: FieldType,
                                          at path: () -> String) -> Outcome {
        let value = scalar.resolved
        if value == .null { return nullValue(node, expected: type.kindName, path: path()) }
        switch type {
        case .string:
            if case .string = value { return .same }
            return .changed(.string(ConfigResolver.text(of: scalar), at: node.location))
        case .enumeration(let allowed):
            let text = ConfigResolver.text(of: scalar)
            guard allowed.contains(text) else {
                diagnostics.error(
                    "invalid value '\(text)' for \(Self.fieldName(path()))" + Suggestion.phrase(for: text, among: allowed),
                    detail: "valid values are \(allowed.joined(separator: ", "))", at: node.location, path: path())
                return .dropped
            }
            if case .string = value { return .same }
            return .changed(.string(text, at: node.location))
        case .int:
            switch value {
            case .int(let i): return typed(node, String(i), tag: YAMLTag.int, value: .int(i), at: node.location)
            case .string(let s) where Int64(s) != nil: return typed(node, String(Int64(s) ?? 0), tag: YAMLTag.int, value: .int(Int64(s) ?? 0), at: node.location)
            default:
                mismatch(node, expected: "int", path: path())
                return .dropped
            }
        case .number:
            switch value {
            case .int(let i): return typed(node, String(i), tag: YAMLTag.int, value: .int(i), at: node.location)
            case .float(let f): return typed(node, String(f), tag: YAMLTag.float, value: .float(f), at: node.location)
            default:
                mismatch(node, expected: "number", path: path())
                return .dropped
            }
        case .duration:
            let text = ConfigResolver.text(of: scalar)
            guard let seconds = DurationText.seconds(of: text) else {
                diagnostics.error("invalid duration '\(text)' for \(Self.fieldName(path()))",
                                  detail: "write seconds followed by s, for example \"3600s\"", at: node.location, path: path())
                return .dropped
            }
            let normal = DurationText.text(of: seconds)
            if case .string(let written) = value, written == normal { return .same }
            return .changed(.string(normal, at: node.location))
        case .bool:
            switch value {
            case .bool(let b): return typed(node, b ? "true" : "false", tag: YAMLTag.bool, value: .bool(b), at: node.location)
            case .string(let s) where Self.trueWords.contains(s): return typed(node, "true", tag: YAMLTag.bool, value: .bool(true), at: node.location)
            case .string(let s) where Self.falseWords.contains(s): return typed(node, "false", tag: YAMLTag.bool, value: .bool(false), at: node.location)
            default:
                mismatch(node, expected: "bool", path: path())
                return .dropped
            }
        default:
            return .same
        }
    }

    /// Whether `node` is a string holding a `${…}` reference; the byte scan for `${` comes first, as most values
    /// hold none.
    private static func holdsReference(_ node: YAMLNode) -> Bool {
        guard case .scalar(let scalar) = node.kind, ReferenceScanner.openingIndex(in: Substring(scalar.value)) != nil,
              let text = node.stringValue else { return false }
        return ReferenceScanner.containsReference(text)
    }

    /// `node` as a plain scalar `text` tagged `tag`; the same node when it already reads as `text` and types to
    /// `value` (nothing after loading reads a scalar's style or tag but through its typed value).
    private func typed(_ node: YAMLNode, _ text: String, tag: String, value: ScalarValue, at location: SourceLocation) -> Outcome {
        if let scalar = node.scalar, scalar.value == text, scalar.resolved == value { return .same }
        return .changed(YAMLNode(.scalar(YAMLScalar(value: text, style: .plain, tag: tag)), at: location))
    }

    private mutating func nullValue(_ node: YAMLNode, expected: String, path: String) -> Outcome {
        diagnostics.warning("expected a \(expected) value for \(Self.fieldName(path)), found null; ignored",
                            detail: "give \(Self.fieldName(path)) a value or remove it", at: node.location, path: path)
        return .dropped
    }

    private mutating func mismatch(_ node: YAMLNode, expected: String, path: String) {
        let found = node.scalar.map { "\($0.resolved.kindName) '\($0.value)'" } ?? node.kindName
        diagnostics.error("expected \(expected) for \(Self.fieldName(path)), found \(found)",
                          detail: "write \(Self.fieldName(path)) as a \(expected)", at: node.location, path: path)
    }

    /// The last segment of a path, for messages: `spec.scheduling_policy` → `scheduling_policy`.
    static func fieldName(_ path: String) -> String {
        String(path.split(separator: ".").last ?? Substring(path))
    }
}
