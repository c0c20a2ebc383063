import JSONCore

/// Edges the API implies without a `${resources…}` reference: a catalog stands on its instance; a synced table on
/// its instance and on the catalog its name starts with — when those are named literally and declared in the bundle.
enum ImplicitEdges {
    static func edges(of node: DesiredNode, among nodes: [DesiredNode]) -> [Dependency] {
        var found: [Dependency] = []
        func add(_ kind: NodeKind, named name: String?, label: String) {
            guard let name, let target = nodes.first(where: { $0.key.kind == kind && $0.value["name"]?.stringValue == name }),
                  target.key != node.key, !node.dependsOn.contains(where: { $0.node == target.key.stateKey }),
                  !found.contains(where: { $0.node == target.key.stateKey }) else { return }
            found.append(Dependency(node: target.key.stateKey, label: label))
        }
        switch node.key.kind {
        case .databaseCatalog, .syncedTable:
            let instance = node.value["database_instance_name"]?.stringValue
            add(.databaseInstance, named: instance, label: "database_instance_name=\(instance ?? "")")
            if node.key.kind == .syncedTable, let name = node.value["name"]?.stringValue,
               let catalog = name.split(separator: ".").first.map(String.init), name.contains(".") {
                add(.databaseCatalog, named: catalog, label: "catalog=\(catalog)")
            }
        case .databaseInstance, .instancePermissions:
            break
        }
        return found
    }
}
