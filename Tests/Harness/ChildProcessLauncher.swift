import Foundation
import LakebaseLocal

/// Starts helper programs the way the emulator starts PostgreSQL's: posix_spawn with a clean signal mask
/// (Foundation's `Process` children inherit a blocked SIGTERM here), output in files.
public enum ChildProcessLauncher {
    /// Starts `argv` with stdout in `output` (and stderr in `errors`, or the same file).
    public static func spawnRaw(
        _ argv: [String], outputFile: String, errorFile: String? = nil, workingDirectory: String
    ) throws -> Int32 {
        try ChildProcess.spawn(argv, outputFile: outputFile, errorFile: errorFile, workingDirectory: workingDirectory)
    }

    /// Blocks the calling thread until `pid` exits.
    public static func waitBlocking(_ pid: Int32) -> Int32 { ChildProcess.waitForExit(pid) }

    /// Runs `argv` to its end (waiting on a thread of its own) and returns its exit status.
    public static func run(_ argv: [String], output: String, environment: [String: String]? = nil) async throws -> Int32 {
        let pid = try ChildProcess.spawn(
            argv, outputFile: output, workingDirectory: FileManager.default.currentDirectoryPath, environment: environment)
        return await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: ChildProcess.waitForExit(pid)) }
        }
    }
}
