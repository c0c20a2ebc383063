import Synchronization

/// Every resource kind `reconcile` manages, in the order manifests and outputs list them. Generic code (loader,
/// checks, reference graph, planner, renderers) asks the registry; nothing outside a kind's own file names a kind.
/// Adding a kind: one `KindSpec` file and one line in `builtIn`.
public enum KindRegistry {
    /// The kinds that ship with `reconcile`.
    static let builtIn: [KindSpec] = [
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

    /// Every registered kind, built-in ones first, in registry order.
    public static var all: [KindSpec] { store.withLock { $0.specs } }

    /// The kinds that ship with `reconcile` (without kinds registered at run time, e.g. by tests).
    public static var shipped: [KindSpec] { builtIn }

    /// The description of the kind named `name`.
    public static func spec(named name: String) -> KindSpec? {
        store.withLock { table in table.byName[name].map { table.specs[$0] } }
    }

    /// The position of `kind` in registry order (unregistered kinds last).
    static func position(of kind: ResourceKind) -> Int {
        store.withLock { $0.byName[kind.rawValue] } ?? Int.max
    }

    /// Registers another kind (a test kind, or a later family); registering a name again replaces its description.
    public static func register(_ spec: KindSpec) {
        store.withLock { table in
            if let index = table.byName[spec.kind.rawValue] {
                table.specs[index] = spec
            } else {
                table.byName[spec.kind.rawValue] = table.specs.count
                table.specs.append(spec)
            }
        }
    }

    private struct Table {
        var specs: [KindSpec]
        var byName: [String: Int]
    }

    private static let store = Mutex(Table(
        specs: builtIn, byName: Dictionary(uniqueKeysWithValues: builtIn.enumerated().map { ($1.kind.rawValue, $0) })))
}
