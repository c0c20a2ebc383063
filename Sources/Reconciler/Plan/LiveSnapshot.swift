import JSONCore

/// What the workspace holds for each node, read before planning: the object, or that it does not exist.
public struct LiveSnapshot: Sendable {
    /// One read.
    public enum Read: Sendable, Hashable {
        /// GET returned the object (for permissions: mapped to the state shape).
        case found(JSONValue)
        /// GET returned 404.
        case notFound
    }

    /// Reads by state key; for a configured node not in state, the read of its configured name.
    public var reads: [String: Read]

    /// A snapshot.
    public init(_ reads: [String: Read] = [:]) { self.reads = reads }

    /// The live object of a node, if it exists.
    public func object(_ key: String) -> JSONValue? {
        if case .found(let value)? = reads[key] { return value }
        return nil
    }
}
