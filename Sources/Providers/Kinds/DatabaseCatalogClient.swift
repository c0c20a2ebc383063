import JSONCore

/// `database_catalogs` (lakebase-api.md §4): create, get, delete; there is no update.
struct DatabaseCatalogClient: KindClient {
    let catalogs: DatabaseCatalogsAPI
    let waitOptions: WaitOptions

    init(client: WorkspaceClient, waitOptions: WaitOptions) {
        catalogs = DatabaseCatalogsAPI(client: client)
        self.waitOptions = waitOptions
    }

    func read(id: String) async throws(APIError) -> JSONValue? { try await catalogs.find(id).map(JSONValue.object) }

    func create(id: String, _ body: JSONValue) async throws(APIError) -> CallOutcome {
        .done(.object(try await catalogs.create(body.objectValue ?? JSONObject(), id: id)))
    }

    func update(id: String, _ body: JSONValue, changedPaths: [String]) async throws(APIError) -> CallOutcome {
        throw .notUpdatable("database_catalogs", id: id)
    }

    func delete(id: String, options: DeleteOptions) async throws(APIError) -> CallOutcome {
        try await catalogs.delete(id)
        return .done(.object([:]))
    }
}
