import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Providers
import Reconciler

/// `reconcile apply` (alias `deploy`): plan, confirm destructive actions, carry the plan out, keep state.
struct ApplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Create, update, recreate and delete resources so the workspace matches the bundle.",
        discussion: "Output goes to standard error. Exit status: 0 success, 1 errors (every failed resource is listed), 130 interrupted.",
        aliases: ["deploy"])

    @OptionGroup var bundle: BundleOptions
    @OptionGroup var workspace: WorkspaceOptions

    @Flag(name: .customLong("auto-approve"), help: "Apply destructive actions without asking.")
    var autoApprove = false

    @Option(name: .customLong("plan"), help: ArgumentHelp("Apply a plan saved with plan --out (refused when the state moved).", valueName: "file"))
    var planFile: String?

    @Flag(name: .customLong("force-lock"), help: "Take the deploy lock even when another deployment holds it.")
    var forceLock = false

    @Flag(name: .customLong("no-wait-sync"), help: "Do not wait for synced tables to be ONLINE.")
    var noWaitSync = false

    @Flag(name: .customLong("purge-synced-data"), help: "When deleting a synced table, drop its PostgreSQL table too.")
    var purgeSyncedData = false

    @Flag(name: .customLong("skip-preflight"), help: "Do not check sources, sync modes and limits before applying.")
    var skipPreflight = false

    @OptionGroup var advisor: AdvisorOptions

    @Option(name: .customLong("wait-timeout"), help: "Seconds to wait for one resource to be ready (default: RECONCILE_WAIT_TIMEOUT, else 1200).")
    var waitTimeout: Double?

    func run() async throws {
        let connection = try await BundleConnection.open(bundle, workspace)
        let run = DeployRun(connection: connection, waitTimeout: waitTimeout, forceLock: forceLock)
        try await run.withLock {
            if !skipPreflight { run.session.sourceTables.prefetch(run.session.desiredNodes) }
            var state = try await PlanRun.loadState(run.session)
            let outcome = try await PlanRun.plan(run.session, state: state)
            try await PlanRun.preflight(outcome, connection: connection, session: run.session, skip: skipPreflight)
            if !skipPreflight { _ = try await advisor.report(outcome.plan, connection: connection, session: run.session) }
            if let planFile {
                let text: String
                do { text = try String(contentsOfFile: planFile, encoding: .utf8) } catch {
                    throw CommandFailure("cannot read \(planFile): \(error)")
                }
                let saved = try SavedPlan(parsing: text, file: planFile)
                if let mismatch = saved.mismatch(state: state, plan: outcome.plan) { throw CommandFailure(mismatch) }
            }
            try run.approve(outcome.plan, destroy: false, autoApprove: autoApprove)
            state.cliVersion = ReconcileVersion.current
            try await run.execute(outcome.plan, state: state, options: ApplyOptions(
                waitForSyncedTables: !noWaitSync, purgeSyncedData: purgeSyncedData))
        }
    }
}
