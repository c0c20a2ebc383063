import Foundation

/// The PostgreSQL table a synced table writes to.
struct DestinationTable: Sendable {
    var database: String
    var schema: String
    var table: String
    var columns: [SourceColumn]
    var primaryKey: [String]
    var typeOverrides: [TypeOverride]

    /// Hash partitions of every synced table (as the platform partitions by the primary key).
    static let partitionCount = 4

    /// `schema.table`, quoted.
    var qualifiedName: String { "\(SQLText.identifier(schema)).\(SQLText.identifier(table))" }

    /// The table, partitioned by hash of the primary key, and its partitions `<table>_p0` … (idempotent).
    var createStatements: [String] {
        guard !primaryKey.isEmpty else { return [createStatement] }
        let keys = primaryKey.map(SQLText.identifier).joined(separator: ", ")
        return [createStatement + " PARTITION BY HASH (\(keys))"] + (0..<Self.partitionCount).map { index in
            "CREATE TABLE IF NOT EXISTS \(SQLText.identifier(schema)).\(SQLText.identifier("\(table)_p\(index)")) "
                + "PARTITION OF \(qualifiedName) FOR VALUES WITH (MODULUS \(Self.partitionCount), REMAINDER \(index))"
        }
    }

    /// `CREATE TABLE IF NOT EXISTS` with the mapped column types and the primary key.
    var createStatement: String {
        var definitions = columns.map { column in
            let type = typeOverrides.first { $0.columnName == column.name }.map(Self.overrideType) ?? column.type.postgresType
            let notNull = primaryKey.contains(column.name) || !column.nullable ? " NOT NULL" : ""
            return "\(SQLText.identifier(column.name)) \(type)\(notNull)"
        }
        if !primaryKey.isEmpty {
            definitions.append("PRIMARY KEY (\(primaryKey.map(SQLText.identifier).joined(separator: ", ")))")
        }
        return "CREATE TABLE IF NOT EXISTS \(SQLText.identifier(schema)).\(SQLText.identifier(table)) ("
            + definitions.joined(separator: ", ") + ")"
    }

    private static func overrideType(_ override: TypeOverride) -> String {
        switch override.pgType {
        case "PG_SPECIFIC_TYPE_VARCHAR": return override.size.map { "varchar(\($0))" } ?? "varchar"
        default: return "real[]"
        }
    }
}

/// Why a synced table's pipeline cannot write its destination (shown as the table's failure message).
struct DestinationFailure: Error, Sendable {
    let message: String
}

extension PostgresFleet {
    /// Creates the destination table of a synced table; the database and schema are created only when
    /// `createMissingObjects` is set, otherwise their absence is a `DestinationFailure`. The DDL runs off the
    /// fleet's actor on pooled connections, so tables on different instances are created at once.
    nonisolated func createSyncedTable(_ destination: DestinationTable, createMissingObjects: Bool, address: String) async throws {
        let server = adminParameters(address: address, database: "postgres")
        let exists = try await BlockingWork.run {
            try ConnectionPool.shared.with(server) { connection in
                try !connection.query("SELECT 1 FROM pg_database WHERE datname = $1", [destination.database]).isEmpty
            }
        }
        if !exists {
            guard createMissingObjects else {
                throw DestinationFailure(
                    message: "Database '\(destination.database)' does not exist; set create_database_objects_if_missing.")
            }
            try await createDatabase(destination.database, address: address)
        }
        let database = adminParameters(address: address, database: destination.database)
        try await BlockingWork.run {
            try ConnectionPool.shared.with(database) { connection in
                if try connection.query("SELECT 1 FROM pg_namespace WHERE nspname = $1", [destination.schema]).isEmpty {
                    guard createMissingObjects else {
                        throw DestinationFailure(
                            message: "Schema '\(destination.schema)' does not exist in database '\(destination.database)'; "
                                + "set create_database_objects_if_missing.")
                    }
                    try connection.execute(
                        "CREATE SCHEMA \(SQLText.identifier(destination.schema)) AUTHORIZATION "
                            + SQLText.identifier(Self.superuserGroup))
                }
                // The table and its partitions in one transaction and one round trip (the schema above stays on
                // its own: tables of one schema are created at once, and a schema created in a longer
                // transaction would make the others fail on it).
                try connection.execute((["BEGIN"] + destination.createStatements + ["COMMIT"]).joined(separator: ";\n"))
            }
        }
    }
}
