import JSONCore
import ManifestModel

/// The kind of a plan node: a resource kind, or the `permissions` sub-node of a kind that takes permissions.
public struct NodeKind: Hashable, Sendable, CustomStringConvertible {
    /// The resource kind the node belongs to.
    public let resourceKind: ResourceKind
    /// Whether this is the resource's permissions sub-node.
    public let isPermissions: Bool

    /// The node kind of a resource kind, or of its permissions.
    public init(_ kind: ResourceKind, permissions: Bool = false) {
        resourceKind = kind
        isPermissions = permissions
    }

    /// `database_instances`, or `database_instances.permissions`.
    public var rawValue: String { resourceKind.rawValue + (isPermissions ? ".permissions" : "") }

    /// The raw value.
    public var description: String { rawValue }

    /// What the reconciler does with nodes of this kind.
    public var behaviour: KindBehaviour { KindBehaviours.behaviour(of: self) }

    /// This kind's field rules.
    public var rules: FieldRules { behaviour.rules }

    /// The id a node of this kind will have, from its desired object (permissions: the `object_id`); it may still
    /// hold `${…}` references; nil when a field the id needs is unset.
    public func configuredID(in value: JSONValue) -> String? {
        isPermissions ? value["object_id"]?.stringValue : resourceKind.spec.identity.id(in: value)
    }
}

/// Identifies a plan node: a resource, or its permissions (`resources.database_instances.db.permissions`).
public struct NodeKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The resource the node belongs to.
    public var resource: ResourceKey
    /// Whether this is the resource's permissions sub-node.
    public var isPermissions: Bool

    /// A node key.
    public init(_ resource: ResourceKey, permissions: Bool = false) {
        self.resource = resource
        self.isPermissions = permissions
    }

    /// The node's kind.
    public var kind: NodeKind { NodeKind(resource.kind, permissions: isPermissions) }

    /// `resources.database_instances.db[.permissions]`, the state and plan JSON key.
    public var stateKey: String { resource.stateKey + (isPermissions ? ".permissions" : "") }

    /// `database_instances.db[.permissions]`, as plan lines print it.
    public var planLabel: String { resource.planLabel + (isPermissions ? ".permissions" : "") }

    /// The plan label.
    public var description: String { planLabel }

    /// Parses a state key of a kind we manage; nil for other kinds (jobs, ...).
    public init?(stateKey: String) {
        var text = stateKey
        var permissions = false
        if text.hasSuffix(".permissions") {
            permissions = true
            text.removeLast(".permissions".count)
        }
        guard let resource = ResourceKey(parsing: text), text.hasPrefix("resources.") else { return nil }
        guard !permissions || resource.kind.spec.permissions != nil else { return nil }
        self.init(resource, permissions: permissions)
    }

    /// Byte order of the state key, as the CLI sorts plan lines.
    public static func < (lhs: NodeKey, rhs: NodeKey) -> Bool {
        Array(lhs.stateKey.utf8).lexicographicallyPrecedes(Array(rhs.stateKey.utf8))
    }
}
