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

/// The local copy of the state, `<bundle root>/.databricks/bundle/<target>/resources.json`, and its write-ahead log
/// `resources.json.wal` (planning-rules.md §11). Writes go through a temporary file, fsync and rename.
public struct LocalStateFile: Sendable {
    /// The state file's path.
    public let path: String
    /// `cli_version` written.
    public let cliVersion: String

    /// The state file of a bundle target.
    public init(bundleRoot: String, target: String, cliVersion: String) {
        path = bundleRoot + "/.databricks/bundle/\(target)/resources.json"
        self.cliVersion = cliVersion
    }

    /// The log's path.
    public var walPath: String { path + ".wal" }

    /// The saved state (nil when there is none), after replaying a log an interrupted apply left behind.
    public func load() throws(StateFileError) -> DeploymentState? {
        var state = try readState()
        if FileManager.default.fileExists(atPath: walPath) {
            state = try replayLog(onto: state)
        }
        return state
    }

    private func readState() throws(StateFileError) -> DeploymentState? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try DeploymentState(parsing: String(decoding: data, as: UTF8.self), file: path, cliVersion: cliVersion)
    }

    /// Writes the state atomically (temporary file, fsync, rename).
    public func write(_ state: DeploymentState) throws(StateFileError) {
        try write(serialized: Data(state.serialized.utf8))
    }

    /// Replaces the file with a state already serialized (`DeploymentState.serialized`).
    public func write(serialized: Data) throws(StateFileError) {
        try Self.atomicWrite(serialized, to: path)
    }

    static func atomicWrite(_ data: Data, to path: String) throws(StateFileError) {
        let folder = PathText.parent(of: path)
        let temporary = path + ".tmp-\(getpid())"
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let file: WritableFile
            do {
                file = try WritableFile(temporary, flags: O_WRONLY | O_CREAT | O_TRUNC)
            } catch {
                throw StateFileError(description: "cannot write \(temporary): \(error)")
            }
            try file.writeAndSync(data)
            file.closeFile()
            guard rename(temporary, path) == 0 else {
                throw StateFileError(description: "cannot replace \(path): \(String(cString: strerror(errno)))")
            }
        } catch let error as StateFileError {
            throw error
        } catch {
            unlink(temporary)
            throw StateFileError(description: "cannot write \(path): \(error)")
        }
    }

    /// Applies the log to `state`, saves the result and removes the log (planning-rules.md §11, WAL rules).
    private func replayLog(onto state: DeploymentState?) throws(StateFileError) -> DeploymentState? {
        let text = (try? String(contentsOfFile: walPath, encoding: .utf8)) ?? ""
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        guard !lines.isEmpty, let header = try? JSONParser.parse(lines.removeFirst()).objectValue,
              let walSerial = header["serial"].flatMap(DeploymentState.integer) else {
            try? FileManager.default.removeItem(atPath: walPath)
            return state
        }
        var replayed = state ?? DeploymentState(cliVersion: cliVersion)
        let walLineage = header["lineage"]?.stringValue ?? ""
        if !replayed.lineage.isEmpty, walLineage != replayed.lineage {
            throw StateFileError(description: "\(walPath): lineage \(walLineage) does not match the state's \(replayed.lineage); the state may be corrupted — move the log aside and run plan to see the workspace as it is")
        }
        if walSerial <= replayed.serial {
            try? FileManager.default.removeItem(atPath: walPath)
            return state
        }
        if walSerial > replayed.serial + 1 {
            throw StateFileError(description: "\(walPath): serial \(walSerial) is ahead of the state's \(replayed.serial); the state may be corrupted")
        }
        var corrupted: [String] = []
        var applied = 0
        for line in lines {
            guard let record = try? JSONParser.parse(line).objectValue, let key = record["k"]?.stringValue else {
                corrupted.append(line)
                continue
            }
            replayed.setRaw(key, record["v"])
            applied += 1
        }
        if !corrupted.isEmpty {
            try? (corrupted.joined(separator: "\n") + "\n").write(toFile: walPath + ".corrupted", atomically: true, encoding: .utf8)
        }
        if applied > 0 {
            replayed.lineage = walLineage
            replayed.serial = walSerial
            try write(replayed)
        }
        try? FileManager.default.removeItem(atPath: walPath)
        return applied > 0 ? replayed : state
    }
}
