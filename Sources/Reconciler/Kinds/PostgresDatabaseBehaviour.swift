import ManifestModel

extension NodeKind {
    /// PostgreSQL databases of Lakebase Autoscaling branches.
    public static let postgresDatabase = NodeKind(.postgresDatabases)
}

extension KindBehaviour {
    /// `postgres_databases`: deleting one drops the PostgreSQL database and its data.
    static let postgresDatabases = postgres(
        .postgresDatabases, title: "Postgres databases",
        banner: .group(
            deploy: "This action will result in the deletion or recreation of the following Lakebase databases.\nAll data stored in them will be permanently lost:",
            destroy: "This action will result in the deletion of the following Lakebase databases.\nAll data stored in them will be permanently lost:"),
        dataLoss: { entry, _ in
            let database = entry.savedState?["postgres_database"]?.stringValue ?? entry.savedID ?? entry.configuredID
            return ["PostgreSQL database \(database) and all its data are dropped"]
        })
}
