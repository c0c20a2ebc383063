import Foundation
import PostgresBridge

/// The lakehouse behind Unity Catalog's source tables: one PostgreSQL server run by lakebase-local (started on
/// first use, seeded once, kept across restarts), one database per catalog, change data feed by triggers.
actor Lakehouse {
    /// The server's folder name among the fleet's servers.
    static let uid = "lakehouse"

    let fleet: PostgresFleet
    let tables: [SourceTable]
    private let folder: URL
    private var startTask: Task<String, any Error>?

    /// A lakehouse serving `tables`, with its files under `dataDirectory`.
    init(fleet: PostgresFleet, tables: [SourceTable], dataDirectory: URL) {
        self.fleet = fleet
        self.tables = tables
        folder = dataDirectory
    }

    /// The address the server listens on, once it runs and holds the seed.
    func address() async throws -> String {
        if let startTask { return try await startTask.value }
        let task = Task { try await self.startAndSeed() }
        startTask = task
        do {
            return try await task.value
        } catch {
            startTask = nil
            throw error
        }
    }

    /// libpq parameters for a catalog's database (for work off the actor).
    func parameters(catalog: String) async throws -> [String: String] {
        fleet.adminParameters(address: try await address(), database: catalog)
    }

    /// Stops the server if it runs.
    func stop() async {
        guard startTask != nil else { return }
        do { try await fleet.stop(uid: Self.uid) } catch { LocalWorkspace.report("stopping the lakehouse failed: \(error)") }
        startTask = nil
    }

    private var infoFile: URL { folder.appendingPathComponent("lakehouse.json") }
    private var seededMarker: URL { folder.appendingPathComponent("instances/\(Self.uid)/seeded") }

    private func startAndSeed() async throws -> String {
        let address = try chooseAddress()
        try await fleet.start(uid: Self.uid, address: address)
        let info = "{\"host\":\"\(address)\",\"port\":\(fleet.serverPort),\"user\":\"\(PostgresFleet.adminRole)\"}\n"
        try Data(info.utf8).write(to: infoFile)
        if !FileManager.default.fileExists(atPath: seededMarker.path) {
            let fleet = fleet
            let tables = tables
            try await BlockingWork.run { try Self.seed(tables, fleet: fleet, address: address) }
            guard FileManager.default.createFile(atPath: seededMarker.path, contents: nil) else {
                throw LocalServerError("cannot write \(seededMarker.path); is the data folder writable?")
            }
        }
        return address
    }

    /// The address kept from an earlier run, else the first free one in 127.0.0.2–254 (instances use 127.0.1.x+).
    private func chooseAddress() throws -> String {
        if let data = try? Data(contentsOf: infoFile), let text = String(data: data, encoding: .utf8),
           let range = text.range(of: #""host":"([0-9.]+)""#, options: .regularExpression) {
            return String(text[range].dropFirst(8).dropLast())
        }
        for last in 2...254 where LoopbackProbe.isFree(address: "127.0.0.\(last)", port: fleet.serverPort) {
            return "127.0.0.\(last)"
        }
        throw LocalServerError("no free loopback address in 127.0.0.0/24 for the lakehouse at port \(fleet.serverPort)")
    }

    /// Creates the catalogs' databases, schemas, tables, rows, views and change data feeds.
    private static func seed(_ tables: [SourceTable], fleet: PostgresFleet, address: String) throws {
        let admin = try PGConnection(parameters: fleet.adminParameters(address: address, database: "postgres"))
        let catalogs = Array(Set(tables.map(\.catalog))).sorted()
        for catalog in catalogs {
            if try admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [catalog]).isEmpty {
                try admin.execute("CREATE DATABASE \(SQLText.identifier(catalog))")
            }
            let connection = try PGConnection(parameters: fleet.adminParameters(address: address, database: catalog))
            try connection.execute("SET client_min_messages = warning")
            try connection.execute(LakehouseSQL.changeDataFeedSetup)
            let members = tables.filter { $0.catalog == catalog }
            for schema in Array(Set(members.map(\.schema))).sorted() {
                try connection.execute("CREATE SCHEMA IF NOT EXISTS \(SQLText.identifier(schema))")
            }
            for table in members where table.definition == nil {
                try connection.execute("DROP TABLE IF EXISTS \(LakehouseSQL.qualified(table)) CASCADE")
                try connection.execute(LakehouseSQL.createTable(table))
                try load(table, into: connection)
            }
            for table in members {
                if let definition = table.definition {
                    try connection.execute("CREATE OR REPLACE VIEW \(LakehouseSQL.qualified(table)) AS \(definition)")
                } else if table.changeDataFeedEnabled {
                    try connection.execute(LakehouseSQL.enableChangeDataFeed(table))
                }
            }
        }
    }

    private static func load(_ table: SourceTable, into connection: PGConnection) throws {
        if let csvPath = table.csvPath {
            guard let data = FileManager.default.contents(atPath: csvPath) else {
                throw LocalServerError("cannot read the CSV file \(csvPath) of \(table.fullName)")
            }
            let columns = table.columns.map { SQLText.identifier($0.name) }.joined(separator: ", ")
            _ = try connection.copyIn(
                "COPY \(LakehouseSQL.qualified(table)) (\(columns)) FROM STDIN WITH (FORMAT csv, HEADER true)", data: data)
        } else if table.rowCount > 0 {
            try connection.execute(LakehouseSQL.generateRows(table))
        }
    }
}
