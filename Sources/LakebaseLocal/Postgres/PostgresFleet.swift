import Foundation
import PostgresBridge

/// The real PostgreSQL servers behind the emulated database instances: one server per instance, each in its
/// own folder under `<data-dir>/instances/<uid>`, listening on its own loopback address at the shared port.
actor PostgresFleet {
    /// Name of the superuser the emulator administers each server with.
    static let adminRole = "lakebase_admin"

    let installation: PostgresInstallation
    let runner: CommandRunner
    let root: URL
    private let port: Int
    private let certificate: TLSCertificate
    let adminPassword: String
    private var templateTask: Task<URL, any Error>?

    /// Prepares the fleet under `dataDirectory` (certificate and admin password are made once and kept).
    init(dataDirectory: URL, port: Int, runner: CommandRunner = .current) async throws {
        installation = try PostgresInstallation.locate()
        self.runner = runner
        self.port = port
        root = dataDirectory.appendingPathComponent("instances")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try Self.checkAccess(of: dataDirectory, runner: runner)
        certificate = try await TLSCertificate.ensure(
            in: dataDirectory.appendingPathComponent("tls"), runner: runner)
        adminPassword = try Self.adminPassword(in: dataDirectory)
    }

    /// The port every instance listens on.
    nonisolated var serverPort: Int { port }

    /// Creates the server's files (once) and starts it on `address`; an orphaned server left running by a
    /// killed emulator is stopped and started again so that it listens where we say. It keeps up to 256 MB of WAL
    /// (segments are 1 MB): a branch copied by `pg_basebackup` while the source writes, and a read-only standby
    /// catching up, must still find the segments they stream.
    func start(uid: String, address: String) async throws {
        let folder = root.appendingPathComponent(uid)
        let dataFolder = folder.appendingPathComponent("pgdata")
        if !FileManager.default.fileExists(atPath: dataFolder.appendingPathComponent("PG_VERSION").path) {
            try await initialize(folder: folder, dataFolder: dataFolder)
        }
        if try await isRunning(folder: folder) { try await stop(uid: uid) }
        try Self.hostBasedAccess.write(to: dataFolder.appendingPathComponent("pg_hba.conf"), atomically: false, encoding: .utf8)
        try await runner.run(
            installation.pgCtl,
            [
                "-D", dataFolder.path, "-l", folder.appendingPathComponent("server.log").path, "-w", "-t", "60",
                "-o", "-c listen_addresses=\(address) -c port=\(port) -c wal_keep_size=256MB", "start",
            ],
            logFile: folder.appendingPathComponent("pg_ctl.log"), workingDirectory: folder)
    }

    /// Stops the server (fast shutdown); a server that is not running is fine.
    func stop(uid: String) async throws {
        let folder = root.appendingPathComponent(uid)
        guard FileManager.default.fileExists(atPath: folder.path), try await isRunning(folder: folder) else { return }
        try await runner.run(
            installation.pgCtl, ["-D", folder.appendingPathComponent("pgdata").path, "-m", "fast", "-w", "stop"],
            logFile: folder.appendingPathComponent("pg_ctl.log"), workingDirectory: folder)
    }

    /// Stops the server and deletes its files.
    func remove(uid: String) async throws {
        try await stop(uid: uid)
        let folder = root.appendingPathComponent(uid)
        if FileManager.default.fileExists(atPath: folder.path) { try FileManager.default.removeItem(at: folder) }
    }

    /// An administrative connection to `database` on the server at `address`.
    func connect(address: String, database: String = "postgres") throws -> PGConnection {
        try PGConnection(parameters: adminParameters(address: address, database: database))
    }

    /// libpq parameters of an administrative connection (for work done off the actor, e.g. sync pipelines).
    nonisolated func adminParameters(address: String, database: String) -> [String: String] {
        [
            "host": address, "port": String(port), "dbname": database, "user": Self.adminRole,
            "password": adminPassword, "sslmode": "require", "connect_timeout": "10",
            "application_name": "lakebase-local",
        ]
    }

    func isRunning(folder: URL) async throws -> Bool {
        let status = try await runner.exitStatus(
            installation.pgCtl, ["-D", folder.appendingPathComponent("pgdata").path, "status"],
            logFile: folder.appendingPathComponent("pg_ctl.log"), workingDirectory: folder)
        return status == 0
    }

    /// Makes the template cluster now (in the background, while the first instance waits), so it starts fast.
    func prepareTemplate() async {
        do {
            _ = try await templateCluster()
        } catch {
            LocalWorkspace.report("preparing the PostgreSQL template cluster failed: \(error)")
        }
    }

    /// Gives a new instance its own copy of the template cluster (made once with initdb, so a new instance
    /// costs a file copy instead of an initdb run).
    private func initialize(folder: URL, dataFolder: URL) async throws {
        let template = try await templateCluster()
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: folder.path) { try fileManager.removeItem(at: folder) }
        try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
        try runner.handOver(folder)
        try await runner.run(
            "/bin/cp", ["-a", template.path, dataFolder.path],
            logFile: folder.appendingPathComponent("copy.log"), workingDirectory: folder)
    }

    /// `<data-dir>/template/pgdata`, created by the first caller; concurrent callers wait for it.
    private func templateCluster() async throws -> URL {
        if let templateTask { return try await templateTask.value }
        let task = Task { try await self.makeTemplate() }
        templateTask = task
        do {
            return try await task.value
        } catch {
            templateTask = nil
            throw error
        }
    }

    private func makeTemplate() async throws -> URL {
        let folder = root.deletingLastPathComponent().appendingPathComponent("template")
        let dataFolder = folder.appendingPathComponent("pgdata")
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: folder.appendingPathComponent("ready").path) { return dataFolder }
        if fileManager.fileExists(atPath: folder.path) { try fileManager.removeItem(at: folder) }
        try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
        try runner.handOver(folder)
        let passwordFile = folder.appendingPathComponent("admin.pw")
        try Data((adminPassword + "\n").utf8).write(to: passwordFile)
        try fileManager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: passwordFile.path)
        try runner.handOver(passwordFile)
        defer { try? fileManager.removeItem(at: passwordFile) }
        try await runner.run(
            installation.initdb,
            [
                "-D", dataFolder.path, "-U", Self.adminRole, "--pwfile", passwordFile.path, "--auth", "scram-sha-256",
                "-E", "UTF8", "--locale", "C", "--no-sync", "--wal-segsize", "1",
            ],
            logFile: folder.appendingPathComponent("initdb.log"), workingDirectory: folder)
        try appendConfiguration(dataFolder: dataFolder)
        guard fileManager.createFile(atPath: folder.appendingPathComponent("ready").path, contents: nil) else {
            throw LocalServerError("cannot write \(folder.appendingPathComponent("ready").path); is the data folder writable?")
        }
        return dataFolder
    }

    private func appendConfiguration(dataFolder: URL) throws {
        let settings = [
            "unix_socket_directories = ''",
            "ssl = on",
            "ssl_cert_file = \(SQLText.literal(certificate.certificateFile.path))",
            "ssl_key_file = \(SQLText.literal(certificate.keyFile.path))",
            "password_encryption = 'scram-sha-256'",
            "shared_buffers = '16MB'",
            "max_connections = 100",
            "fsync = off",
            "synchronous_commit = off",
            "full_page_writes = off",
            "log_min_error_statement = panic",
            "min_wal_size = '2MB'",
            "max_wal_size = '64MB'",
        ]
        let configFile = dataFolder.appendingPathComponent("postgresql.conf")
        let existing = try String(contentsOf: configFile, encoding: .utf8)
        try (existing + "\n# lakebase-local\n" + settings.joined(separator: "\n") + "\n")
            .write(to: configFile, atomically: false, encoding: .utf8)
        try Self.hostBasedAccess.write(to: dataFolder.appendingPathComponent("pg_hba.conf"), atomically: false, encoding: .utf8)
    }

    /// TLS and SCRAM passwords only, loopback only, as on the platform; replication connections too, which copy a
    /// branch's data and feed read-only endpoints.
    static let hostBasedAccess = """
        # lakebase-local: TLS and SCRAM passwords only, loopback only, as on the platform
        hostssl all all 127.0.0.0/8 scram-sha-256
        hostssl replication all 127.0.0.0/8 scram-sha-256

        """

    private static func adminPassword(in dataDirectory: URL) throws -> String {
        let file = dataDirectory.appendingPathComponent("admin-password")
        if let existing = try? String(contentsOf: file, encoding: .utf8), !existing.isEmpty {
            return existing.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let password = RandomToken.hex(bytes: 24)
        try Data(password.utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        return password
    }

    private static func checkAccess(of dataDirectory: URL, runner: CommandRunner) throws {
        guard let user = runner.runAsUser else { return }
        var folder = dataDirectory.standardizedFileURL
        while folder.path != "/" {
            let attributes = try FileManager.default.attributesOfItem(atPath: folder.path)
            let permissions = (attributes[.posixPermissions] as? Int) ?? 0
            guard permissions & 0o001 != 0 else {
                throw LocalServerError(
                    "the PostgreSQL servers run as user '\(user)', who cannot enter \(folder.path) "
                        + "(mode \(String(permissions, radix: 8))); choose a --data-dir under a folder others can enter, "
                        + "or run: chmod o+x \(folder.path)")
            }
            folder.deleteLastPathComponent()
        }
    }
}
