import JSONCore
import YAMLBridge

/// Loads a bundle: discovery, includes, target merge, variables, interpolation, typed resources,
/// references and offline rules (bundle-format.md). Collects every diagnostic instead of stopping at the first.
public enum BundleLoader {
    static let topLevelKeys = [
        "bundle", "include", "variables", "workspace", "resources", "targets", "environments", "permissions",
        "presets", "sync", "artifacts", "run_as", "scripts", "python", "experimental",
    ]

    /// Loads the bundle described by `options`.
    public static func load(_ options: LoadOptions) -> LoadResult {
        var diagnostics = Diagnostics()
        let located = BundleRootLocator.locate(explicitRoot: options.bundleRoot, environment: options.environment,
                                               workingDirectory: options.workingDirectory)
        guard case .success(let (rootDirectory, rootFile)) = located else {
            if case .failure(let diagnostic) = located { diagnostics.append(diagnostic) }
            return LoadResult(bundle: nil, diagnostics: diagnostics, sources: SourceFiles())
        }
        var reader = ManifestFileReader(rootDirectory: rootDirectory)
        let bundle = loadMerged(options, rootDirectory: rootDirectory, rootFile: rootFile, reader: &reader, diagnostics: &diagnostics)
        var all = reader.diagnostics
        all.append(contentsOf: diagnostics)
        return LoadResult(bundle: bundle, diagnostics: all, sources: reader.sources, rootDirectory: rootDirectory)
    }

    private static func loadMerged(_ options: LoadOptions, rootDirectory: String, rootFile: String,
                                   reader: inout ManifestFileReader, diagnostics: inout Diagnostics) -> Bundle? {
        let (parsedRoot, ok) = reader.read(rootDirectory + "/" + rootFile)
        guard ok else { return nil }
        let rootLocation = SourceLocation(file: rootFile, line: 1, column: 1)
        var root = parsedRoot ?? YAMLNode(.mapping([]), at: rootLocation)
        guard root.pairs != nil else {
            diagnostics.error("\(rootFile) must hold a map of settings", detail: "start with bundle:\n  name: my-bundle", at: root.location)
            return nil
        }
        checkKeys(root, allowed: topLevelKeys, path: "", diagnostics: &diagnostics)
        var registry = ResourceKeyRegistry()
        registry.register(fileRoot: root, diagnostics: &diagnostics)
        let includes = IncludeExpander.expand(root["include"], rootDirectory: rootDirectory, rootFile: rootFile, diagnostics: &diagnostics)
        var includedRoots: [YAMLNode] = []
        for path in includes {
            let (included, includedOK) = reader.read(path)
            guard includedOK, var included else { continue }
            guard included.pairs != nil else {
                diagnostics.error("\(reader.displayName(path)) must hold a map of settings", at: included.location)
                continue
            }
            if let nested = included.pair("include") {
                diagnostics.warning("include is only read from the root file; ignored here",
                                    detail: "list \(reader.displayName(path))'s includes in \(rootFile)", at: nested.keyLocation, path: "include")
                included = included.removing("include")
            }
            checkKeys(included, allowed: topLevelKeys, path: "", diagnostics: &diagnostics)
            registry.register(fileRoot: included, diagnostics: &diagnostics)
            includedRoots.append(included)
        }
        root = ConfigMerge.merge(root, includedRoots, path: "", diagnostics: &diagnostics)
        guard let (targetName, targetBody) = TargetSelection.select(
            root: root, requested: options.target, environment: options.environment, diagnostics: &diagnostics) else { return nil }
        registry.checkTarget(targetBody?["resources"], target: targetName, diagnostics: &diagnostics)
        let (merged, targetVariables) = TargetSelection.apply(targetBody, name: targetName, to: root, diagnostics: &diagnostics)
        let variables = VariableValues(
            root: merged, targetVariables: targetVariables, target: targetName, rootDirectory: rootDirectory,
            flags: options.variables, environment: options.environment, reader: &reader, diagnostics: &diagnostics)
        return BundleAssembler(
            merged: merged, rootLocation: rootLocation, target: targetName, rootDirectory: rootDirectory,
            variables: variables, currentUser: options.currentUser
        ).assemble(diagnostics: &diagnostics)
    }

    static func checkKeys(_ node: YAMLNode, allowed: [String], path: String, diagnostics: inout Diagnostics) {
        for pair in node.pairs ?? [] where !allowed.contains(pair.key) {
            diagnostics.warning("unknown field '\(pair.key)'" + Suggestion.phrase(for: pair.key, among: allowed),
                                at: pair.keyLocation, path: path.isEmpty ? pair.key : "\(path).\(pair.key)")
        }
    }
}
