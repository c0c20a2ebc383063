import Foundation
import ManifestModel

/// The bundle type, named without clashing with Foundation's `Bundle`.
typealias ManifestModelBundle = ManifestModel.Bundle

/// Standard error and terminal facts.
enum Terminal {
    /// Writes a line to standard error.
    static func standardError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Whether standard input and standard error are terminals (prompts and live progress need both).
    static var isInteractive: Bool { isatty(0) == 1 && isatty(2) == 1 }
}
