import JSONCore

extension LocalAPI {
    /// `/api/2.1/unity-catalog/tables/{full_name}` and `/exists` over the lakehouse's source tables.
    static func unityCatalogRoutes(_ workspace: LocalWorkspace) -> [Route] {
        [
            Route("GET", "/api/2.1/unity-catalog/tables/{name}") { call throws(LocalAPIError) in
                let name = call.parameter("name")
                guard let table = workspace.sourceTables[name] else {
                    throw .notFound("Table '\(name)' does not exist.", code: "TABLE_DOES_NOT_EXIST")
                }
                return .json(table.tableInfo(owner: call.identity.userName))
            },
            Route("GET", "/api/2.1/unity-catalog/tables/{name}/exists") { call throws(LocalAPIError) in
                .json(.object(["table_exists": .bool(workspace.sourceTables[call.parameter("name")] != nil)]))
            },
        ]
    }
}
