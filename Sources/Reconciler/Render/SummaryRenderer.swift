import ManifestModel
import JSONCore

/// `reconcile summary`: each resource with its resolved name, its workspace URL and its live state.
public enum SummaryRenderer {
    /// The text; `live` holds what the workspace has for each node (by state key), `state` the deployed ids.
    public static func render(bundle: ManifestModel.Bundle, host: String, user: String, state: DeploymentState,
                              live: LiveSnapshot) -> String {
        var out = "Name: \(bundle.name)\nTarget: \(bundle.target)\nWorkspace:\n  Host: \(host)\n  User: \(user)\n"
            + "  State: \(bundle.workspace.statePath)\nResources:\n"
        let base = host.hasSuffix("/") ? String(host.dropLast()) : host
        for behaviour in KindBehaviours.all {
            let kind = behaviour.kind.resourceKind
            let resources = bundle.resources.filter { $0.key.kind == kind }.sorted { $0.key < $1.key }
            guard !resources.isEmpty else { continue }
            out += "  \(behaviour.summary.title):\n"
            for resource in resources {
                let key = NodeKey(resource.key)
                let name = state.entry(key.stateKey)?.id ?? resource.resolvedID
                out += "    \(resource.key.name):\n      Name: \(name ?? "(known after apply)")\n"
                if let name { out += "      URL: \(behaviour.summary.url(name, base))\n" }
                let deployed = state.entry(key.stateKey) != nil
                let read = live.reads[key.stateKey]
                let shown: String
                switch (deployed, read) {
                case (false, .found?): shown = "exists in the workspace but is not managed by this bundle (see reconcile bind)"
                case (false, _): shown = "not deployed"
                default: shown = liveState(behaviour, read)
                }
                out += "      State: \(shown)\n"
            }
        }
        return out
    }

    static func liveState(_ behaviour: KindBehaviour, _ read: LiveSnapshot.Read?) -> String {
        switch read {
        case nil: return "not deployed"
        case .notFound?: return "missing from the workspace"
        case .found(let object)?: return behaviour.summary.liveState(object)
        }
    }
}
