import JSONCore

/// The per-field classification ladder (planning-rules.md §4): the first matching step decides.
struct ChangeClassifier {
    let rules: FieldRules

    /// Every field where saved, desired and live values disagree, classified, sorted by path.
    func changes(saved: JSONValue?, desired: JSONValue, remote: JSONValue) -> [FieldChange] {
        var seen = Set<FieldPath>()
        var paths: [FieldPath] = []
        for path in StructuralDiff.paths(saved, desired) + StructuralDiff.paths(remote, desired) where seen.insert(path).inserted {
            paths.append(path)
        }
        return paths.sorted().map { path in
            classify(path, old: path.value(in: saved), new: path.value(in: desired), remote: path.value(in: remote))
        }
    }

    /// One field through the ladder.
    func classify(_ path: FieldPath, old: JSONValue?, new: JSONValue?, remote: JSONValue?) -> FieldChange {
        var change = FieldChange(path: path, action: .skip, reason: nil, old: old, new: new, remote: remote)
        let ignoredRemote = FieldRules.firstMatch(rules.ignoreRemote, path)
        let local = change.isLocal
        if ignoredRemote == nil, remote != nil, JSONValue.same(remote, new) {
            change.reason = "remote_already_set"
        } else if JSONValue.isEmpty(old), JSONValue.isEmpty(new), JSONValue.isEmpty(remote) {
            change.reason = "empty"
        } else if let rule = FieldRules.firstMatch(rules.ignoreLocal, path), local {
            change.reason = rule.reason
        } else if let rule = ignoredRemote, !local {
            change.reason = rule.reason
        } else if rules.idFields.contains(where: { $0.matches(path) }) {
            change.action = local ? .recreate : .skip
            change.reason = "id_field"
        } else if old == nil, new == nil, remote != nil, rules.backendDefaults.contains(where: { $0.matches(path) }) {
            change.reason = "backend_default"
        } else if remote == nil, !local {
            change.reason = "missing_in_remote"
        } else if let rule = FieldRules.firstMatch(rules.recreateOnChanges, path) {
            change.action = .recreate
            change.reason = local ? rule.reason : "remote_drift"
        } else if !rules.hasUpdateAPI {
            change.action = .recreate
            change.reason = local ? "immutable" : "remote_drift"
        } else {
            change.action = .update
            change.reason = local ? nil : "remote_drift"
        }
        return change
    }
}
