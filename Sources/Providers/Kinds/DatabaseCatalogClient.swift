extension CollectionClient {
    /// `database_catalogs` (lakebase-api.md §4): create, get, delete; there is no update.
    @Sendable static func databaseCatalogs(client: WorkspaceClient, waitOptions: WaitOptions) -> any KindClient {
        CollectionClient(kind: "database_catalogs", path: "/api/2.0/database/catalogs", client: client, waitOptions: waitOptions)
    }
}
