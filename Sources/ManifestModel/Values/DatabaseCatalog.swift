/// A PostgreSQL database registered as a Unity Catalog catalog (lakebase-api.md §4).
public struct DatabaseCatalog: Sendable, Hashable, Codable {
    /// Identifier: the UC catalog name.
    public var name: String
    /// The instance holding the database.
    public var databaseInstanceName: String
    /// The PostgreSQL database.
    public var databaseName: String
    /// Input-only: create the database when missing.
    public var createDatabaseIfNotExists: Bool?
    /// Output.
    public var uid: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, uid
        case databaseInstanceName = "database_instance_name"
        case databaseName = "database_name"
        case createDatabaseIfNotExists = "create_database_if_not_exists"
    }
}
