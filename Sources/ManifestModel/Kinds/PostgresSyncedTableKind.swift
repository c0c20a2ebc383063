/// `resources.postgres_synced_tables` (autoscaling-api.md §2.7): id `synced_tables/{catalog.schema.table}`.
extension ResourceKind {
    /// Synced tables of the Autoscaling family: Delta tables served from a branch's PostgreSQL database.
    public static let postgresSyncedTables = ResourceKind(declaring: "postgres_synced_tables")
}

extension KindSpec {
    /// Id `synced_tables/{synced_table_id}`; no update API: every change recreates, and the fields are compared as
    /// written (the CLI ignores their remote values).
    public static let postgresSyncedTables = KindSpec(
        kind: .postgresSyncedTables,
        schema: ResourceSchema(
            config: [FieldSpec("synced_table_id", .string, required: true).id()] + [
                FieldSpec("source_table_full_name", .string, required: true),
                FieldSpec("primary_key_columns", .list(.string)),
                FieldSpec("timeseries_key", .string),
                FieldSpec("scheduling_policy", .enumeration(schedulingPolicies)),
                FieldSpec("branch", .string),
                FieldSpec("postgres_database", .string),
                FieldSpec("create_database_objects_if_missing", .bool),
                FieldSpec("existing_pipeline_id", .string),
                FieldSpec("new_pipeline_spec", .object([
                    FieldSpec("storage_catalog", .string),
                    FieldSpec("storage_schema", .string),
                    FieldSpec("budget_policy_id", .string),
                    FieldSpec("pipeline_channel", .enumeration(["CURRENT", "PREVIEW"])),
                ])),
                FieldSpec("accelerated_sync", .bool),
                FieldSpec("type_overrides", .list(.object([
                    FieldSpec("column_name", .string, required: true),
                    FieldSpec("pg_type", .enumeration(pgTypes), required: true),
                    FieldSpec("size", .int),
                ]))),
                FieldSpec("extra_columns", .list(.object([
                    FieldSpec("column_name", .string, required: true),
                    FieldSpec("column_type", .string),
                    FieldSpec("compute", .string),
                    FieldSpec("maintenance", .enumeration(["STORED_GENERATED"])),
                ]))),
            ].map { $0.recreatesAsWritten() },
            output: ["name", "uid", "create_time", "status"].map { FieldSpec($0, .any, access: .outputOnly) },
            updatable: false),
        identity: .template("synced_tables/{synced_table_id}"),
        implicitParents: [
            ImplicitParent(.postgresBranches, field: "branch"),
            ImplicitParent(.postgresProjects, field: "branch", part: .leadingSegments(2), label: "project"),
            ImplicitParent(.postgresCatalogs, field: "synced_table_id", part: .beforeFirstDot, label: "catalog", idPrefix: "catalogs/"),
        ],
        offlineChecks: { resource, diagnostics in
            let node = resource.node
            let base = resource.key.stateKey
            for (field, example) in [("synced_table_id", "catalog.schema.table"), ("source_table_full_name", "samples.tpcds_sf1.customer")] {
                guard let value = node[field], let text = OfflineRules.resolvedText(value) else { continue }
                OfflineRules.checkThreeParts(text, node: value, what: field, example: example, path: "\(base).\(field)",
                                             diagnostics: &diagnostics)
            }
            OfflineRules.checkExclusive(["existing_pipeline_id", "new_pipeline_spec"], in: node, base: base, diagnostics: &diagnostics)
            checkPrimaryKey(node, base: base, diagnostics: &diagnostics, under: "")
        })
}

extension FieldSpec {
    /// A field of a kind without an update API whose remote value is not compared: a change of what is written
    /// recreates (`spec:input_only`).
    func recreatesAsWritten() -> FieldSpec {
        var field = self
        field.access = .inputOnly
        return field.recreates("spec:input_only")
    }
}
