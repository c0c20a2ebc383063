/// The name of a resource kind as a bundle writes it under `resources` (`database_instances`). What the kind is
/// (its schema, id rule, checks) is its `KindSpec` in the `KindRegistry`.
public struct ResourceKind: RawRepresentable, Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    /// The bundle key.
    public let rawValue: String

    /// A registered kind, or nil when no `KindSpec` declares `rawValue`.
    public init?(rawValue: String) {
        guard KindRegistry.spec(named: rawValue) != nil else { return nil }
        self.rawValue = rawValue
    }

    /// Declares a kind name (in the kind's own file, next to its `KindSpec`).
    public init(declaring name: String) { rawValue = name }

    /// The kind name without its trailing `s`, as the Databricks CLI words messages (`database_instance`).
    public var singular: String { String(rawValue.dropLast()) }

    /// The kind name in words for messages: `database instance`.
    public var words: String { singular.replacing("_", with: " ") }

    /// The bundle key.
    public var description: String { rawValue }

    /// The kind's description (an empty one for a kind nobody registered).
    public var spec: KindSpec { KindRegistry.spec(named: rawValue) ?? KindSpec.unregistered(self) }

    /// The field schema of this kind.
    public var schema: ResourceSchema { spec.schema }

    /// Registry order (the order kinds are listed in manifests and outputs), then by name.
    public static func < (lhs: ResourceKind, rhs: ResourceKind) -> Bool {
        let left = KindRegistry.position(of: lhs), right = KindRegistry.position(of: rhs)
        return left != right ? left < right : lhs.rawValue < rhs.rawValue
    }

    /// Decodes a registered kind name.
    public init(from decoder: any Decoder) throws {
        let name = try decoder.singleValueContainer().decode(String.self)
        guard let kind = ResourceKind(rawValue: name) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown resource kind \(name)"))
        }
        self = kind
    }

    /// Encodes the kind name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
