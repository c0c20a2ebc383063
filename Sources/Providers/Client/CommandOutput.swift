internal import CSpawn
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program found on `PATH` with stdin from `/dev/null` and collects what it prints (small outputs, such as
/// `databricks auth token`'s).
enum CommandOutput {
    /// The exit status (128+N when killed by signal N, 127 when it cannot start), stdout and stderr of a run.
    struct Run: Sendable {
        var status: Int32
        var output: String
        var errors: String
    }

    /// Runs `executable` with `arguments`, off Swift's cooperative pool.
    static func run(_ executable: String, _ arguments: [String]) async -> Run {
        await OwnThread.result { runBlocking(executable, arguments) }
    }

    private static func runBlocking(_ executable: String, _ arguments: [String]) -> Run {
        var output: [Int32] = [-1, -1]
        var errors: [Int32] = [-1, -1]
        guard openPipe(&output) else { return failed(executable, errno) }
        guard openPipe(&errors) else {
            let code = errno
            output.forEach { close($0) }
            return failed(executable, code)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errors[1], 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        cspawn_reset_signals(&attributes)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawnp(&pid, executable, &actions, &attributes, argv, environ)
        close(output[1])
        close(errors[1])
        defer {
            close(output[0])
            close(errors[0])
        }
        guard spawned == 0 else { return failed(executable, spawned) }
        let (out, err) = drain(output[0], errors[0])
        return Run(status: cspawn_wait(pid), output: String(decoding: out, as: UTF8.self),
                   errors: String(decoding: err, as: UTF8.self))
    }

    /// A pipe whose ends other children do not inherit (the spawned child gets its copies through dup2).
    private static func openPipe(_ ends: inout [Int32]) -> Bool {
        guard pipe(&ends) == 0 else { return false }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        return true
    }

    /// Reads both descriptors to their end, whichever has data first (so a child that fills one pipe never blocks).
    private static func drain(_ first: Int32, _ second: Int32) -> ([UInt8], [UInt8]) {
        var collected: [[UInt8]] = [[], []]
        var open = [pollfd(fd: first, events: Int16(POLLIN), revents: 0), pollfd(fd: second, events: Int16(POLLIN), revents: 0)]
        var chunk = [UInt8](repeating: 0, count: 4096)
        while open.contains(where: { $0.fd >= 0 }) {
            guard poll(&open, nfds_t(open.count), -1) >= 0 else {
                if errno == EINTR { continue }
                break
            }
            for index in open.indices where open[index].fd >= 0 && open[index].revents != 0 {
                let count = read(open[index].fd, &chunk, chunk.count)
                if count > 0 {
                    collected[index] += chunk[0..<count]
                } else if count == 0 || errno != EINTR {
                    open[index].fd = -1
                }
            }
        }
        return (collected[0], collected[1])
    }

    private static func failed(_ executable: String, _ code: Int32) -> Run {
        Run(status: 127, output: "", errors: "cannot run \(executable): \(String(cString: strerror(code)))")
    }
}
