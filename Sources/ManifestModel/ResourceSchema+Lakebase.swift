/// The field schemas of the three Lakebase kinds (bundle-format.md §10, lakebase-api.md §3–§5).
extension ResourceSchema {
    /// Capacities of a database instance.
    public static let capacities = ["CU_1", "CU_2", "CU_4", "CU_8"]
    /// Sync modes of a synced table.
    public static let schedulingPolicies = ["SNAPSHOT", "TRIGGERED", "CONTINUOUS"]
    /// PostgreSQL type overrides of a synced table column.
    public static let pgTypes = ["PG_SPECIFIC_TYPE_VECTOR", "PG_SPECIFIC_TYPE_HALFVEC", "PG_SPECIFIC_TYPE_VARCHAR"]
    /// Permission levels on a database instance.
    public static let instancePermissionLevels = ["CAN_USE", "CAN_MANAGE"]

    /// `lifecycle: {prevent_destroy}`, accepted on every resource.
    public static let lifecycleField = FieldSpec("lifecycle", .object([FieldSpec("prevent_destroy", .bool)]))

    /// The principal fields of a permission entry; exactly one must be set.
    public static let principalFields = ["user_name", "group_name", "service_principal_name"]

    /// `permissions: [{level, user_name | group_name | service_principal_name}]` on a database instance.
    public static let permissionsField = permissionsField(levels: instancePermissionLevels)

    /// A `permissions` list whose entries take one of `levels` and exactly one principal field.
    public static func permissionsField(levels: [String]) -> FieldSpec {
        FieldSpec("permissions", .list(.object(
            [FieldSpec("level", .enumeration(levels), required: true)] + principalFields.map { FieldSpec($0, .string) })))
    }

    private static let instanceRef: [FieldSpec] = [
        FieldSpec("name", .string, required: true),
        FieldSpec("branch_time", .string),
        FieldSpec("lsn", .string, access: .inputOnly),
    ]

    /// `resources.database_instances.<key>`.
    public static let databaseInstance = ResourceSchema(
        config: [
            FieldSpec("name", .string, required: true),
            FieldSpec("capacity", .enumeration(capacities)),
            FieldSpec("node_count", .int, access: .inputOnly),
            FieldSpec("enable_readable_secondaries", .bool, access: .inputOnly),
            FieldSpec("enable_pg_native_login", .bool, access: .inputOnly),
            FieldSpec("retention_window_in_days", .int, access: .inputOnly),
            FieldSpec("stopped", .bool, access: .inputOnly),
            FieldSpec("custom_tags", .list(.object([
                FieldSpec("key", .string, required: true), FieldSpec("value", .string),
            ])), access: .inputOnly),
            FieldSpec("usage_policy_id", .string, access: .inputOnly),
            FieldSpec("parent_instance_ref", .object(instanceRef)),
        ],
        output: [
            "uid", "state", "pg_version", "creator", "creation_time", "read_write_dns", "read_only_dns",
            "effective_capacity", "effective_node_count", "effective_enable_readable_secondaries",
            "effective_enable_pg_native_login", "effective_retention_window_in_days", "effective_stopped",
            "effective_usage_policy_id",
        ].map { FieldSpec($0, .any, access: .outputOnly) } + [
            FieldSpec("effective_custom_tags", .any, access: .outputOnly),
            FieldSpec("child_instance_refs", .any, access: .outputOnly),
        ],
        idField: "name",
        bundleOnly: [permissionsField, lifecycleField])

    /// `resources.database_catalogs.<key>`.
    public static let databaseCatalog = ResourceSchema(
        config: [
            FieldSpec("name", .string, required: true),
            FieldSpec("database_instance_name", .string, required: true),
            FieldSpec("database_name", .string, required: true),
            FieldSpec("create_database_if_not_exists", .bool, access: .inputOnly),
        ],
        output: [FieldSpec("uid", .any, access: .outputOnly)],
        idField: "name",
        bundleOnly: [lifecycleField])

    private static let syncedTableSpec: [FieldSpec] = [
        FieldSpec("source_table_full_name", .string, required: true),
        FieldSpec("primary_key_columns", .list(.string)),
        FieldSpec("scheduling_policy", .enumeration(schedulingPolicies)),
        FieldSpec("timeseries_key", .string),
        FieldSpec("existing_pipeline_id", .string, access: .inputOnly),
        FieldSpec("new_pipeline_spec", .object([
            FieldSpec("storage_catalog", .string),
            FieldSpec("storage_schema", .string),
            FieldSpec("budget_policy_id", .string),
        ]), access: .inputOnly),
        FieldSpec("create_database_objects_if_missing", .bool, access: .inputOnly),
        FieldSpec("accelerated_sync", .bool, access: .inputOnly),
        FieldSpec("type_overrides", .list(.object([
            FieldSpec("column_name", .string, required: true),
            FieldSpec("pg_type", .enumeration(pgTypes), required: true),
            FieldSpec("size", .int),
        ]))),
    ]

    /// `resources.synced_database_tables.<key>`.
    public static let syncedDatabaseTable = ResourceSchema(
        config: [
            FieldSpec("name", .string, required: true),
            FieldSpec("database_instance_name", .string, access: .inputOnly),
            FieldSpec("logical_database_name", .string, access: .inputOnly),
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
        idField: "name",
        bundleOnly: [lifecycleField])
}
