/// Parses one YAML manifest file into a located `YAMLNode` tree.
///
/// Beyond libyaml's syntax checks it enforces the rules a manifest needs: one document per file, unique
/// keys, scalar keys, known anchors without cycles, well-formed merge keys (`<<`) and applicable tags.
public enum YAMLParser {
    /// The most nodes that alias expansion may produce before the file is rejected (guards against
    /// "billion laughs" documents).
    public static let maxExpandedNodes = 1_000_000

    /// Parses `text`, naming `file` in every location. Returns nil for an empty document.
    public static func parse(_ text: String, file: String) throws(YAMLError) -> YAMLNode? {
        var builder = YAMLTreeBuilder(reader: LibYAMLEventReader(text: text, file: file), text: text)
        return try builder.buildDocument()
    }
}
