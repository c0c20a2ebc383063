import JSONCore

extension EmulatedKind {
    /// `database_catalogs`: create, get, delete; PATCH answers 501 as the platform does.
    static let databaseCatalogs = EmulatedKind(
        bundleKind: "database_catalogs", collection: "/api/2.0/database/catalogs"
    ) { workspace, collection in
        [
            Route("POST", "\(collection)") { call throws(LocalAPIError) in
                .json(try await workspace.createCatalog(try BodyFields.resource(call.request, wrapper: "catalog")))
            },
            Route("GET", "\(collection)/{name}") { call throws(LocalAPIError) in
                .json(try await workspace.getCatalog(call.parameter("name")))
            },
            Route("PATCH", "\(collection)/{name}") { _ throws(LocalAPIError) in
                throw .notImplemented("Update Database Catalog is not yet implemented")
            },
            Route("DELETE", "\(collection)/{name}") { call throws(LocalAPIError) in
                try await workspace.deleteCatalog(call.parameter("name"))
                return .emptyObject
            },
        ]
    }
}
