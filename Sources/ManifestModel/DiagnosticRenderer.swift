import JSONCore
import YAMLBridge

/// Renders diagnostics like a compiler: `file:line:col: severity: summary`, the source line with a caret,
/// then the detail lines indented.
public struct DiagnosticRenderer: Sendable {
    private let sources: SourceFiles

    /// A renderer that quotes lines from `sources`.
    public init(sources: SourceFiles) { self.sources = sources }

    /// The text of one diagnostic, ending without a newline.
    public func render(_ diagnostic: Diagnostic) -> String {
        var lines: [String] = []
        let prefix = diagnostic.location.map { "\($0): " } ?? ""
        lines.append("\(prefix)\(diagnostic.severity.rawValue): \(diagnostic.summary)")
        if let location = diagnostic.location, let source = sources.line(at: location) {
            lines.append(SourceSnippet.render(line: source, lineNumber: location.line, column: location.column))
        }
        if let detail = diagnostic.detail {
            lines += detail.split(separator: "\n", omittingEmptySubsequences: false).map { "  = \($0)" }
        }
        return lines.joined(separator: "\n")
    }

    /// All diagnostics in display order, separated by newlines.
    public func render(_ diagnostics: Diagnostics) -> String {
        diagnostics.sortedForDisplay.map(render).joined(separator: "\n")
    }
}
