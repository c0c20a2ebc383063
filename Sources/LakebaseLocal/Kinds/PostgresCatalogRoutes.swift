import JSONCore

extension EmulatedKind {
    /// `postgres_catalogs`: create with `catalog_id` in the query, get, delete; no update, no list.
    static let postgresCatalogs = EmulatedKind(bundleKind: "postgres_catalogs", collection: "/api/2.0/postgres/catalogs") { workspace, collection in
        [
            Route("POST", collection) { call throws(LocalAPIError) in
                let body = JSONValue.object(try call.request.jsonObject())
                return .json(try await workspace.createPostgresCatalog(id: call.request.query["catalog_id"] ?? "", spec: body["spec"] ?? .object([:])))
            },
            Route("GET", "\(collection)/{id}") { call throws(LocalAPIError) in
                .json(try await workspace.getPostgresCatalog(call.parameter("id")))
            },
            Route("DELETE", "\(collection)/{id}") { call throws(LocalAPIError) in
                .json(try await workspace.deletePostgresCatalog(call.parameter("id")))
            },
        ]
    }

    /// `postgres_synced_tables`: create with `synced_table_id` in the query, get, delete; no update, no list.
    static let postgresSyncedTables = EmulatedKind(
        bundleKind: "postgres_synced_tables", collection: "/api/2.0/postgres/synced_tables"
    ) { workspace, collection in
        [
            Route("POST", collection) { call throws(LocalAPIError) in
                let body = JSONValue.object(try call.request.jsonObject())
                return .json(try await workspace.createPostgresSyncedTable(
                    id: call.request.query["synced_table_id"] ?? "", spec: body["spec"] ?? .object([:])))
            },
            Route("GET", "\(collection)/{id}") { call throws(LocalAPIError) in
                .json(try await workspace.getPostgresSyncedTable(call.parameter("id")))
            },
            Route("DELETE", "\(collection)/{id}") { call throws(LocalAPIError) in
                .json(try await workspace.deletePostgresSyncedTable(call.parameter("id")))
            },
        ]
    }
}
