import JSONCore

/// `synced_database_tables` (lakebase-api.md §5): create, get, delete (`purge_data`); there is no update. Ready
/// means ACTIVE in Unity Catalog with the pipeline online.
struct SyncedDatabaseTableClient: KindClient {
    let tables: SyncedTablesAPI
    let waiters: Waiters
    let waitOptions: WaitOptions

    init(client: WorkspaceClient, waitOptions: WaitOptions) {
        tables = SyncedTablesAPI(client: client)
        waiters = Waiters(client: client, options: waitOptions)
        self.waitOptions = waitOptions
    }

    func read(id: String) async throws(APIError) -> JSONValue? { try await tables.find(id).map(JSONValue.object) }

    func create(id: String, _ body: JSONValue) async throws(APIError) -> CallOutcome {
        .done(.object(try await tables.create(body.objectValue ?? JSONObject(), id: id)))
    }

    func update(id: String, _ body: JSONValue, changedPaths: [String]) async throws(APIError) -> CallOutcome {
        throw .notUpdatable("synced_database_tables", id: id)
    }

    func delete(id: String, options: DeleteOptions) async throws(APIError) -> CallOutcome {
        try await tables.delete(id, purgeData: options.purge)
        return .done(.object([:]))
    }

    func waitReady(id: String, desired: JSONValue) async throws -> String? {
        let outcome = try await waiters.syncedTableOnline(id)
        return outcome.degraded ? "\(id) is online but its last pipeline update failed; it serves stale data" : nil
    }
}
