/// The type of a manifest field, used to check and normalize what the user wrote.
public indirect enum FieldType: Sendable {
    case string
    case int
    case bool
    case enumeration([String])
    case object([FieldSpec])
    case list(FieldType)
    /// Remote-only structures whose inner shape we do not check.
    case any

    /// A short name for messages.
    public var kindName: String {
        switch self {
        case .string, .enumeration: "string"
        case .int: "int"
        case .bool: "bool"
        case .object: "map"
        case .list: "sequence"
        case .any: "value"
        }
    }
}

/// How the API treats a field (lakebase-api.md §3.1).
public enum FieldAccess: Sendable {
    /// Settable and returned by GET.
    case inOut
    /// Accepted on write, never returned by GET.
    case inputOnly
    /// Set by the server; never written in manifests.
    case outputOnly
}

/// One field of a resource or nested object.
public struct FieldSpec: Sendable {
    /// JSON field name, exactly as the REST API spells it.
    public var name: String
    /// The field's type.
    public var type: FieldType
    /// Whether the API needs the field.
    public var required: Bool
    /// Whether GET returns it.
    public var access: FieldAccess

    /// Creates a field.
    public init(_ name: String, _ type: FieldType, required: Bool = false, access: FieldAccess = .inOut) {
        self.name = name
        self.type = type
        self.required = required
        self.access = access
    }
}

/// Every field of one resource kind: what users may write (`config`) and what only the server reports
/// (`output`).
public struct ResourceSchema: Sendable {
    /// Fields a manifest may set (API body fields), without `permissions` and `lifecycle`.
    public var config: [FieldSpec]
    /// Output-only fields returned by GET.
    public var output: [FieldSpec]
    /// The field that identifies the resource.
    public var idField: String

    /// Fields the bundle format adds that are not sent to the API (`permissions`, `lifecycle`).
    public var bundleOnly: [FieldSpec]

    /// Everything a manifest may write under a resource of this kind.
    public var manifestFields: [FieldSpec] { config + bundleOnly }

    /// Legacy keys that older CLI schemas listed; accepted with a warning and dropped.
    public var legacyOutputKeys: [String] { output.map(\.name) + ["id", "url", "modified_status"] }

    /// The field at a dotted path (`spec.scheduling_policy`) among `fields`, with the spec of each step.
    public static func lookup(_ path: [String], in fields: [FieldSpec]) -> FieldSpec? {
        guard let first = path.first, let field = fields.first(where: { $0.name == first }) else { return nil }
        let rest = Array(path.dropFirst())
        if rest.isEmpty { return field }
        switch field.type {
        case .object(let inner): return lookup(rest, in: inner)
        case .any: return FieldSpec(rest.joined(separator: "."), .any, access: field.access)
        default: return nil
        }
    }
}
