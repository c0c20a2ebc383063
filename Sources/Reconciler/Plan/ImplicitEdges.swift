import JSONCore
import ManifestModel

/// Edges the API implies without a `${resources…}` reference (`KindSpec.implicitParents`): a catalog stands on its
/// instance; a synced table on its instance and on the catalog its name starts with — when those are named
/// literally and declared in the bundle.
enum ImplicitEdges {
    static func edges(of node: DesiredNode, among nodes: [DesiredNode]) -> [Dependency] {
        guard !node.key.isPermissions else { return [] }
        var found: [Dependency] = []
        for parent in node.key.resource.kind.spec.implicitParents {
            guard let id = parent.parentID(in: node.value) else { continue }
            let kind = NodeKind(parent.kind)
            guard let target = nodes.first(where: { $0.key.kind == kind && kind.configuredID(in: $0.value) == id }),
                  target.key != node.key, !node.dependsOn.contains(where: { $0.node == target.key.stateKey }),
                  !found.contains(where: { $0.node == target.key.stateKey }) else { continue }
            found.append(Dependency(node: target.key.stateKey, label: "\(parent.label)=\(id)"))
        }
        return found
    }
}
