/// The Lakebase resource kinds a bundle can declare, named as in `resources.<kind>`.
public enum ResourceKind: String, Sendable, Hashable, CaseIterable, Comparable, Codable {
    case databaseInstances = "database_instances"
    case databaseCatalogs = "database_catalogs"
    case syncedDatabaseTables = "synced_database_tables"

    /// The kind name without its trailing `s`, as the Databricks CLI words messages (`database_instance`).
    public var singular: String { String(rawValue.dropLast()) }

    /// Manifest order: instances, catalogs, synced tables.
    public static func < (lhs: ResourceKind, rhs: ResourceKind) -> Bool {
        order(lhs) < order(rhs)
    }

    /// The field schema of this kind.
    public var schema: ResourceSchema {
        switch self {
        case .databaseInstances: .databaseInstance
        case .databaseCatalogs: .databaseCatalog
        case .syncedDatabaseTables: .syncedDatabaseTable
        }
    }
}

private func order(_ kind: ResourceKind) -> Int {
    switch kind {
    case .databaseInstances: 0
    case .databaseCatalogs: 1
    case .syncedDatabaseTables: 2
    }
}
