#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file descriptor open for writing: whole writes, fsync, and a close that happens once (at the latest when the
/// value is released). Errors are the system's message for `errno`.
final class WritableFile: @unchecked Sendable {
    private var descriptor: Int32

    /// Opens `path` with `flags` (`O_WRONLY | …`); throws the `errno` of a failed open.
    init(_ path: String, flags: Int32, mode: mode_t = 0o600) throws(SystemError) {
        descriptor = open(path, flags, mode)
        guard descriptor >= 0 else { throw SystemError(code: errno) }
    }

    deinit { closeFile() }

    /// Writes every byte of `bytes`, then flushes them to the disk.
    func writeAndSync(_ bytes: some Collection<UInt8>) throws(SystemError) {
        let contiguous = Array(bytes)
        var written = 0
        while written < contiguous.count {
            let count = contiguous.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress.map { $0 + written }, contiguous.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw SystemError(code: errno)
            }
            written += count
        }
        guard fsync(descriptor) == 0 else { throw SystemError(code: errno) }
    }

    /// Closes the descriptor (once).
    func closeFile() {
        guard descriptor >= 0 else { return }
        _ = close(descriptor)
        descriptor = -1
    }
}

/// A failed system call: its `errno` and the system's words for it.
struct SystemError: Error, CustomStringConvertible {
    /// The `errno` value.
    let code: Int32

    /// `strerror(code)`.
    var description: String { String(cString: strerror(code)) }
}
