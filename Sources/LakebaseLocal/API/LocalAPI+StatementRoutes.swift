import JSONCore

extension LocalAPI {
    /// `POST /api/2.0/sql/statements`: the SQL Statement Execution API's synchronous subset, answered by the
    /// lakehouse (`catalog` picks the database; default: the catalog of the first seeded table the statement names,
    /// else `main`). Any `warehouse_id` is accepted.
    static func statementRoutes(_ workspace: LocalWorkspace) -> [Route] {
        [
            Route("POST", "/api/2.0/sql/statements") { call throws(LocalAPIError) in
                let body = BodyFields(try call.request.jsonObject())
                let statement = try body.requiredString("statement")
                guard try body.string("warehouse_id")?.isEmpty == false else {
                    throw .invalidParameter("Field 'warehouse_id' is required")
                }
                let catalog = try body.string("catalog") ?? workspace.lakehouse.catalog(referencedBy: statement) ?? "main"
                do {
                    return .json(try await workspace.lakehouse.execute(
                        statement: statement, catalog: catalog, schema: try body.string("schema")))
                } catch {
                    throw .internalError("The lakehouse could not run the statement: \(error)")
                }
            },
            // Emulator only: where the lakehouse listens, for psql.
            Route("GET", "/api/2.0/lakebase-local/lakehouse") { call throws(LocalAPIError) in
                let catalog = call.request.query["catalog"] ?? "main"
                do {
                    return .json(.object(["connection_string": .string(try await workspace.lakehouse.connectionString(catalog: catalog))]))
                } catch {
                    throw .internalError("The lakehouse could not start: \(error)")
                }
            },
        ]
    }
}
