/// `resources.database_catalogs` (bundle-format.md §10, lakebase-api.md §4).
extension ResourceKind {
    /// Database catalogs: a Provisioned instance's database registered in Unity Catalog.
    public static let databaseCatalogs = ResourceKind(declaring: "database_catalogs")
}

extension KindSpec {
    /// Id `name`; no update API, every field recreates.
    public static let databaseCatalogs = KindSpec(
        kind: .databaseCatalogs,
        schema: ResourceSchema(
            config: [
                FieldSpec("name", .string, required: true).id(),
                FieldSpec("database_instance_name", .string, required: true).recreates("immutable"),
                FieldSpec("database_name", .string, required: true).recreates("immutable"),
                FieldSpec("create_database_if_not_exists", .bool, access: .inputOnly).recreates("immutable"),
            ],
            output: [FieldSpec("uid", .any, access: .outputOnly)],
            updatable: false),
        identity: .field("name"),
        implicitParents: [ImplicitParent(.databaseInstances, field: "database_instance_name")],
        offlineChecks: { resource, diagnostics in
            if let instance = resource.node["database_instance_name"], let text = OfflineRules.resolvedText(instance) {
                OfflineRules.checkInstanceName(text, node: instance, path: "\(resource.key.stateKey).database_instance_name",
                                               diagnostics: &diagnostics)
            }
        })
}
