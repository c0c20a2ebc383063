import JSONCore

extension EmulatedKind {
    /// `synced_database_tables`: create, get, delete (`purge_data`); PATCH answers 501 as the platform does.
    static let syncedDatabaseTables = EmulatedKind(
        bundleKind: "synced_database_tables", collection: "/api/2.0/database/synced_tables"
    ) { workspace, collection in
        [
            Route("POST", "\(collection)") { call throws(LocalAPIError) in
                let input = try SyncedTableInput(try BodyFields.resource(call.request, wrapper: "synced_table"))
                return .json(try await workspace.createSyncedTable(input))
            },
            Route("GET", "\(collection)/{name}") { call throws(LocalAPIError) in
                .json(try await workspace.getSyncedTable(call.parameter("name")))
            },
            Route("PATCH", "\(collection)/{name}") { _ throws(LocalAPIError) in
                throw .notImplemented("Update Synced Database Table is not yet implemented.")
            },
            Route("DELETE", "\(collection)/{name}") { call throws(LocalAPIError) in
                try await workspace.deleteSyncedTable(
                    call.parameter("name"), purgeData: try call.request.queryBool("purge_data") ?? false)
                return .emptyObject
            },
        ]
    }
}
