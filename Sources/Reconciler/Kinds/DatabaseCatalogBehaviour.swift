import ManifestModel

extension NodeKind {
    /// Database catalogs.
    public static let databaseCatalog = NodeKind(.databaseCatalogs)
}

extension KindBehaviour {
    /// `database_catalogs`: a group banner too (the CLI never warns about them; their consumers break all the same).
    static let databaseCatalogs = KindBehaviour(
        kind: .databaseCatalog,
        banner: .group(
            deploy: "This action will result in the deletion or recreation of the following database catalogs.\nQueries through these Unity Catalog catalogs fail until they exist again:",
            destroy: "This action will result in the deletion of the following database catalogs.\nQueries through these Unity Catalog catalogs will fail:"),
        summary: SummarySection(
            title: "Database catalogs",
            url: { name, host in "\(host)/explore/data/\(name)" },
            liveState: { object in
                "exists (database \(object["database_name"]?.stringValue ?? "?") on \(object["database_instance_name"]?.stringValue ?? "?"))"
            }),
        dataLoss: { entry, _ in
            let name = entry.savedID ?? entry.configuredID
            return ["Unity Catalog catalog \(name) disappears\(entry.action == .recreate ? " until it is created again" : ""); queries through it fail"]
        })
}
