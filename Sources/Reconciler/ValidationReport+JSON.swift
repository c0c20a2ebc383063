import ManifestModel
import JSONCore
import YAMLBridge

extension ValidationReport {
    /// The JSON report: `bundle`, `target`, `workspace`, `variables`, `resources` (resolved values; unresolved
    /// references kept as `${...}` strings), `depends_on` (labelled edges per node) and `diagnostics`.
    public func json() -> JSONValue {
        var object = JSONObject()
        let bundle = result.bundle
        object["bundle"] = bundle.map(bundleJSON) ?? .null
        object["target"] = bundle.map { .string($0.target) } ?? .null
        if let bundle {
            object["workspace"] = .object(workspaceJSON(bundle.workspace))
            object["variables"] = .object(JSONObject(bundle.variables.map { ($0.name, $0.value ?? .null) }))
            object["resources"] = .object(resourcesJSON(bundle.resources))
            object["depends_on"] = .object(dependenciesJSON(bundle.resources))
        }
        object["diagnostics"] = .array(result.diagnostics.sortedForDisplay.map(diagnosticJSON))
        return .object(object)
    }

    private func bundleJSON(_ bundle: Bundle) -> JSONValue {
        var object: JSONObject = ["name": .string(bundle.name), "target": .string(bundle.target)]
        if let mode = bundle.mode { object["mode"] = .string(mode) }
        object["deployment"] = .object(["lock": .object([
            "enabled": .bool(bundle.lock.enabled), "force": .bool(bundle.lock.force),
        ])])
        return .object(object)
    }

    private func workspaceJSON(_ workspace: WorkspaceSettings) -> JSONObject {
        var object = JSONObject()
        if let host = workspace.host { object["host"] = .string(host) }
        if let profile = workspace.profile { object["profile"] = .string(profile) }
        if let authType = workspace.authType { object["auth_type"] = .string(authType) }
        object["root_path"] = .string(workspace.rootPath)
        object["file_path"] = .string(workspace.filePath)
        object["artifact_path"] = .string(workspace.artifactPath)
        object["resource_path"] = .string(workspace.resourcePath)
        object["state_path"] = .string(workspace.statePath)
        return object
    }

    private func resourcesJSON(_ resources: [Resource]) -> JSONObject {
        var byKind = JSONObject()
        for kind in KindRegistry.all.map(\.kind) {
            let ofKind = resources.filter { $0.key.kind == kind }
            guard !ofKind.isEmpty else { continue }
            byKind[kind.rawValue] = .object(JSONObject(ofKind.map { resource in
                var value = resource.node.jsonValue.objectValue ?? JSONObject()
                if !resource.permissions.isEmpty {
                    value["permissions"] = .array(resource.permissions.map { permission in
                        .object(["level": .string(permission.level), permission.principalField: .string(permission.principal)])
                    })
                }
                return (resource.key.name, .object(value))
            }))
        }
        return byKind
    }

    private func dependenciesJSON(_ resources: [Resource]) -> JSONObject {
        JSONObject(resources.filter { !$0.references.isEmpty }.map { resource in
            (resource.key.stateKey, .array(uniqueEdges(resource.references).map { reference in
                .object([
                    "node": .string(reference.target.stateKey), "label": .string(reference.label),
                    "field": .string(reference.fieldPath), "resolution": .string(reference.resolution.rawValue),
                ])
            }))
        })
    }

    private func diagnosticJSON(_ diagnostic: Diagnostic) -> JSONValue {
        var object: JSONObject = ["severity": .string(diagnostic.severity.rawValue), "summary": .string(diagnostic.summary)]
        if let detail = diagnostic.detail { object["detail"] = .string(detail) }
        if let location = diagnostic.location {
            object["file"] = .string(location.file)
            object["line"] = .int(Int64(location.line))
            object["column"] = .int(Int64(location.column))
        }
        if let path = diagnostic.path { object["path"] = .string(path) }
        return .object(object)
    }
}
