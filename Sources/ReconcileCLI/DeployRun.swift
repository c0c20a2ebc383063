import Dispatch
import JSONCore
import Synchronization
import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Providers
import Reconciler

/// The steps apply and destroy share: lock, approval, execution with live progress, state, summary.
struct DeployRun {
    let connection: BundleConnection
    let session: DeploymentSession
    let forceLock: Bool
    let progress: ProgressPrinter

    init(connection: BundleConnection, waitTimeout: Double?, forceLock: Bool) {
        self.connection = connection
        self.forceLock = forceLock
        let progress = ProgressPrinter()
        self.progress = progress
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
        Terminal.writeStandardError(preface + approval.banners + trailer)
        if autoApprove { return }
        guard Terminal.isInteractive else { throw CommandFailure(Approval.noTerminalMessage(destroy: destroy)) }
        Terminal.writeStandardError("\nWould you like to proceed? [y/N]: ")
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
        let executor = Executor(workspace: session.workspace, journal: journal, options: options, reporter: StandardErrorReporter(progress: progress))
        let task = Task { await executor.run(plan) }
        let interrupt = InterruptTrap { task.cancel() }
        let result = await task.value
        interrupt.cancel()
        var finalState = state
        var stateSaved = true
        do {
            finalState = try await journal.finish()
        } catch {
            stateSaved = false
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
            if stateSaved, finalState.rawEntries.isEmpty { try await session.forgetState() }
            Terminal.standardError("Destroy: \(deleted) deleted")
            if !stateSaved { throw ExitCode(1) }
            return
        }
        for (key, action) in result.completed { Terminal.standardError("\(action.pastTense) \(key.planLabel)") }
        let summary = plan.summary
        Terminal.standardError("Resources: \(summary.add) created, \(summary.change) changed, \(summary.delete) deleted, \(summary.unchanged) unchanged")
        if !stateSaved { throw ExitCode(1) }
    }
}

/// Apply events on standard error.
struct StandardErrorReporter: ApplyReporter {
    let progress: ProgressPrinter
    func started(_ key: NodeKey, _ action: PlanAction) {}
    func finished(_ key: NodeKey, name: String?) {
        if let name { progress.done("\(key.kind.rawValue) \(name)") }
    }
    func progress(_ line: String) { self.progress.line(line) }
    func warning(_ line: String) { Terminal.standardError("Warning: \(line)") }
}

/// Wait progress on standard error. On a terminal one status line is redrawn in place every second (elapsed time,
/// each resource being waited for and its state or row counts); otherwise one plain line per observed change.
final class ProgressPrinter: @unchecked Sendable {
    private let start = Date()
    private let lock = Mutex(())
    private var states: [(resource: String, state: String)] = []
    private var timer: DispatchSourceTimer?

    init() {
        guard Terminal.isLiveTerminal else { return }
        let timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(deadline: .now() + 1, repeating: 1)
        timer.setEventHandler { [weak self] in self?.redraw() }
        timer.resume()
        self.timer = timer
    }

    deinit { timer?.cancel() }

    private var elapsed: String {
        let seconds = Int(Date().timeIntervalSince(start))
        return "\(seconds / 60):\(CFormat.string("%02ld", seconds % 60))"
    }

    /// One observation, `resource: state`.
    func line(_ text: String) {
        guard Terminal.isLiveTerminal else {
            Terminal.standardError("  [\(elapsed)] \(text)")
            return
        }
        let parts = text.split(separator: ":", maxSplits: 1).map { $0.trimmingWhitespace() }
        lock.withLock { _ in
            let resource = parts.first ?? text
            let state = parts.count > 1 ? parts[1] : ""
            if let index = states.firstIndex(where: { $0.resource == resource }) {
                states[index].state = state
            } else {
                states.append((resource, state))
            }
        }
        redraw()
    }

    /// A resource is no longer waited for.
    func done(_ resource: String) {
        lock.withLock { _ in states.removeAll { $0.resource == resource } }
    }

    private func redraw() {
        let text = lock.withLock { _ in
            states.map { entry in
                let name = entry.resource.split(separator: " ", maxSplits: 1).last.map(String.init) ?? entry.resource
                return "\(name) \(entry.state.replacing("SYNCED_TABLE_", with: ""))"
            }.joined(separator: " | ")
        }
        guard !text.isEmpty else { return }
        Terminal.status("  [\(elapsed)] waiting: \(text)")
    }
}
