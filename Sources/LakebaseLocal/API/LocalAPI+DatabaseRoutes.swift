import JSONCore

extension LocalAPI {
    /// `/api/2.0/database/…`: instances, catalogs, synced tables and credentials.
    static func databaseRoutes(_ workspace: LocalWorkspace) -> [Route] {
        let base = "/api/2.0/database"
        return [
            Route("POST", "\(base)/instances") { call throws(LocalAPIError) in
                let input = try InstanceInput(try BodyFields.resource(call.request, wrapper: "database_instance"))
                return .json(try await workspace.createInstance(input, caller: call.identity))
            },
            Route("GET", "\(base)/instances") { call throws(LocalAPIError) in
                .json(try await workspace.listInstances(
                    pageSize: try call.request.queryInt("page_size"), pageToken: call.request.query["page_token"]))
            },
            Route("GET", "\(base)/instances:findByUid") { call throws(LocalAPIError) in
                guard let uid = call.request.query["uid"], !uid.isEmpty else {
                    throw .invalidParameter("Query parameter 'uid' is required")
                }
                return .json(try await workspace.findInstance(uid: uid))
            },
            Route("GET", "\(base)/instances/{name}") { call throws(LocalAPIError) in
                .json(try await workspace.getInstance(call.parameter("name")))
            },
            Route("PATCH", "\(base)/instances/{name}") { call throws(LocalAPIError) in
                let body = try BodyFields.resource(call.request, wrapper: "database_instance")
                let input = try InstanceInput(body)
                let mask = try updateMask(call.request.query["update_mask"], body: body)
                return .json(try await workspace.updateInstance(call.parameter("name"), input: input, mask: mask))
            },
            Route("DELETE", "\(base)/instances/{name}") { call throws(LocalAPIError) in
                try await workspace.deleteInstance(
                    call.parameter("name"), purge: try call.request.queryBool("purge"),
                    force: try call.request.queryBool("force") ?? false)
                return .emptyObject
            },
            Route("GET", "\(base)/instances/{name}/catalogs") { call throws(LocalAPIError) in
                .json(try await workspace.listCatalogs(
                    instance: call.parameter("name"), pageSize: try call.request.queryInt("page_size"),
                    pageToken: call.request.query["page_token"]))
            },
            Route("GET", "\(base)/instances/{name}/synced_tables") { call throws(LocalAPIError) in
                .json(try await workspace.listSyncedTables(
                    instance: call.parameter("name"), pageSize: try call.request.queryInt("page_size"),
                    pageToken: call.request.query["page_token"]))
            },
            Route("POST", "\(base)/catalogs") { call throws(LocalAPIError) in
                .json(try await workspace.createCatalog(try BodyFields.resource(call.request, wrapper: "catalog")))
            },
            Route("GET", "\(base)/catalogs/{name}") { call throws(LocalAPIError) in
                .json(try await workspace.getCatalog(call.parameter("name")))
            },
            Route("PATCH", "\(base)/catalogs/{name}") { _ throws(LocalAPIError) in
                throw .notImplemented("Update Database Catalog is not yet implemented")
            },
            Route("DELETE", "\(base)/catalogs/{name}") { call throws(LocalAPIError) in
                try await workspace.deleteCatalog(call.parameter("name"))
                return .emptyObject
            },
            Route("POST", "\(base)/synced_tables") { call throws(LocalAPIError) in
                let input = try SyncedTableInput(try BodyFields.resource(call.request, wrapper: "synced_table"))
                return .json(try await workspace.createSyncedTable(input))
            },
            Route("GET", "\(base)/synced_tables/{name}") { call throws(LocalAPIError) in
                .json(try await workspace.getSyncedTable(call.parameter("name")))
            },
            Route("PATCH", "\(base)/synced_tables/{name}") { _ throws(LocalAPIError) in
                throw .notImplemented("Update Synced Database Table is not yet implemented.")
            },
            Route("DELETE", "\(base)/synced_tables/{name}") { call throws(LocalAPIError) in
                try await workspace.deleteSyncedTable(
                    call.parameter("name"), purgeData: try call.request.queryBool("purge_data") ?? false)
                return .emptyObject
            },
            Route("POST", "\(base)/credentials") { call throws(LocalAPIError) in
                .json(try await workspace.generateCredential(try BodyFields(call.request.jsonObject()), caller: call.identity))
            },
        ]
    }

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
