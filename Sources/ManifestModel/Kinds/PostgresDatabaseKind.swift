/// `resources.postgres_databases` (autoscaling-api.md §2.4): id `{parent}/databases/{database_id}`.
extension ResourceKind {
    /// PostgreSQL databases of a Lakebase Autoscaling branch.
    public static let postgresDatabases = ResourceKind(declaring: "postgres_databases")
}

extension KindSpec {
    /// Id `{parent}/databases/{database_id}`; renaming (`postgres_database`) and the owner (`role`) update in place.
    public static let postgresDatabases = KindSpec(
        kind: .postgresDatabases,
        schema: ResourceSchema(
            config: [
                FieldSpec("parent", .string, required: true).id(),
                FieldSpec("database_id", .string, required: true).id(),
                FieldSpec("postgres_database", .string).defaultedByServer(),
                FieldSpec("role", .string, required: true),
                replaceExisting,
            ],
            output: ["name", "create_time", "update_time", "status"].map { FieldSpec($0, .any, access: .outputOnly) },
            updatable: true),
        identity: .template("{parent}/databases/{database_id}"),
        implicitParents: [ImplicitParent(.postgresBranches, field: "parent"), ImplicitParent(.postgresRoles, field: "role")],
        offlineChecks: { resource, diagnostics in
            OfflineRules.checkLowercaseID(resource.node["database_id"], field: "database_id", length: 1...63,
                                          base: resource.key.stateKey, diagnostics: &diagnostics)
        })
}
