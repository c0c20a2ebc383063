import ManifestModel
import JSONCore

/// One node as the bundle wants it: the API object (references not yet known stay `${…}`), its edges, and its
/// lifecycle.
public struct DesiredNode: Sendable {
    /// The node.
    public var key: NodeKey
    /// The desired object in API JSON shape.
    public var value: JSONValue
    /// Explicit edges: one per distinct reference.
    public var dependsOn: [Dependency]
    /// `lifecycle.prevent_destroy`.
    public var preventDestroy: Bool

    /// A node.
    public init(key: NodeKey, value: JSONValue, dependsOn: [Dependency] = [], preventDestroy: Bool = false) {
        self.key = key
        self.value = value
        self.dependsOn = dependsOn
        self.preventDestroy = preventDestroy
    }

    /// The nodes of a loaded bundle: one per resource, plus `permissions` for resources that have any.
    public static func nodes(of bundle: Bundle) -> [DesiredNode] {
        bundle.resources.flatMap { resource -> [DesiredNode] in
            var seen = Set<String>()
            let edges = resource.references.compactMap { reference -> Dependency? in
                seen.insert(reference.label).inserted ? Dependency(node: reference.target.stateKey, label: reference.label) : nil
            }
            let node = DesiredNode(key: NodeKey(resource.key), value: resource.config, dependsOn: edges,
                                   preventDestroy: resource.preventDestroy)
            guard let rule = resource.key.kind.spec.permissions, !resource.permissions.isEmpty else { return [node] }
            return [node, permissionsNode(of: resource, rule: rule, deployer: bundle.currentUser?.userName)]
        }
    }

    /// `{"object_id": "/database-instances/<id>", "__embed__": [{level, <principal field>}]}`, depending on the
    /// resource's id.
    static func permissionsNode(of resource: Resource, rule: PermissionsRule, deployer: String? = nil) -> DesiredNode {
        let id = rule.idField.flatMap { resource.node[$0]?.stringValue } ?? resource.idText ?? resource.key.name
        var embedded: [JSONValue] = resource.permissions.map {
            .object(["level": .string($0.level), $0.principalField: .string($0.principal)])
        }
        if let level = rule.deployerLevel, let deployer, !resource.permissions.contains(where: { $0.principal == deployer }) {
            embedded.append(.object(["level": .string(level), "user_name": .string(deployer)]))
        }
        let label = "${\(resource.key.stateKey).id}"
        return DesiredNode(
            key: NodeKey(resource.key, permissions: true),
            value: PermissionsComparison.canonical(
                .object(["object_id": .string(rule.objectID(of: id)), "__embed__": .array(embedded)])),
            dependsOn: [Dependency(node: resource.key.stateKey, label: label)])
    }
}
