import ManifestModel
import JSONCore

extension ValidationReport {
    /// The text report: diagnostics with source snippets, the bundle's name, target, workspace paths and
    /// resources with their resolved names and dependencies, then the summary line.
    public func text() -> String {
        var sections: [String] = []
        let diagnostics = DiagnosticRenderer(sources: result.sources)
        let rendered = result.diagnostics.sortedForDisplay.map(diagnostics.render)
        if !rendered.isEmpty { sections.append(rendered.joined(separator: "\n\n")) }
        if let bundle = result.bundle { sections.append(describe(bundle)) }
        sections.append(summaryLine)
        return sections.joined(separator: "\n\n") + "\n"
    }

    private func describe(_ bundle: Bundle) -> String {
        var lines = ["Name: \(bundle.name)", "Target: \(bundle.target)"]
        if let mode = bundle.mode { lines.append("Mode: \(mode)") }
        lines.append("Workspace:")
        if let host = bundle.workspace.host { lines.append("  Host: \(host)") }
        if let profile = bundle.workspace.profile { lines.append("  Profile: \(profile)") }
        lines.append("  Root path: \(bundle.workspace.rootPath)")
        lines.append("  State path: \(bundle.workspace.statePath)")
        guard !bundle.resources.isEmpty else {
            lines.append("Resources: none")
            return lines.joined(separator: "\n")
        }
        lines.append("Resources:")
        for resource in bundle.resources {
            lines.append("  \(resource.key.planLabel)")
            lines.append("    name: \(resource.idText ?? "(not set)")")
            if resource.preventDestroy { lines.append("    prevent_destroy: true") }
            for permission in resource.permissions {
                lines.append("    permission: \(permission.level) for \(permission.principalField) \(permission.principal)")
            }
            for reference in uniqueEdges(resource.references) {
                lines.append("    depends on: \(reference.target.planLabel) via \(reference.label) (\(Self.describe(reference.resolution)))")
            }
        }
        return lines.joined(separator: "\n")
    }

    static func describe(_ resolution: ReferenceResolution) -> String {
        switch resolution {
        case .config: "from config"
        case .id: "id, known at plan time"
        case .remote: "from the live resource, or known after apply"
        }
    }

    func uniqueEdges(_ references: [ResourceReference]) -> [ResourceReference] {
        guard references.count > 1 else { return references }
        var seen: Set<String> = []
        return references.filter { seen.insert($0.target.stateKey + " " + $0.label).inserted }
    }
}
