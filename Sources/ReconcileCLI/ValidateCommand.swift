import ArgumentParser
import ManifestModel
import Reconciler

/// `reconcile validate`: loads the bundle and reports diagnostics and the resolved resources; with `--online`,
/// also runs preflight against the workspace.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check the bundle and show its resolved resources.",
        discussion: "Offline by default. --online also checks synced tables against the workspace (sources, sync modes, keys, limits), "
            + "as plan does. Exits 0 when there are no errors (warnings allowed), 1 with errors, 64 on usage errors.")

    @OptionGroup var bundle: BundleOptions

    @Option(name: [.customShort("o"), .customLong("output")], help: "Output format: text or json.")
    var output: OutputFormat = .text

    @Flag(name: .customLong("online"), help: "Also run preflight against the workspace (needs credentials).")
    var online = false

    @OptionGroup var workspace: WorkspaceOptions

    func run() async throws {
        var loaded = BundleLoader.load(bundle.loadOptions())
        if let root = loaded.bundle?.rootDirectory {
            loaded.diagnostics.append(contentsOf: AdvisorSettings.diagnostics(bundleRoot: root))
        }
        let report = ValidationReport(loaded)
        KeptUntilExit.keep((loaded, report))
        switch output {
        case .text: print(report.text(), terminator: "")
        case .json: print(report.json().serialized())
        }
        if report.failed { throw ExitCode(1) }
        guard online else { return }
        let connection = try await BundleConnection.open(bundle, workspace)
        let session = connection.session()
        let outcome = try await PlanRun.plan(session, state: PlanRun.loadState(session))
        try await PlanRun.preflight(outcome, connection: connection, session: session, skip: false)
        Terminal.standardError("Preflight OK: sources, sync modes, keys and limits checked against \(connection.auth.host).")
    }
}
