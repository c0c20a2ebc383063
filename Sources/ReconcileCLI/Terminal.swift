import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ManifestModel

/// The bundle type, named without clashing with Foundation's `Bundle`.
typealias ManifestModelBundle = ManifestModel.Bundle

/// Standard error and terminal facts.
enum Terminal {
    /// Whether a status line is on screen; held while writing, so lines and status redraws never interleave.
    private static let statusShown = Mutex(false)

    /// Writes a line to standard error (clearing a status line first).
    static func standardError(_ line: String) {
        statusShown.withLock { shown in
            let clear = shown ? "\r\u{1B}[K" : ""
            shown = false
            Terminal.writeStandardError(clear + line + "\n")
        }
    }

    /// Redraws the status line in place (terminals only), cut to the terminal's width.
    static func status(_ line: String) {
        var size = winsize()
        let width = ioctl(2, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 10 ? Int(size.ws_col) - 1 : 79
        let shown = line.count > width ? String(line.prefix(width - 1)) + "…" : line
        statusShown.withLock { statusShown in
            statusShown = true
            Terminal.writeStandardError("\r\u{1B}[K" + shown)
        }
    }

    /// Writes `text` to standard error as it is (no lock, no status line handling).
    static func writeStandardError(_ text: String) {
        var bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress.map { $0 + written }, $0.count - written) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return }
            written += count
        }
    }

    /// Whether standard error is a terminal (live progress).
    static var isLiveTerminal: Bool { isatty(2) == 1 }

    /// Whether standard input and standard error are terminals (prompts and live progress need both).
    static var isInteractive: Bool { isatty(0) == 1 && isatty(2) == 1 }
}
