import Foundation
internal import CSpawn

/// Starts a program with posix_spawn and waits for it on a separate thread.
///
/// Foundation's `Process` is not used here: on Linux it learns that a child ended through a socket the child
/// inherits, and `pg_ctl start` leaves a daemon (postgres) holding that socket, so the child is never reaped.
/// Here the child gets only stdin (`/dev/null`) and stdout/stderr (the log file): every other descriptor is
/// closed, every signal is reset to its default and unblocked.
public enum ChildProcess {
    /// Runs `argv` (argv[0] is the program path) and returns its exit status (128+N when killed by signal N).
    public static func run(_ argv: [String], outputFile: String, workingDirectory: String) async throws -> Int32 {
        let pid = try spawn(argv, outputFile: outputFile, workingDirectory: workingDirectory)
        return await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(returning: waitForExit(pid))
            }
        }
    }

    /// Starts `argv` with stdout in `outputFile` and stderr in `errorFile` (default: the same file); returns its pid.
    public static func spawn(
        _ argv: [String], outputFile: String, errorFile: String? = nil, workingDirectory: String,
        environment: [String: String]? = nil
    ) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputFile, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if let errorFile {
            posix_spawn_file_actions_addopen(&actions, 2, errorFile, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        } else {
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        }
        posix_spawn_file_actions_addclosefrom_np(&actions, 3)
        posix_spawn_file_actions_addchdir_np(&actions, workingDirectory)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        cspawn_reset_signals(&attributes)

        let arguments = argv.map { strdup($0) } + [nil]
        defer { arguments.forEach { free($0) } }
        var pid = pid_t()
        let environmentStrings: [UnsafeMutablePointer<CChar>?]? = environment.map { values in
            values.map { entry -> UnsafeMutablePointer<CChar>? in strdup("\(entry.key)=\(entry.value)") } + [nil]
        }
        defer { environmentStrings?.forEach { free($0) } }
        let result: Int32
        if var environmentStrings {
            result = posix_spawn(&pid, argv[0], &actions, &attributes, arguments, &environmentStrings)
        } else {
            result = posix_spawn(&pid, argv[0], &actions, &attributes, arguments, environ)
        }
        guard result == 0 else {
            throw CommandError(command: argv.joined(separator: " "), status: result, output: String(cString: strerror(result)))
        }
        return pid
    }

    /// Blocks until `pid` exits and returns its status (128+N when killed by signal N).
    public static func waitForExit(_ pid: Int32) -> Int32 { cspawn_wait(pid) }
}
