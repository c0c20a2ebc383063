import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ManifestModel
import Reconciler

/// `reconcile bind KIND.KEY NAME`: the bundle starts managing an existing resource.
struct BindCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bind",
        abstract: "Manage an existing workspace resource with a resource of the bundle.",
        discussion: "Records NAME in the deployment state under KIND.KEY; nothing in the workspace changes. Run plan afterwards to see what apply would change.")

    @OptionGroup var bundle: BundleOptions
    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: ArgumentHelp("The bundle resource, e.g. database_instances.main.", valueName: "KIND.KEY"))
    var resource: String

    @Argument(help: ArgumentHelp("The existing resource's name in the workspace.", valueName: "NAME"))
    var name: String

    @Flag(name: .customLong("force-lock"), help: "Take the deploy lock even when another deployment holds it.")
    var forceLock = false

    func validate() throws {
        guard ResourceKey(parsing: resource) != nil else {
            throw ValidationError("expected KIND.KEY with KIND one of \(KindRegistry.all.map(\.kind.rawValue).joined(separator: ", ")), got '\(resource)'")
        }
    }

    func run() async throws {
        guard let key = ResourceKey(parsing: resource) else { throw ExitCode(64) }
        let connection = try await BundleConnection.open(bundle, workspace)
        let run = DeployRun(connection: connection, waitTimeout: nil, forceLock: forceLock)
        try await run.withLock {
            let state = try await PlanRun.loadState(run.session)
            let entry: DeploymentState.Entry
            do {
                entry = try await run.session.bindingEntry(key, name: name, state: state)
            } catch {
                throw CommandFailure("\(error)")
            }
            try await StateUpdate.commit(run.session, state: state) { journal in
                try await journal.save(key.stateKey, entry)
            }
            Terminal.standardError("Bound \(key.planLabel) to \(name). Run `reconcile plan` to see what apply would change.")
        }
    }
}

/// `reconcile unbind KIND.KEY`: the bundle stops managing a resource; the resource stays in the workspace.
struct UnbindCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unbind",
        abstract: "Stop managing a resource without deleting it.")

    @OptionGroup var bundle: BundleOptions
    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: ArgumentHelp("The bundle resource, e.g. database_instances.main.", valueName: "KIND.KEY"))
    var resource: String

    @Flag(name: .customLong("force-lock"), help: "Take the deploy lock even when another deployment holds it.")
    var forceLock = false

    func run() async throws {
        guard let key = ResourceKey(parsing: resource) else {
            throw ValidationError("expected KIND.KEY, got '\(resource)'")
        }
        let connection = try await BundleConnection.open(bundle, workspace)
        let run = DeployRun(connection: connection, waitTimeout: nil, forceLock: forceLock)
        try await run.withLock {
            let state = try await PlanRun.loadState(run.session)
            guard let saved = state.entry(key.stateKey) else {
                throw CommandFailure("\(key.stateKey) is not in the deployment state; nothing to unbind")
            }
            let permissions = NodeKey(key, permissions: true).stateKey
            try await StateUpdate.commit(run.session, state: state) { journal in
                try await journal.remove(key.stateKey)
                if state.entry(permissions) != nil { try await journal.remove(permissions) }
            }
            Terminal.standardError("Unbound \(key.planLabel): \(saved.id) stays in the workspace and is no longer managed by this bundle.")
        }
    }
}

/// A state change outside apply, through the same journal (log, serial + 1, workspace copy).
enum StateUpdate {
    static func commit(_ session: DeploymentSession, state: DeploymentState, _ change: (StateJournal) async throws -> Void) async throws {
        do {
            let journal = try StateJournal(state: state, file: session.localFile, remote: session.remote)
            try await change(journal)
            _ = try await journal.finish()
        } catch {
            throw CommandFailure("cannot save the deployment state: \(error)")
        }
    }
}
