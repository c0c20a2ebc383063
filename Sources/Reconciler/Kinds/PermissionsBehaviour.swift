import ManifestModel

extension KindBehaviour {
    /// The `permissions` sub-node of a kind that takes permissions: PUT the whole list; removing the block changes
    /// nothing, and nothing is lost when it goes.
    static func permissions(of kind: ResourceKind) -> KindBehaviour {
        KindBehaviour(
            kind: NodeKind(kind, permissions: true),
            rules: FieldRules(
                hasUpdateAPI: true, idFields: [], recreateOnChanges: [], ignoreRemote: [], ignoreLocal: [], backendDefaults: [],
                effectiveTwins: [],
                stateFields: [
                    FieldSpec("object_id", .string),
                    FieldSpec("__embed__", .list(.object(
                        [FieldSpec("level", .string)] + ResourceSchema.principalFields.map { FieldSpec($0, .string) }))),
                ]),
            banner: .none(because: "a permissions list is put again from the bundle; no data is stored in it"),
            summary: SummarySection(title: "Permissions", url: { _, host in host }, liveState: { _ in "set" }),
            idInObject: { $0["object_id"]?.stringValue })
    }
}
