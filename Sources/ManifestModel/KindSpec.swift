import JSONCore

/// Everything the manifest side knows about one resource kind, declared once in the kind's own file and read by
/// generic code through `KindRegistry` (design.md §5).
public struct KindSpec: Sendable {
    /// The bundle key (`database_instances`).
    public var kind: ResourceKind
    /// Fields, their types and their rules.
    public var schema: ResourceSchema
    /// How the resource's id follows from its fields.
    public var identity: IdentityRule
    /// Fields that name another resource the API makes this one stand on (edges without a `${resources…}`
    /// reference), in the order their edges are added.
    public var implicitParents: [ImplicitParent]
    /// Whether and how the resource takes a `permissions` list.
    public var permissions: PermissionsRule?
    /// Checks made without a workspace (names the platform rejects, exclusive fields, ranges).
    public var offlineChecks: @Sendable (Resource, inout Diagnostics) -> Void

    /// A kind description.
    public init(kind: ResourceKind, schema: ResourceSchema, identity: IdentityRule, implicitParents: [ImplicitParent] = [],
                permissions: PermissionsRule? = nil,
                offlineChecks: @escaping @Sendable (Resource, inout Diagnostics) -> Void = { _, _ in }) {
        self.kind = kind
        self.schema = schema
        self.identity = identity
        self.implicitParents = implicitParents
        self.permissions = permissions
        self.offlineChecks = offlineChecks
    }

    /// The description of a kind nobody registered: no fields, id `name`.
    static func unregistered(_ kind: ResourceKind) -> KindSpec {
        KindSpec(kind: kind, schema: ResourceSchema(config: [], output: [], updatable: false), identity: .field("name"))
    }
}

/// How a resource's id follows from its configured fields.
public enum IdentityRule: Sendable, Equatable {
    /// The id is the value of one field (`name`).
    case field(String)
    /// The id is a template over fields: `{parent}/branches/{branch_id}`.
    case template(String)

    /// The id the configured `value` gives (it may still hold `${…}` references), or nil when a field it needs is
    /// not set.
    public func id(in value: JSONValue) -> String? {
        switch self {
        case .field(let name):
            return value[name]?.stringValue
        case .template(let template):
            var out = ""
            var rest = Substring(template)
            while let open = rest.firstIndex(of: "{") {
                out += rest[..<open]
                guard let close = rest[open...].firstIndex(of: "}") else { return nil }
                let field = String(rest[rest.index(after: open)..<close])
                guard let part = value[field]?.stringValue, !part.isEmpty else { return nil }
                out += part
                rest = rest[rest.index(after: close)...]
            }
            return out + rest
        }
    }

    /// The fields the id is made of.
    public var fields: [String] {
        switch self {
        case .field(let name):
            return [name]
        case .template(let template):
            return template.split(separator: "{", omittingEmptySubsequences: false).dropFirst().compactMap { part in
                part.firstIndex(of: "}").map { String(part[..<$0]) }
            }
        }
    }
}

/// A field that names the resource this one stands on, e.g. a catalog's `database_instance_name`.
public struct ImplicitParent: Sendable {
    /// Which part of the field's value is the parent's id.
    public enum Part: Sendable {
        /// All of it.
        case whole
        /// What comes before the first dot (`catalog` of `catalog.schema.table`), when there is a dot.
        case beforeFirstDot
        /// The first `count` slash-separated segments (`projects/p` of `projects/p/branches/b`), when there are more.
        case leadingSegments(Int)
    }

    /// The parent's kind.
    public var kind: ResourceKind
    /// The field holding the parent's id.
    public var field: String
    /// The part of the value that is the id.
    public var part: Part
    /// The edge label's name (`catalog` in `catalog=main`).
    public var label: String
    /// Put before the part to make the parent's id (`catalogs/` for the `cat` of `cat.schema.table`).
    public var idPrefix: String

    /// A parent named by `field`; the edge label defaults to the field name.
    public init(_ kind: ResourceKind, field: String, part: Part = .whole, label: String? = nil, idPrefix: String = "") {
        self.kind = kind
        self.field = field
        self.part = part
        self.label = label ?? field
        self.idPrefix = idPrefix
    }

    /// The parent's id in `value`, or nil.
    public func parentID(in value: JSONValue) -> String? {
        guard let text = value[field]?.stringValue else { return nil }
        switch part {
        case .whole:
            return idPrefix + text
        case .beforeFirstDot:
            guard text.utf8.contains(UInt8(ascii: ".")), let first = text.split(separator: ".").first else { return nil }
            return idPrefix + String(first)
        case .leadingSegments(let count):
            let segments = text.split(separator: "/", omittingEmptySubsequences: false)
            guard segments.count > count else { return nil }
            return idPrefix + segments.prefix(count).joined(separator: "/")
        }
    }
}

/// How a kind takes `permissions`: the levels it knows, the permissions object it maps to, and which top-level
/// `permissions` of the bundle it inherits.
public struct PermissionsRule: Sendable {
    /// The levels an entry may name.
    public var levels: [String]
    /// The permissions object type: `database-instances` for `/api/2.0/permissions/database-instances/{id}`.
    public var objectType: String
    /// Top-level permission level → this kind's level; top-level levels not listed do not apply.
    public var fromTopLevel: [String: String]
    /// The field whose value names the permissions object (a project's bare `project_id`); nil: the resource's id.
    public var idField: String?
    /// The level the deploying user is given when the list does not name them (the CLI gives `CAN_MANAGE` on
    /// projects, so a deployment never locks its deployer out); nil: none.
    public var deployerLevel: String?

    /// A rule.
    public init(levels: [String], objectType: String, fromTopLevel: [String: String] = [:], idField: String? = nil,
                deployerLevel: String? = nil) {
        self.levels = levels
        self.objectType = objectType
        self.fromTopLevel = fromTopLevel
        self.idField = idField
        self.deployerLevel = deployerLevel
    }

    /// `/database-instances/<id>`, the permissions node's `object_id`.
    public func objectID(of id: String) -> String { "/\(objectType)/\(id)" }
}
