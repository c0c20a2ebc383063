/// `resources.postgres_branches` (autoscaling-api.md §2.2): id `{parent}/branches/{branch_id}`.
extension ResourceKind {
    /// Branches of a Lakebase Autoscaling project.
    public static let postgresBranches = ResourceKind(declaring: "postgres_branches")
}

extension KindSpec {
    /// `replace_existing`: a create-only query parameter; later changes do nothing.
    static let replaceExisting = FieldSpec("replace_existing", .bool, access: .inputOnly)
        .ignoresLocalChanges("input_only; cannot be updated after create")

    /// Id `{parent}/branches/{branch_id}`; the source fields recreate; expiry and protection update.
    public static let postgresBranches = KindSpec(
        kind: .postgresBranches,
        schema: ResourceSchema(
            config: [
                FieldSpec("parent", .string, required: true).id(),
                FieldSpec("branch_id", .string, required: true).id(),
                FieldSpec("source_branch", .string).recreates("spec:immutable").defaultedByServer(),
                FieldSpec("source_branch_lsn", .string).recreates("spec:immutable").defaultedByServer(),
                FieldSpec("source_branch_time", .string).recreates("spec:immutable").defaultedByServer(),
                FieldSpec("is_protected", .bool).defaultedByServer(),
                FieldSpec("no_expiry", .bool),
                FieldSpec("ttl", .duration),
                FieldSpec("expire_time", .string).defaultedByServer(),
                replaceExisting,
                purgeOnDelete,
            ],
            output: ["name", "uid", "create_time", "update_time", "status"].map { FieldSpec($0, .any, access: .outputOnly) },
            updatable: true),
        identity: .template("{parent}/branches/{branch_id}"),
        implicitParents: [ImplicitParent(.postgresProjects, field: "parent"), ImplicitParent(.postgresBranches, field: "source_branch")],
        offlineChecks: { resource, diagnostics in
            let base = resource.key.stateKey
            OfflineRules.checkLowercaseID(resource.node["branch_id"], field: "branch_id", length: 1...63, base: base,
                                          diagnostics: &diagnostics)
            OfflineRules.checkExclusive(["no_expiry", "ttl", "expire_time"], in: resource.node, base: base, diagnostics: &diagnostics)
            if let noExpiry = resource.node["no_expiry"], noExpiry.scalarValue == .bool(false) {
                diagnostics.error("no_expiry can only be true", detail: "remove no_expiry, or set ttl or expire_time instead",
                                  at: noExpiry.location, path: "\(base).no_expiry")
            }
        })
}
