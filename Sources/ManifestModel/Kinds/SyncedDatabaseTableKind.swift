import YAMLBridge

/// `resources.synced_database_tables` (bundle-format.md §10, lakebase-api.md §5).
extension ResourceKind {
    /// Synced tables of the Provisioned family (Delta → PostgreSQL).
    public static let syncedDatabaseTables = ResourceKind(declaring: "synced_database_tables")
}

extension KindSpec {
    /// Sync modes of a synced table.
    public static let schedulingPolicies = ["SNAPSHOT", "TRIGGERED", "CONTINUOUS"]
    /// PostgreSQL type overrides of a synced table column.
    public static let pgTypes = ["PG_SPECIFIC_TYPE_VECTOR", "PG_SPECIFIC_TYPE_HALFVEC", "PG_SPECIFIC_TYPE_VARCHAR"]

    private static let syncedTableSpec: [FieldSpec] = [
        FieldSpec("source_table_full_name", .string, required: true).recreates("immutable"),
        FieldSpec("primary_key_columns", .list(.string)).recreates("immutable"),
        FieldSpec("scheduling_policy", .enumeration(schedulingPolicies)).recreates("immutable").defaultedByServer(),
        FieldSpec("timeseries_key", .string).recreates("immutable"),
        FieldSpec("existing_pipeline_id", .string, access: .inputOnly).recreates("spec:input_only"),
        FieldSpec("new_pipeline_spec", .object([
            FieldSpec("storage_catalog", .string),
            FieldSpec("storage_schema", .string),
            FieldSpec("budget_policy_id", .string),
        ]), access: .inputOnly).recreates("spec:input_only"),
        FieldSpec("create_database_objects_if_missing", .bool, access: .inputOnly).recreates("spec:input_only"),
        FieldSpec("accelerated_sync", .bool, access: .inputOnly).recreates("spec:input_only"),
        FieldSpec("type_overrides", .list(.object([
            FieldSpec("column_name", .string, required: true),
            FieldSpec("pg_type", .enumeration(pgTypes), required: true),
            FieldSpec("size", .int),
        ]))).recreates("immutable"),
    ]

    /// Id `name` (`catalog.schema.table`); no update API, every field recreates.
    public static let syncedDatabaseTables = KindSpec(
        kind: .syncedDatabaseTables,
        schema: ResourceSchema(
            config: [
                FieldSpec("name", .string, required: true).id(),
                FieldSpec("database_instance_name", .string, access: .inputOnly).recreates("spec:input_only"),
                FieldSpec("logical_database_name", .string, access: .inputOnly).recreates("spec:input_only"),
                FieldSpec("spec", .object(syncedTableSpec), required: true),
            ],
            output: [
                FieldSpec("effective_database_instance_name", .any, access: .outputOnly),
                FieldSpec("effective_logical_database_name", .any, access: .outputOnly),
                FieldSpec("unity_catalog_provisioning_state", .any, access: .outputOnly),
                FieldSpec("data_synchronization_status", .object(
                    ["detailed_state", "message", "pipeline_id", "last_sync", "provisioning_status",
                     "continuous_update_status", "triggered_update_status", "failed_status"]
                        .map { FieldSpec($0, .any, access: .outputOnly) }), access: .outputOnly),
            ],
            updatable: false),
        identity: .field("name"),
        implicitParents: [
            ImplicitParent(.databaseInstances, field: "database_instance_name"),
            ImplicitParent(.databaseCatalogs, field: "name", part: .beforeFirstDot, label: "catalog"),
        ],
        offlineChecks: { resource, diagnostics in
            let node = resource.node
            let base = resource.key.stateKey
            if let name = node["name"], let text = OfflineRules.resolvedText(name) {
                OfflineRules.checkThreeParts(text, node: name, what: "synced table name", example: "catalog.schema.table",
                                             path: "\(base).name", diagnostics: &diagnostics)
            }
            guard let spec = node["spec"] else { return }
            if let source = spec["source_table_full_name"], let text = OfflineRules.resolvedText(source) {
                OfflineRules.checkThreeParts(text, node: source, what: "source_table_full_name", example: "samples.tpcds_sf1.customer",
                                             path: "\(base).spec.source_table_full_name", diagnostics: &diagnostics)
            }
            if let existing = spec.pair("existing_pipeline_id"), spec["new_pipeline_spec"] != nil {
                diagnostics.error("existing_pipeline_id and new_pipeline_spec are mutually exclusive",
                                  detail: "keep existing_pipeline_id to share a pipeline, or new_pipeline_spec to create one",
                                  at: existing.keyLocation, path: "\(base).spec.existing_pipeline_id")
            }
            checkPrimaryKey(spec, base: base, diagnostics: &diagnostics)
        })

    /// A synced table upserts by primary key: `primary_key_columns` must be set and not empty (`spec` is where the
    /// kind keeps it: its `spec` object, or the resource itself).
    static func checkPrimaryKey(_ spec: YAMLNode, base: String, diagnostics: inout Diagnostics, under: String = "spec.") {
        func path() -> String { "\(base).\(under)primary_key_columns" }
        guard let columns = spec["primary_key_columns"] else {
            diagnostics.error("required field 'primary_key_columns' is not set",
                              detail: "synced tables upsert by primary key; add primary_key_columns: [<column>]" + (under.isEmpty ? "" : " under spec"),
                              at: spec.location, path: path())
            return
        }
        if let items = columns.items, items.isEmpty {
            diagnostics.error("primary_key_columns is empty", detail: "list at least one column of the source table",
                              at: columns.location, path: path())
        }
    }
}
