import JSONCore
import YAMLBridge

/// Chooses the target (bundle-format.md §4.1) and merges it into the root configuration (§4.2).
enum TargetSelection {
    static let genericKeys: Set<String> = ["bundle", "workspace", "resources", "permissions", "presets", "sync", "artifacts"]
    static let knownKeys: Set<String> = genericKeys.union(["variables", "mode", "default", "run_as", "cluster_id", "compute_id", "git"])

    /// The section holding targets: `targets`, or the legacy `environments`.
    static func targetsSection(of root: YAMLNode) -> (key: String, node: YAMLNode)? {
        if let node = root["targets"], !node.isNull { return ("targets", node) }
        if let node = root["environments"], !node.isNull { return ("environments", node) }
        return nil
    }

    /// The selected target's name and body (nil body for the synthetic `default` target).
    static func select(root: YAMLNode, requested: String?, environment: [String: String],
                       diagnostics: inout Diagnostics) -> (name: String, body: YAMLNode?)? {
        let explicit = requested
            ?? environment["DATABRICKS_BUNDLE_TARGET"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["DATABRICKS_BUNDLE_ENV"].flatMap { $0.isEmpty ? nil : $0 }
        guard let (sectionKey, section) = targetsSection(of: root) else {
            if let explicit, explicit != "default" {
                diagnostics.error("\(explicit): no such target. Available targets: default",
                                  detail: "this bundle defines no targets; remove -t/--target", path: "targets")
                return nil
            }
            return ("default", nil)
        }
        guard let targets = section.pairs else {
            diagnostics.error("\(sectionKey) must be a map of target names to settings", at: section.location, path: sectionKey)
            return nil
        }
        let names = targets.map(\.key)
        let sectionLocation = root.pair(sectionKey)?.keyLocation ?? section.location
        if let explicit {
            guard let target = targets.first(where: { $0.key == explicit }) else {
                diagnostics.error("\(explicit): no such target. Available targets: \(names.joined(separator: ", "))",
                                  detail: "pass one of them with -t/--target" + Suggestion.phrase(for: explicit, among: names),
                                  at: sectionLocation, path: sectionKey)
                return nil
            }
            return (target.key, target.value)
        }
        if targets.count == 1 { return (targets[0].key, targets[0].value) }
        let defaults = targets.filter { $0.value["default"]?.scalarValue == .bool(true) }
        if defaults.count > 1 {
            diagnostics.error("multiple targets are marked as default (\(defaults.map(\.key).joined(separator: ", ")))",
                              detail: "keep default: true on one target", at: defaults[1].keyLocation,
                              path: "\(sectionKey).\(defaults[1].key).default")
            return nil
        }
        guard let chosen = defaults.first else {
            diagnostics.error("please specify target",
                              detail: "pass -t/--target (one of \(names.joined(separator: ", "))) or mark one target with default: true",
                              at: sectionLocation, path: sectionKey)
            return nil
        }
        return (chosen.key, chosen.value)
    }

    /// The root with the target merged in (targets section removed). Variable assignments are returned
    /// separately, since they only set values of existing variables.
    static func apply(_ body: YAMLNode?, name: String, to root: YAMLNode,
                      diagnostics: inout Diagnostics) -> (root: YAMLNode, variables: YAMLNode?) {
        var merged = root.removing("targets").removing("environments")
        guard let body, !body.isNull else { return (merged, nil) }
        guard let pairs = body.pairs else {
            diagnostics.error("target \(name) must be a map", at: body.location, path: "targets.\(name)")
            return (merged, nil)
        }
        var variables: YAMLNode?
        for pair in pairs {
            let path = "targets.\(name).\(pair.key)"
            switch pair.key {
            case let key where genericKeys.contains(key):
                let base = merged[key] ?? .null(at: pair.value.location)
                merged = merged.setting(key, to: ConfigMerge.merge(base, pair.value, path: key, diagnostics: &diagnostics))
            case "variables":
                variables = pair.value
            case "mode":
                merged = mergeIntoBundle(merged, key: "mode", value: pair.value, replace: true, diagnostics: &diagnostics)
            case "cluster_id", "compute_id":
                merged = mergeIntoBundle(merged, key: pair.key, value: pair.value, replace: true, diagnostics: &diagnostics)
            case "git":
                merged = mergeIntoBundle(merged, key: "git", value: pair.value, replace: false, diagnostics: &diagnostics)
            case "run_as":
                merged = merged.setting("run_as", to: pair.value)
            case "default":
                break
            default:
                diagnostics.warning("unknown field: \(pair.key)" + Suggestion.phrase(for: pair.key, among: knownKeys),
                                    at: pair.keyLocation, path: path)
            }
        }
        return (merged, variables)
    }

    private static func mergeIntoBundle(_ root: YAMLNode, key: String, value: YAMLNode, replace: Bool,
                                        diagnostics: inout Diagnostics) -> YAMLNode {
        let bundle = root["bundle"] ?? YAMLNode(.mapping([]), at: value.location)
        let current = bundle[key]
        let newValue = replace || current == nil
            ? value : ConfigMerge.merge(current ?? value, value, path: "bundle.\(key)", diagnostics: &diagnostics)
        return root.setting("bundle", to: bundle.setting(key, to: newValue))
    }
}
