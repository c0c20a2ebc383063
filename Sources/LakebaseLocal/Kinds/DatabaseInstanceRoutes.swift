import JSONCore

extension EmulatedKind {
    /// `database_instances`: create, get, list, find by uid, update with a mask, delete, the lists below an instance, and
    /// its permissions (`/api/2.0/permissions/database-instances/{name}`).
    static let databaseInstances = EmulatedKind(
        bundleKind: "database_instances", collection: "/api/2.0/database/instances"
    ) { workspace, collection in
        [
            Route("POST", "\(collection)") { call throws(LocalAPIError) in
                let input = try InstanceInput(try BodyFields.resource(call.request, wrapper: "database_instance"))
                return .json(try await workspace.createInstance(input, caller: call.identity))
            },
            Route("GET", "\(collection)") { call throws(LocalAPIError) in
                .json(try await workspace.listInstances(
                    pageSize: try call.request.queryInt("page_size"), pageToken: call.request.query["page_token"]))
            },
            Route("GET", "\(collection):findByUid") { call throws(LocalAPIError) in
                guard let uid = call.request.query["uid"], !uid.isEmpty else {
                    throw .invalidParameter("Query parameter 'uid' is required")
                }
                return .json(try await workspace.findInstance(uid: uid))
            },
            Route("GET", "\(collection)/{name}") { call throws(LocalAPIError) in
                .json(try await workspace.getInstance(call.parameter("name")))
            },
            Route("PATCH", "\(collection)/{name}") { call throws(LocalAPIError) in
                let body = try BodyFields.resource(call.request, wrapper: "database_instance")
                let input = try InstanceInput(body)
                let mask = try LocalAPI.updateMask(call.request.query["update_mask"], body: body)
                return .json(try await workspace.updateInstance(call.parameter("name"), input: input, mask: mask))
            },
            Route("DELETE", "\(collection)/{name}") { call throws(LocalAPIError) in
                try await workspace.deleteInstance(
                    call.parameter("name"), purge: try call.request.queryBool("purge"),
                    force: try call.request.queryBool("force") ?? false)
                return .emptyObject
            },
            Route("GET", "\(collection)/{name}/catalogs") { call throws(LocalAPIError) in
                .json(try await workspace.listCatalogs(
                    instance: call.parameter("name"), pageSize: try call.request.queryInt("page_size"),
                    pageToken: call.request.query["page_token"]))
            },
            Route("GET", "\(collection)/{name}/synced_tables") { call throws(LocalAPIError) in
                .json(try await workspace.listSyncedTables(
                    instance: call.parameter("name"), pageSize: try call.request.queryInt("page_size"),
                    pageToken: call.request.query["page_token"]))
            },
        ] + LocalAPI.permissionRoutes(
            "database-instances", get: { id throws(LocalAPIError) in try await workspace.permissions(of: id) },
            set: { id, body, replace throws(LocalAPIError) in try await workspace.setPermissions(of: id, body: body, replace: replace) })
    }
}

extension LocalAPI {
    /// The fields an instance PATCH changes: the mask's list, every updatable field for `*`, or — without a
    /// mask — the fields the body carries.
    static func updateMask(_ raw: String?, body: BodyFields) throws(LocalAPIError) -> [String] {
        guard let raw, !raw.isEmpty else {
            return InstanceInput.updatableFields.filter { body.has($0) }
        }
        let fields = raw.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        if fields.contains("*") { return InstanceInput.updatableFields }
        let settable = InstanceInput.updatableFields + ["name", "parent_instance_ref"]
        for field in fields where !settable.contains(field) {
            throw .invalidParameter("update_mask names unknown or read-only field '\(field)'")
        }
        return fields
    }
}
