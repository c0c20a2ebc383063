import Foundation
import LakebaseLocalHarness
import Testing
import JSONCore
import YAMLBridge

/// A bundle folder deployed with the real `reconcile` binary to a real `lakebase-local` that logs every request.
final class LocalDeployment {
    let emulator: Emulator
    let folder: URL
    let requestLog: URL

    /// Starts an emulator (with `flags`) and writes `manifest` as the bundle's databricks.yml.
    init(_ manifest: String, flags: [String] = []) async throws {
        folder = try Emulator.temporaryFolder()
        requestLog = folder.appendingPathComponent("requests.jsonl")
        emulator = try await Emulator.start(["--request-log", requestLog.path] + flags)
        try write(manifest)
    }

    deinit {
        let emulator = emulator
        Task { await emulator.stop() }
    }

    /// Replaces databricks.yml.
    func write(_ manifest: String) throws {
        try manifest.write(to: folder.appendingPathComponent("databricks.yml"), atomically: true, encoding: .utf8)
    }

    /// The environment that points `reconcile` at the emulator.
    var environment: [String: String] { ["DATABRICKS_HOST": emulator.baseURL, "DATABRICKS_TOKEN": Emulator.token] }

    /// Runs `reconcile` in the bundle folder.
    @discardableResult
    func reconcile(_ arguments: [String]) async throws -> (status: Int32, stdout: String, stderr: String) {
        try await ReconcileBinary.runOffPool(arguments, in: folder, environment: environment)
    }

    /// Applies with `--auto-approve` and expects success.
    func apply(_ extra: [String] = [], sourceLocation: Testing.SourceLocation = #_sourceLocation) async throws {
        let result = try await reconcile(["apply", "--auto-approve"] + extra)
        #expect(result.status == 0, "apply failed: \(result.stderr)", sourceLocation: sourceLocation)
    }

    /// How many requests were logged so far (the emulator appends; the log is never rewritten).
    func requestMark() throws -> Int { try loggedRequests().count }

    /// `METHOD path?query` of every request after `mark` that changes a Lakebase resource (state and lock files
    /// excluded).
    func lakebaseMutations(since mark: Int = 0) throws -> [String] {
        try loggedRequests().dropFirst(mark).filter { request in
            request.method != "GET" && (request.path.hasPrefix("/api/2.0/database/") || request.path.hasPrefix("/api/2.0/permissions/")
                || (request.path.hasPrefix("/api/2.0/postgres/") && request.path != "/api/2.0/postgres/credentials"))
        }.map { $0.method + " " + $0.path + ($0.query.isEmpty ? "" : "?" + $0.query) }
    }

    /// Every logged request.
    func loggedRequests() throws -> [(method: String, path: String, query: String, body: JSONValue?)] {
        let text = (try? String(contentsOf: requestLog, encoding: .utf8)) ?? ""
        return try text.split(separator: "\n").map { line in
            let record = try JSONParser.parse(String(line))
            let query = (record["query"]?.objectValue ?? JSONObject()).map { "\($0.key)=\($0.value.stringValue ?? "")" }
            return (record["method"]?.stringValue ?? "", record["path"]?.stringValue ?? "",
                    query.joined(separator: "&"), record["body"])
        }
    }

    /// The local state file's JSON.
    func localState(target: String = "default") throws -> JSONValue {
        let url = folder.appendingPathComponent(".databricks/bundle/\(target)/resources.json")
        return try JSONParser.parse(String(contentsOf: url, encoding: .utf8))
    }
}

/// Manifests used by the end-to-end tests.
enum Manifests {
    /// An instance, a catalog on it, and a synced table of `main.demo.orders_cdf`.
    static func estate(instance: String = "orders-db", capacity: String = "CU_1", policy: String = "TRIGGERED",
                       extra: String = "", instanceExtra: String = "") -> String {
        """
        bundle: {name: e2e}
        resources:
          database_instances:
            db:
              name: \(instance)
              capacity: \(capacity)
        \(instanceExtra)
          database_catalogs:
            cat: {name: serving, database_instance_name: "${resources.database_instances.db.name}", database_name: app, create_database_if_not_exists: true}
          synced_database_tables:
            orders:
              name: serving.public.orders
              spec:
                source_table_full_name: main.demo.orders_cdf
                primary_key_columns: [order_id]
                scheduling_policy: \(policy)
                new_pipeline_spec: {storage_catalog: main, storage_schema: demo}
        \(extra)
        """
    }
}

extension LocalDeployment {
    /// Starts `reconcile` without waiting for it; its standard error goes to `launched.stderr` in the folder.
    func launch(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = ReconcileBinary.url
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var env = ProcessInfo.processInfo.environment
        for key in env.keys where key.hasPrefix("DATABRICKS_") { env[key] = nil }
        env.merge(environment) { _, new in new }
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        let errors = folder.appendingPathComponent("launched.stderr")
        FileManager.default.createFile(atPath: errors.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        return process
    }

    /// Waits (without blocking a thread) until `process` exits; returns its status.
    static func exitStatus(of process: Process, timeout: TimeInterval = 120) async throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            guard Date() < deadline else { throw EmulatorError("reconcile did not finish within \(Int(timeout)) s") }
            try await Task.sleep(for: .milliseconds(50))
        }
        return process.terminationStatus
    }

    /// What the last launched process wrote on standard error.
    var launchedErrors: String {
        (try? String(contentsOf: folder.appendingPathComponent("launched.stderr"), encoding: .utf8)) ?? ""
    }

    /// The workspace state folder of the default target.
    var statePath: String { "/Workspace/Users/\(Emulator.user)/.bundle/e2e/default/state" }

    /// Whether a workspace file exists.
    func workspaceFileExists(_ path: String) async throws -> Bool {
        let reply = try await emulator.call("GET", "/api/2.0/workspace/get-status?path=" + (path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? path))
        return reply.status == 200
    }
}
