import ManifestModel

extension NodeKind {
    /// Lakebase Autoscaling projects.
    public static let postgresProject = NodeKind(.postgresProjects)
}

extension KindBehaviour {
    /// `postgres_projects`: deleting one deletes every branch, database and endpoint in it.
    static let postgresProjects = postgres(
        .postgresProjects, title: "Postgres projects",
        banner: .group(
            deploy: "This action will result in the deletion or recreation of the following Lakebase projects along with\nall their branches, databases, and endpoints. All data stored in them will be permanently lost:",
            destroy: "This action will result in the deletion of the following Lakebase projects along with\nall their branches, databases, and endpoints. All data stored in them will be permanently lost:"),
        dataLoss: { entry, _ in
            ["all branches, databases and endpoints of project \(entry.savedID ?? entry.configuredID) are permanently lost"
                + (entry.savedState?["purge_on_delete"] == .bool(true) ? " (purged at once)" : " (soft-deleted: restorable for 7 days)")]
        })
}
