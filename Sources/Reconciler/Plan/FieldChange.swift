import JSONCore

/// One field's three values and what the plan does about it (planning-rules.md §3): `old` as last applied,
/// `new` as configured, `remote` as the workspace has it now.
public struct FieldChange: Sendable, Hashable {
    /// The field.
    public var path: FieldPath
    /// What this field alone calls for.
    public var action: PlanAction
    /// Why (`remote_already_set`, `immutable`, `spec:input_only`, `remote_drift`, ...); nil for a plain update.
    public var reason: String?
    /// Saved value.
    public var old: JSONValue?
    /// Desired value.
    public var new: JSONValue?
    /// Live value.
    public var remote: JSONValue?

    /// Whether the field changed in the configuration (as opposed to drift in the workspace).
    public var isLocal: Bool { !JSONValue.same(old, new) }
}
