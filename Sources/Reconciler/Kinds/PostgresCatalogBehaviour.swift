import ManifestModel

extension NodeKind {
    /// Unity Catalog catalogs of Lakebase Autoscaling databases.
    public static let postgresCatalog = NodeKind(.postgresCatalogs)
}

extension KindBehaviour {
    /// `postgres_catalogs`: a registration in Unity Catalog; deleting it keeps the database and its data.
    static let postgresCatalogs = postgres(
        .postgresCatalogs, title: "Postgres catalogs",
        banner: .none(because: "a catalog only registers a branch's database in Unity Catalog; deleting it keeps the database and its data"),
        url: { id, host in "\(host)/explore/data/" + id.dropFirst("catalogs/".count) })
}
