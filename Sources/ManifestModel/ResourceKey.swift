/// Identifies one resource of the bundle: its kind and the key the user gave it.
public struct ResourceKey: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    /// The resource kind.
    public var kind: ResourceKind
    /// The user's key under `resources.<kind>`.
    public var name: String

    /// Creates a key.
    public init(_ kind: ResourceKind, _ name: String) {
        self.kind = kind
        self.name = name
    }

    /// `resources.database_instances.my_instance`, the deployment-state key.
    public var stateKey: String { "resources.\(kind.rawValue).\(name)" }

    /// `database_instances.my_instance`, as shown in plan lines.
    public var planLabel: String { "\(kind.rawValue).\(name)" }

    /// The plan label.
    public var description: String { planLabel }

    /// Parses `resources.KIND.NAME` or `KIND.NAME`.
    public init?(parsing text: String) {
        var parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if parts.first == "resources" { parts.removeFirst() }
        guard parts.count == 2, let kind = ResourceKind(rawValue: parts[0]), !parts[1].isEmpty else { return nil }
        self.init(kind, parts[1])
    }

    /// Manifest order: by kind, then by name.
    public static func < (lhs: ResourceKey, rhs: ResourceKey) -> Bool {
        lhs.kind != rhs.kind ? lhs.kind < rhs.kind : lhs.name < rhs.name
    }
}
