import ManifestModel

extension NodeKind {
    /// PostgreSQL roles of Lakebase Autoscaling branches.
    public static let postgresRole = NodeKind(.postgresRoles)
}

extension KindBehaviour {
    /// `postgres_roles`: a role holds no data of its own (a role that still owns objects cannot be dropped).
    static let postgresRoles = postgres(
        .postgresRoles, title: "Postgres roles",
        banner: .none(because: "a role holds no data; PostgreSQL refuses to drop one that still owns objects"))
}
