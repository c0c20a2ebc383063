import Synchronization

/// A position in a source file, 1-based, printed as `file:line:col`.
///
/// The file is held as a number into `SourceFileNames`, not as a `String`: every node and key of a YAML tree
/// carries a location, and copying one then retains nothing for its file.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The interned file name.
    private var fileID: Int32
    /// 1-based line number.
    public var line: Int
    /// 1-based column, counted in characters (not bytes).
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.init(fileID: SourceFileNames.id(of: file), line: line, column: column)
    }

    /// Creates a location in a file already interned (the YAML reader interns its file once).
    init(fileID: Int32, line: Int, column: Int) {
        self.fileID = fileID
        self.line = line
        self.column = column
    }

    /// The file as shown to the user (relative to the bundle root where possible).
    public var file: String {
        get { SourceFileNames.name(of: fileID) }
        set { fileID = SourceFileNames.id(of: newValue) }
    }

    /// `file:line:col`.
    public var description: String { "\(file):\(line):\(column)" }

    /// Orders by file name, then line, then column.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        if lhs.fileID == rhs.fileID { return (lhs.line, lhs.column) < (rhs.line, rhs.column) }
        return (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// The file names locations refer to, each stored once for the life of the process.
enum SourceFileNames {
    private struct Table {
        var names: [String] = []
        var ids: [String: Int32] = [:]
    }

    private static let table = Mutex(Table())

    /// The number of `name`, interning it on first use.
    static func id(of name: String) -> Int32 {
        table.withLock { table in
            if let id = table.ids[name] { return id }
            let id = Int32(truncatingIfNeeded: table.names.count)
            table.names.append(name)
            table.ids[name] = id
            return id
        }
    }

    /// The name interned as `id`.
    static func name(of id: Int32) -> String {
        table.withLock { table in table.names.indices.contains(Int(id)) ? table.names[Int(id)] : "" }
    }
}
