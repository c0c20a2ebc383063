#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Providers

/// The workspace copy of the state, `${workspace.state_path}/resources.json`.
public struct RemoteState: Sendable {
    /// The file store.
    let files: any WorkspaceFileStore
    /// The state file's workspace path.
    public let path: String
    /// `cli_version` used when parsing.
    let cliVersion: String

    /// The copy under a state folder.
    public init(files: any WorkspaceFileStore, statePath: String, cliVersion: String) {
        self.files = files
        path = statePath + "/resources.json"
        self.cliVersion = cliVersion
    }

    /// The workspace copy, or nil when there is none.
    public func pull() async throws -> DeploymentState? {
        guard let data = try await files.read(path), !data.isEmpty else { return nil }
        return try DeploymentState(parsing: String(decoding: data, as: UTF8.self), file: path, cliVersion: cliVersion)
    }

    /// Replaces the workspace copy.
    public func push(_ state: DeploymentState) async throws {
        try await push(serialized: Data(state.serialized.utf8))
    }

    /// Writes a state already serialized (`DeploymentState.serialized`).
    public func push(serialized: Data) async throws {
        _ = try await files.write(path, content: serialized, overwrite: true)
    }

    /// The state to plan from: local and workspace copies must share a lineage; the higher serial wins.
    public static func newest(local: DeploymentState?, remote: DeploymentState?) throws(StateFileError) -> DeploymentState? {
        guard let local else { return remote }
        guard let remote else { return local }
        if !local.lineage.isEmpty, !remote.lineage.isEmpty, local.lineage != remote.lineage {
            throw StateFileError(description: "lineage mismatch in state files: the local copy (\(local.lineage)) and the workspace copy (\(remote.lineage)) belong to different deployments; remove the one that is wrong")
        }
        return remote.serial > local.serial ? remote : local
    }
}
