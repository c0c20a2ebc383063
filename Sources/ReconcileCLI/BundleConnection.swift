import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ManifestModel
import Providers
import Reconciler

/// Loads the bundle, resolves auth with its workspace settings, asks the workspace who we are, and loads the bundle
/// again with that identity (so `${workspace.current_user.userName}` in paths resolves). Bundle errors are
/// printed and exit 1, before any call that could write.
struct BundleConnection {
    let loaded: LoadResult
    let bundle: ManifestModel.Bundle
    let client: WorkspaceClient
    let user: CurrentUserInfo
    let auth: ResolvedAuth

    /// Reads started while the identity and the state were fetched (`readAhead: true`), for the session.
    let readAhead: ReadAhead?
    let sourceTables: SourceTables?

    /// With `readAhead`, every configured resource whose id is already known, and the synced tables' sources, start
    /// being read as soon as the bundle is first loaded, behind the identity request; only for commands that never
    /// write (`plan`), since an answer read before a lock is held may be stale by the time it is used.
    static func open(_ bundleOptions: BundleOptions, _ workspaceOptions: WorkspaceOptions,
                     readAhead startReads: Bool = false) async throws -> BundleConnection {
        let first = BundleLoader.load(bundleOptions.loadOptions())
        guard first.rootDirectory != nil else {
            throw CommandFailure("no bundle found: run inside a folder holding databricks.yml, or pass -C DIR")
        }
        try reportProblems(first)
        let settings = first.bundle?.workspace
        let auth: ResolvedAuth
        switch AuthResolver.resolve(workspaceOptions.authInputs(bundleHost: settings?.host, bundleProfile: settings?.profile)) {
        case .success(let resolved): auth = resolved
        case .failure(let error): throw CommandFailure(error.description)
        }
        let client = WorkspaceClient.connect(auth, options: workspaceOptions.connectionOptions())
        let identity = Task {
            try await AdaptiveConcurrencyLimit.$urgent.withValue(true) { try await IdentityAndCredentialsAPI(client: client).me() }
        }
        var readAhead: ReadAhead?
        var sourceTables: SourceTables?
        if startReads, let early = first.bundle {
            let workspace = ProvidersWorkspace(client: client, waitOptions: WaitOptions())
            let nodes = DesiredNode.nodes(of: early)
            let reads = ReadAhead(workspace: workspace)
            await reads.start(nodes)
            let sources = SourceTables(workspace: workspace)
            sources.prefetch(nodes)
            readAhead = reads
            sourceTables = sources
        }
        let user: CurrentUserInfo
        do {
            user = try await identity.value
        } catch let error as APIError {
            throw CommandFailure("cannot identify the current user (GET /api/2.0/preview/scim/v2/Me): \(error.description)")
        }
        var options = bundleOptions.loadOptions()
        options.currentUser = CurrentUser(userName: user.userName, displayName: user.displayName)
        let loaded = BundleLoader.load(options)
        try reportProblems(loaded)
        guard let bundle = loaded.bundle else { throw CommandFailure("the bundle could not be loaded") }
        return BundleConnection(loaded: loaded, bundle: bundle, client: client, user: user, auth: auth,
                                readAhead: readAhead, sourceTables: sourceTables)
    }

    /// Prints warnings on standard error; with errors, prints them all and exits 1.
    static func reportProblems(_ loaded: LoadResult) throws {
        let shown = loaded.diagnostics.items.filter { $0.severity <= .warning }
        guard !shown.isEmpty else { return }
        var problems = Diagnostics()
        for item in shown { problems.append(item) }
        Terminal.writeStandardError(DiagnosticRenderer(sources: loaded.sources).render(problems))
        if loaded.diagnostics.hasErrors { throw ExitCode(1) }
    }

    /// The session `plan`/`apply`/`destroy` work in.
    func session(waitOptions: WaitOptions = WaitOptions()) -> DeploymentSession {
        DeploymentSession(bundle: bundle, workspace: ProvidersWorkspace(client: client, waitOptions: waitOptions),
                          files: WorkspaceFiles(client: client), cliVersion: ReconcileVersion.current,
                          sourceTables: sourceTables, readAhead: readAhead)
    }
}
