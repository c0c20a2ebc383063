import ManifestModel
import JSONCore

/// All reasons a plan could not be made.
public struct PlanningFailure: Error, Sendable {
    /// Every problem found.
    public var errors: [PlanningError]
}

/// The planner: a pure function of (desired nodes, saved state, live snapshot) and the field rules
/// (planning-rules.md §1–§6, with the improvements of §14). It does no I/O.
public enum Planner {
    /// The plan, or every reason it cannot be made.
    public static func plan(desired: [DesiredNode], state: DeploymentState, live: LiveSnapshot) -> Result<Plan, PlanningFailure> {
        var nodes = desired
        for index in nodes.indices {
            nodes[index].dependsOn += ImplicitEdges.edges(of: nodes[index], among: nodes)
        }
        var errors: [PlanningError] = []
        let order: [DesiredNode]
        switch DependencyOrder.sorted(nodes) {
        case .success(let sorted): order = sorted
        case .failure(let cycle): return .failure(PlanningFailure(errors: [cycle]))
        }

        var entries: [NodeKey: PlanEntry] = [:]
        for node in order {
            let resolved = ReferenceResolver(entries: entries, live: live).resolve(node.value)
            let saved = state.entry(node.key.stateKey).flatMap { $0.id.isEmpty ? nil : $0 }
            var entry = PlanEntry(key: node.key, action: .skip, dependsOn: node.dependsOn, newState: resolved.value,
                                  vars: resolved.vars, savedID: saved?.id, savedState: saved?.state, preventDestroy: node.preventDestroy)
            let read = live.reads[node.key.stateKey]
            if let saved {
                guard case .found(let object)? = read else {
                    entry.action = .create
                    entry.reasons = [saved.intent != nil
                        ? "an interrupted apply was creating \(saved.id), which does not exist; it is created"
                        : "\(saved.id) is in the state but not in the workspace (deleted outside the bundle, or an interrupted create); it is created"]
                    entries[node.key] = entry
                    continue
                }
                if let intent = saved.intent, !intent.matches(saved.state) || intent.id != saved.id {
                    // The record is not the body that was sent: nothing says the resource is ours.
                    errors.append(unmanaged(node, object))
                    continue
                }
                entry.remoteState = object
                let rules = node.key.kind.rules
                let remote = node.key.isPermissions
                    ? PermissionsComparison.remote(object, desired: resolved.value, saved: saved.state)
                    : node.key.kind.behaviour.remote(object)
                entry.changes = ChangeClassifier(rules: rules).changes(saved: saved.state, desired: resolved.value, remote: remote)
                entry.action = entry.changes.map(\.action).max() ?? .skip
                if saved.intent != nil {
                    entry.adopting = true
                    entry.action = max(entry.action, .update)
                    entry.reasons.append("adopted: an interrupted apply created \(saved.id) but lost the answer before recording it; "
                                         + "the resource is taken over (only its state record is written unless a field changes)")
                }
            } else {
                if case .found(let object)? = read, !node.key.isPermissions {
                    errors.append(unmanaged(node, object))
                }
                entry.action = .create
            }
            cascade(&entry, entries: entries)
            entries[node.key] = entry
        }
        let configured = Set(nodes.map(\.key))
        for key in state.managedKeys where !configured.contains(key) {
            guard let saved = state.entry(key.stateKey) else { continue }
            var entry = PlanEntry(key: key, action: .delete, dependsOn: saved.dependsOn, savedID: saved.id, savedState: saved.state)
            entry.reasons = ["not in the configuration"]
            switch live.reads[key.stateKey] {
            case .found(let object)?: entry.remoteState = object
            case .notFound?: entry.gone = true
            case nil: break
            }
            entries[key] = entry
        }
        guard errors.isEmpty else { return .failure(PlanningFailure(errors: errors)) }
        return .success(Plan(lineage: state.lineage, serial: state.serial, entries: entries.values.sorted { $0.key < $1.key }))
    }

    /// A node whose parent is recreated loses what it stands on: it is recreated too (permissions are put again).
    private static func cascade(_ entry: inout PlanEntry, entries: [NodeKey: PlanEntry]) {
        guard entry.action < .create else { return }
        let recreatedParents = entry.dependsOn.compactMap { edge -> NodeKey? in
            guard let key = NodeKey(stateKey: edge.node), entries[key]?.action == .recreate else { return nil }
            return key
        }
        guard let parent = recreatedParents.first else { return }
        entry.action = entry.key.isPermissions ? .update : .recreate
        entry.reasons.append("parent_recreated: \(parent.planLabel) is recreated")
    }

    private static func unmanaged(_ node: DesiredNode, _ object: JSONValue) -> PlanningError {
        let name = node.key.kind.behaviour.idInObject(object) ?? node.key.kind.configuredID(in: node.value) ?? ""
        let kind = node.key.resource.kind.words
        if let deleted = object["delete_time"]?.stringValue ?? object["status"]?["delete_time"]?.stringValue {
            let purge = object["purge_time"]?.stringValue ?? object["status"]?["purge_time"]?.stringValue
            return PlanningError(key: node.key.stateKey, message:
                "\(kind) \"\(name)\" was deleted at \(deleted) and its id stays reserved"
                + (purge.map { " until \($0)" } ?? "") + "; either restore it (POST /api/2.0/postgres/\(name)/undelete, then "
                + "`reconcile bind \(node.key.planLabel) \(name)`), or purge it (DELETE /api/2.0/postgres/\(name)?purge=true) "
                + "or choose another id")
        }
        return PlanningError(key: node.key.stateKey, message:
            "\(kind) \"\(name)\" exists in the workspace but is not managed by this bundle; "
            + "run `reconcile bind \(node.key.planLabel) \(name)` to manage it, or choose another name")
    }
}
