import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ManifestModel
import Reconciler

/// `reconcile plan`: what apply would do, and why, field by field. Never writes to the workspace.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show what apply would create, update, recreate and delete, and why.",
        discussion: "Exit status: 0 success (with --detailed-exitcode: no changes), 2 changes (only with --detailed-exitcode), 1 errors.")

    @OptionGroup var bundle: BundleOptions
    @OptionGroup var workspace: WorkspaceOptions

    @Option(name: [.customShort("o"), .customLong("output")], help: "Output format: text, json or markdown.")
    var output: PlanFormat = .text

    @Option(name: .customLong("out"), help: ArgumentHelp("Also save the plan as JSON, for apply --plan FILE.", valueName: "file"))
    var out: String?

    @Flag(name: .customLong("detailed-exitcode"), help: "Exit 0 when there are no changes, 2 when there are.")
    var detailedExitcode = false

    @Flag(name: .customLong("skip-preflight"), help: "Do not check sources, sync modes and limits against the workspace.")
    var skipPreflight = false

    @OptionGroup var advisor: AdvisorOptions

    func run() async throws {
        let connection = try await BundleConnection.open(bundle, workspace, readAhead: true)
        let session = connection.session()
        session.sourceTables.prefetch(session.desiredNodes)
        let state = try await PlanRun.loadState(session)
        if !skipPreflight, session.createsListedKinds(from: state) { session.instanceListing.prefetch() }
        let outcome = try await PlanRun.plan(session, state: state)
        try await PlanRun.preflight(outcome, connection: connection, session: session, skip: skipPreflight)
        let advice = try await advisor.report(outcome.plan, connection: connection, session: session)
        var text = PlanRun.render(outcome.plan, format: output, bundle: connection.bundle, preflightSkipped: skipPreflight)
        switch output {
        case .text: text += advice.isEmpty ? "" : AdvisorRenderer.text(advice)
        case .markdown: text += advice.isEmpty ? "" : AdvisorRenderer.markdown(advice)
        case .json: text = PlanJSONRenderer.render(outcome.plan, cliVersion: ReconcileVersion.current, advisor: AdvisorRenderer.json(advice))
        }
        print(text, terminator: "")
        if let out {
            do {
                try PlanJSONRenderer.render(outcome.plan, cliVersion: ReconcileVersion.current)
                    .write(toFile: out, atomically: true, encoding: .utf8)
            } catch {
                throw CommandFailure("cannot write the plan to \(out): \(error)")
            }
        }
        if detailedExitcode, outcome.plan.hasChanges { throw ExitCode(2) }
    }
}

/// Output formats of `plan`.
enum PlanFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown
}

/// Planning steps shared by `plan`, `apply` and `destroy`.
enum PlanRun {
    /// The state to plan from, or a command failure.
    static func loadState(_ session: DeploymentSession) async throws -> DeploymentState {
        do {
            return try await session.loadState()
        } catch {
            throw CommandFailure("cannot read the deployment state: \(error)")
        }
    }

    /// Plans from `state`.
    static func plan(_ session: DeploymentSession, state: DeploymentState) async throws -> PlanOutcome {
        switch await session.plan(from: state) {
        case .success(let outcome):
            for warning in outcome.warnings { Terminal.standardError("Warning: \(warning)") }
            return outcome
        case .failure(let report):
            throw CommandFailure(report.description)
        }
    }

    /// Runs preflight over the plan (unless skipped): findings go to standard error like compiler diagnostics;
    /// any error ends the command before anything is written.
    static func preflight(_ outcome: PlanOutcome, connection: BundleConnection, session: DeploymentSession, skip: Bool) async throws {
        guard !skip else { return }
        let facts: PreflightFacts
        do {
            facts = try await PreflightReader(workspace: session.workspace, sources: session.sourceTables,
                                                 listing: session.instanceListing).facts(for: outcome.plan)
        } catch {
            throw CommandFailure("preflight could not read the workspace: \(error.description)")
        }
        let findings = Preflight.check(bundle: connection.bundle, plan: outcome.plan, facts: facts)
        guard !findings.items.isEmpty else { return }
        Terminal.writeStandardError(DiagnosticRenderer(sources: connection.loaded.sources).render(findings))
        let errors = findings.items.filter { $0.severity == .error }.count
        if errors > 0 {
            throw CommandFailure("preflight found \(errors) error\(errors == 1 ? "" : "s"); nothing was changed (--skip-preflight skips these checks)")
        }
    }

    static func render(_ plan: Plan, format: PlanFormat, bundle: ManifestModelBundle, preflightSkipped: Bool) -> String {
        let skipped = "Preflight skipped (--skip-preflight): sources, sync modes and limits were not checked."
        switch format {
        case .text: return PlanTextRenderer.render(plan) + (preflightSkipped ? "\n\(skipped)\n" : "")
        case .json: return PlanJSONRenderer.render(plan, cliVersion: ReconcileVersion.current)
        case .markdown:
            return PlanMarkdownRenderer.render(plan, title: "reconcile plan: \(bundle.name) (target \(bundle.target))")
                + (preflightSkipped ? "\n> [!NOTE]\n> \(skipped)\n" : "")
        }
    }
}
