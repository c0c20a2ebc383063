import Synchronization
import ManifestModel

/// The behaviour of every node kind. Resource kinds are listed in `builtIn` (one line each); the permissions
/// sub-node of every kind that takes permissions shares one behaviour. Adding a kind: one `KindBehaviour` file and
/// one line here.
public enum KindBehaviours {
    static let builtIn: [KindBehaviour] = [
        .databaseInstances,
        .databaseCatalogs,
        .syncedDatabaseTables,
        .postgresProjects,
        .postgresBranches,
        .postgresEndpoints,
        .postgresDatabases,
        .postgresRoles,
        .postgresCatalogs,
        .postgresSyncedTables,
    ]

    private static let registered = Mutex(Dictionary(builtIn.map { ($0.kind.resourceKind.rawValue, $0) }, uniquingKeysWith: { first, _ in first }))

    /// Registers the behaviour of another kind (a test kind, or a later family).
    public static func register(_ behaviour: KindBehaviour) { registered.withLock { $0[behaviour.kind.resourceKind.rawValue] = behaviour } }

    /// Every registered resource kind's behaviour, in the kinds' registry order.
    public static var all: [KindBehaviour] { registered.withLock { Array($0.values) }.sorted { $0.kind.resourceKind < $1.kind.resourceKind } }

    /// The behaviour registered for `kind`, or nil when nobody described it (the meta-test requires one per kind).
    static func registered(_ kind: ResourceKind) -> KindBehaviour? { registered.withLock { $0[kind.rawValue] } }

    /// The behaviour of `kind`; a kind nobody described gets one that asks before every delete.
    public static func behaviour(of kind: NodeKind) -> KindBehaviour {
        if kind.isPermissions { return .permissions(of: kind.resourceKind) }
        return registered.withLock { $0[kind.resourceKind.rawValue] } ?? .undescribed(kind.resourceKind)
    }
}

extension KindBehaviour {
    /// The behaviour of a kind that has a schema but no behaviour: every delete needs approval.
    static func undescribed(_ kind: ResourceKind) -> KindBehaviour {
        KindBehaviour(
            kind: NodeKind(kind),
            banner: .group(deploy: "This action will result in the deletion or recreation of the following \(kind.rawValue):",
                           destroy: "This action will result in the deletion of the following \(kind.rawValue):"),
            summary: SummarySection(title: kind.rawValue, url: { _, host in host }, liveState: { _ in "exists" }))
    }
}
