#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSONCore
import ManifestModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The state during an apply: every completed action is appended to the write-ahead log (and fsynced) before the
/// next step, the workspace copy is refreshed at most every few seconds, and `finish` folds the log into
/// `resources.json` (serial + 1 when anything changed) and pushes it (planning-rules.md §11).
public actor StateJournal {
    /// The state as it stands now.
    public private(set) var state: DeploymentState
    private let file: LocalStateFile
    private let remote: RemoteState?
    private let log: WritableFile
    private var recorded = 0
    private var lastPush = Date.distantPast
    private let pushInterval: TimeInterval

    /// Opens the log (exclusively: a log left by another run is an error) on top of `state`.
    public init(state: DeploymentState, file: LocalStateFile, remote: RemoteState?, pushInterval: TimeInterval = 5)
        throws(StateFileError) {
        var starting = state
        if starting.lineage.isEmpty { starting.lineage = UUID().uuidString.lowercased() }
        let directory = PathText.parent(of: file.path)
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw StateFileError(description: "cannot create the state directory \(directory): \(error)")
        }
        do {
            log = try WritableFile(file.walPath, flags: O_WRONLY | O_CREAT | O_EXCL | O_APPEND)
        } catch {
            guard error.code == EEXIST else { throw StateFileError(description: "cannot create \(file.walPath): \(error)") }
            throw StateFileError(description: "\(file.walPath) exists: another apply is running in this directory, or one was interrupted (run plan to fold it in)")
        }
        self.state = starting
        self.file = file
        self.remote = remote
        self.pushInterval = pushInterval
        let header: JSONValue = .object([
            "state_version": .int(Int64(DeploymentState.writtenVersion)), "cli_version": .string(starting.cliVersion),
            "lineage": .string(starting.lineage), "serial": .int(Int64(starting.serial + 1)),
        ])
        try Self.append(header, to: log, path: file.walPath)
    }

    /// Records a completed create, update or recreate.
    public func save(_ key: String, _ entry: DeploymentState.Entry) async throws(StateFileError) {
        state.set(key, entry)
        try await record(key, state.rawEntries[key])
    }

    /// Records a completed delete.
    public func remove(_ key: String) async throws(StateFileError) {
        state.remove(key)
        try await record(key, nil)
    }

    private func record(_ key: String, _ value: JSONValue?) async throws(StateFileError) {
        var line: JSONObject = ["k": .string(key)]
        if let value { line["v"] = value }
        try Self.append(.object(line), to: log, path: file.walPath)
        recorded += 1
        if let remote, Date().timeIntervalSince(lastPush) >= pushInterval {
            lastPush = Date()
            var snapshot = state
            snapshot.serial += 1
            try? await remote.push(snapshot)
        }
    }

    /// Folds the log into the state file, removes the log and pushes the workspace copy; returns the final state.
    public func finish() async throws -> DeploymentState {
        log.closeFile()
        guard recorded > 0 else {
            try? FileManager.default.removeItem(atPath: file.walPath)
            return state
        }
        state.serial += 1
        // Serialized once for both copies (a thousand resources make about 1 MB).
        let serialized = Data(state.serialized.utf8)
        try file.write(serialized: serialized)
        try? FileManager.default.removeItem(atPath: file.walPath)
        if let remote { try await remote.push(serialized: serialized) }
        return state
    }

    private static func append(_ value: JSONValue, to file: WritableFile, path: String) throws(StateFileError) {
        do {
            try file.writeAndSync((value.serialized(pretty: false) + "\n").utf8)
        } catch {
            throw StateFileError(description: "cannot append to \(path): \(error)")
        }
    }
}
