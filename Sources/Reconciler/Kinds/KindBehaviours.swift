import Foundation
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

    private static let registered = LockedBehaviours(builtIn)

    /// Registers the behaviour of another kind (a test kind, or a later family).
    public static func register(_ behaviour: KindBehaviour) { registered.set(behaviour) }

    /// Every registered resource kind's behaviour, in the kinds' registry order.
    public static var all: [KindBehaviour] { registered.all.sorted { $0.kind.resourceKind < $1.kind.resourceKind } }

    /// The behaviour registered for `kind`, or nil when nobody described it (the meta-test requires one per kind).
    static func registered(_ kind: ResourceKind) -> KindBehaviour? { registered.find(kind) }

    /// The behaviour of `kind`; a kind nobody described gets one that asks before every delete.
    public static func behaviour(of kind: NodeKind) -> KindBehaviour {
        if kind.isPermissions { return .permissions(of: kind.resourceKind) }
        return registered.find(kind.resourceKind) ?? .undescribed(kind.resourceKind)
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

/// The registered behaviours behind a lock.
private final class LockedBehaviours: @unchecked Sendable {
    private let lock = NSLock()
    private var byKind: [String: KindBehaviour]

    init(_ initial: [KindBehaviour]) {
        byKind = Dictionary(initial.map { ($0.kind.resourceKind.rawValue, $0) }, uniquingKeysWith: { first, _ in first })
    }

    var all: [KindBehaviour] { lock.withLock { Array(byKind.values) } }
    func find(_ kind: ResourceKind) -> KindBehaviour? { lock.withLock { byKind[kind.rawValue] } }
    func set(_ behaviour: KindBehaviour) { lock.withLock { byKind[behaviour.kind.resourceKind.rawValue] = behaviour } }
}
