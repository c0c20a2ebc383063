import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ManifestModel
import Reconciler

/// `reconcile summary`: each resource with its workspace URL and live state.
struct SummaryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary", abstract: "Show each resource with its resolved name, workspace URL and live state.")

    @OptionGroup var bundle: BundleOptions
    @OptionGroup var workspace: WorkspaceOptions

    func run() async throws {
        let connection = try await BundleConnection.open(bundle, workspace)
        let session = connection.session()
        let state = try await PlanRun.loadState(session)
        let (snapshot, errors, _) = await LiveReader(workspace: session.workspace).snapshot(desired: session.desiredNodes, state: state)
        for error in errors { Terminal.standardError("Warning: cannot read \(error.description)") }
        print(SummaryRenderer.render(bundle: connection.bundle, host: connection.auth.host.description,
                                     user: connection.user.userName, state: state, live: snapshot), terminator: "")
    }
}

/// `reconcile graph`: the dependency graph as Graphviz DOT (offline).
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph", abstract: "Print the resources' dependency graph in Graphviz DOT (e.g. | dot -Tsvg).")

    @OptionGroup var bundle: BundleOptions

    func run() throws {
        let loaded = BundleLoader.load(bundle.loadOptions())
        try BundleConnection.reportProblems(loaded)
        guard let loadedBundle = loaded.bundle else { throw CommandFailure("the bundle could not be loaded") }
        print(GraphRenderer.dot(DesiredNode.nodes(of: loadedBundle), bundleName: loadedBundle.name), terminator: "")
    }
}
