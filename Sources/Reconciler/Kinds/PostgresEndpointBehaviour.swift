import ManifestModel

extension NodeKind {
    /// Compute endpoints of Lakebase Autoscaling branches.
    public static let postgresEndpoint = NodeKind(.postgresEndpoints)
}

extension KindBehaviour {
    /// `postgres_endpoints`: compute only, the data stays with the branch; usable once its reconciliation ended.
    static let postgresEndpoints = postgres(
        .postgresEndpoints, title: "Postgres endpoints",
        banner: .none(because: "an endpoint is compute; the branch keeps the data"),
        isSettling: { object in
            let status = object["status"]
            return status?["pending_state"] != nil || !["ACTIVE", "IDLE"].contains(status?["current_state"]?.stringValue ?? "")
        },
        status: .postgresEndpoint)
}
