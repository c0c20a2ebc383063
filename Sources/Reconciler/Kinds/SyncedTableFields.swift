import JSONCore

/// Where a synced-table kind keeps what preflight and the advisor read: the three-part table name and the object
/// holding `source_table_full_name`, `scheduling_policy`, `primary_key_columns`, … (`spec` of a Provisioned synced
/// table; the resource itself for an Autoscaling one).
public struct SyncedTableFields: Sendable {
    /// The path to the object holding the sync fields (`["spec"]`, or empty).
    public var specPath: [String]
    /// The field holding `catalog.schema.table`.
    public var nameField: String

    /// Fields at `specPath`, the name in `nameField`.
    public init(specPath: [String], nameField: String) {
        self.specPath = specPath
        self.nameField = nameField
    }

    /// The object holding the sync fields.
    public func spec(_ value: JSONValue?) -> JSONValue? { specPath.reduce(value) { $0?[$1] } }

    /// The three-part table name.
    public func name(_ value: JSONValue?) -> String? { value?[nameField]?.stringValue }

    /// The manifest path of a sync field (`["spec", "scheduling_policy"]`).
    public func path(_ field: String) -> [String] { specPath + [field] }

    /// The dotted path of a sync field below the resource (`spec.scheduling_policy`).
    public func dotted(_ field: String) -> String { path(field).joined(separator: ".") }
}
