import ManifestModel
import JSONCore

/// `reconcile summary`: each resource with its resolved name, its workspace URL and its live state.
public enum SummaryRenderer {
    /// The text; `live` holds what the workspace has for each node (by state key), `state` the deployed ids.
    public static func render(bundle: ManifestModel.Bundle, host: String, user: String, state: DeploymentState,
                              live: LiveSnapshot) -> String {
        var out = "Name: \(bundle.name)\nTarget: \(bundle.target)\nWorkspace:\n  Host: \(host)\n  User: \(user)\n"
            + "  State: \(bundle.workspace.statePath)\nResources:\n"
        let titles: [(ResourceKind, String)] = [
            (.databaseInstances, "Database instances"), (.databaseCatalogs, "Database catalogs"),
            (.syncedDatabaseTables, "Synced database tables"),
        ]
        for (kind, title) in titles {
            let resources = bundle.resources.filter { $0.key.kind == kind }.sorted { $0.key < $1.key }
            guard !resources.isEmpty else { continue }
            out += "  \(title):\n"
            for resource in resources {
                let key = NodeKey(resource.key)
                let name = state.entry(key.stateKey)?.id ?? resource.resolvedName
                out += "    \(resource.key.name):\n      Name: \(name ?? "(known after apply)")\n"
                if let name { out += "      URL: \(url(kind, name: name, host: host))\n" }
                let deployed = state.entry(key.stateKey) != nil
                let read = live.reads[key.stateKey]
                let shown: String
                switch (deployed, read) {
                case (false, .found?): shown = "exists in the workspace but is not managed by this bundle (see reconcile bind)"
                case (false, _): shown = "not deployed"
                default: shown = liveState(kind, read)
                }
                out += "      State: \(shown)\n"
            }
        }
        return out
    }

    /// The workspace page of a resource.
    static func url(_ kind: ResourceKind, name: String, host: String) -> String {
        let base = host.hasSuffix("/") ? String(host.dropLast()) : host
        switch kind {
        case .databaseInstances: return "\(base)/compute/database-instances/\(name)"
        case .databaseCatalogs: return "\(base)/explore/data/\(name)"
        case .syncedDatabaseTables: return "\(base)/explore/data/" + name.split(separator: ".").joined(separator: "/")
        }
    }

    static func liveState(_ kind: ResourceKind, _ read: LiveSnapshot.Read?) -> String {
        switch read {
        case nil: return "not deployed"
        case .notFound?: return "missing from the workspace"
        case .found(let object)?:
            switch kind {
            case .databaseInstances:
                return (object["state"]?.stringValue ?? "unknown") + (object["capacity"]?.stringValue.map { " (\($0))" } ?? "")
            case .databaseCatalogs:
                return "exists (database \(object["database_name"]?.stringValue ?? "?") on \(object["database_instance_name"]?.stringValue ?? "?"))"
            case .syncedDatabaseTables:
                let status = object["data_synchronization_status"]
                var text = status?["detailed_state"]?.stringValue ?? "unknown"
                if let uc = object["unity_catalog_provisioning_state"]?.stringValue { text += ", Unity Catalog \(uc)" }
                if let pipeline = status?["pipeline_id"]?.stringValue { text += ", pipeline \(pipeline)" }
                return text
            }
        }
    }
}
