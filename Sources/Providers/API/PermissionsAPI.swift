import JSONCore

/// `/api/2.0/permissions/{object type}/{id}` (lakebase-api.md §9), in the bundle state's shape:
/// `{"object_id": "/database-instances/<name>", "__embed__": [{"level", "user_name" | "group_name" | "service_principal_name"}]}`.
public struct PermissionsAPI: Sendable {
    let client: WorkspaceClient
    static let principalFields = ["user_name", "group_name", "service_principal_name"]

    /// Calls through `client`.
    public init(client: WorkspaceClient) { self.client = client }

    /// `/api/2.0/permissions/database-instances/<name>` for object id `/database-instances/<name>`.
    private func path(_ objectID: String) -> String {
        "/api/2.0/permissions" + WorkspaceClient.path(objectID)
    }

    /// The object's own (not inherited) entries, or nil when the object does not exist.
    public func get(objectID: String) async throws(APIError) -> JSONValue? {
        let answer: JSONValue
        do {
            answer = try await client.call("GET", path(objectID))
        } catch where error.kind == .notFound {
            return nil
        }
        var embedded: [JSONValue] = []
        for entry in answer["access_control_list"]?.arrayValue ?? [] {
            guard let field = Self.principalFields.first(where: { entry[$0]?.stringValue != nil }),
                  let principal = entry[field]?.stringValue else { continue }
            for permission in entry["all_permissions"]?.arrayValue ?? [] where permission["inherited"] != .bool(true) {
                guard let level = permission["permission_level"]?.stringValue else { continue }
                embedded.append(.object(["level": .string(level), field: .string(principal)]))
            }
        }
        return .object(["object_id": .string(objectID), "__embed__": .array(embedded)])
    }

    /// Replaces the object's list with the state-shaped `permissions`.
    public func put(objectID: String, _ permissions: JSONValue) async throws(APIError) {
        let list: [JSONValue] = (permissions["__embed__"]?.arrayValue ?? []).compactMap { entry in
            guard let field = Self.principalFields.first(where: { entry[$0]?.stringValue != nil }),
                  let principal = entry[field], let level = entry["level"] else { return nil }
            return .object([field: principal, "permission_level": level])
        }
        _ = try await client.call("PUT", path(objectID), body: .object(["access_control_list": .array(list)]))
    }
}
