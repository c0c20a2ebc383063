#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ManifestModel
import Providers

/// Everything `plan`, `apply`, `destroy` and `bind` share: the bundle, the workspace, and where state lives.
public struct DeploymentSession: Sendable {
    /// The loaded bundle (with the current user resolved).
    public let bundle: ManifestModel.Bundle
    /// The Lakebase calls.
    public let workspace: any LakebaseWorkspace
    /// Workspace files (state copy, lock).
    public let files: any WorkspaceFileStore
    /// The local state file.
    public let localFile: LocalStateFile
    /// The workspace copy of the state.
    public let remote: RemoteState
    /// `cli_version` written into state and plans.
    public let cliVersion: String
    /// Source tables read once for the whole command (preflight and the advisor share them).
    public let sourceTables: SourceTables
    /// Reads `plan` started before the identity and state arrived, which the live snapshot takes first.
    public let readAhead: ReadAhead?
    /// The instances and their synced tables, listed once for preflight.
    public let instanceListing: InstanceListing
    /// The configured nodes (derived from the bundle once: prefetching, planning and preflight all read them).
    public let desiredNodes: [DesiredNode]

    /// A session for a bundle; `sourceTables` and `readAhead` may already hold reads started earlier.
    public init(bundle: ManifestModel.Bundle, workspace: any LakebaseWorkspace, files: any WorkspaceFileStore, cliVersion: String,
                sourceTables: SourceTables? = nil, readAhead: ReadAhead? = nil) {
        self.bundle = bundle
        self.workspace = workspace
        self.files = files
        self.cliVersion = cliVersion
        localFile = LocalStateFile(bundleRoot: bundle.rootDirectory, target: bundle.target, cliVersion: cliVersion)
        remote = RemoteState(files: files, statePath: bundle.workspace.statePath, cliVersion: cliVersion)
        self.sourceTables = sourceTables ?? SourceTables(workspace: workspace)
        self.readAhead = readAhead
        instanceListing = InstanceListing(workspace: workspace)
        desiredNodes = DesiredNode.nodes(of: bundle)
    }

    /// Whether planning from `state` will create an instance or a synced table (a configured one the state does not
    /// hold), which is when preflight lists the workspace's instances and synced tables.
    public func createsListedKinds(from state: DeploymentState) -> Bool {
        desiredNodes.contains { node in
            (node.key.kind.behaviour.syncedTable != nil || node.key.kind == .databaseInstance)
                && state.entry(node.key.stateKey) == nil
        }
    }

    /// The state to work from: the local copy (after replaying an interrupted apply's log) or the workspace copy,
    /// whichever has the higher serial.
    public func loadState() async throws -> DeploymentState {
        let local = try localFile.load()
        // Ahead of any reads already queued: everything after waits for the state.
        let pulled = try await AdaptiveConcurrencyLimit.$urgent.withValue(true) { try await remote.pull() }
        return try RemoteState.newest(local: local, remote: pulled) ?? DeploymentState(cliVersion: cliVersion)
    }

    /// After a complete destroy: removes the local and workspace state files (nothing is left to track).
    public func forgetState() async throws {
        try? FileManager.default.removeItem(atPath: localFile.path)
        try await files.delete(remote.path)
    }

    /// Every state entry planned as a delete, for `destroy`.
    public func destroyPlan(from state: DeploymentState) async -> Result<PlanOutcome, PlanReport> {
        let (snapshot, _, warnings) = await LiveReader(workspace: workspace).snapshot(desired: [], state: state)
        switch Planner.plan(desired: [], state: state, live: snapshot) {
        case .success(var plan):
            // `lifecycle.prevent_destroy` of the configuration still protects what destroy would delete.
            let protected = Set(desiredNodes.filter(\.preventDestroy).map(\.key))
            for index in plan.entries.indices where protected.contains(plan.entries[index].key) {
                plan.entries[index].preventDestroy = true
            }
            return .success(PlanOutcome(plan: plan, desired: [], warnings: warnings.map { "cannot read \($0.description); it will still be deleted" }))
        case .failure(let failure):
            return .failure(PlanReport(messages: failure.errors.map(\.description)))
        }
    }


    /// Reads the workspace and plans; every read failure and planning error is reported together.
    public func plan(from state: DeploymentState) async -> Result<PlanOutcome, PlanReport> {
        let desired = desiredNodes
        let (snapshot, errors, warnings) = await LiveReader(workspace: workspace, readAhead: readAhead)
            .snapshot(desired: desired, state: state)
        guard errors.isEmpty else {
            return .failure(PlanReport(messages: errors.map { "cannot read \($0.description)" }))
        }
        switch Planner.plan(desired: desired, state: state, live: snapshot) {
        case .success(let plan):
            return .success(PlanOutcome(plan: plan, desired: desired, warnings: warnings.map {
                "cannot read \($0.description); it will still be deleted"
            }))
        case .failure(let failure):
            return .failure(PlanReport(messages: failure.errors.map(\.description)))
        }
    }
}

/// A plan with what it was made from.
public struct PlanOutcome: Sendable {
    /// The plan.
    public var plan: Plan
    /// The configured nodes it was computed for.
    public var desired: [DesiredNode]
    /// Problems that did not stop planning.
    public var warnings: [String]
}

/// Why planning failed: every message.
public struct PlanReport: Error, Sendable, CustomStringConvertible {
    /// One line per problem.
    public var messages: [String]
    /// The messages, one per line, prefixed `planning failed:`.
    public var description: String { "planning failed:\n" + messages.map { "  " + $0 }.joined(separator: "\n") }
}
