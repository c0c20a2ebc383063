import JSONCore

extension LocalAPI {
    /// The Pipelines API subset that refreshes synced tables: start an update, read it.
    static func pipelineRoutes(_ workspace: LocalWorkspace) -> [Route] {
        [
            Route("POST", "/api/2.0/pipelines/{id}/updates") { call throws(LocalAPIError) in
                let body = BodyFields(try call.request.jsonObject())
                return .json(try await workspace.startPipelineUpdate(call.parameter("id"), fullRefresh: try body.bool("full_refresh") ?? false))
            },
            Route("GET", "/api/2.0/pipelines/{id}/updates/{update}") { call throws(LocalAPIError) in
                .json(try await workspace.pipelineUpdate(call.parameter("id"), call.parameter("update")))
            },
        ]
    }
}
