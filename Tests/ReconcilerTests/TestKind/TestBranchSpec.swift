import ManifestModel

/// A kind that exists only in the tests, shaped like an Autoscaling branch: a hierarchical id made from two fields,
/// an update call with a precise mask, long-running operations. It is described once per module, like a real kind.
extension ResourceKind {
    /// `resources.test_branches`.
    static let testBranches = ResourceKind(declaring: "test_branches")
}

extension KindSpec {
    /// Id `{parent}/branches/{branch_id}`; `source_branch` recreates; `replace_existing` is create-only.
    static let testBranches = KindSpec(
        kind: .testBranches,
        schema: ResourceSchema(
            config: [
                FieldSpec("parent", .string, required: true).id(),
                FieldSpec("branch_id", .string, required: true).id(),
                FieldSpec("display_name", .string),
                FieldSpec("is_protected", .bool),
                FieldSpec("source_branch", .string).recreates("spec:immutable"),
                FieldSpec("replace_existing", .bool, access: .inputOnly).ignoresLocalChanges("input_only"),
            ],
            output: [FieldSpec("name", .any, access: .outputOnly), FieldSpec("status", .any, access: .outputOnly)],
            updatable: true),
        identity: .template("{parent}/branches/{branch_id}"),
        implicitParents: [ImplicitParent(.testBranches, field: "source_branch")])
}
