import JSONCore

extension LocalWorkspace {
    static let principalFields = ["user_name", "group_name", "service_principal_name"]
    static let instanceLevels = ["CAN_USE", "CAN_MANAGE"]

    /// The workspace id reported by host metadata.
    var workspaceID: String { snapshot.workspaceID }

    /// `GET /api/2.0/permissions/database-instances/{name}`: the explicit entries plus the creator's
    /// `CAN_MANAGE`, and the admins group's inherited `CAN_MANAGE`.
    func permissions(of name: String) throws(LocalAPIError) -> JSONValue {
        let instance = try existingInstance(name)
        return permissionList(PermissionObject(type: "database-instances", objectType: "database-instance", id: instance.uid,
                                               owner: instance.creator), entries: snapshot.instancePermissions[name] ?? [])
    }

    /// `PUT` (replace the list) or `PATCH` (add or change entries) of an instance's permissions.
    func setPermissions(of name: String, body: BodyFields, replace: Bool) throws(LocalAPIError) -> JSONValue {
        _ = try existingInstance(name)
        snapshot.instancePermissions[name] = try Self.entries(body, replacing: replace ? [] : snapshot.instancePermissions[name] ?? [])
        save()
        return try permissions(of: name)
    }

    /// `GET /api/2.0/permissions/database-projects/{project_id}` (the bare id, autoscaling-api.md §1.10).
    func projectPermissions(of id: String) throws(LocalAPIError) -> JSONValue {
        let project = try existingPostgres("projects/\(id)", .project)
        return permissionList(PermissionObject(type: "database-projects", objectType: "database-project", id: id,
                                               owner: project.owner ?? ""), entries: snapshot.projectPermissions[id] ?? [])
    }

    /// `PUT` or `PATCH` of a project's permissions.
    func setProjectPermissions(of id: String, body: BodyFields, replace: Bool) throws(LocalAPIError) -> JSONValue {
        _ = try existingPostgres("projects/\(id)", .project)
        snapshot.projectPermissions[id] = try Self.entries(body, replacing: replace ? [] : snapshot.projectPermissions[id] ?? [])
        save()
        return try projectPermissions(of: id)
    }

    /// An object that has permissions.
    struct PermissionObject {
        /// The path segment (`database-instances`).
        let type: String
        /// `object_type` (`database-instance`).
        let objectType: String
        /// The id in `object_id`.
        let id: String
        /// The creator, who has `CAN_MANAGE`.
        let owner: String
    }

    private func permissionList(_ object: PermissionObject, entries explicit: [AccessControlEntry]) -> JSONValue {
        var entries = explicit
        if !entries.contains(where: { $0.principal == object.owner }) {
            entries.insert(AccessControlEntry(principalField: "user_name", principal: object.owner, permissionLevel: "CAN_MANAGE"), at: 0)
        }
        var list: [JSONValue] = entries.map { entry in
            .object([
                entry.principalField: .string(entry.principal),
                "all_permissions": .array([.object([
                    "permission_level": .string(entry.permissionLevel), "inherited": .bool(false),
                ])]),
            ])
        }
        list.append(.object([
            "group_name": .string("admins"),
            "all_permissions": .array([.object([
                "permission_level": .string("CAN_MANAGE"), "inherited": .bool(true),
                "inherited_from_object": .array([.string("/\(object.type)/")]),
            ])]),
        ]))
        return .object([
            "object_id": .string("/\(object.type)/\(object.id)"), "object_type": .string(object.objectType),
            "access_control_list": .array(list),
        ])
    }

    private static func entries(_ body: BodyFields, replacing current: [AccessControlEntry]) throws(LocalAPIError) -> [AccessControlEntry] {
        var entries = current
        for item in try body.nestedArray("access_control_list") ?? [] {
            let given = principalFields.filter { item.has($0) }
            guard given.count == 1, let field = given.first, let principal = try item.string(field) else {
                throw .invalidParameter(
                    "Each entry of '\(item.prefix)' needs exactly one of user_name, group_name, service_principal_name")
            }
            guard let level = try item.enumeration("permission_level", allowed: instanceLevels) else {
                throw .invalidParameter("Field '\(item.path("permission_level"))' is required")
            }
            entries.removeAll { $0.principalField == field && $0.principal == principal }
            entries.append(AccessControlEntry(principalField: field, principal: principal, permissionLevel: level))
        }
        return entries
    }
}
