import ManifestModel
import JSONCore

/// One kind's field rules (planning-rules.md §4–§5): which fields identify it, which force a recreate, which the
/// server never returns or only reports, and which the server fills in when unset. Tables, not `if`s.
public struct FieldRules: Sendable {
    /// A pattern with the reason a change it matches carries.
    public struct Rule: Sendable {
        /// The fields it covers (and everything below them).
        public var pattern: FieldPattern
        /// The reason recorded on the change (`spec:input_only`, `immutable`, ...).
        public var reason: String
    }

    /// Whether the kind has an update call (PATCH/PUT); without one every change recreates.
    public var hasUpdateAPI: Bool
    /// Provided-id fields: a change recreates.
    public var idFields: [FieldPattern]
    /// Fields a change to which recreates.
    public var recreateOnChanges: [Rule]
    /// Fields whose live value is not compared (input-only: never returned; output-only: server-set).
    public var ignoreRemote: [Rule]
    /// Fields whose local changes are not acted on.
    public var ignoreLocal: [Rule]
    /// Fields the server fills in when the config leaves them unset.
    public var backendDefaults: [FieldPattern]
    /// Input-only fields compared against the `effective_*` field the server returns in their place
    /// (planning-rules.md §14 #5): state field → live field.
    public var effectiveTwins: [(field: String, live: String)]
    /// The fields of the state shape; a live object keeps only these (recursively) when it is compared.
    public var stateFields: [FieldSpec]

    /// The first rule among `rules` that matches `path`.
    static func firstMatch(_ rules: [Rule], _ path: FieldPath) -> Rule? {
        rules.first { $0.pattern.matches(path) }
    }

    /// The live object mapped to the state shape: only state fields (nested objects too), input-only fields
    /// taken from their `effective_*` twins when the server returns those.
    public func remoteState(of live: JSONValue) -> JSONValue {
        guard let object = live.objectValue else { return live }
        guard case .object(var mapped) = Self.project(live, onto: .object(stateFields)) else { return live }
        for twin in effectiveTwins {
            if let value = object[twin.live], value != .null { mapped[twin.field] = value }
        }
        return .object(mapped)
    }

    private static func project(_ value: JSONValue, onto type: FieldType) -> JSONValue {
        switch (type, value) {
        case (.object(let fields), .object(let object)):
            var kept = JSONObject()
            for field in fields {
                if let inner = object[field.name], inner != .null { kept[field.name] = project(inner, onto: field.type) }
            }
            return .object(kept)
        case (.list(let element), .array(let items)):
            return .array(items.map { project($0, onto: element) })
        default:
            return value
        }
    }
}
