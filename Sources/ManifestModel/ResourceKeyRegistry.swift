import JSONCore
import YAMLBridge

/// Enforces that each resource key is defined once, in one file, across all kinds (bundle-format.md §9).
struct ResourceKeyRegistry {
    private var firstDefinition: [String: (kind: String, location: SourceLocation)] = [:]

    /// Records the resource keys of one file's `resources` (and `scripts`) section.
    mutating func register(fileRoot: YAMLNode?, diagnostics: inout Diagnostics) {
        guard let fileRoot else { return }
        var sections: [(kind: String, node: YAMLNode)] = []
        for kind in fileRoot["resources"]?.pairs ?? [] { sections.append((kind.key, kind.value)) }
        if let scripts = fileRoot["scripts"] { sections.append(("scripts", scripts)) }
        for (kind, section) in sections {
            for entry in section.pairs ?? [] {
                if let first = firstDefinition[entry.key] {
                    diagnostics.error(
                        "multiple resources or scripts have been defined with the same key: \(entry.key)",
                        detail: "first defined as \(first.kind).\(entry.key) at \(first.location); rename one of them",
                        at: entry.keyLocation, path: "resources.\(kind).\(entry.key)")
                } else {
                    firstDefinition[entry.key] = (kind, entry.keyLocation)
                }
            }
        }
    }

    /// Checks that a target only overrides keys under the kind they were defined with.
    func checkTarget(_ targetResources: YAMLNode?, target: String, diagnostics: inout Diagnostics) {
        for kind in targetResources?.pairs ?? [] {
            for entry in kind.value.pairs ?? [] {
                guard let first = firstDefinition[entry.key], first.kind != kind.key else { continue }
                diagnostics.error(
                    "multiple resources or scripts have been defined with the same key: \(entry.key)",
                    detail: "target \(target) defines \(kind.key).\(entry.key) but \(first.kind).\(entry.key) is defined at \(first.location)",
                    at: entry.keyLocation, path: "targets.\(target).resources.\(kind.key).\(entry.key)")
            }
        }
    }
}
