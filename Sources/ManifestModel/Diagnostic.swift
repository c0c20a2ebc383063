import JSONCore
import YAMLBridge

/// How serious a diagnostic is: errors stop the command, warnings and notes are printed.
public enum Severity: String, Sendable, Hashable, Comparable {
    case error, warning, info

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .info: 2
        }
    }

    /// Errors sort first.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One finding about the bundle, located where the user wrote the offending value.
public struct Diagnostic: Error, Sendable, Hashable {
    /// Error, warning or info.
    public var severity: Severity
    /// One line saying what is wrong.
    public var summary: String
    /// Further lines: why, and how to fix it.
    public var detail: String?
    /// Where in the manifest, if known.
    public var location: SourceLocation?
    /// The configuration path, e.g. `resources.database_instances.db.name`.
    public var path: String?

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ summary: String, detail: String? = nil,
                at location: SourceLocation? = nil, path: String? = nil) {
        self.severity = severity
        self.summary = summary
        self.detail = detail
        self.location = location
        self.path = path
    }
}

/// An ordered collection of diagnostics, collected and shown together.
public struct Diagnostics: Sendable, Hashable, Sequence {
    /// All diagnostics in the order they were found.
    public private(set) var items: [Diagnostic] = []

    /// An empty collection.
    public init() {}

    /// Adds one diagnostic.
    public mutating func append(_ diagnostic: Diagnostic) { items.append(diagnostic) }

    /// Adds an error.
    public mutating func error(_ summary: String, detail: String? = nil, at location: SourceLocation? = nil, path: String? = nil) {
        append(Diagnostic(.error, summary, detail: detail, at: location, path: path))
    }

    /// Adds a warning.
    public mutating func warning(_ summary: String, detail: String? = nil, at location: SourceLocation? = nil, path: String? = nil) {
        append(Diagnostic(.warning, summary, detail: detail, at: location, path: path))
    }

    /// Adds all diagnostics of another collection.
    public mutating func append(contentsOf other: Diagnostics) { items += other.items }

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { items.contains { $0.severity == .error } }

    /// Number of diagnostics with the given severity.
    public func count(_ severity: Severity) -> Int { items.filter { $0.severity == severity }.count }

    /// Iterates in order.
    public func makeIterator() -> IndexingIterator<[Diagnostic]> { items.makeIterator() }

    /// Diagnostics sorted for display: by file, line and column; unlocated ones last; stable otherwise.
    public var sortedForDisplay: [Diagnostic] {
        items.enumerated().sorted { a, b in
            switch (a.element.location, b.element.location) {
            case let (la?, lb?): return la != lb ? la < lb : a.offset < b.offset
            case (nil, _?): return false
            case (_?, nil): return true
            case (nil, nil): return a.offset < b.offset
            }
        }.map(\.element)
    }
}
