import Synchronization

/// The client of every kind, by the node kind name the reconciler uses (`database_instances`,
/// `database_instances.permissions`). Adding a kind: one `KindClient` file and one line in `builtIn`.
public enum KindClients {
    /// Makes a kind's client from the workspace client and the wait options.
    public typealias Factory = @Sendable (WorkspaceClient, WaitOptions) -> any KindClient

    static let builtIn: [(name: String, make: Factory)] = [
        ("database_instances", CollectionClient.databaseInstances),
        ("database_instances.permissions", { PermissionsClient(client: $0, waitOptions: $1) }),
        ("database_catalogs", CollectionClient.databaseCatalogs),
        ("synced_database_tables", CollectionClient.syncedDatabaseTables),
        ("postgres_projects", PostgresClient.projects),
        ("postgres_projects.permissions", { PermissionsClient(client: $0, waitOptions: $1) }),
        ("postgres_branches", PostgresClient.branches),
        ("postgres_endpoints", PostgresClient.endpoints),
        ("postgres_databases", PostgresClient.databases),
        ("postgres_roles", PostgresClient.roles),
        ("postgres_catalogs", PostgresClient.catalogs),
        ("postgres_synced_tables", PostgresClient.syncedTables),
    ]

    private static let registered = Mutex(Dictionary(builtIn.map { ($0.name, $0.make) }, uniquingKeysWith: { first, _ in first }))

    /// Registers the client of another kind (a test kind, or a later family).
    public static func register(_ name: String, _ make: @escaping Factory) { registered.withLock { $0[name] = make } }

    /// The names that have a client.
    public static var names: [String] { registered.withLock { $0.keys.sorted() } }

    /// Every registered kind's client, over `client`.
    public static func make(client: WorkspaceClient, waitOptions: WaitOptions) -> [String: any KindClient] {
        registered.withLock { $0 }.mapValues { $0(client, waitOptions) }
    }
}
