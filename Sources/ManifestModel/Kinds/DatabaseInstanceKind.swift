/// `resources.database_instances` (bundle-format.md §10, lakebase-api.md §3).
extension ResourceKind {
    /// Provisioned database instances.
    public static let databaseInstances = ResourceKind(declaring: "database_instances")
}

extension KindSpec {
    /// Capacities of a database instance.
    public static let instanceCapacities = ["CU_1", "CU_2", "CU_4", "CU_8"]

    private static let inputOnlyReported: [FieldSpec] = [
        FieldSpec("node_count", .int, access: .inputOnly),
        FieldSpec("enable_readable_secondaries", .bool, access: .inputOnly),
        FieldSpec("enable_pg_native_login", .bool, access: .inputOnly),
        FieldSpec("retention_window_in_days", .int, access: .inputOnly),
        FieldSpec("stopped", .bool, access: .inputOnly),
        FieldSpec("custom_tags", .list(.object([
            FieldSpec("key", .string, required: true), FieldSpec("value", .string),
        ])), access: .inputOnly),
        FieldSpec("usage_policy_id", .string, access: .inputOnly),
    ].map { $0.reported(as: "effective_" + $0.name) }

    /// Id `name`; PATCH `update_mask=*` with the full object. Input-only fields are compared with their `effective_*`
    /// twins, so drift made in the UI is seen (the CLI ignores it).
    public static let databaseInstances = KindSpec(
        kind: .databaseInstances,
        schema: ResourceSchema(
            config: [
                FieldSpec("name", .string, required: true).id(),
                FieldSpec("capacity", .enumeration(instanceCapacities)).defaultedByServer(),
            ] + inputOnlyReported + [
                FieldSpec("parent_instance_ref", .object([
                    FieldSpec("name", .string, required: true),
                    FieldSpec("branch_time", .string),
                    FieldSpec("lsn", .string, access: .inputOnly),
                ])).recreates("spec:immutable"),
            ],
            output: [
                "uid", "state", "pg_version", "creator", "creation_time", "read_write_dns", "read_only_dns",
                "effective_capacity", "effective_node_count", "effective_enable_readable_secondaries",
                "effective_enable_pg_native_login", "effective_retention_window_in_days", "effective_stopped",
                "effective_usage_policy_id", "effective_custom_tags", "child_instance_refs",
            ].map { FieldSpec($0, .any, access: .outputOnly) },
            updatable: true,
            bundleOnly: [ResourceSchema.permissionsField(levels: ["CAN_USE", "CAN_MANAGE"]), ResourceSchema.lifecycleField]),
        identity: .field("name"),
        permissions: PermissionsRule(levels: ["CAN_USE", "CAN_MANAGE"], objectType: "database-instances",
                                     fromTopLevel: ["CAN_MANAGE": "CAN_MANAGE", "CAN_VIEW": "CAN_USE"]),
        offlineChecks: { resource, diagnostics in
            let node = resource.node
            let base = resource.key.stateKey
            if let name = node["name"], let text = OfflineRules.resolvedText(name) {
                OfflineRules.checkInstanceName(text, node: name, path: "\(base).name", diagnostics: &diagnostics)
            }
            if let parent = node["parent_instance_ref"]?["name"], let text = OfflineRules.resolvedText(parent) {
                OfflineRules.checkInstanceName(text, node: parent, path: "\(base).parent_instance_ref.name", diagnostics: &diagnostics)
            }
            OfflineRules.checkRange(node["retention_window_in_days"], 2...35, field: "retention_window_in_days", base: base,
                                    diagnostics: &diagnostics)
            OfflineRules.checkRange(node["node_count"], 1...Int64.max, field: "node_count", base: base, diagnostics: &diagnostics)
        })
}
