import JSONCore
import Providers
@testable import Reconciler

/// A workspace fake that only answers what its test is about: every call it does not implement does nothing, finds
/// nothing, or (SQL) has no warehouse.
protocol InertWorkspace: LakebaseWorkspace {}

extension InertWorkspace {
    func read(_ kind: NodeKind, id: String) async throws(APIError) -> JSONValue? { nil }
    func create(_ kind: NodeKind, id: String, _ body: JSONValue) async throws -> JSONValue { body }
    func update(_ kind: NodeKind, id: String, _ body: JSONValue, changedPaths: [String]) async throws {}
    func delete(_ kind: NodeKind, id: String, purge: Bool) async throws -> DeleteResult { .deleted }
    func waitReady(_ kind: NodeKind, id: String, desired: JSONValue) async throws -> Readiness { Readiness() }
    func waitGone(_ kind: NodeKind, id: String) async throws {}
    func sourceTable(_ fullName: String) async throws(APIError) -> JSONValue? { nil }
    func listInstances() async throws(APIError) -> [JSONValue] { [] }
    func listSyncedTables(instance: String) async throws(APIError) -> [JSONValue] { [] }
    func sql(warehouseID: String, statement: String) async throws(APIError) -> StatementResult {
        throw APIError(status: 404, errorCode: "NOT_FOUND", message: "no warehouse", method: "POST", path: "/api/2.0/sql/statements")
    }
}
