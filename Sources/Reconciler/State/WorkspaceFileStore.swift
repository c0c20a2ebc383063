#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Providers
import ManifestModel

/// The workspace files calls the state copy and the deploy lock need; the workspace files API implements it, tests
/// may use memory.
public protocol WorkspaceFileStore: Sendable {
    /// The file's bytes, or nil when absent.
    func read(_ path: String) async throws(APIError) -> Data?
    /// Writes a file (creating parent folders); without `overwrite` an existing file is left alone and `false`
    /// is returned.
    func write(_ path: String, content: Data, overwrite: Bool) async throws(APIError) -> Bool
    /// Deletes a file; absent is fine.
    func delete(_ path: String) async throws(APIError)
}

/// The workspace files API as a file store: a write into a missing folder creates the folder and tries again.
public struct WorkspaceFiles: WorkspaceFileStore {
    let api: WorkspaceFilesAPI

    /// A store over a workspace client.
    public init(client: WorkspaceClient) { api = WorkspaceFilesAPI(client: client) }

    public func read(_ path: String) async throws(APIError) -> Data? { try await api.read(path) }

    public func write(_ path: String, content: Data, overwrite: Bool) async throws(APIError) -> Bool {
        do {
            return try await api.write(path, content: content, overwrite: overwrite)
        } catch where error.kind == .notFound {
            try await api.makeDirectories(PathText.parent(of: path))
            return try await api.write(path, content: content, overwrite: overwrite)
        }
    }

    public func delete(_ path: String) async throws(APIError) { try await api.delete(path) }
}
