import ManifestModel

/// The field rules of the Lakebase kinds (planning-rules.md §5, with the improvements of §14).
extension FieldRules {
    private static func rules(_ reason: String, _ patterns: [FieldPattern]) -> [Rule] {
        patterns.map { Rule(pattern: $0, reason: reason) }
    }

    private static let instanceInputOnly: [FieldPattern] = [
        "node_count", "enable_readable_secondaries", "enable_pg_native_login", "retention_window_in_days",
        "stopped", "custom_tags", "usage_policy_id",
    ]

    /// `database_instances`: id `name`; PATCH `update_mask=*` with the full object. Input-only fields are compared
    /// with their `effective_*` twins, so drift made in the UI is seen (the CLI ignores it).
    public static let databaseInstance = FieldRules(
        hasUpdateAPI: true,
        idFields: ["name"],
        recreateOnChanges: rules("spec:immutable", ["parent_instance_ref"]),
        ignoreRemote: rules("spec:input_only", ["parent_instance_ref.lsn"])
            + rules("spec:output_only", ["parent_instance_ref.uid", "parent_instance_ref.effective_lsn"]),
        ignoreLocal: [],
        backendDefaults: ["capacity"] + instanceInputOnly,
        effectiveTwins: instanceInputOnly.map { ($0.description, "effective_" + $0.description) },
        stateFields: ResourceSchema.databaseInstance.config)

    /// `database_catalogs`: id `name`; no update API, every field recreates.
    public static let databaseCatalog = FieldRules(
        hasUpdateAPI: false,
        idFields: ["name"],
        recreateOnChanges: rules("immutable", ["database_instance_name", "database_name", "create_database_if_not_exists"]),
        ignoreRemote: rules("spec:input_only", ["create_database_if_not_exists"]),
        ignoreLocal: [],
        backendDefaults: [],
        effectiveTwins: [],
        stateFields: ResourceSchema.databaseCatalog.config)

    /// `synced_database_tables`: id `name`; no update API, every field recreates.
    public static let syncedTable = FieldRules(
        hasUpdateAPI: false,
        idFields: ["name"],
        recreateOnChanges: rules("immutable", [
            "spec.source_table_full_name", "spec.primary_key_columns", "spec.scheduling_policy", "spec.timeseries_key",
            "spec.type_overrides",
        ]) + rules("spec:input_only", [
            "database_instance_name", "logical_database_name", "spec.new_pipeline_spec", "spec.existing_pipeline_id",
            "spec.create_database_objects_if_missing", "spec.accelerated_sync",
        ]),
        ignoreRemote: rules("spec:input_only", [
            "database_instance_name", "logical_database_name", "spec.new_pipeline_spec", "spec.existing_pipeline_id",
            "spec.create_database_objects_if_missing", "spec.accelerated_sync",
        ]),
        ignoreLocal: [],
        backendDefaults: ["spec.scheduling_policy"],
        effectiveTwins: [],
        stateFields: ResourceSchema.syncedDatabaseTable.config)

    /// `database_instances.<key>.permissions`: PUT the whole list; removing the block changes nothing.
    public static let instancePermissions = FieldRules(
        hasUpdateAPI: true,
        idFields: [],
        recreateOnChanges: [],
        ignoreRemote: [],
        ignoreLocal: [],
        backendDefaults: [],
        effectiveTwins: [],
        stateFields: [
            FieldSpec("object_id", .string),
            FieldSpec("__embed__", .list(.object([FieldSpec("level", .string)] + ResourceSchema.principalFields.map { FieldSpec($0, .string) }))),
        ])
}
