import Foundation
import LakebaseLocal
import Providers
import JSONCore

/// A real `lakebase-local serve` process on a free port with its own data folder and PostgreSQL port,
/// stopped with SIGTERM by `stop()`.
public final class Emulator: @unchecked Sendable {
    /// The personal access token every test emulator accepts.
    public static let token = "dapi-test-token"
    /// The `userName` behind that token.
    public static let user = "tester@example.com"

    /// The emulator's `--data-dir`.
    public let dataDirectory: URL
    /// `http://127.0.0.1:PORT`, once ready.
    public private(set) var baseURL = ""
    /// The emulator's `--pg-port`.
    public let postgresPort: Int
    /// Its standard output.
    public let stdoutFile: URL
    /// Its standard error.
    public let stderrFile: URL
    private(set) var pid: Int32
    /// Whether `deinit` removes the data folder (false once a restarted emulator has taken it over).
    private var ownsDataDirectory: Bool
    private let arguments: [String]
    private let transport = CurlTransport(userAgent: "lakebase-local-tests", connectTimeout: 5, totalTimeout: 60)

    /// The built executable: `LAKEBASE_LOCAL_BIN`, else the one next to the test bundle.
    public static var executable: URL {
        if let explicit = ProcessInfo.processInfo.environment["LAKEBASE_LOCAL_BIN"] { return URL(fileURLWithPath: explicit) }
        var directory = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("lakebase-local")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/lakebase-local")
    }

    public static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// Starts an emulator and waits (without blocking a thread) until it is ready; `extra` flags are added to
    /// the defaults (fast state transitions, test token and user).
    public static func start(_ extra: [String] = [], dataDirectory: URL? = nil, postgresPort: Int? = nil) async throws -> Emulator {
        await EmulatorSlots.shared.acquire()
        let emulator: Emulator
        do {
            emulator = try Emulator(extra, dataDirectory: dataDirectory, postgresPort: postgresPort)
        } catch {
            await EmulatorSlots.shared.release()
            throw error
        }
        try await emulator.waitUntilReady()
        return emulator
    }

    private init(_ extra: [String], dataDirectory: URL?, postgresPort: Int?) throws {
        guard PostgresInstallation.isAvailable else {
            throw EmulatorError("PostgreSQL server programs are needed: \(PostgresInstallation.installHint)")
        }
        let folder = try dataDirectory ?? Self.temporaryFolder()
        self.dataDirectory = folder
        ownsDataDirectory = dataDirectory == nil
        self.postgresPort = try postgresPort ?? Self.freePort()
        stdoutFile = folder.deletingLastPathComponent().appendingPathComponent(folder.lastPathComponent + ".stdout")
        stderrFile = folder.deletingLastPathComponent().appendingPathComponent(folder.lastPathComponent + ".stderr")
        arguments = [
            Self.executable.path, "serve", "--port", "0", "--data-dir", folder.path, "--pg-port", String(self.postgresPort),
            "--token", Self.token, "--user", Self.user, "--instance-startup-ms", "300", "--update-ms", "300",
            "--delete-ms", "300", "--synced-table-phase-ms", "150",
        ] + extra
        pid = try ChildProcessLauncher.spawnRaw(
            arguments, outputFile: stdoutFile.path, errorFile: stderrFile.path,
            workingDirectory: FileManager.default.currentDirectoryPath)
    }

