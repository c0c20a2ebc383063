import Foundation
import PostgresBridge

extension PostgresFleet {
    /// Copies the cluster in folder `source` into folder `target`: `pg_basebackup` from its server at `sourceAddress`
    /// (a consistent copy as of now, while it keeps serving), or a file copy when it is not running. With `standby`,
    /// the copy follows the source as a hot standby (a read-only endpoint); without, it is a cluster of its own (a
    /// branch), and writes on either never show on the other.
    func copyCluster(from source: String, sourceAddress: String?, to target: String, standby: Bool) async throws {
        let sourceFolder = root.appendingPathComponent(source)
        let folder = root.appendingPathComponent(target)
        let dataFolder = folder.appendingPathComponent("pgdata")
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: folder.path) { try fileManager.removeItem(at: folder) }
        try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
        try runner.handOver(folder)
        if let sourceAddress, try await isRunning(folder: sourceFolder) {
            let connection = "host=\(sourceAddress) port=\(serverPort) user=\(Self.adminRole) sslmode=require "
                + "passfile=\(try passwordFile().path) application_name=lakebase-local-copy"
            try await runner.run(
                installation.pgBasebackup,
                ["-D", dataFolder.path, "-d", connection, "-X", "stream", "-c", "fast", "--no-sync"] + (standby ? ["-R"] : []),
                logFile: folder.appendingPathComponent("copy.log"), workingDirectory: folder)
        } else {
            guard !standby else { throw LocalServerError("a read-only endpoint needs its branch's server running") }
            try await runner.run(
                "/bin/cp", ["-a", sourceFolder.appendingPathComponent("pgdata").path, dataFolder.path],
                logFile: folder.appendingPathComponent("copy.log"), workingDirectory: folder)
            for leftover in ["postmaster.pid", "standby.signal"] {
                try? fileManager.removeItem(at: dataFolder.appendingPathComponent(leftover))
            }
        }
    }

    /// Waits until the standby at `standby` has replayed everything the server at `primary` has written so far (a
    /// credential set on a branch must work on its read-only endpoints at once).
    func waitForReplay(primary: String, standby: String, timeout: Double = 20) async throws {
        let target = try connect(address: primary).query("SELECT pg_current_wal_insert_lsn()::text").first?.first ?? nil
        guard let target else { return }
        let deadline = Date().addingTimeInterval(timeout)
        let follower = try connect(address: standby)
        while Date() < deadline {
            let caughtUp = try follower.query("SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn", [target]).first?.first ?? nil
            if caughtUp == "t" { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw LocalServerError("the read-only endpoint at \(standby) did not catch up with its branch within \(Int(timeout)) s")
    }

    /// `<data-dir>/admin.pgpass` (mode 0600, the server user's): the admin password for replication connections,
    /// so it appears in no command line and no configuration file.
    private func passwordFile() throws -> URL {
        let file = root.deletingLastPathComponent().appendingPathComponent("admin.pgpass")
        if !FileManager.default.fileExists(atPath: file.path) {
            try Data("*:*:*:\(Self.adminRole):\(adminPassword)\n".utf8).write(to: file)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
            try runner.handOver(file)
        }
        return file
    }

    /// Creates the role of a `postgres_roles` resource, or brings an existing one to the attributes and memberships
    /// asked (`DATABRICKS_SUPERUSER` is `databricks_superuser`).
    func applyRole(_ role: String, login: Bool, attributes: [String: Bool], memberships: [String], address: String) throws {
        let admin = try connect(address: address)
        let exists = try !admin.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]).isEmpty
        let options = [
            login ? "LOGIN" : "NOLOGIN",
            attributes["createdb"] == true ? "CREATEDB" : "NOCREATEDB",
            attributes["createrole"] == true ? "CREATEROLE" : "NOCREATEROLE",
            attributes["bypassrls"] == true ? "BYPASSRLS" : "NOBYPASSRLS",
        ].joined(separator: " ")
        try admin.execute("\(exists ? "ALTER" : "CREATE") ROLE \(SQLText.identifier(role)) WITH \(options)")
        let wantsSuperuserGroup = memberships.contains("DATABRICKS_SUPERUSER")
        let grant = wantsSuperuserGroup ? "GRANT" : "REVOKE"
        let direction = wantsSuperuserGroup ? "TO" : "FROM"
        try admin.execute("\(grant) \(SQLText.identifier(Self.superuserGroup)) \(direction) \(SQLText.identifier(role))")
    }

    /// Drops a role (its objects must be gone or owned by others).
    func dropRole(_ role: String, address: String) throws {
        try connect(address: address).execute("DROP ROLE IF EXISTS \(SQLText.identifier(role))")
    }

    /// Creates `database` owned by `owner`, or renames `previous` to it and gives it to `owner`.
    func applyDatabase(_ database: String, owner: String, previous: String?, address: String) throws {
        let admin = try connect(address: address)
        if let previous, previous != database,
           try !admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [previous]).isEmpty {
            try admin.execute("ALTER DATABASE \(SQLText.identifier(previous)) RENAME TO \(SQLText.identifier(database))")
        }
        if try admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]).isEmpty {
            try admin.execute("CREATE DATABASE \(SQLText.identifier(database)) OWNER \(SQLText.identifier(owner))")
        } else {
            try admin.execute("ALTER DATABASE \(SQLText.identifier(database)) OWNER TO \(SQLText.identifier(owner))")
        }
    }

    /// Drops `database` (connections to it are ended).
    func dropDatabase(_ database: String, address: String) throws {
        try connect(address: address).execute("DROP DATABASE IF EXISTS \(SQLText.identifier(database)) WITH (FORCE)")
    }
}
