import JSONCore

extension LocalAPI {
    /// `/api/2.0/database/credentials`; the resource kinds' own routes are in `Kinds/`.
    static func databaseRoutes(_ workspace: LocalWorkspace) -> [Route] {
        let base = "/api/2.0/database"
        return [
            Route("POST", "\(base)/credentials") { call throws(LocalAPIError) in
                .json(try await workspace.generateCredential(try BodyFields(call.request.jsonObject()), caller: call.identity))
            },
        ]
    }
}
