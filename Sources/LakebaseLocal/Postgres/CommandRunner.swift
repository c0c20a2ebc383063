import Foundation

/// Runs the PostgreSQL server programs, as the unprivileged `postgres` user when the emulator runs as root
/// (initdb and postgres refuse to run as root).
struct CommandRunner: Sendable {
    /// The user the programs run as when we are root; nil when we are not root.
    let runAsUser: String?

    /// A runner for this process: `postgres` when running as root, the current user otherwise.
    static var current: CommandRunner {
        CommandRunner(runAsUser: getuid() == 0 ? "postgres" : nil)
    }

    /// Runs `executable` with `arguments` and waits; the combined output goes to `logFile`, and a non-zero
    /// exit becomes an error that quotes the end of that output.
    func run(_ executable: String, _ arguments: [String], logFile: URL, workingDirectory: URL) async throws {
        let status = try await exitStatus(executable, arguments, logFile: logFile, workingDirectory: workingDirectory)
        guard status == 0 else {
            let output = (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
            let tail = output.split(separator: "\n").suffix(6).joined(separator: "\n")
            throw CommandError(
                command: ([executable] + arguments).joined(separator: " "), status: status, output: tail)
        }
    }

    /// Runs `executable` with `arguments`, waits, and returns its exit status; output goes to `logFile`.
    func exitStatus(
        _ executable: String, _ arguments: [String], logFile: URL, workingDirectory: URL
    ) async throws -> Int32 {
        let program = runAsUser == nil ? executable : "/usr/sbin/runuser"
        let argv = runAsUser.map { [program, "-u", $0, "--", executable] + arguments } ?? [program] + arguments
        return try await ChildProcess.run(argv, outputFile: logFile.path, workingDirectory: workingDirectory.path)
    }

    /// Gives `path` to the run-as user (no-op when not root).
    func handOver(_ path: URL) throws {
        guard let runAsUser, let account = getpwnam(runAsUser) else { return }
        guard chown(path.path, account.pointee.pw_uid, account.pointee.pw_gid) == 0 else {
            throw CommandError(
                command: "chown \(runAsUser) \(path.path)", status: errno,
                output: String(cString: strerror(errno)))
        }
    }
}

/// A program that exited with a non-zero status.
struct CommandError: Error, CustomStringConvertible {
    /// The command line.
    let command: String
    /// Its exit status.
    let status: Int32
    /// The last lines it printed.
    let output: String

    var description: String { "\(command) exited with status \(status): \(output)" }
}
