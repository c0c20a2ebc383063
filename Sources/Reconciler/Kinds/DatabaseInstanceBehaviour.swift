import JSONCore
import ManifestModel

extension NodeKind {
    /// Provisioned database instances.
    public static let databaseInstance = NodeKind(.databaseInstances)
    /// A database instance's permissions.
    public static let instancePermissions = NodeKind(.databaseInstances, permissions: true)
}

extension KindBehaviour {
    /// `database_instances`: an instance that should end stopped is created running, then stopped; deletes wait until
    /// the instance is gone (its name cannot be used again before).
    static let databaseInstances = KindBehaviour(
        kind: .databaseInstance,
        banner: .group(
            deploy: "This action will result in the deletion or recreation of the following Lakebase database instances.\nAll data stored in them will be permanently lost:",
            destroy: "This action will result in the deletion of the following Lakebase database instances.\nAll data stored in them will be permanently lost:"),
        summary: SummarySection(
            title: "Database instances",
            url: { name, host in "\(host)/compute/database-instances/\(name)" },
            liveState: { object in
                (object["state"]?.stringValue ?? "unknown") + (object["capacity"]?.stringValue.map { " (\($0))" } ?? "")
            }),
        dataLoss: { entry, plan in
            var lines = ["all data stored in instance \(entry.savedID ?? entry.configuredID) is permanently lost"]
            let dependents = plan.entries.filter { other in
                other.key != entry.key && other.dependsOn.contains { $0.node == entry.key.stateKey }
            }.map(\.key.planLabel)
            if !dependents.isEmpty { lines.append("with it go the data of: " + dependents.joined(separator: ", ")) }
            return lines
        },
        isSettling: { remote in
            let state = remote["state"]?.stringValue
            return state != "AVAILABLE" && state != "STOPPED"
        },
        createFirst: { desired in
            guard desired["stopped"] == .bool(true), case .object(var object) = desired else { return nil }
            object["stopped"] = nil
            return .object(object)
        },
        deleteWaitsUntilGone: true,
        status: .databaseHost)
}
