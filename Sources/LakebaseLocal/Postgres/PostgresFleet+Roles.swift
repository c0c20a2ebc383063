import Foundation
import PostgresBridge

extension PostgresFleet {
    /// Name of the role that instance owners and credential users belong to, as on the platform.
    static let superuserGroup = "databricks_superuser"
    /// The default database of every instance.
    static let defaultDatabase = "databricks_postgres"

    /// Makes the platform's fixed objects exist: the `databricks_superuser` group, the `databricks_postgres`
    /// database, and the creator's login role in that group. Safe to run on every start.
    func bootstrap(address: String, creator: String) throws {
        let admin = try connect(address: address)
        try ensureGroup(admin)
        if try admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [Self.defaultDatabase]).isEmpty {
            try admin.execute("CREATE DATABASE \(SQLText.identifier(Self.defaultDatabase))")
        }
        try grantDatabase(Self.defaultDatabase, address: address, admin: admin)
        try ensureLoginRole(creator, admin: admin)
    }

    /// Whether `database` exists on the server at `address`.
    func databaseExists(_ database: String, address: String) throws -> Bool {
        try !connect(address: address).query("SELECT 1 FROM pg_database WHERE datname = $1", [database]).isEmpty
    }

    /// Creates `database` (when missing) and gives `databricks_superuser` full rights in it.
    func createDatabase(_ database: String, address: String) throws {
        let admin = try connect(address: address)
        if try admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]).isEmpty {
            try admin.execute("CREATE DATABASE \(SQLText.identifier(database))")
        }
        try grantDatabase(database, address: address, admin: admin)
    }

    /// Sets `password` as the login password of `role` until `expiry`, creating the role (in
    /// `databricks_superuser`) when needed. Only the SCRAM verifier reaches the server.
    func setPassword(_ password: String, role: String, expiry: Date, address: String) throws {
        let admin = try connect(address: address)
        try ensureGroup(admin)
        try ensureLoginRole(role, admin: admin)
        let verifier = try admin.scramVerifier(password: password, role: role)
        let until = ISO8601DateFormatter().string(from: expiry)
        try admin.execute(
            "ALTER ROLE \(SQLText.identifier(role)) WITH LOGIN PASSWORD \(SQLText.literal(verifier)) "
                + "VALID UNTIL \(SQLText.literal(until))")
    }

    /// Drops `schema.table` in `database` when it exists.
    func dropTable(database: String, schema: String, table: String, address: String) throws {
        guard try databaseExists(database, address: address) else { return }
        try connect(address: address, database: database).execute(
            "DROP TABLE IF EXISTS \(SQLText.identifier(schema)).\(SQLText.identifier(table))")
    }

    /// Whether `schema.table` exists in `database`.
    func tableExists(database: String, schema: String, table: String, address: String) throws -> Bool {
        guard try databaseExists(database, address: address) else { return false }
        return try !connect(address: address, database: database).query(
            "SELECT 1 FROM pg_tables WHERE schemaname = $1 AND tablename = $2", [schema, table]
        ).isEmpty
    }

    private func ensureGroup(_ admin: PGConnection) throws {
        guard try admin.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [Self.superuserGroup]).isEmpty else { return }
        try admin.execute(
            "CREATE ROLE \(SQLText.identifier(Self.superuserGroup)) NOLOGIN CREATEDB CREATEROLE; "
                + "GRANT pg_read_all_data, pg_write_all_data, pg_signal_backend TO "
                + SQLText.identifier(Self.superuserGroup))
    }

    private func ensureLoginRole(_ role: String, admin: PGConnection) throws {
        if try admin.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]).isEmpty {
            try admin.execute(
                "CREATE ROLE \(SQLText.identifier(role)) LOGIN IN ROLE \(SQLText.identifier(Self.superuserGroup))")
        }
    }

    private func grantDatabase(_ database: String, address: String, admin: PGConnection) throws {
        let group = SQLText.identifier(Self.superuserGroup)
        try admin.execute("GRANT ALL ON DATABASE \(SQLText.identifier(database)) TO \(group)")
        try connect(address: address, database: database).execute(
            "GRANT ALL ON SCHEMA public TO \(group); "
                + "ALTER DEFAULT PRIVILEGES GRANT ALL ON TABLES TO \(group)")
    }
}
