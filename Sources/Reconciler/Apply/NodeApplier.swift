import JSONCore
import ManifestModel
import Providers

/// Carries out one node's action (planning-rules.md §7, with the waits and purges of §14): calls, state records
/// after every completed step, waits. What differs between kinds comes from their `KindBehaviour`.
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
            let id = entry.savedID ?? ""
            try await waitReady(key, id: id, value: value)
            return try await read(key, id: id)
        case .create:
            return try await create(entry, value: value)
        case .update, .updateID, .resize:
            guard let value, let id = entry.savedID else { throw Failure(message: "no desired state") }
            let changed = UpdateMask.paths(of: entry.changes, kind: key.kind)
            if !changed.isEmpty || !UpdateMask.onlyStateChanged(entry.changes, kind: key.kind) {
                try await call("update", key) { try await workspace.update(key.kind, id: id, value, changedPaths: changed) }
            }
            try await journal.save(key.stateKey, stateEntry(entry, value: value))
            try await waitReady(key, id: id, value: value)
            return try await read(key, id: id)
        case .recreate:
            try await remove(entry, purge: true)
            return try await create(entry, value: value)
        case .delete:
            if entry.gone {
                try await journal.remove(key.stateKey)
                return nil
            }
            try await remove(entry, purge: key.kind.behaviour.purgesOnDelete(entry.savedState, options))
            return nil
        }
    }

    /// An unchanged node that is not ready yet (an interrupted apply left it starting or syncing): its dependents
    /// must wait for it as they would after a create.
    static func stillSettling(_ entry: PlanEntry) -> Bool {
        guard let remote = entry.remoteState else { return false }
        return entry.key.kind.behaviour.isSettling(remote)
    }

    private func create(_ entry: PlanEntry, value: JSONValue?) async throws -> JSONValue? {
        guard let value else { throw Failure(message: "no desired state") }
        let key = entry.key
        let firstBody = key.kind.behaviour.createFirst(value)
        // Recorded before the POST: a crash between the POST and its answer must not leave a resource the state
        // does not know (the next plan would refuse it as unmanaged). If the POST fails, the record goes again.
        let intended = key.kind.configuredID(in: value) ?? ""
        try await journal.save(key.stateKey, stateEntry(entry, value: value, id: intended))
        let created: JSONValue
        do {
            created = try await workspace.create(key.kind, id: intended, firstBody ?? value)
        } catch {
            // A refused POST created nothing: the record goes. A POST that was accepted but whose operation failed or
            // could not be waited for may have left the resource: the record stays, so the next run reads it back.
            if error is APIError { try await journal.remove(key.stateKey) }
            throw Failure(message: "cannot create \(key.stateKey): \(error)")
        }
        let id = key.kind.behaviour.idInObject(created) ?? intended
        if id != intended { try await journal.save(key.stateKey, stateEntry(entry, value: value, id: id)) }
        if let firstBody {
            try await waitReady(key, id: id, value: firstBody)
            try await call("update", key) { try await workspace.update(key.kind, id: id, value, changedPaths: []) }
        }
        try await waitReady(key, id: id, value: value)
        return try await read(key, id: id)
    }

    private func remove(_ entry: PlanEntry, purge: Bool) async throws {
        let key = entry.key
        let id = entry.savedID ?? ""
        if let error = await deleteError(key, id: id, purge: purge) {
            let apiError = error as? APIError
            if apiError?.kind == .notFound {
                // Already gone: nothing to delete.
            } else if let apiError, apiError.status == 403, entry.action == .delete {
                reporter.warning("\(key.stateKey): the workspace refused the delete (\(apiError.errorCode)); \(id) is no longer managed by this bundle but still exists — delete it by hand")
            } else {
                throw Failure(message: "cannot delete \(key.stateKey): \(error)")
            }
        }
        try await journal.remove(key.stateKey)
        // A recreate waits (bounded) for the old resource to be gone before creating it again; kinds whose ids stay
        // taken for a while after a delete (instances stay DELETING) are waited for on delete too, so that a
        // `destroy` followed by an `apply` of the same names works, as after `terraform destroy`.
        guard entry.action == .recreate || key.kind.behaviour.deleteWaitsUntilGone, !key.isPermissions else { return }
        do {
            try await workspace.waitGone(key.kind, id: id)
        } catch {
            throw Failure(message: "cannot \(entry.action == .recreate ? "recreate" : "delete") \(key.stateKey): \(error)")
        }
    }

    private func deleteError(_ key: NodeKey, id: String, purge: Bool) async -> (any Error)? {
        do {
            try await workspace.delete(key.kind, id: id, purge: purge)
            return nil
        } catch {
            return error
        }
    }

    private func waitReady(_ key: NodeKey, id: String, value: JSONValue) async throws {
        if key.kind.behaviour.readinessCopiesData, !options.waitForSyncedTables { return }
        do {
            if let warning = try await workspace.waitReady(key.kind, id: id, desired: value) {
                reporter.warning("\(key.stateKey): \(warning)")
            }
        } catch {
            throw Failure(message: "\(key.stateKey): \(error)")
        }
    }

    private func read(_ key: NodeKey, id: String) async throws -> JSONValue? {
        try await call("read", key) { () throws(APIError) in try await workspace.read(key.kind, id: id) }
    }

    private func call<T>(_ verb: String, _ key: NodeKey, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            throw Failure(message: "cannot \(verb) \(key.stateKey): \(error)")
        }
    }

    private func stateEntry(_ entry: PlanEntry, value: JSONValue, id: String? = nil) -> DeploymentState.Entry {
        DeploymentState.Entry(id: id ?? entry.savedID ?? entry.key.kind.configuredID(in: value) ?? "", state: value,
                              dependsOn: entry.dependsOn)
    }
}
