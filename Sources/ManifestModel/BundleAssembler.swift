import JSONCore
import YAMLBridge

/// Turns the merged configuration of the selected target into a `Bundle`: fills computed values
/// (`bundle.target`, variable values, workspace paths, the identity), resolves references, and builds
/// the typed resources.
struct BundleAssembler {
    let merged: YAMLNode
    let rootLocation: SourceLocation
    let target: String
    let rootDirectory: String
    let variables: VariableValues
    let currentUser: CurrentUser?

    static let bundleKeys = [
        "name", "target", "mode", "engine", "databricks_cli_version", "deployment", "uuid", "git", "cluster_id", "compute_id",
    ]
    static let workspaceKeys = [
        "host", "profile", "auth_type", "client_id", "account_id", "workspace_id", "root_path", "file_path", "artifact_path",
        "resource_path", "state_path", "azure_client_id", "azure_tenant_id", "azure_environment", "azure_login_app_id",
        "azure_workspace_resource_id", "azure_use_msi", "google_service_account", "metadata_service_url", "current_user",
    ]

    func assemble(diagnostics: inout Diagnostics) -> Bundle? {
        let bundleSection = merged["bundle"] ?? YAMLNode(.mapping([]), at: rootLocation)
        BundleLoader.checkKeys(bundleSection, allowed: Self.bundleKeys, path: "bundle", diagnostics: &diagnostics)
        let mode = checkedMode(bundleSection, diagnostics: &diagnostics)
        let workspaceRaw = merged["workspace"] ?? YAMLNode(.mapping([]), at: rootLocation)
        BundleLoader.checkKeys(workspaceRaw, allowed: Self.workspaceKeys, path: "workspace", diagnostics: &diagnostics)
        checkRootPathForMode(mode, workspace: workspaceRaw, diagnostics: &diagnostics)

        var resolver = ConfigResolver(root: resolvableTree(mode: mode), variables: variables.variables,
                                      currentUserKnown: currentUser != nil)
        let resolved = resolver.resolveAll()
        diagnostics.append(contentsOf: resolver.diagnostics)
        reportUnusedMissingVariables(used: resolver.usedMissingVariables, diagnostics: &diagnostics)
        reportDeferredIdentity(resolver.deferredIdentityReferences, diagnostics: &diagnostics)

        guard let name = bundleName(raw: bundleSection, resolved: resolved["bundle"], diagnostics: &diagnostics) else { return nil }
        var builder = ResourceBuilder()
        var resources = builder.build(resolved["resources"], topLevelPermissions: resolved["permissions"])
        diagnostics.append(contentsOf: builder.diagnostics)
        var graph = ResourceReferenceGraph()
        resources = graph.resolve(resources)
        diagnostics.append(contentsOf: graph.diagnostics)
        for resource in resources { OfflineRules.check(resource, diagnostics: &diagnostics) }

        return Bundle(
            name: name, target: target, mode: mode, rootDirectory: rootDirectory,
            workspace: workspaceSettings(resolved["workspace"], raw: workspaceRaw),
            lock: lockSettings(resolved["bundle"], mode: mode),
            variables: variables.order.map { name in
                let value = resolved["variables"]?[name]?["value"]
                return (name, value?.jsonValue, variables.variables[name]?.source)
            },
            resources: resources.sorted { $0.key < $1.key },
            currentUser: currentUser)
    }

    // MARK: - The tree references are resolved against

    private func resolvableTree(mode: String?) -> YAMLNode {
        var tree = merged
        var bundle = (merged["bundle"] ?? YAMLNode(.mapping([]), at: rootLocation))
            .setting("target", to: .string(target, at: rootLocation))
        if let mode { bundle = bundle.setting("mode", to: .string(mode, at: rootLocation)) }
        tree = tree.setting("bundle", to: bundle)

        var variablesNode = YAMLNode(.mapping([]), at: rootLocation)
        for name in variables.order {
            guard let variable = variables.variables[name] else { continue }
            // Only the chosen value is resolved: a default that a target or flag overrides is never used.
            var definition = YAMLNode(.mapping([]), at: variable.definition)
            if let value = variable.value { definition = definition.setting("value", to: value) }
            variablesNode = variablesNode.setting(name, to: definition)
        }
        tree = tree.setting("variables", to: variablesNode)
        return tree.setting("workspace", to: workspaceWithDefaults())
    }

