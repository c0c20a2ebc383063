import Foundation
@testable import LakebaseLocal

/// Starts helper programs the way the emulator starts PostgreSQL's: posix_spawn with a clean signal mask
/// (Foundation's `Process` children inherit a blocked SIGTERM here), output in a file.
enum ChildProcessLauncher {
    static func spawn(_ argv: [String], output: String) throws -> pid_t {
        try ChildProcess.spawn(argv, outputFile: output, workingDirectory: FileManager.default.currentDirectoryPath)
    }

    /// Runs `argv` to its end (waiting on a thread of its own) and returns its exit status.
    static func run(_ argv: [String], output: String) async throws -> Int32 {
        let pid = try spawn(argv, output: output)
        return await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: ChildProcess.waitForExit(pid)) }
        }
    }
}
