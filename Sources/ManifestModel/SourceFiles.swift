import JSONCore
import YAMLBridge

/// The text of every manifest file read, by its display name, so diagnostics can quote source lines.
public struct SourceFiles: Sendable {
    private var texts: [String: String] = [:]

    /// An empty registry.
    public init() {}

    /// Remembers the text of `file`.
    public mutating func add(_ file: String, text: String) { texts[file] = text }

    /// The source line a location points at, if the file is known.
    public func line(at location: SourceLocation) -> String? {
        texts[location.file].flatMap { SourceSnippet.line(location.line, of: $0) }
    }
}
