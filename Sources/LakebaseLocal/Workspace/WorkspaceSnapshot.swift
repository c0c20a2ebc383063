import Foundation

/// Everything the emulated workspace keeps across restarts, saved as `<data-dir>/workspace.json`.
struct WorkspaceSnapshot: Codable, Sendable {
    var workspaceID: String
    /// One state table per kind, keyed by full resource name.
    var instances = ResourceTable<InstanceRecord>()
    var catalogs = ResourceTable<CatalogRecord>()
    var syncedTables = ResourceTable<SyncedTableRecord>()
    /// The Autoscaling resources (projects, branches, endpoints, databases, roles), absent in older files.
    var postgresTable: ResourceTable<PostgresRecord>?
    /// Long-running operations of the Autoscaling API, absent in older files.
    var operationTable: ResourceTable<OperationRecord>?
    /// Project permissions by project id, absent in older files.
    var projectPermissionTable: [String: [AccessControlEntry]]?
    var files: [String: WorkspaceObject] = [:]
    var instancePermissions: [String: [AccessControlEntry]] = [:]
    var nextObjectID: Int64 = 1_000_000
    var nextPipelineNumber: Int = 1
    /// Pipeline updates by update id (absent in workspaces saved before pipelines ran).
    var pipelineUpdates: [String: PipelineUpdateRecord]? = nil

    /// A new, empty workspace with a random 16-digit id.
    static func empty() -> WorkspaceSnapshot {
        let digits = (0..<15).map { _ in String(Int.random(in: 0...9)) }.joined()
        return WorkspaceSnapshot(workspaceID: String(Int.random(in: 1...9)) + digits)
    }
}

extension WorkspaceSnapshot {
    /// The Autoscaling resources.
    var postgres: ResourceTable<PostgresRecord> {
        get { postgresTable ?? ResourceTable() }
        set { postgresTable = newValue }
    }

    /// The long-running operations.
    var operations: ResourceTable<OperationRecord> {
        get { operationTable ?? ResourceTable() }
        set { operationTable = newValue }
    }

    /// Project permissions by project id.
    var projectPermissions: [String: [AccessControlEntry]] {
        get { projectPermissionTable ?? [:] }
        set { projectPermissionTable = newValue }
    }

    /// Adds the folders at `paths` that are missing (used for the root and the users' home folders).
    mutating func addFolders(_ paths: [String]) {
        let now = LocalWorkspace.epochMilliseconds()
        for path in paths where files[path] == nil {
            nextObjectID += 1
            files[path] = WorkspaceObject(
                isDirectory: true, content: Data(), objectID: nextObjectID, createdAt: now, modifiedAt: now)
        }
    }
}

/// One object of the workspace file tree (a file or a directory).
struct WorkspaceObject: Codable, Sendable {
    var isDirectory: Bool
    var content: Data
    var objectID: Int64
    var createdAt: Int64
    var modifiedAt: Int64
}

/// One entry of an instance's access control list.
struct AccessControlEntry: Codable, Sendable, Equatable {
    var principalField: String
    var principal: String
    var permissionLevel: String
}

/// Loads and saves the snapshot atomically (write to a temporary file, then rename).
struct SnapshotStore: Sendable {
    /// `<data-dir>/workspace.json`.
    let file: URL

    func load() throws -> WorkspaceSnapshot? {
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        let data = try Data(contentsOf: file)
        do {
            return try Self.decoder.decode(WorkspaceSnapshot.self, from: data)
        } catch {
            throw LocalServerError("\(file.path) is not a lakebase-local workspace file (\(error)); move it away to start empty")
        }
    }

    func save(_ snapshot: WorkspaceSnapshot) throws {
        let data = try Self.encoder.encode(snapshot)
        let temporary = file.deletingLastPathComponent().appendingPathComponent(".workspace.json.tmp")
        try data.write(to: temporary)
        guard rename(temporary.path, file.path) == 0 else {
            throw LocalServerError("cannot save \(file.path): \(String(cString: strerror(errno)))")
        }
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .millisecondsSince1970
        return encoder
    }()

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        return decoder
    }()
}
