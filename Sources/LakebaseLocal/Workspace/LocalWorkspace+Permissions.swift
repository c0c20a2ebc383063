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
        var entries = snapshot.instancePermissions[name] ?? []
        if !entries.contains(where: { $0.principal == instance.creator }) {
            entries.insert(AccessControlEntry(principalField: "user_name", principal: instance.creator, permissionLevel: "CAN_MANAGE"), at: 0)
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
                "inherited_from_object": .array([.string("/database-instances/")]),
            ])]),
        ]))
        return .object([
            "object_id": .string("/database-instances/\(instance.uid)"), "object_type": .string("database-instance"),
            "access_control_list": .array(list),
        ])
    }

    /// `PUT` (replace the list) or `PATCH` (add or change entries) of an instance's permissions.
    func setPermissions(of name: String, body: BodyFields, replace: Bool) throws(LocalAPIError) -> JSONValue {
        _ = try existingInstance(name)
        var entries = replace ? [] : (snapshot.instancePermissions[name] ?? [])
        for item in try body.nestedArray("access_control_list") ?? [] {
            let given = Self.principalFields.filter { item.has($0) }
            guard given.count == 1, let field = given.first, let principal = try item.string(field) else {
                throw .invalidParameter(
                    "Each entry of '\(item.prefix)' needs exactly one of user_name, group_name, service_principal_name")
            }
            guard let level = try item.enumeration("permission_level", allowed: Self.instanceLevels) else {
                throw .invalidParameter("Field '\(item.path("permission_level"))' is required")
            }
            entries.removeAll { $0.principalField == field && $0.principal == principal }
            entries.append(AccessControlEntry(principalField: field, principal: principal, permissionLevel: level))
        }
        snapshot.instancePermissions[name] = entries
        save()
        return try permissions(of: name)
    }
}
