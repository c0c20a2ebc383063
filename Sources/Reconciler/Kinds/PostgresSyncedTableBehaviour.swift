import JSONCore
import ManifestModel

extension NodeKind {
    /// Synced tables of the Autoscaling family.
    public static let postgresSyncedTable = NodeKind(.postgresSyncedTables)
}

extension KindBehaviour {
    /// `postgres_synced_tables`: ready when ACTIVE in Unity Catalog with the pipeline online (a wait that copies
    /// data). A delete or recreate drops the synced PostgreSQL table, so it asks first (the CLI does not; §D).
    static let postgresSyncedTables = postgres(
        .postgresSyncedTables, title: "Postgres synced tables",
        banner: .group(
            deploy: "This action will result in the deletion or recreation of the following synced tables.\nThe synced data in the branch's database will be lost (the source table is preserved):",
            destroy: "This action will result in the deletion of the following synced tables.\nThe synced data in the branch's database will be lost (the source table is preserved):"),
        dataLoss: { entry, _ in
            let table = (entry.savedID ?? entry.configuredID).dropFirst("synced_tables/".count)
                .split(separator: ".").dropFirst().joined(separator: ".")
            if entry.action == .recreate {
                let source = entry.newState?["source_table_full_name"]?.stringValue ?? "the source"
                return ["the synced PostgreSQL table \(table) is dropped and copied again from \(source)"]
            }
            return ["the synced PostgreSQL table \(table) is dropped"]
        },
        isSettling: { remote in
            let status = remote["status"]
            let detailed = status?["detailed_state"]?.stringValue ?? ""
            return !detailed.hasPrefix("SYNCED_TABLE_ONLINE") || status?["unity_catalog_provisioning_state"]?.stringValue != "ACTIVE"
        },
        readinessCopiesData: true,
        url: { id, host in "\(host)/explore/data/" + id.dropFirst("synced_tables/".count).split(separator: ".").joined(separator: "/") },
        status: .postgresSyncedTable,
        syncedTable: SyncedTableFields(specPath: [], nameField: "synced_table_id"))
}
