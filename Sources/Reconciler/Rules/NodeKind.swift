import ManifestModel

/// The kinds of plan nodes: the three Lakebase resource kinds and an instance's permissions sub-node.
public enum NodeKind: String, Sendable, Hashable, CaseIterable {
    case databaseInstance = "database_instances"
    case databaseCatalog = "database_catalogs"
    case syncedTable = "synced_database_tables"
    case instancePermissions = "database_instances.permissions"

    /// The node kind of a resource kind.
    public init(_ kind: ResourceKind) {
        switch kind {
        case .databaseInstances: self = .databaseInstance
        case .databaseCatalogs: self = .databaseCatalog
        case .syncedDatabaseTables: self = .syncedTable
        }
    }

    /// The resource kind the node belongs to (an instance, for permissions).
    public var resourceKind: ResourceKind {
        switch self {
        case .databaseInstance, .instancePermissions: .databaseInstances
        case .databaseCatalog: .databaseCatalogs
        case .syncedTable: .syncedDatabaseTables
        }
    }

    /// This kind's field rules.
    public var rules: FieldRules {
        switch self {
        case .databaseInstance: .databaseInstance
        case .databaseCatalog: .databaseCatalog
        case .syncedTable: .syncedTable
        case .instancePermissions: .instancePermissions
        }
    }
}

/// Identifies a plan node: a resource, or an instance's permissions (`resources.database_instances.db.permissions`).
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
    public var kind: NodeKind { isPermissions ? .instancePermissions : NodeKind(resource.kind) }

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
        guard !permissions || resource.kind == .databaseInstances else { return nil }
        self.init(resource, permissions: permissions)
    }

    /// Byte order of the state key, as the CLI sorts plan lines.
    public static func < (lhs: NodeKey, rhs: NodeKey) -> Bool {
        Array(lhs.stateKey.utf8).lexicographicallyPrecedes(Array(rhs.stateKey.utf8))
    }
}