    /// Polls standard output for the ready line; the emulator exiting first is an error quoting its stderr.
    private func waitUntilReady() async throws {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let output = (try? String(contentsOf: stdoutFile, encoding: .utf8)) ?? ""
            if let line = output.split(separator: "\n").first, line.hasPrefix("lakebase-local listening on ") {
                baseURL = String(line.dropFirst("lakebase-local listening on ".count))
                return
            }
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                pid = 0
                await EmulatorSlots.shared.release()
                let errors = (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? ""
                throw EmulatorError("lakebase-local exited before it was ready: \(errors)")
            }
            try await Task.sleep(for: .milliseconds(25))
        }
        throw EmulatorError("lakebase-local was not ready within 60 s")
    }

    /// Stops the emulator with SIGTERM and waits for it; returns its exit status.
    @discardableResult
    public func stop() async -> Int32 {
        guard pid > 0 else { return 0 }
        kill(pid, SIGTERM)
        let target = pid
        pid = 0
        let status = await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: ChildProcessLauncher.waitBlocking(target)) }
        }
        await EmulatorSlots.shared.release()
        return status
    }

    /// Stops this emulator (if still running) and starts it again on the same data folder and PostgreSQL port.
    public func restarted(_ extra: [String] = []) async throws -> Emulator {
        await stop()
        let successor = try await Emulator.start(extra, dataDirectory: dataDirectory, postgresPort: postgresPort)
        successor.ownsDataDirectory = ownsDataDirectory
        ownsDataDirectory = false
        return successor
    }

    /// Stops a still running emulator and removes its files, on a thread of its own (no test thread waits).
    deinit {
        let running = pid
        let leftovers = ownsDataDirectory ? [dataDirectory, stdoutFile, stderrFile] : []
        if running > 0 { kill(running, SIGTERM) }
        Thread.detachNewThread {
            if running > 0 {
                _ = ChildProcessLauncher.waitBlocking(running)
                Task { await EmulatorSlots.shared.release() }
            }
            for url in leftovers { try? FileManager.default.removeItem(at: url) }
        }
    }

    // MARK: HTTP

    /// One call; `body` is JSON text. Returns the status, the parsed body (or `.null`) and the headers.
    @discardableResult
    public func call(
        _ method: String, _ path: String, body: String? = nil, token: String? = Emulator.token,
        headers: [(name: String, value: String)] = [], form: String? = nil, raw: Data? = nil
    ) async throws -> Reply {
        var allHeaders = headers
        if let token { allHeaders.append(("Authorization", "Bearer \(token)")) }
        if body != nil { allHeaders.append(("Content-Type", "application/json")) }
        if form != nil { allHeaders.append(("Content-Type", "application/x-www-form-urlencoded")) }
        let payload = body.map { Data($0.utf8) } ?? form.map { Data($0.utf8) } ?? raw
        let response = try await transport.send(HTTPRequest(
            method: method, url: baseURL + path, headers: allHeaders, body: payload))
        let json = response.body.isEmpty ? JSONValue.null : ((try? JSONParser.parse(Array(response.body))) ?? .null)
        return Reply(status: response.status, json: json, headers: response.headers, raw: response.body)
    }

    /// Polls GET `path` until `field` equals `value` (or the timeout passes); returns the last body.
    public func waitFor(_ path: String, _ field: String, equals value: String, timeout: TimeInterval = 30) async throws -> JSONValue {
        let deadline = Date().addingTimeInterval(timeout)
        var last = JSONValue.null
        while Date() < deadline {
            last = try await call("GET", path).json
            if last[field]?.stringValue == value { return last }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw EmulatorError("\(path): \(field) did not become \(value); last: \(last.serialized(pretty: false))")
    }

    public static func temporaryFolder() throws -> URL {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory())
            .appendingPathComponent("lakebase-local-test-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
        return folder
    }

    /// A TCP port nothing listens on right now.
    public static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(descriptor, socketAddress, length) == 0 && getsockname(descriptor, socketAddress, &length) == 0
            }
        }
        guard bound else { throw EmulatorError("no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// One HTTP answer of the emulator.
public struct Reply: Sendable {
    /// HTTP status.
    public let status: Int
    /// Parsed body, `.null` when empty or not JSON.
    public let json: JSONValue
    /// Headers, lower-cased names.
    public let headers: [String: String]
    /// Raw body.
    public let raw: Data

    /// `error_code` of an error answer.
    public var errorCode: String? { json["error_code"]?.stringValue }
}

/// A harness failure.
public struct EmulatorError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
