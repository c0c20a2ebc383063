import Foundation
import ManifestModel

/// The bundle type, named without clashing with Foundation's `Bundle`.
typealias ManifestModelBundle = ManifestModel.Bundle

/// Standard error and terminal facts.
enum Terminal {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var statusShown = false

    /// Writes a line to standard error (clearing a status line first).
    static func standardError(_ line: String) {
        lock.withLock {
            let clear = statusShown ? "\r\u{1B}[K" : ""
            statusShown = false
            FileHandle.standardError.write(Data((clear + line + "\n").utf8))
        }
    }

    /// Redraws the status line in place (terminals only), cut to the terminal's width.
    static func status(_ line: String) {
        var size = winsize()
        let width = ioctl(2, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 10 ? Int(size.ws_col) - 1 : 79
        let shown = line.count > width ? String(line.prefix(width - 1)) + "…" : line
        lock.withLock {
            statusShown = true
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + shown).utf8))
        }
    }

    /// Whether standard error is a terminal (live progress).
    static var isLiveTerminal: Bool { isatty(2) == 1 }

    /// Whether standard input and standard error are terminals (prompts and live progress need both).
    static var isInteractive: Bool { isatty(0) == 1 && isatty(2) == 1 }
}
