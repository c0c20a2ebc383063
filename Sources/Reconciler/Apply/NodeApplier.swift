import ManifestModel
import Providers
import JSONCore

/// Carries out one node's action (planning-rules.md §7, with the waits and purges of §14): calls, state records
/// after every completed step, waits.
struct NodeApplier: Sendable {
    let workspace: any LakebaseWorkspace
    let journal: StateJournal
    let options: ApplyOptions
    let reporter: any ApplyReporter

    /// Why a node failed.
    struct Failure: Error {
        let message: String
    }

    /// Applies `entry` with its references resolved into `value`; returns the fresh live object when it exists.
    func apply(_ entry: PlanEntry, value: JSONValue?) async throws -> JSONValue? {
        let key = entry.key
        switch entry.action {
        case .skip:
            guard let value, Self.stillSettling(entry) else { return entry.remoteState }
            try await waitReady(key, value: value)
            return try await read(key, id: entry.savedID ?? "")
        case .create:
            return try await create(entry, value: value)
        case .update, .updateID, .resize:
            guard let value, let id = entry.savedID else { throw Failure(message: "no desired state") }
            try await call("update", key) { () throws(APIError) in try await workspace.update(key.kind, id: id, value) }
            try await journal.save(key.stateKey, stateEntry(entry, value: value))
            try await waitReady(key, value: value)
            return try await read(key, id: id)
        case .recreate:
            try await remove(entry, purge: true)
            return try await create(entry, value: value)
        case .delete:
            if entry.gone {
                try await journal.remove(key.stateKey)
                return nil
            }
            try await remove(entry, purge: options.purgeSyncedData)
            return nil
        }
    }

    /// An unchanged node that is not ready yet (an interrupted apply left it starting or syncing): its dependents
    /// must wait for it as they would after a create.
    static func stillSettling(_ entry: PlanEntry) -> Bool {
        guard let remote = entry.remoteState else { return false }
        switch entry.key.kind {
        case .databaseInstance:
            let state = remote["state"]?.stringValue
            return state != "AVAILABLE" && state != "STOPPED"
        case .syncedTable:
            let detailed = remote["data_synchronization_status"]?["detailed_state"]?.stringValue ?? ""
            return !detailed.hasPrefix("SYNCED_TABLE_ONLINE") || remote["unity_catalog_provisioning_state"]?.stringValue != "ACTIVE"
        case .databaseCatalog, .instancePermissions:
            return false
        }
    }

    private func create(_ entry: PlanEntry, value: JSONValue?) async throws -> JSONValue? {
        guard let value else { throw Failure(message: "no desired state") }
        let key = entry.key
        let stopAfterStart = key.kind == .databaseInstance && value["stopped"] == .bool(true)
        var body = value
        if stopAfterStart, case .object(var object) = body {
            object["stopped"] = nil
            body = .object(object)
        }
        // Recorded before the POST: a crash between the POST and its answer must not leave a resource the state
        // does not know (the next plan would refuse it as unmanaged). If the POST fails, the record goes again.
        let intended = identifier(key, value: value, created: value)
        try await journal.save(key.stateKey, stateEntry(entry, value: value, id: intended))
        let created: JSONValue
        do {
            created = try await call("create", key) { () throws(APIError) in try await workspace.create(key.kind, body) }
        } catch {
            try await journal.remove(key.stateKey)
            throw error
        }
        let id = identifier(key, value: value, created: created)
        if id != intended { try await journal.save(key.stateKey, stateEntry(entry, value: value, id: id)) }
        if stopAfterStart {
            try await waitReady(key, value: body)
            try await call("update", key) { () throws(APIError) in try await workspace.update(key.kind, id: id, value) }
        }
        try await waitReady(key, value: value)
        return try await read(key, id: id)
    }

    private func remove(_ entry: PlanEntry, purge: Bool) async throws {
        let key = entry.key
        let id = entry.savedID ?? ""
        if let error = await deleteError(key, id: id, purge: purge) {
            if error.kind == .notFound {
                // Already gone: nothing to delete.
            } else if error.status == 403, entry.action == .delete {
                reporter.warning("\(key.stateKey): the workspace refused the delete (\(error.errorCode)); \(id) is no longer managed by this bundle but still exists — delete it by hand")
            } else {
                throw Failure(message: "cannot delete \(key.stateKey): \(error.description)")
            }
        }
        try await journal.remove(key.stateKey)
        // A recreate waits for the old resource to be gone before creating it again; a deleted instance is waited
        // for too (it stays DELETING for a while, and its name cannot be used again until then), so that a
        // `destroy` followed by an `apply` of the same names works, as after `terraform destroy`.
        guard entry.action == .recreate || key.kind == .databaseInstance, key.kind != .instancePermissions else { return }
        do {
            try await waitGone(key, id: id)
        } catch {
            throw Failure(message: "cannot \(entry.action == .recreate ? "recreate" : "delete") \(key.stateKey): \(error)")
        }
    }

    private func deleteError(_ key: NodeKey, id: String, purge: Bool) async -> APIError? {
        do throws(APIError) {
            try await workspace.delete(key.kind, id: id, purge: purge)
            return nil
        } catch {
            return error
        }
    }

    private func waitGone(_ key: NodeKey, id: String) async throws {
        if key.kind == .databaseInstance {
            try await workspace.waitGone(key.kind, name: id)
            return
        }
        while try await workspace.read(key.kind, id: id) != nil {
            try await Task.sleep(nanoseconds: 200_000_000)
        }
    }

    private func waitReady(_ key: NodeKey, value: JSONValue) async throws {
        if key.kind == .syncedTable, !options.waitForSyncedTables { return }
        let name = value["name"]?.stringValue ?? ""
        do {
            if let warning = try await workspace.waitReady(key.kind, name: name, desired: value) {
                reporter.warning("\(key.stateKey): \(warning)")
            }
        } catch {
            throw Failure(message: "\(key.stateKey): \(error)")
        }
    }

    private func read(_ key: NodeKey, id: String) async throws -> JSONValue? {
        try await call("read", key) { () throws(APIError) in try await workspace.read(key.kind, id: id) }
    }

    private func call<T>(_ verb: String, _ key: NodeKey, _ body: () async throws(APIError) -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            throw Failure(message: "cannot \(verb) \(key.stateKey): \(error.description)")
        }
    }

    private func identifier(_ key: NodeKey, value: JSONValue, created: JSONValue) -> String {
        if key.isPermissions { return value["object_id"]?.stringValue ?? "" }
        return created["name"]?.stringValue ?? value["name"]?.stringValue ?? ""
    }

    private func stateEntry(_ entry: PlanEntry, value: JSONValue, id: String? = nil) -> DeploymentState.Entry {
        DeploymentState.Entry(id: id ?? entry.savedID ?? value["name"]?.stringValue ?? "", state: value, dependsOn: entry.dependsOn)
    }
}
