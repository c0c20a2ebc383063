extension CollectionClient {
    /// `synced_database_tables` (lakebase-api.md §5): create, get, delete (`purge_data`); there is no update. Ready
    /// means ACTIVE in Unity Catalog with the pipeline online.
    @Sendable static func syncedDatabaseTables(client: WorkspaceClient, waitOptions: WaitOptions) -> any KindClient {
        var kind = CollectionClient(kind: "synced_database_tables", path: "/api/2.0/database/synced_tables", client: client,
                                    waitOptions: waitOptions)
        kind.deleteQuery = { options in options.purge ? [("purge_data", "true")] : [] }
        kind.ready = { waiters, id, _ in
            let outcome = try await waiters.syncedTableOnline(id)
            return Readiness(warning: outcome.degraded ? "\(id) is online but its last pipeline update failed; it serves stale data" : nil,
                             live: .object(outcome.table))
        }
        return kind
    }
}
