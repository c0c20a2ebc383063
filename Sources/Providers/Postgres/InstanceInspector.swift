#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import PostgresBridge

/// Facts about a synced table's PostgreSQL table, read over libpq.
public struct PostgresTableFacts: Sendable, Hashable {
    /// Whether the table exists.
    public var exists: Bool
    /// Rows (exact count).
    public var rows: Int64
    /// Total size of the table and its partitions, with indexes (the accelerator's `pg_inherits` query).
    public var totalBytes: Int64
    /// Number of partitions.
    public var partitions: Int
}

/// Connections in use on an instance, against its limit.
public struct PostgresConnectionFacts: Sendable, Hashable {
    /// Sessions open now.
    public var inUse: Int
    /// `max_connections`.
    public var limit: Int
}

/// The databases and roles of a PostgreSQL server.
public struct PostgresServerFacts: Sendable, Hashable {
    /// A database and its size.
    public struct Database: Sendable, Hashable {
        /// Its name.
        public var name: String
        /// `pg_database_size`.
        public var bytes: Int64
    }

    /// Databases, by name.
    public var databases: [Database]
    /// Role names, by name.
    public var roles: [String]
}

/// Reads what `reconcile status` shows from inside an instance, logged in with a generated credential.
public struct InstanceInspector: Sendable {
    let login: InstanceLogin

    /// An inspector logging in with `login`.
    public init(login: InstanceLogin) { self.login = login }

    /// Sessions in use and the limit.
    public func connections() async throws -> PostgresConnectionFacts {
        let login = login
        return try await Self.offThread {
            let connection = try login.connect()
            let row = try connection.query("SELECT (SELECT count(*) FROM pg_stat_activity)::text, current_setting('max_connections')").first
            return PostgresConnectionFacts(inUse: Int(row?[0] ?? "") ?? 0, limit: Int(row?[1] ?? "") ?? 0)
        }
    }

    /// The databases of the server (templates aside) with their sizes, and its roles (PostgreSQL's own aside).
    public func catalogue() async throws -> PostgresServerFacts {
        let login = login
        return try await Self.offThread {
            let connection = try login.connect()
            let databases = try connection.query(
                "SELECT datname, pg_database_size(datname)::text FROM pg_database WHERE NOT datistemplate ORDER BY datname")
            let roles = try connection.query("SELECT rolname FROM pg_roles WHERE rolname NOT LIKE 'pg\\_%' ORDER BY rolname")
            return PostgresServerFacts(
                databases: databases.compactMap { row in row[0].map { ($0, Int64(row[1] ?? "") ?? 0) } }.map { PostgresServerFacts.Database(name: $0.0, bytes: $0.1) },
                roles: roles.compactMap { $0[0] })
        }
    }

    /// Facts of `schema.table` in `database`.
    public func table(database: String, schema: String, table: String) async throws -> PostgresTableFacts {
        var login = login
        login.database = database
        let target = login
        return try await Self.offThread {
            let connection = try target.connect()
            let found = try connection.query(
                "SELECT c.oid::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = $2",
                [schema, table])
            guard let oid = found.first?.first ?? nil else { return PostgresTableFacts(exists: false, rows: 0, totalBytes: 0, partitions: 0) }
            let quoted = Self.quotedIdentifier(schema) + "." + Self.quotedIdentifier(table)
            let rows = try connection.query("SELECT count(*)::text FROM \(quoted)").first?.first.flatMap { $0.flatMap(Int64.init) } ?? 0
            let sizes = try connection.query("""
                SELECT count(child.oid)::text, (coalesce(sum(pg_total_relation_size(child.oid)), 0) + pg_total_relation_size(parent.oid))::text
                FROM pg_class parent LEFT JOIN pg_inherits ON pg_inherits.inhparent = parent.oid
                LEFT JOIN pg_class child ON pg_inherits.inhrelid = child.oid WHERE parent.oid = $1::oid GROUP BY parent.oid
                """, [oid]).first
            return PostgresTableFacts(exists: true, rows: rows, totalBytes: sizes?[1].flatMap { Int64($0) } ?? 0,
                                      partitions: sizes?[0].flatMap { Int($0) } ?? 0)
        }
    }

    /// `name` as a PostgreSQL quoted identifier: in double quotes, each double quote doubled (scalar by scalar, so a
    /// quote followed by a combining mark is doubled too).
    static func quotedIdentifier(_ name: String) -> String {
        var out = "\""
        for scalar in name.unicodeScalars {
            if scalar == "\"" { out += "\"\"" } else { out.unicodeScalars.append(scalar) }
        }
        return out + "\""
    }

    private static func offThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await OwnThread.result { Result { try work() } }.get()
    }
}
