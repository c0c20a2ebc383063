#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSONCore
import YAMLBridge

/// One declared variable and the value chosen for it.
struct VariableValue {
    /// Where the variable is declared.
    var definition: SourceLocation
    /// Whether it is `type: complex` (maps and lists).
    var isComplex: Bool
    /// The chosen value, nil when nothing assigns one.
    var value: YAMLNode?
    /// Where the value came from, for messages (`--var`, `BUNDLE_VAR_x`, `default`, ...).
    var source: String?
}

/// Picks each variable's value: `--var` > `BUNDLE_VAR_<name>` > `lookup` > variable-overrides.json >
/// target default > root default (bundle-format.md §5).
struct VariableValues {
    var variables: [String: VariableValue] = [:]
    /// Declaration order, for stable output.
    var order: [String] = []

    // swiftlint:disable:next function_body_length
    init(root: YAMLNode, targetVariables: YAMLNode?, target: String, rootDirectory: String,
         flags: [String], environment: [String: String], reader: inout ManifestFileReader,
         diagnostics: inout Diagnostics) {
        var definitions: [String: YAMLNode] = [:]
        for pair in root["variables"]?.pairs ?? [] {
            guard pair.value.pairs != nil || pair.value.isNull else {
                diagnostics.warning(
                    "expected a map for variable \(pair.key), found \(pair.value.kindName)",
                    detail: "declare it as \(pair.key):\n  default: \(pair.value.scalar?.value ?? "...")",
                    at: pair.value.location, path: "variables.\(pair.key)")
                variables[pair.key] = VariableValue(definition: pair.keyLocation, isComplex: false)
                order.append(pair.key)
                continue
            }
            definitions[pair.key] = pair.value
            order.append(pair.key)
            let isComplex = pair.value["type"]?.stringValue == "complex"
            if let type = pair.value["type"], type.stringValue != "complex" {
                diagnostics.error("invalid type for variable \(pair.key): \(type.scalar?.value ?? type.kindName)",
                                  detail: "the only variable type is complex; remove type for string values",
                                  at: type.location, path: "variables.\(pair.key).type")
            }
            variables[pair.key] = VariableValue(definition: pair.keyLocation, isComplex: isComplex)
        }
        var defaults: [String: YAMLNode] = [:]
        var lookups: [String: YAMLNode] = [:]
        for (name, definition) in definitions {
            defaults[name] = definition["default"]
            lookups[name] = definition["lookup"]
        }
        for pair in targetVariables?.pairs ?? [] {
            guard let declared = variables[pair.key] else {
                diagnostics.error("variable \(pair.key) is not defined but is assigned a value",
                                  detail: "declare it under the top-level variables section"
                                    + Suggestion.phrase(for: pair.key, among: order),
                                  at: pair.keyLocation, path: "targets.\(target).variables.\(pair.key)")
                continue
            }
            let value = pair.value
            let isFullForm = value.pairs != nil && (value["default"] != nil || value["lookup"] != nil)
                && (!declared.isComplex || value.pairs?.allSatisfy { ["default", "lookup", "description", "type"].contains($0.key) } == true)
            if isFullForm {
                if let d = value["default"] { defaults[pair.key] = d; lookups[pair.key] = nil }
                if let l = value["lookup"] { lookups[pair.key] = l; defaults[pair.key] = nil }
            } else {
                defaults[pair.key] = value
                lookups[pair.key] = nil
            }
        }
        let overrides = Self.readOverrides(rootDirectory: rootDirectory, target: target, reader: &reader, diagnostics: &diagnostics)
        let flagValues = Self.parseFlags(flags, variables: variables, diagnostics: &diagnostics)
        for name in order {
            guard var variable = variables[name], definitions[name] != nil else { continue }
            let location = variable.definition
            if let flag = flagValues[name] {
                variable.value = .string(flag, at: location)
                variable.source = "--var"
            } else if !variable.isComplex, let env = environment["BUNDLE_VAR_\(name)"] {
                variable.value = .string(env, at: location)
                variable.source = "BUNDLE_VAR_\(name)"
            } else if let lookup = lookups[name] {
                diagnostics.error(
                    "variable \(name) uses lookup, which reconcile does not resolve",
                    detail: "none of the lookup kinds is a Lakebase resource; give the variable a default or pass --var \(name)=VALUE",
                    at: lookup.location, path: "variables.\(name).lookup")
                variable.source = "lookup"
            } else if let override = overrides?[name] {
                variable.value = override
                variable.source = "variable-overrides.json"
            } else if let value = defaults[name], !value.isNull {
                variable.value = value
                variable.source = "default"
            }
            if let value = variable.value {
                Self.checkShape(name: name, value: value, isComplex: variable.isComplex, diagnostics: &diagnostics)
            }
            variables[name] = variable
        }
    }

    private static func checkShape(name: String, value: YAMLNode, isComplex: Bool, diagnostics: inout Diagnostics) {
        let isScalar = value.scalar != nil
        if !isComplex, !isScalar {
            diagnostics.error("variable \(name) is assigned a \(value.kindName), but it is not a complex variable",
                              detail: "add type: complex to its declaration", at: value.location, path: "variables.\(name)")
        }
    }

    private static func parseFlags(_ flags: [String], variables: [String: VariableValue],
                                   diagnostics: inout Diagnostics) -> [String: String] {
        var values: [String: String] = [:]
        for flag in flags {
            guard let equals = flag.firstIndex(of: "=") else {
                diagnostics.error("unexpected flag value for variable assignment: \(flag)", detail: "write --var name=value")
                continue
            }
            let name = String(flag[..<equals])
            guard let variable = variables[name] else {
                diagnostics.error("variable \(name) has not been defined",
                                  detail: "declare it under variables" + Suggestion.phrase(for: name, among: variables.keys.sorted()))
                continue
            }
            if variable.isComplex {
                diagnostics.error("setting variables of complex type via --var flag is not supported: \(name)",
                                  detail: "set it in the target or in .databricks/bundle/<target>/variable-overrides.json")
                continue
            }
            values[name] = String(flag[flag.index(after: equals)...])
        }
        return values
    }

    private static func readOverrides(rootDirectory: String, target: String, reader: inout ManifestFileReader,
                                      diagnostics: inout Diagnostics) -> [String: YAMLNode]? {
        let path = "\(rootDirectory)/.databricks/bundle/\(target)/variable-overrides.json"
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let (node, ok) = reader.read(path)
        guard ok else { return nil }
        guard let pairs = node?.pairs else {
            diagnostics.error("\(reader.displayName(path)) must hold a JSON object",
                              detail: #"write {"name": "value"}"#, at: node?.location)
            return nil
        }
        return Dictionary(pairs.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
    }
}
