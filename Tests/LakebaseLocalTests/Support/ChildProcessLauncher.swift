import Foundation
@testable import LakebaseLocal

/// Starts helper programs the way the emulator starts PostgreSQL's: posix_spawn with a clean signal mask
/// (Foundation's `Process` children inherit a blocked SIGTERM here), output in a file.
enum ChildProcessLauncher {
    static func spawn(_ argv: [String], output: String) throws -> pid_t {
        try ChildProcess.spawn(argv, outputFile: output, workingDirectory: FileManager.default.currentDirectoryPath)
    }

    /// Blocks until `pid` exits; returns its exit status.
    static func wait(_ pid: pid_t) -> Int32 { ChildProcess.waitForExit(pid) }
}
