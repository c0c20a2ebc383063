/// `resources.postgres_endpoints` (autoscaling-api.md §2.3): id `{parent}/endpoints/{endpoint_id}`.
extension ResourceKind {
    /// Compute endpoints of a Lakebase Autoscaling branch.
    public static let postgresEndpoints = ResourceKind(declaring: "postgres_endpoints")
}

extension KindSpec {
    /// Endpoint types.
    public static let endpointTypes = ["ENDPOINT_TYPE_READ_WRITE", "ENDPOINT_TYPE_READ_ONLY"]

    /// Id `{parent}/endpoints/{endpoint_id}`; `endpoint_type` recreates; limits, suspension, group and settings
    /// update. Every branch already has its read-write endpoint `primary`: a read-write endpoint in a bundle must
    /// adopt it.
    public static let postgresEndpoints = KindSpec(
        kind: .postgresEndpoints,
        schema: ResourceSchema(
            config: [
                FieldSpec("parent", .string, required: true).id(),
                FieldSpec("endpoint_id", .string, required: true).id(),
                FieldSpec("endpoint_type", .enumeration(endpointTypes), required: true).recreates("spec:immutable"),
            ] + computeLimits.map { $0.defaultedByServer() } + [
                FieldSpec("disabled", .bool).defaultedByServer(),
                FieldSpec("group", .object([
                    FieldSpec("min", .int), FieldSpec("max", .int), FieldSpec("enable_readable_secondaries", .bool),
                ])).defaultedByServer(),
                FieldSpec("settings", .object([FieldSpec("pg_settings", .map(.string))])).defaultedByServer(),
                replaceExisting,
            ],
            output: ["name", "uid", "create_time", "update_time", "status"].map { FieldSpec($0, .any, access: .outputOnly) },
            updatable: true),
        identity: .template("{parent}/endpoints/{endpoint_id}"),
        implicitParents: [ImplicitParent(.postgresBranches, field: "parent")],
        offlineChecks: { resource, diagnostics in
            let node = resource.node
            let base = resource.key.stateKey
            OfflineRules.checkLowercaseID(node["endpoint_id"], field: "endpoint_id", length: 1...63, base: base, diagnostics: &diagnostics)
            OfflineRules.checkComputeLimits(node, base: base, diagnostics: &diagnostics)
            guard node["endpoint_type"]?.stringValue == "ENDPOINT_TYPE_READ_WRITE",
                  node["endpoint_id"]?.stringValue != "primary" || node["replace_existing"]?.scalarValue != .bool(true) else { return }
            diagnostics.error("every branch already has its read-write endpoint 'primary'; a second one is refused",
                              detail: "adopt it instead: endpoint_id: primary and replace_existing: true",
                              at: node["endpoint_type"]?.location ?? resource.location, path: "\(base).endpoint_type")
        })
}
