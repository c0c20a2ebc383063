import ArgumentParser
import Foundation
import Providers
import Reconciler

/// The steps apply and destroy share: lock, approval, execution with live progress, state, summary.
struct DeployRun {
    let connection: BundleConnection
    let session: DeploymentSession
    let forceLock: Bool

    init(connection: BundleConnection, waitTimeout: Double?, forceLock: Bool) {
        self.connection = connection
        self.forceLock = forceLock
        let progress = ProgressPrinter()
        session = connection.session(waitOptions: WaitOptions(timeout: waitTimeout, progress: { progress.line($0) }))
    }

    /// Runs `body` holding the deploy lock (when the bundle enables it); the lock is released on success, failure
    /// and interruption.
    func withLock(_ body: () async throws -> Void) async throws {
        let settings = connection.bundle.lock
        guard settings.enabled else {
            try await body()
            return
        }
        let lock = DeployLock(files: session.files, statePath: connection.bundle.workspace.statePath, user: connection.user.userName)
        do {
            try await lock.acquire(force: forceLock || settings.force)
        } catch {
            throw CommandFailure("\(error)")
        }
        let interrupt = InterruptTrap {
            Task {
                try? await lock.release()
                Terminal.standardError("Interrupted: the deploy lock was released.")
                exit(130)
            }
        }
        defer { interrupt.cancel() }
        do {
            try await body()
        } catch {
            try? await lock.release()
            throw error
        }
        do {
            try await lock.release()
        } catch {
            throw CommandFailure("cannot release the deploy lock: \(error)")
        }
    }

    /// prevent_destroy, banners, and the question (or the refusal without a terminal). Destroy always asks, and
    /// prints `preface` before the banners and `trailer` after them.
    func approve(_ plan: Plan, destroy: Bool, autoApprove: Bool, preface: String = "", trailer: String = "") throws {
        let approval = Approval(plan, destroy: destroy)
        if !approval.preventDestroyErrors.isEmpty {
            throw CommandFailure(approval.preventDestroyErrors.joined(separator: "\n"))
        }
        guard approval.needsConfirmation || destroy else { return }
        FileHandle.standardError.write(Data((preface + approval.banners + trailer).utf8))
        if autoApprove { return }
        guard Terminal.isInteractive else { throw CommandFailure(Approval.noTerminalMessage(destroy: destroy)) }
        FileHandle.standardError.write(Data("\nWould you like to proceed? [y/N]: ".utf8))
        guard Approval.isYes(readLine()) else {
            Terminal.standardError(destroy ? "Destroy cancelled!" : "Deployment cancelled!")
            throw ExitCode(1)
        }
    }

    /// Executes the plan, keeps state, prints the per-resource lines and the summary, or every failure.
    func execute(_ plan: Plan, state: DeploymentState, options: ApplyOptions, destroy: Bool = false) async throws {
        let journal: StateJournal
        do {
            journal = try StateJournal(state: state, file: session.localFile, remote: session.remote)
        } catch {
            throw CommandFailure("\(error)")
        }
        let executor = Executor(workspace: session.workspace, journal: journal, options: options, reporter: StandardErrorReporter())
        let task = Task { await executor.run(plan) }
        let interrupt = InterruptTrap { task.cancel() }
        let result = await task.value
        interrupt.cancel()
        var finalState = state
        do {
            finalState = try await journal.finish()
        } catch {
            Terminal.standardError("Error: cannot save the deployment state: \(error)")
        }
        if task.isCancelled {
            Terminal.standardError("Interrupted: the state records every completed step; run apply again to finish.")
            throw ExitCode(130)
        }
        guard result.failures.isEmpty else {
            for failure in result.failures { Terminal.standardError("Error: \(failure.message)") }
            throw ExitCode(1)
        }
        if destroy {
            let deleted = result.completed.filter { !$0.key.isPermissions }.count
            if finalState.rawEntries.isEmpty { try await session.forgetState() }
            Terminal.standardError("Destroy: \(deleted) deleted")
            return
        }
        for (key, action) in result.completed { Terminal.standardError("\(action.pastTense) \(key.planLabel)") }
        let summary = plan.summary
        Terminal.standardError("Resources: \(summary.add) created, \(summary.change) changed, \(summary.delete) deleted, \(summary.unchanged) unchanged")
    }
}

/// Apply events on standard error.
struct StandardErrorReporter: ApplyReporter {
    func started(_ key: NodeKey, _ action: PlanAction) {}
    func progress(_ line: String) { Terminal.standardError(line) }
    func warning(_ line: String) { Terminal.standardError("Warning: \(line)") }
}

/// Wait progress on standard error, with the elapsed time since the command started.
final class ProgressPrinter: Sendable {
    private let start = Date()
    func line(_ text: String) {
        let seconds = Int(Date().timeIntervalSince(start))
        Terminal.standardError("  [\(seconds / 60):\(String(format: "%02d", seconds % 60))] \(text)")
    }
}
