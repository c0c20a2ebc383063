/// A YAML file that cannot be read: a libyaml syntax error or a structural rule we enforce
/// (duplicate keys, a second document, unknown anchors, bad merge keys, bad tags).
public struct YAMLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where the problem is.
    public var location: SourceLocation
    /// What is wrong, e.g. `found character that cannot start any token`.
    public var problem: String
    /// What the parser was doing, e.g. `while scanning for the next token`.
    public var context: String?
    /// The text of the offending source line, for the caret snippet.
    public var sourceLine: String?

    /// Creates an error.
    public init(location: SourceLocation, problem: String, context: String? = nil, sourceLine: String? = nil) {
        self.location = location
        self.problem = problem
        self.context = context
        self.sourceLine = sourceLine
    }

    /// `problem (context)`, the message part of the error.
    public var message: String {
        guard let context, !context.isEmpty else { return problem }
        return "\(problem) (\(context))"
    }

    /// `file:line:col: error: problem (context)` followed by the source line and a caret.
    public var description: String {
        var text = "\(location): error: \(message)"
        if let sourceLine {
            text += "\n" + SourceSnippet.render(line: sourceLine, lineNumber: location.line, column: location.column)
        }
        return text
    }
}
