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

        /// A failure worded as `message`.
        init(message: String) { self.message = message }

        /// `cannot <verb> <state key>: <reason>`, the wording of every step that fails.
        init(cannot verb: String, _ key: NodeKey, _ reason: String) {
            message = "cannot \(verb) \(key.stateKey): \(reason)"
        }
    }

    /// Which part of a node's action to carry out: all of it, or one half of a recreate (the executor deletes
    /// recreated children before their recreated parent, and creates them after it).
    enum Phase: Sendable {
        case whole, teardown, build
    }

    /// What carrying out a node's calls left to do.
    enum Acted: Sendable {
        /// Nothing: the node's live object, when it exists.
        case finished(JSONValue?)
        /// Wait until the node is usable, then take its live object (`settle`).
        case settling(NodeKey, id: String, value: JSONValue)
    }

    /// Applies `entry` (or one `phase` of its recreate) with its references resolved into `value`, up to the wait
    /// for the node to become usable, which it hands back (`settle` carries it out). The executor runs the two
    /// apart, so that a thousand nodes waiting do not each keep the deeper frames of the calls made before.
    func apply(_ entry: PlanEntry, value: JSONValue?, phase: Phase = .whole) async throws -> Acted {
        let key = entry.key
        switch (entry.action, phase) {
        case (.recreate, .teardown):
            try await remove(entry, purge: true)
            return .finished(nil)
        case (.recreate, .build):
            return try await create(entry, value: value)
        default:
            break
        }
        switch entry.action {
        case .skip:
            guard let value, Self.stillSettling(entry) else { return .finished(entry.remoteState) }
            return .settling(key, id: entry.savedID ?? "", value: value)
        case .create:
            return try await create(entry, value: value)
        case .update, .updateID, .resize:
            guard let value, let id = entry.savedID else { throw Failure(message: "no desired state") }
            let changed = UpdateMask.paths(of: entry.changes, kind: key.kind)
            let onlyAdopting = entry.adopting && !entry.changes.contains { $0.action != .skip }
            if !onlyAdopting, !changed.isEmpty || !UpdateMask.onlyStateChanged(entry.changes, kind: key.kind) {
                try await call("update", key) { try await workspace.update(key.kind, id: id, value, changedPaths: changed) }
            }
            try await journal.save(key.stateKey, stateEntry(entry, value: value))
            return .settling(key, id: id, value: value)
        case .recreate:
            try await remove(entry, purge: true)
            return try await create(entry, value: value)
        case .delete:
            if entry.gone {
                try await journal.remove(key.stateKey)
                return .finished(nil)
            }
            try await remove(entry, purge: key.kind.behaviour.purgesOnDelete(entry.savedState, options))
            return .finished(nil)
        }
    }

    /// An unchanged node that is not ready yet (an interrupted apply left it starting or syncing): its dependents
    /// must wait for it as they would after a create.
    static func stillSettling(_ entry: PlanEntry) -> Bool {
        guard let remote = entry.remoteState else { return false }
        return entry.key.kind.behaviour.isSettling(remote)
    }

    private func create(_ entry: PlanEntry, value: JSONValue?) async throws -> Acted {
        guard let value else { throw Failure(message: "no desired state") }
        let key = entry.key
        let firstBody = key.kind.behaviour.createFirst(value)
        // Recorded before the POST, with the intent (id and body digest): a crash between the POST and its answer
        // must not leave a resource the state does not know (the next plan adopts it instead of refusing it as
        // unmanaged). If the POST is refused, the record goes again.
        let intended = key.kind.configuredID(in: value) ?? ""
        let sent = firstBody ?? value
        try await journal.save(key.stateKey, stateEntry(entry, value: value, id: intended, intent: CreateIntent(id: intended, body: value)))
        let created: JSONValue
        do {
            created = try await workspace.create(key.kind, id: intended, sent)
        } catch let error as APIError where Self.isDuplicate(error) {
            // The POST met the resource itself when its first attempt was carried out but the answer was lost (the
            // transport retried it), or an interrupted run created it: read it back and adopt it if it is ours.
            return try await adopt(entry, value: value, id: intended, sent: sent, duplicate: error)
        } catch {
            // A refused POST created nothing: the record goes. A POST that was accepted but whose operation failed or
            // could not be waited for may have left the resource: the record stays, so the next run reads it back.
            if error is APIError { try await journal.remove(key.stateKey) }
            throw Failure(cannot: "create", key, "\(error)")
        }
        let id = key.kind.behaviour.idInObject(created) ?? intended
        // The create completed: the record loses its intent (and takes the id the answer gave).
        try await journal.save(key.stateKey, stateEntry(entry, value: value, id: id))
        if let firstBody {
            try await waitReady(key, id: id, value: firstBody)
            try await call("update", key) { try await workspace.update(key.kind, id: id, value, changedPaths: []) }
        }
        return .settling(key, id: id, value: value)
    }

    /// `409 ALREADY_EXISTS`, or the `400 … already exists` that Autoscaling databases and roles answer.
    static func isDuplicate(_ error: APIError) -> Bool {
        error.kind == .alreadyExists || error.status == 400 && error.message.lowercased().contains("already exists")
    }

    /// Takes over the resource a create met: only when it exists and every field the body sets reads back as sent
    /// (server defaults aside); otherwise the create fails as it would have, and the record goes.
    private func adopt(_ entry: PlanEntry, value: JSONValue, id: String, sent: JSONValue, duplicate: APIError) async throws -> Acted {
        let key = entry.key
        let live = try? await workspace.read(key.kind, id: id)
        let differing = live.map { object in
            ChangeClassifier(rules: key.kind.rules)
                .changes(saved: sent, desired: sent, remote: key.kind.behaviour.remote(object))
                .filter { $0.action != .skip }.map(\.path.description)
        }
        guard let live, let differing, differing.isEmpty else {
            try await journal.remove(key.stateKey)
            let why = differing.map { " (it exists, but differs from what was being created in \($0.joined(separator: ", ")))" } ?? ""
            throw Failure(cannot: "create", key, "\(duplicate)\(why)")
        }
        reporter.warning("\(key.stateKey): \(id) already exists exactly as this create sent it (the answer to an earlier attempt was lost); it is adopted")
        let adopted = key.kind.behaviour.idInObject(live) ?? id
        try await journal.save(key.stateKey, stateEntry(entry, value: value, id: adopted))
        if sent != value {
            try await call("update", key) { try await workspace.update(key.kind, id: adopted, value, changedPaths: []) }
        }
        return .settling(key, id: adopted, value: value)
    }

    private func remove(_ entry: PlanEntry, purge: Bool) async throws {
        let key = entry.key
        let id = entry.savedID ?? ""
        let result = await deleteResult(key, id: id, purge: purge)
        if case .failure(let error) = result {
            let apiError = error as? APIError
            if apiError?.kind == .notFound {
                // Already gone: nothing to delete.
            } else if let apiError, apiError.status == 403, entry.action == .delete {
                reporter.warning("\(key.stateKey): the workspace refused the delete (\(apiError.errorCode)); \(id) is no longer managed by this bundle but still exists — delete it by hand")
            } else {
                throw Failure(cannot: "delete", key, "\(error)")
            }
        }
        try await journal.remove(key.stateKey)
        // A resource that goes only with its parent is not waited for: the parent's delete, which the executor
        // orders after this one, removes it.
        if case .success(.leftToParent) = result { return }
        // A recreate waits (bounded) for the old resource to be gone before creating it again; kinds whose ids stay
        // taken for a while after a delete (instances stay DELETING) are waited for on delete too, so that a
        // `destroy` followed by an `apply` of the same names works, as after `terraform destroy`.
        guard entry.action == .recreate || key.kind.behaviour.deleteWaitsUntilGone, !key.isPermissions else { return }
        do {
            try await workspace.waitGone(key.kind, id: id)
        } catch {
            throw Failure(cannot: entry.action == .recreate ? "recreate" : "delete", key, "\(error)")
        }
    }

    private func deleteResult(_ key: NodeKey, id: String, purge: Bool) async -> Result<DeleteResult, any Error> {
        do {
            return .success(try await workspace.delete(key.kind, id: id, purge: purge))
        } catch {
            return .failure(error)
        }
    }

    /// Waits until the node is usable (reporting a degraded end); returns the node as the wait last read it, or nil
    /// when it read nothing.
    @discardableResult
    private func waitReady(_ key: NodeKey, id: String, value: JSONValue) async throws -> JSONValue? {
        if skipsWait(key) { return nil }
        let readiness = try await Self.readiness(workspace, key, id: id, value: value)
        if let warning = readiness.warning { warn(key, warning) }
        return readiness.live
    }

    /// Synced tables are not waited for with `--no-wait-sync` (out of line: a kind's behaviour is a large value, which
    /// would otherwise take room in the frame of every waiting node).
    @inline(never)
    private func skipsWait(_ key: NodeKey) -> Bool {
        key.kind.behaviour.readinessCopiesData && !options.waitForSyncedTables
    }

    @inline(never)
    private static func readiness(_ workspace: any LakebaseWorkspace, _ key: NodeKey, id: String, value: JSONValue) async throws -> Readiness {
        do {
            return try await workspace.waitReady(key.kind, id: id, desired: value)
        } catch {
            throw failure(key, error)
        }
    }

    // Out of line, so that the frame of a waiting node holds no string building (a thousand nodes wait at once).
    @inline(never)
    private static func failure(_ key: NodeKey, _ error: any Error) -> Failure {
        Failure(message: "\(key.stateKey): \(error)")
    }

    @inline(never)
    private func warn(_ key: NodeKey, _ warning: String) {
        reporter.warning("\(key.stateKey): \(warning)")
    }

    /// The node once usable: what the wait last read, or a read when the wait read nothing.
    func settle(_ key: NodeKey, id: String, value: JSONValue) async throws -> JSONValue? {
        if let live = try await waitReady(key, id: id, value: value) { return live }
        return try await read(key, id: id)
    }

    private func read(_ key: NodeKey, id: String) async throws -> JSONValue? {
        try await call("read", key) { () throws(APIError) in try await workspace.read(key.kind, id: id) }
    }

    private func call<T>(_ verb: String, _ key: NodeKey, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            throw Failure(cannot: verb, key, "\(error)")
        }
    }

    private func stateEntry(_ entry: PlanEntry, value: JSONValue, id: String? = nil, intent: CreateIntent? = nil) -> DeploymentState.Entry {
        DeploymentState.Entry(id: id ?? entry.savedID ?? entry.key.kind.configuredID(in: value) ?? "", state: value,
                              dependsOn: entry.dependsOn, intent: intent)
    }
}
