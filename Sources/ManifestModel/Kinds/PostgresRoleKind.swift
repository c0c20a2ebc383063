/// `resources.postgres_roles` (autoscaling-api.md §2.5): id `{parent}/roles/{role_id}`.
extension ResourceKind {
    /// PostgreSQL roles of a Lakebase Autoscaling branch.
    public static let postgresRoles = ResourceKind(declaring: "postgres_roles")
}

extension KindSpec {
    /// Id `{parent}/roles/{role_id}`; the role's name, identity and login method recreate (the API refuses them in
    /// a mask); attributes and memberships update.
    public static let postgresRoles = KindSpec(
        kind: .postgresRoles,
        schema: ResourceSchema(
            config: [
                FieldSpec("parent", .string, required: true).recreates("immutable"),
                FieldSpec("role_id", .string, required: true).recreates("immutable"),
                FieldSpec("postgres_role", .string, required: true).recreates("immutable"),
                FieldSpec("identity_type", .enumeration(["USER", "SERVICE_PRINCIPAL", "GROUP"])).recreates("immutable")
                    .defaultedByServer(),
                FieldSpec("auth_method", .enumeration(["LAKEBASE_OAUTH_V1", "PG_PASSWORD_SCRAM_SHA_256", "NO_LOGIN"]))
                    .recreates("immutable").defaultedByServer(),
                FieldSpec("attributes", .object([
                    FieldSpec("createdb", .bool), FieldSpec("createrole", .bool), FieldSpec("bypassrls", .bool),
                ])).defaultedByServer(),
                FieldSpec("membership_roles", .list(.enumeration(["DATABRICKS_SUPERUSER"]))).defaultedByServer(),
                replaceExisting,
            ],
            output: ["name", "create_time", "update_time", "status"].map { FieldSpec($0, .any, access: .outputOnly) },
            updatable: true),
        identity: .template("{parent}/roles/{role_id}"),
        implicitParents: [ImplicitParent(.postgresBranches, field: "parent")],
        offlineChecks: { resource, diagnostics in
            OfflineRules.checkLowercaseID(resource.node["role_id"], field: "role_id", length: 4...63,
                                          base: resource.key.stateKey, diagnostics: &diagnostics)
        })
}
