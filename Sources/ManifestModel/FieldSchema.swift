/// The type of a manifest field, used to check and normalize what the user wrote.
public indirect enum FieldType: Sendable {
    case string
    case int
    /// An integer or a decimal number (compute units: `0.5`).
    case number
    /// A protobuf-JSON duration, seconds with an `s` (`"300s"`); normalized so equal durations compare equal.
    case duration
    case bool
    case enumeration([String])
    case object([FieldSpec])
    case list(FieldType)
    /// A map from free-form keys to values of one type (`pg_settings`); a change replaces it as a whole.
    case map(FieldType)
    /// Remote-only structures whose inner shape we do not check.
    case any

    /// A short name for messages.
    public var kindName: String {
        switch self {
        case .string, .enumeration: "string"
        case .int: "int"
        case .number: "number"
        case .duration: "duration"
        case .bool: "bool"
        case .object, .map: "map"
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

/// What a change the bundle makes to a field does, when it is not what the kind does by default (an update when the
/// kind has an update call, a recreate with reason `immutable` when it has none).
public enum ChangeRule: Sendable, Equatable {
    /// The kind's default.
    case kindDefault
    /// The resource is deleted and created again; `reason` is recorded on the change (`spec:immutable`, ...).
    case recreate(reason: String)
    /// Local changes are not acted on (a create-only query parameter); `reason` is recorded on the change.
    case ignored(reason: String)
}

/// One field of a resource or nested object, with every rule the planner needs about it (planning-rules.md §4–§5):
/// declared here once, read by the reconciler's field rules.
public struct FieldSpec: Sendable {
    /// JSON field name, exactly as the REST API spells it.
    public var name: String
    /// The field's type.
    public var type: FieldType
    /// Whether the API needs the field.
    public var required: Bool
    /// Whether GET returns it.
    public var access: FieldAccess
    /// Whether it is (part of) the id the bundle provides: a change recreates the resource.
    public var isID = false
    /// What a change to it does.
    public var onChange = ChangeRule.kindDefault
    /// Whether the server fills it in when the bundle leaves it unset.
    public var serverDefault = false
    /// Whether the field lives in the deployment state only (`purge_on_delete`): a change to it alone is applied by
    /// rewriting the state, without a request.
    public var stateOnly = false
    /// The output field GET reports in its place (`effective_node_count` for the input-only `node_count`); the live
    /// value is compared through it, so drift is seen.
    public var liveTwin: String?

    /// Creates a field.
    public init(_ name: String, _ type: FieldType, required: Bool = false, access: FieldAccess = .inOut) {
        self.name = name
        self.type = type
        self.required = required
        self.access = access
    }

    /// This field as (part of) the provided id.
    public func id() -> FieldSpec { with { $0.isID = true } }

    /// This field recreating the resource when it changes, with `reason`.
    public func recreates(_ reason: String) -> FieldSpec { with { $0.onChange = .recreate(reason: reason) } }

    /// This field's local changes ignored, with `reason`.
    public func ignoresLocalChanges(_ reason: String) -> FieldSpec { with { $0.onChange = .ignored(reason: reason) } }

    /// This field kept in the deployment state only.
    public func keptInStateOnly() -> FieldSpec { with { $0.stateOnly = true } }

    /// This field filled in by the server when unset.
    public func defaultedByServer() -> FieldSpec { with { $0.serverDefault = true } }

    /// This input-only field reported by GET as `twin` (which the server also fills in when unset).
    public func reported(as twin: String) -> FieldSpec { with { $0.liveTwin = twin } }

    private func with(_ change: (inout FieldSpec) -> Void) -> FieldSpec {
        var copy = self
        change(&copy)
        return copy
    }
}

/// Every field of one resource kind: what users may write (`config`) and what only the server reports
/// (`output`).
public struct ResourceSchema: Sendable {
    /// Fields a manifest may set (API body fields), without `permissions` and `lifecycle`.
    public var config: [FieldSpec]
    /// Output-only fields returned by GET.
    public var output: [FieldSpec]
    /// Whether the API has an update call (PATCH or PUT); without one every change recreates.
    public var updatable: Bool

    /// Fields the bundle format adds that are not sent to the API (`permissions`, `lifecycle`).
    public var bundleOnly: [FieldSpec]

    /// A schema; `bundleOnly` defaults to `lifecycle` alone.
    public init(config: [FieldSpec], output: [FieldSpec], updatable: Bool,
                bundleOnly: [FieldSpec] = [ResourceSchema.lifecycleField]) {
        self.config = config
        self.output = output
        self.updatable = updatable
        self.bundleOnly = bundleOnly
    }

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
