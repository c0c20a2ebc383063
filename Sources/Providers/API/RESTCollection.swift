import JSONCore

/// The calls every Lakebase collection shares: create (recognising a lost answer), get, find, delete.
public struct RESTCollection: Sendable {
    let client: WorkspaceClient
    /// The collection's path, e.g. `/api/2.0/database/catalogs`.
    let base: String

    /// The path of one member; a hierarchical id keeps its slashes, each part is percent-encoded (dots stay).
    func path(_ id: String) -> String { base + WorkspaceClient.path(id) }

    /// POST the bare object; when a retried POST answers 409, an earlier attempt landed and only its answer was
    /// lost, so the object is read back instead of failing (lakebase-api.md §15). A 409 on the first attempt is
    /// a real conflict and is thrown.
    func create(_ body: JSONObject, id: String) async throws(APIError) -> JSONObject {
        let readBack = path(id)
        do {
            let (value, _) = try await client.callCountingAttempts("POST", base, body: .object(body))
            return value.objectValue ?? JSONObject()
        } catch where error.status == 409 && error.attempts > 1 {
            return try await client.call("GET", readBack).objectValue ?? JSONObject()
        }
    }

    /// GET one member.
    func get(_ name: String) async throws(APIError) -> JSONObject {
        try await client.call("GET", path(name)).objectValue ?? JSONObject()
    }

    /// GET one member, or nil on 404.
    func find(_ name: String) async throws(APIError) -> JSONObject? {
        do {
            return try await get(name)
        } catch where error.kind == .notFound {
            return nil
        }
    }

    /// DELETE; a 404 after a retry means an earlier attempt already deleted it.
    func delete(_ name: String, query: [(String, String)] = []) async throws(APIError) {
        do {
            _ = try await client.call("DELETE", path(name), query: query)
        } catch where error.kind == .notFound && error.attempts > 1 {
            return
        }
    }
}
