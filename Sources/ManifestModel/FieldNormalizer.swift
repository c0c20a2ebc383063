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
        normalizeObject(node, fields: fields, at: { path }, legacyKeys: legacyKeys)
    }

    /// The normalized value, or nil when it has to be dropped (with a diagnostic).
    mutating func normalize(_ node: YAMLNode, as type: FieldType, path: String) -> YAMLNode? {
        normalize(node, as: type, at: { path })
    }

    // The walk below spells a field's path out only when a diagnostic needs it: `path` builds it on demand.

    private mutating func normalizeObject(_ node: YAMLNode, fields: [FieldSpec], at path: () -> String,
                                          legacyKeys: [String]) -> YAMLNode? {
        guard let pairs = node.pairs else {
            if Self.holdsReference(node) { return node }
            mismatch(node, expected: "map", path: path())
            return nil
        }
        var out: [YAMLPair] = []
        for pair in pairs {
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
                continue
            }
            if let value = normalize(pair.value, as: field.type, at: childPath) {
                out.append(YAMLPair(key: pair.key, keyLocation: pair.keyLocation, value: value))
            }
        }
        for field in fields where field.required && !out.contains(where: { $0.key == field.name }) {
            diagnostics.error("required field '\(field.name)' is not set",
                              detail: "add \(field.name) under \(path())", at: node.location, path: "\(path()).\(field.name)")
        }
        return YAMLNode(.mapping(out), at: node.location)
    }

    private mutating func normalize(_ node: YAMLNode, as type: FieldType, at path: () -> String) -> YAMLNode? {
        if Self.holdsReference(node) { return node }
        switch type {
        case .any:
            return node
        case .object(let fields):
            return normalizeObject(node, fields: fields, at: path, legacyKeys: [])
        case .list(let element):
            guard let items = node.items else {
                if node.isNull { return nullValue(node, expected: "sequence", path: path()) }
                mismatch(node, expected: "sequence", path: path())
                return nil
            }
            var normalized: [YAMLNode] = []
            for (offset, item) in items.enumerated() {
                if let value = normalize(item, as: element, at: { "\(path())[\(offset)]" }) { normalized.append(value) }
            }
            return YAMLNode(.sequence(normalized), at: node.location)
        case .map(let element):
            guard let pairs = node.pairs else {
                mismatch(node, expected: "map", path: path())
                return nil
            }
            return YAMLNode(.mapping(pairs.compactMap { pair in
                normalize(pair.value, as: element, at: { "\(path()).\(pair.key)" }).map {
                    YAMLPair(key: pair.key, keyLocation: pair.keyLocation, value: $0)
                }
            }), at: node.location)
        case .string, .enumeration, .int, .number, .duration, .bool:
            guard let scalar = node.scalar else {
                mismatch(node, expected: type.kindName, path: path())
                return nil
            }
            return normalizeScalar(scalar, node: node, as: type, at: path)
        }
    }

    private mutating func normalizeScalar(_ scalar: YAMLScalar, node: YAMLNode, as type: FieldType,
                                          at path: () -> String) -> YAMLNode? {
        let value = scalar.resolved
        if value == .null { return nullValue(node, expected: type.kindName, path: path()) }
        switch type {
        case .string:
            return .string(ConfigResolver.text(of: scalar), at: node.location)
        case .enumeration(let allowed):
            let text = ConfigResolver.text(of: scalar)
            guard allowed.contains(text) else {
                diagnostics.error(
                    "invalid value '\(text)' for \(Self.fieldName(path()))" + Suggestion.phrase(for: text, among: allowed),
                    detail: "valid values are \(allowed.joined(separator: ", "))", at: node.location, path: path())
                return nil
            }
            return .string(text, at: node.location)
        case .int:
            switch value {
            case .int(let i): return typed(String(i), tag: YAMLTag.int, at: node.location)
            case .string(let s) where Int64(s) != nil: return typed(String(Int64(s) ?? 0), tag: YAMLTag.int, at: node.location)
            default:
                mismatch(node, expected: "int", path: path())
                return nil
            }
        case .number:
            switch value {
            case .int(let i): return typed(String(i), tag: YAMLTag.int, at: node.location)
            case .float(let f): return typed(String(f), tag: YAMLTag.float, at: node.location)
            default:
                mismatch(node, expected: "number", path: path())
                return nil
            }
        case .duration:
            let text = ConfigResolver.text(of: scalar)
            guard let seconds = DurationText.seconds(of: text) else {
                diagnostics.error("invalid duration '\(text)' for \(Self.fieldName(path()))",
                                  detail: "write seconds followed by s, for example \"3600s\"", at: node.location, path: path())
                return nil
            }
            return .string(DurationText.text(of: seconds), at: node.location)
        case .bool:
            switch value {
            case .bool(let b): return typed(b ? "true" : "false", tag: YAMLTag.bool, at: node.location)
            case .string(let s) where Self.trueWords.contains(s): return typed("true", tag: YAMLTag.bool, at: node.location)
            case .string(let s) where Self.falseWords.contains(s): return typed("false", tag: YAMLTag.bool, at: node.location)
            default:
                mismatch(node, expected: "bool", path: path())
                return nil
            }
        default:
            return node
        }
    }


    /// Whether `node` is a string holding a `${…}` reference; the byte scan for `${` comes first, as most values
    /// hold none.
    private static func holdsReference(_ node: YAMLNode) -> Bool {
        guard case .scalar(let scalar) = node.kind, ReferenceScanner.openingIndex(in: Substring(scalar.value)) != nil,
              let text = node.stringValue else { return false }
        return ReferenceScanner.containsReference(text)
    }

    private func typed(_ text: String, tag: String, at location: SourceLocation) -> YAMLNode {
        YAMLNode(.scalar(YAMLScalar(value: text, style: .plain, tag: tag)), at: location)
    }

    private mutating func nullValue(_ node: YAMLNode, expected: String, path: String) -> YAMLNode? {
        diagnostics.warning("expected a \(expected) value for \(Self.fieldName(path)), found null; ignored",
                            detail: "give \(Self.fieldName(path)) a value or remove it", at: node.location, path: path)
        return nil
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
