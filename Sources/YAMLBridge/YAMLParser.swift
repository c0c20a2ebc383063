/// Parses one YAML manifest file into a located `YAMLNode` tree.
///
/// Beyond libyaml's syntax checks it enforces the rules a manifest needs: one document per file, unique
/// keys, scalar keys, known anchors without cycles, well-formed merge keys (`<<`) and applicable tags.
public enum YAMLParser {
    /// The most nodes that alias expansion may produce before the file is rejected (guards against
    /// "billion laughs" documents).
    public static let maxExpandedNodes = 1_000_000

    /// The deepest nesting of sequences and mappings a file may have. Every walk over the tree (normalization,
    /// interpolation, merge, references, JSON) recurses once per level; bounding the depth here keeps them all far
    /// from the stack's end, whatever the input.
    public static let maxDepth = 256

    /// Parses `text`, naming `file` in every location. Returns nil for an empty document.
    public static func parse(_ text: String, file: String) throws(YAMLError) -> YAMLNode? {
        var builder = YAMLTreeBuilder(reader: try LibYAMLEventReader(text: text, file: file), text: text)
        return try builder.buildDocument()
    }
}
