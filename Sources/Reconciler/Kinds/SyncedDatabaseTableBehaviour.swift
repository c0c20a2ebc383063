import ManifestModel
import Providers

extension NodeKind {
    /// Synced tables of the Provisioned family.
    public static let syncedTable = NodeKind(.syncedDatabaseTables)
}

extension KindBehaviour {
    /// `synced_database_tables`: ready when ACTIVE in Unity Catalog with the pipeline online (a wait that copies
    /// data); a recreate purges the PostgreSQL table.
    static let syncedDatabaseTables = KindBehaviour(
        kind: .syncedTable,
        banner: .group(
            deploy: "This action will result in the deletion or recreation of the following synced database tables.\nThe synced data in the destination database will be lost (the source table is preserved):",
            destroy: "This action will result in the deletion of the following synced database tables.\nThe synced data in the destination database will be lost (the source table is preserved):"),
        summary: SummarySection(
            title: "Synced database tables",
            url: { name, host in "\(host)/explore/data/" + name.split(separator: ".").joined(separator: "/") },
            liveState: { object in
                let status = object["data_synchronization_status"]
                var text = status?["detailed_state"]?.stringValue ?? "unknown"
                if let uc = object["unity_catalog_provisioning_state"]?.stringValue { text += ", Unity Catalog \(uc)" }
                if let pipeline = status?["pipeline_id"]?.stringValue { text += ", pipeline \(pipeline)" }
                return text
            }),
        dataLoss: { entry, _ in
            let table = (entry.savedID ?? entry.configuredID).split(separator: ".").dropFirst().joined(separator: ".")
            if entry.action == .recreate {
                let source = entry.newState?["spec"]?["source_table_full_name"]?.stringValue ?? "the source"
                return ["the synced PostgreSQL table \(table) is dropped (purge_data=true) and copied again from \(source)"]
            }
            return ["the synced PostgreSQL table \(table) stops receiving updates; it is kept unless apply runs with --purge-synced-data"]
        },
        isSettling: { remote in
            let detailed = remote["data_synchronization_status"]?["detailed_state"]?.stringValue ?? ""
            return !detailed.hasPrefix("SYNCED_TABLE_ONLINE") || remote["unity_catalog_provisioning_state"]?.stringValue != "ACTIVE"
        },
        readinessCopiesData: true,
        status: .syncedTable,
        syncedTable: SyncedTableFields(specPath: ["spec"], nameField: "name"))
}
