/// A position in a source file, 1-based, printed as `file:line:col`.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The file as shown to the user (relative to the bundle root where possible).
    public var file: String
    /// 1-based line number.
    public var line: Int
    /// 1-based column, counted in characters (not bytes).
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:col`.
    public var description: String { "\(file):\(line):\(column)" }

    /// Orders by file, then line, then column.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
