import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Reconciler

/// `reconcile destroy`: deletes every resource the bundle's state records, children first.
struct DestroyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "destroy",
        abstract: "Delete every resource this bundle deployed, and its state files.",
        discussion: "Output goes to standard error. Exit status: 0 success, 1 errors or cancelled.")

    @OptionGroup var bundle: BundleOptions
    @OptionGroup var workspace: WorkspaceOptions

    @Flag(name: .customLong("auto-approve"), help: "Delete without asking.")
    var autoApprove = false

    @Flag(name: .customLong("force-lock"), help: "Take the deploy lock even when another deployment holds it.")
    var forceLock = false

    @Flag(name: .customLong("purge-synced-data"), help: "Also drop the PostgreSQL tables of deleted synced tables.")
    var purgeSyncedData = false

    func run() async throws {
        let connection = try await BundleConnection.open(bundle, workspace)
        let run = DeployRun(connection: connection, waitTimeout: nil, forceLock: forceLock)
        try await run.withLock {
            let state = try await PlanRun.loadState(run.session)
            guard !state.managedKeys.isEmpty else {
                Terminal.standardError("No active deployment found to destroy!")
                return
            }
            let outcome: PlanOutcome
            switch await run.session.destroyPlan(from: state) {
            case .success(let planned): outcome = planned
            case .failure(let report): throw CommandFailure(report.description)
            }
            for warning in outcome.warnings { Terminal.standardError("Warning: \(warning)") }
            let listed = outcome.plan.entries.filter { !$0.key.isPermissions }
            let preface = "The following resources will be deleted:\n"
                + listed.map { "  delete \($0.key.stateKey)\n" }.joined()
            let files = "\(run.session.localFile.path), \(run.session.remote.path)"
            let trailer = state.rawEntries.count == state.managedKeys.count
                ? "\nThe deployment state at the following locations will be deleted: \(files)\n"
                : "\nThese entries are removed from the deployment state (entries of other resource types are kept): \(files)\n"
            try run.approve(outcome.plan, destroy: true, autoApprove: autoApprove, preface: preface, trailer: trailer)
            try await run.execute(outcome.plan, state: state,
                                  options: ApplyOptions(purgeSyncedData: purgeSyncedData),
                                  destroy: true)
        }
    }
}
