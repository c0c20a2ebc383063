import ArgumentParser
import Foundation
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

    func run() async throws {
        let connection = try await BundleConnection.open(bundle, workspace)
        let session = connection.session()
        let outcome = try await PlanRun.plan(session)
        print(PlanRun.render(outcome.plan, format: output, bundle: connection.bundle), terminator: "")
        if let out {
            do {
                try PlanJSONRenderer.render(outcome.plan, cliVersion: ReconcileVersion.current)
                    .write(toFile: out, atomically: true, encoding: .utf8)
            } catch {
                throw CommandFailure("cannot write the plan to \(out): \(error.localizedDescription)")
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
    /// Loads state and plans; warnings go to standard error, errors end the command.
    static func plan(_ session: DeploymentSession) async throws -> PlanOutcome {
        try await plan(session, state: loadState(session))
    }

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

    static func render(_ plan: Plan, format: PlanFormat, bundle: ManifestModelBundle) -> String {
        switch format {
        case .text: PlanTextRenderer.render(plan)
        case .json: PlanJSONRenderer.render(plan, cliVersion: ReconcileVersion.current)
        case .markdown: PlanMarkdownRenderer.render(plan, title: "reconcile plan: \(bundle.name) (target \(bundle.target))")
        }
    }
}
