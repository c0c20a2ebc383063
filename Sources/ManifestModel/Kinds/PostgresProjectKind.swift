/// `resources.postgres_projects` (autoscaling-api.md §2.1): id `projects/{project_id}`.
extension ResourceKind {
    /// Lakebase Autoscaling projects.
    public static let postgresProjects = ResourceKind(declaring: "postgres_projects")
}

extension KindSpec {
    /// The compute settings shared by project defaults and endpoints.
    static let computeLimits: [FieldSpec] = [
        FieldSpec("autoscaling_limit_min_cu", .number),
        FieldSpec("autoscaling_limit_max_cu", .number),
        FieldSpec("suspend_timeout_duration", .duration),
        FieldSpec("no_suspension", .bool),
    ]

    /// `purge_on_delete`: kept in the state only; a delete then sends `purge=true`.
    static let purgeOnDelete = FieldSpec("purge_on_delete", .bool, access: .inputOnly).keptInStateOnly()

    /// Id `projects/{project_id}`; PATCH with the changed fields as `update_mask`; `pg_version` recreates.
    public static let postgresProjects = KindSpec(
        kind: .postgresProjects,
        schema: ResourceSchema(
            config: [
                FieldSpec("project_id", .string, required: true).id(),
                FieldSpec("display_name", .string).defaultedByServer(),
                FieldSpec("pg_version", .int).recreates("spec:immutable").defaultedByServer(),
                FieldSpec("history_retention_duration", .duration).defaultedByServer(),
                FieldSpec("default_endpoint_settings", .object(computeLimits + [FieldSpec("pg_settings", .map(.string))]))
                    .defaultedByServer(),
                FieldSpec("custom_tags", .list(.object([FieldSpec("key", .string, required: true), FieldSpec("value", .string)]))),
                FieldSpec("budget_policy_id", .string),
                FieldSpec("enable_pg_native_login", .bool).defaultedByServer(),
                FieldSpec("default_branch", .string).defaultedByServer(),
                purgeOnDelete,
            ],
            output: ["name", "uid", "create_time", "update_time", "delete_time", "purge_time", "status"]
                .map { FieldSpec($0, .any, access: .outputOnly) },
            updatable: true,
            bundleOnly: [ResourceSchema.permissionsField(levels: ["CAN_USE", "CAN_MANAGE"]), ResourceSchema.lifecycleField]),
        identity: .template("projects/{project_id}"),
        permissions: PermissionsRule(levels: ["CAN_USE", "CAN_MANAGE"], objectType: "database-projects",
                                     fromTopLevel: ["CAN_MANAGE": "CAN_MANAGE", "CAN_VIEW": "CAN_USE"], idField: "project_id",
                                     deployerLevel: "CAN_MANAGE"),
        offlineChecks: { resource, diagnostics in
            let base = resource.key.stateKey
            OfflineRules.checkLowercaseID(resource.node["project_id"], field: "project_id", length: 1...63, base: base,
                                          diagnostics: &diagnostics)
            if let settings = resource.node["default_endpoint_settings"] {
                OfflineRules.checkComputeLimits(settings, base: "\(base).default_endpoint_settings", diagnostics: &diagnostics)
            }
        })
}
