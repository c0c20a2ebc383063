import Providers
import JSONCore
@testable import Reconciler

    /// A workspace with one instance whose synced tables cannot be listed (`listStatus`), one source table, and reads
/// that find nothing or fail with `readStatus`.
final class FakeWorkspace: LakebaseWorkspace, @unchecked Sendable {
    let listStatus: Int
    let readStatus: Int?
    private(set) var calls: [String] = []
    init(listStatus: Int = 200, readStatus: Int? = nil) {
        self.listStatus = listStatus
        self.readStatus = readStatus
    }

    func read(_ kind: NodeKind, id: String) async throws(APIError) -> JSONValue? {
        guard let readStatus else { return nil }
        throw APIError(status: readStatus, errorCode: "PERMISSION_DENIED", message: "no access to \(id)", method: "GET",
                       path: "/api/2.0/\(kind.rawValue)/\(id)")
    }
    func create(_ kind: NodeKind, id: String, _ body: JSONValue) async throws -> JSONValue { body }
    func update(_ kind: NodeKind, id: String, _ body: JSONValue, changedPaths: [String]) async throws {}
    func delete(_ kind: NodeKind, id: String, purge: Bool) async throws -> DeleteResult { .deleted }
    func waitReady(_ kind: NodeKind, id: String, desired: JSONValue) async throws -> Readiness { Readiness() }
    func waitGone(_ kind: NodeKind, id: String) async throws {}
    func sourceTable(_ fullName: String) async throws(APIError) -> JSONValue? {
        calls.append("table \(fullName)")
        return .object(["name": .string("orders"), "table_type": .string("MANAGED"),
                        "columns": .array([.object(["name": .string("order_id"), "type_name": .string("LONG")])])])
    }
    func listInstances() async throws(APIError) -> [JSONValue] {
        calls.append("instances")
        return [.object(["name": .string("live-db")])]
    }
    func listSyncedTables(instance: String) async throws(APIError) -> [JSONValue] {
        calls.append("synced \(instance)")
        guard listStatus == 200 else {
            throw APIError(status: listStatus, errorCode: listStatus == 501 ? "NOT_IMPLEMENTED" : "INTERNAL_ERROR",
                           message: "no list", method: "GET", path: "/api/2.0/database/instances/\(instance)/synced_tables")
        }
        return []
    }
    func sql(warehouseID: String, statement: String) async throws(APIError) -> StatementResult {
        throw APIError(status: 404, errorCode: "NOT_FOUND", message: "no warehouse", method: "POST", path: "/api/2.0/sql/statements")
    }
}
