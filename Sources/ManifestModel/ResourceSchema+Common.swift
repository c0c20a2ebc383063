/// Fields every kind may share: `lifecycle` and the `permissions` list.
extension ResourceSchema {
    /// `lifecycle: {prevent_destroy}`, accepted on every resource.
    public static let lifecycleField = FieldSpec("lifecycle", .object([FieldSpec("prevent_destroy", .bool)]))

    /// The principal fields of a permission entry; exactly one must be set.
    public static let principalFields = ["user_name", "group_name", "service_principal_name"]

    /// A `permissions` list whose entries take one of `levels` and exactly one principal field.
    public static func permissionsField(levels: [String]) -> FieldSpec {
        FieldSpec("permissions", .list(.object(
            [FieldSpec("level", .enumeration(levels), required: true)] + principalFields.map { FieldSpec($0, .string) })))
    }
}