    private func workspaceWithDefaults() -> YAMLNode {
        var workspace = merged["workspace"] ?? YAMLNode(.mapping([]), at: rootLocation)
        if workspace.pairs == nil { workspace = YAMLNode(.mapping([]), at: rootLocation) }
        let userHome = "/Workspace/Users/${workspace.current_user.userName}"
        if let current = workspace["root_path"], let text = current.stringValue, text.hasPrefix("~/") {
            workspace = workspace.setting("root_path", to: .string(userHome + "/" + text.dropFirst(2), at: current.location))
        } else if workspace["root_path"] == nil {
            workspace = workspace.setting("root_path", to: .string("\(userHome)/.bundle/${bundle.name}/${bundle.target}", at: rootLocation))
        }
        for (key, suffix) in [("file_path", "files"), ("artifact_path", "artifacts"), ("resource_path", "resources"), ("state_path", "state")]
        where workspace[key] == nil {
            workspace = workspace.setting(key, to: .string("${workspace.root_path}/\(suffix)", at: rootLocation))
        }
        if let currentUser {
            let user = YAMLNode(.mapping([
                ("userName", currentUser.userName), ("short_name", currentUser.shortName),
                ("domain_friendly_name", currentUser.domainFriendlyName),
            ].map { YAMLPair(key: $0.0, keyLocation: rootLocation, value: .string($0.1, at: rootLocation)) }), at: rootLocation)
            workspace = workspace.setting("current_user", to: user)
        }
        return workspace
    }

    // MARK: - Settings

    private func checkedMode(_ bundle: YAMLNode, diagnostics: inout Diagnostics) -> String? {
        guard let node = bundle["mode"], !node.isNull else { return nil }
        let text = node.stringValue ?? node.scalar?.value ?? ""
        guard text == "development" || text == "production" else {
            diagnostics.error("unsupported value '\(text)' specified for 'mode': must be either 'development' or 'production'",
                              at: node.location, path: "bundle.mode")
            return nil
        }
        return text
    }

    private func checkRootPathForMode(_ mode: String?, workspace: YAMLNode, diagnostics: inout Diagnostics) {
        if mode == "production", workspace["root_path"] == nil {
            diagnostics.error("target with 'mode: production' must set 'workspace.root_path' to make sure only one copy is deployed",
                              detail: "add workspace:\n  root_path: /Workspace/Shared/.bundle/${bundle.name}/${bundle.target}",
                              at: merged["bundle"]?["mode"]?.location, path: "workspace.root_path")
        }
        guard mode == "development" else { return }
        for key in ["root_path", "state_path"] {
            guard let node = workspace[key], let text = node.stringValue else { continue }
            let personal = text.hasPrefix("~/") || text.contains("${workspace.current_user.")
                || (currentUser.map { text.contains($0.userName) } ?? false)
            if !personal {
                diagnostics.error("workspace.\(key) must contain the current user's name in 'mode: development'",
                                  detail: "start it with ~/ or include ${workspace.current_user.userName}",
                                  at: node.location, path: "workspace.\(key)")
            }
        }
    }

    private func bundleName(raw: YAMLNode, resolved: YAMLNode?, diagnostics: inout Diagnostics) -> String? {
        guard let rawName = raw["name"], !rawName.isNull else {
            diagnostics.error("bundle name not defined", detail: "add bundle:\n  name: my-bundle",
                              at: raw.location, path: "bundle.name")
            return nil
        }
        if let text = rawName.stringValue, ReferenceScanner.containsReference(text) {
            diagnostics.warning("bundle.name should not contain references; it is part of the state path",
                                detail: "write the name literally", at: rawName.location, path: "bundle.name")
        }
        return (resolved?["name"]).map { ConfigResolver.text(of: $0.scalar ?? YAMLScalar(value: "")) }
    }

    private func workspaceSettings(_ node: YAMLNode?, raw: YAMLNode) -> WorkspaceSettings {
        func text(_ key: String) -> String? { node?[key].flatMap { $0.scalar.map(ConfigResolver.text(of:)) } }
        return WorkspaceSettings(
            host: text("host"), profile: text("profile"), authType: text("auth_type"),
            rootPath: text("root_path") ?? "", filePath: text("file_path") ?? "",
            artifactPath: text("artifact_path") ?? "", resourcePath: text("resource_path") ?? "",
            statePath: text("state_path") ?? "", rootPathIsExplicit: raw["root_path"] != nil)
    }

    private func lockSettings(_ bundle: YAMLNode?, mode: String?) -> LockSettings {
        let lock = bundle?["deployment"]?["lock"]
        let explicit: Bool? = if case .bool(let b)? = lock?["enabled"]?.scalarValue { b } else { nil }
        let force: Bool = if case .bool(let b)? = lock?["force"]?.scalarValue { b } else { false }
        return LockSettings(enabled: explicit ?? (mode != "development"), force: force)
    }

    // MARK: - Variable and identity reports

    private func reportUnusedMissingVariables(used: Set<String>, diagnostics: inout Diagnostics) {
        for name in variables.order where !used.contains(name) {
            guard let variable = variables.variables[name], variable.value == nil, variable.source != "lookup" else { continue }
            diagnostics.error(ConfigResolver.missingValueMessage(name),
                              detail: ConfigResolver.missingValueDetail(name, definedAt: variable.definition),
                              at: variable.definition, path: "variables.\(name)")
        }
    }

    private func reportDeferredIdentity(_ references: [String: SourceLocation], diagnostics: inout Diagnostics) {
        guard !references.isEmpty else { return }
        let names = references.keys.sorted().joined(separator: ", ")
        diagnostics.append(Diagnostic(
            .info, "\(names) left unresolved: no workspace identity is known offline",
            detail: "they are resolved from the workspace's current user when credentials are available",
            at: nil, path: nil))
    }
}
