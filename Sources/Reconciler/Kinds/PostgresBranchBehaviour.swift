import ManifestModel

extension NodeKind {
    /// Branches of Lakebase Autoscaling projects.
    public static let postgresBranch = NodeKind(.postgresBranches)
}

extension KindBehaviour {
    /// `postgres_branches`: a branch holds data; it is usable once READY.
    static let postgresBranches = postgres(
        .postgresBranches, title: "Postgres branches",
        banner: .group(
            deploy: "This action will result in the deletion or recreation of the following Lakebase branches.\nAll data stored in them will be permanently lost:",
            destroy: "This action will result in the deletion of the following Lakebase branches.\nAll data stored in them will be permanently lost:"),
        dataLoss: { entry, _ in ["all data of branch \(entry.savedID ?? entry.configuredID), its databases and endpoints are lost"] },
        isSettling: { $0["status"]?["current_state"]?.stringValue != "READY" },
        status: .postgresBranch)
}
