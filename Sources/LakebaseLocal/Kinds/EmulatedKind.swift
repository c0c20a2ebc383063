/// A resource kind the emulator serves: the bundle kind it answers for, the REST collection its routes live under,
/// and the routes (which call the kind's state table in `LocalWorkspace`). Adding a kind: one file with its
/// `EmulatedKind` and its record, and one line in `EmulatedKinds.all`.
struct EmulatedKind: Sendable {
    /// The bundle kind (`database_instances`).
    let bundleKind: String
    /// The collection path (`/api/2.0/database/instances`).
    let collection: String
    /// The kind's routes over `workspace`, below `collection`.
    let routes: @Sendable (_ workspace: LocalWorkspace, _ collection: String) -> [Route]

    init(bundleKind: String, collection: String,
         routes: @escaping @Sendable (_ workspace: LocalWorkspace, _ collection: String) -> [Route]) {
        self.bundleKind = bundleKind
        self.collection = collection
        self.routes = routes
    }
}

/// Every kind the emulator serves.
public enum EmulatedKinds {
    static let all: [EmulatedKind] = [
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

    /// Bundle kind → collection path, for the tests that check every kind `reconcile` knows is served here.
    public static var collections: [String: String] {
        Dictionary(all.map { ($0.bundleKind, $0.collection) }, uniquingKeysWith: { first, _ in first })
    }

    /// Every kind's routes.
    static func routes(_ workspace: LocalWorkspace) -> [Route] {
        all.flatMap { $0.routes(workspace, $0.collection) }
    }
}
