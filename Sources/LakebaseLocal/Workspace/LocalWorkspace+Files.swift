import Foundation
import JSONCore

extension LocalWorkspace {
    /// Most bytes an import may carry (the platform's `MAX_NOTEBOOK_SIZE_EXCEEDED` limit).
    static let maximumFileSize = 10 * 1024 * 1024

    /// `POST /api/2.0/workspace/mkdirs`: creates the folder and its parents; an existing folder is fine.
    func makeDirectories(_ path: String) throws(LocalAPIError) {
        let target = try WorkspacePath(path)
        for prefix in target.prefixes {
            if let existing = snapshot.files[prefix] {
                guard existing.isDirectory else {
                    throw .alreadyExists("Cannot create directory \(path): \(prefix) is a file.")
                }
                continue
            }
            let now = Self.epochMilliseconds()
            snapshot.files[prefix] = WorkspaceObject(
                isDirectory: true, content: Data(), objectID: nextObjectID(), createdAt: now, modifiedAt: now)
        }
        save()
    }

    /// `POST /api/2.0/workspace/import`: writes a file; without `overwrite` an existing path is a 409, checked
    /// and written in one step (the deploy lock relies on it).
    func importFile(_ path: String, content: Data, overwrite: Bool) throws(LocalAPIError) {
        let target = try WorkspacePath(path)
        guard content.count <= Self.maximumFileSize else {
            throw LocalAPIError(
                status: 400, errorCode: "MAX_NOTEBOOK_SIZE_EXCEEDED",
                message: "File size imported is (\(content.count) bytes), exceeded max size (\(Self.maximumFileSize) bytes)")
        }
        guard let parent = target.parent, snapshot.files[parent]?.isDirectory == true else {
            throw .notFound("The parent folder of \(path) does not exist.")
        }
        let now = Self.epochMilliseconds()
        if let existing = snapshot.files[target.normalized] {
            guard !existing.isDirectory else { throw .alreadyExists("\(path) is a directory.") }
            guard overwrite else {
                throw .alreadyExists("Path (\(path)) already exists.")
            }
            snapshot.files[target.normalized]?.content = content
            snapshot.files[target.normalized]?.modifiedAt = now
        } else {
            snapshot.files[target.normalized] = WorkspaceObject(
                isDirectory: false, content: content, objectID: nextObjectID(), createdAt: now, modifiedAt: now)
        }
        save()
    }

    /// The bytes of the file at `path` (for export).
    func fileContent(_ path: String) throws(LocalAPIError) -> Data {
        let target = try WorkspacePath(path)
        guard let object = snapshot.files[target.normalized] else { throw Self.pathMissing(path) }
        guard !object.isDirectory else {
            throw .invalidParameter("\(path) is a directory; only files can be exported here.")
        }
        return object.content
    }

    /// `GET /api/2.0/workspace/get-status`.
    func status(_ path: String) throws(LocalAPIError) -> JSONValue {
        let target = try WorkspacePath(path)
        guard let object = snapshot.files[target.normalized] else { throw Self.pathMissing(path) }
        return objectInfo(target.display(target.normalized), object)
    }

    /// `GET /api/2.0/workspace/list`.
    func list(_ path: String) throws(LocalAPIError) -> JSONValue {
        let target = try WorkspacePath(path)
        guard let object = snapshot.files[target.normalized] else { throw Self.pathMissing(path) }
        guard object.isDirectory else { return .object(["objects": .array([objectInfo(target.display(target.normalized), object)])]) }
        let children = snapshot.files.keys.filter { WorkspacePath.parent(of: $0) == target.normalized }.sorted()
        var result = JSONObject()
        if !children.isEmpty {
            result["objects"] = .array(children.compactMap { key in
                snapshot.files[key].map { objectInfo(target.display(key), $0) }
            })
        }
        return .object(result)
    }

    /// `POST /api/2.0/workspace/delete`.
    func deletePath(_ path: String, recursive: Bool) throws(LocalAPIError) {
        let target = try WorkspacePath(path)
        guard target.normalized != "/" else { throw .invalidParameter("The workspace root cannot be deleted.") }
        guard let object = snapshot.files[target.normalized] else { throw Self.pathMissing(path) }
        let descendants = snapshot.files.keys.filter { $0.hasPrefix(target.normalized + "/") }
        if object.isDirectory && !descendants.isEmpty && !recursive {
            throw LocalAPIError(
                status: 400, errorCode: "DIRECTORY_NOT_EMPTY",
                message: "Folder (\(path)) is not empty. Use recursive delete or remove contents first.")
        }
        for key in descendants { snapshot.files[key] = nil }
        snapshot.files[target.normalized] = nil
        save()
    }

    static func pathMissing(_ path: String) -> LocalAPIError {
        .notFound("Path (\(path)) doesn't exist.")
    }

    private func objectInfo(_ path: String, _ object: WorkspaceObject) -> JSONValue {
        var info = JSONObject()
        info["object_type"] = .string(object.isDirectory ? "DIRECTORY" : "FILE")
        info["path"] = .string(path)
        info["object_id"] = .int(object.objectID)
        info["resource_id"] = .string(String(object.objectID))
        if !object.isDirectory { info["size"] = .int(Int64(object.content.count)) }
        info["created_at"] = .int(object.createdAt)
        info["modified_at"] = .int(object.modifiedAt)
        return .object(info)
    }
}

/// An absolute workspace path; `/Workspace/…` and `/…` name the same object, as on the platform.
struct WorkspacePath {
    /// The path without the `/Workspace` prefix and without a trailing slash.
    let normalized: String
    /// Whether the caller used the `/Workspace` prefix (answers use the same style).
    let prefixed: Bool

    init(_ raw: String) throws(LocalAPIError) {
        guard raw.hasPrefix("/") else { throw .invalidParameter("Path (\(raw)) must be absolute.") }
        let segments = raw.split(separator: "/").map(String.init)
        guard !segments.contains(".."), !segments.contains(".") else {
            throw .invalidParameter("Path (\(raw)) must not contain '.' or '..' segments.")
        }
        prefixed = segments.first == "Workspace"
        let rest = prefixed ? Array(segments.dropFirst()) : segments
        normalized = "/" + rest.joined(separator: "/")
    }

    /// Every folder from the first level down to the path itself.
    var prefixes: [String] {
        let segments = normalized.split(separator: "/")
        return segments.indices.map { "/" + segments[...$0].joined(separator: "/") }
    }

    /// The parent folder, nil for the root.
    var parent: String? { Self.parent(of: normalized) }

    /// The parent of a normalized path.
    static func parent(of path: String) -> String? {
        guard path != "/" else { return nil }
        let head = path.split(separator: "/").dropLast().joined(separator: "/")
        return "/" + head
    }

    /// A normalized path in the caller's style.
    func display(_ path: String) -> String {
        guard prefixed else { return path }
        return path == "/" ? "/Workspace" : "/Workspace" + path
    }
}
