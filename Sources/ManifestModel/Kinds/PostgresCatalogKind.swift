/// `resources.postgres_catalogs` (autoscaling-api.md §2.6): id `catalogs/{catalog_id}`.
extension ResourceKind {
    /// Unity Catalog catalogs registering a database of a Lakebase Autoscaling branch.
    public static let postgresCatalogs = ResourceKind(declaring: "postgres_catalogs")
}

extension KindSpec {
    /// Id `catalogs/{catalog_id}`; no update API: every change recreates; the fields are compared as written (the
    /// CLI ignores their remote values).
    public static let postgresCatalogs = KindSpec(
        kind: .postgresCatalogs,
        schema: ResourceSchema(
            config: [
                FieldSpec("catalog_id", .string, required: true).id(),
                FieldSpec("postgres_database", .string, required: true).recreatesAsWritten(),
                FieldSpec("branch", .string).recreatesAsWritten(),
                FieldSpec("create_database_if_missing", .bool).recreatesAsWritten(),
            ],
            output: ["name", "uid", "create_time", "update_time", "status"].map { FieldSpec($0, .any, access: .outputOnly) },
            updatable: false),
        identity: .template("catalogs/{catalog_id}"),
        implicitParents: [
            ImplicitParent(.postgresBranches, field: "branch"),
            ImplicitParent(.postgresProjects, field: "branch", part: .leadingSegments(2), label: "project"),
        ])
}
