import JSONCore

extension EmulatedKind {
    /// The routes of an Autoscaling kind below `/api/2.0/postgres` (autoscaling-api.md §1.2): create with the id in
    /// the query and the bare object as body, list (`show_deleted` for projects and branches), get, PATCH with
    /// `update_mask`, DELETE (`purge` for projects and branches), and `undelete` where soft delete exists.
    static func postgres(_ kind: PostgresKind, bundleKind: String) -> EmulatedKind {
        let parentTemplate = switch kind {
        case .project: ""
        case .branch: "/projects/{p}"
        default: "/projects/{p}/branches/{b}"
        }
        let collection = "/api/2.0/postgres\(parentTemplate)/\(kind.collection)"
        return EmulatedKind(bundleKind: bundleKind, collection: collection) { workspace, collection in
            @Sendable func parent(_ call: RouteCall) -> String? {
                switch kind {
                case .project: nil
                case .branch: "projects/\(call.parameter("p"))"
                default: "projects/\(call.parameter("p"))/branches/\(call.parameter("b"))"
                }
            }
            @Sendable func name(_ call: RouteCall) -> String {
                (parent(call).map { $0 + "/" } ?? "") + "\(kind.collection)/\(call.parameter("id"))"
            }
            var routes = [
                Route("POST", collection) { call throws(LocalAPIError) in
                    let body = JSONValue.object(try call.request.jsonObject())
                    let spec = body["spec"] ?? .object([:])
                    let id = call.request.query[kind.idParameter] ?? ""
                    let replace = try call.request.queryBool("replace_existing") ?? false
                    let parentName = parent(call) ?? ""
                    return .json(try await {
                        () async throws(LocalAPIError) -> JSONValue in
                        switch kind {
                        case .project: try await workspace.createProject(id: id, spec: spec, caller: call.identity)
                        case .branch: try await workspace.createBranch(project: parentName, id: id, spec: spec, replaceExisting: replace)
                        case .endpoint:
                            try await workspace.createEndpoint(branch: parentName, id: id, spec: spec, replaceExisting: replace)
                        case .database:
                            try await workspace.createDatabase(branch: parentName, id: id, spec: spec, replaceExisting: replace)
                        case .role:
                            try await workspace.createRole(branch: parentName, id: call.request.query["role_id"], spec: spec,
                                                           replaceExisting: replace)
                        }
                    }())
                },
                Route("GET", collection) { call throws(LocalAPIError) in
                    .json(try await workspace.listPostgres(
                        parent: parent(call), kind, pageSize: try call.request.queryInt("page_size"),
                        pageToken: call.request.query["page_token"], showDeleted: try call.request.queryBool("show_deleted") ?? false))
                },
                Route("GET", "\(collection)/{id}") { call throws(LocalAPIError) in
                    .json(try await workspace.getPostgres(name(call), kind))
                },
                Route("PATCH", "\(collection)/{id}") { call throws(LocalAPIError) in
                    let body = JSONValue.object(try call.request.jsonObject())
                    return .json(try await workspace.updatePostgres(
                        name(call), kind, mask: call.request.query["update_mask"], body: body["spec"] ?? .object([:])))
                },
                Route("DELETE", "\(collection)/{id}") { call throws(LocalAPIError) in
                    .json(try await workspace.deletePostgres(name(call), kind, purge: try call.request.queryBool("purge") ?? false))
                },
            ]
            if kind == .project || kind == .branch {
                routes.append(Route("POST", "\(collection)/{id}/undelete") { call throws(LocalAPIError) in
                    .json(try await workspace.undeletePostgres(name(call), kind))
                })
            }
            return routes
        }
    }
}

extension EmulatedKind {
    /// `postgres_projects`.
    static let postgresProjects = postgres(.project, bundleKind: "postgres_projects")
    /// `postgres_branches`.
    static let postgresBranches = postgres(.branch, bundleKind: "postgres_branches")
    /// `postgres_endpoints`.
    static let postgresEndpoints = postgres(.endpoint, bundleKind: "postgres_endpoints")
    /// `postgres_databases`.
    static let postgresDatabases = postgres(.database, bundleKind: "postgres_databases")
    /// `postgres_roles`.
    static let postgresRoles = postgres(.role, bundleKind: "postgres_roles")
}

extension LocalAPI {
    /// Operations at any depth, credentials and project permissions of the Autoscaling API.
    static func postgresRoutes(_ workspace: LocalWorkspace) -> [Route] {
        [
            Route("POST", "/api/2.0/postgres/credentials") { call throws(LocalAPIError) in
                .json(try await workspace.generatePostgresCredential(BodyFields(try call.request.jsonObject()), caller: call.identity))
            },
            Route("GET", "/api/2.0/postgres/{path...}") { call throws(LocalAPIError) in
                let path = String(call.parameter("path").dropFirst())
                guard path.contains("/operations/") else {
                    throw .endpointNotFound(method: "GET", path: call.request.path)
                }
                return .json(try await workspace.getOperation(path))
            },
        ] + permissionRoutes(
            "database-projects", get: { id throws(LocalAPIError) in try await workspace.projectPermissions(of: id) },
            set: { id, body, replace throws(LocalAPIError) in try await workspace.setProjectPermissions(of: id, body: body, replace: replace) })
    }

    /// `GET`, `PUT` (replace) and `PATCH` (merge) of `/api/2.0/permissions/<objectType>/{id}`.
    static func permissionRoutes(
        _ objectType: String, get: @escaping @Sendable (String) async throws(LocalAPIError) -> JSONValue,
        set: @escaping @Sendable (String, BodyFields, Bool) async throws(LocalAPIError) -> JSONValue
    ) -> [Route] {
        let path = "/api/2.0/permissions/\(objectType)/{id}"
        return [
            Route("GET", path) { call throws(LocalAPIError) in .json(try await get(call.parameter("id"))) },
            Route("PUT", path) { call throws(LocalAPIError) in
                .json(try await set(call.parameter("id"), BodyFields(try call.request.jsonObject()), true))
            },
            Route("PATCH", path) { call throws(LocalAPIError) in
                .json(try await set(call.parameter("id"), BodyFields(try call.request.jsonObject()), false))
            },
        ]
    }
}
