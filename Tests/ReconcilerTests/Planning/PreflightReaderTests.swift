import Providers
import Testing
import JSONCore
@testable import Reconciler

/// What preflight reads from a workspace, over a scripted fake.
@Suite struct PreflightReaderTests {
    /// A workspace with one instance whose synced tables cannot be listed (`listStatus`), and one source table.
    final class FakeWorkspace: LakebaseWorkspace, @unchecked Sendable {
        let listStatus: Int
        private(set) var calls: [String] = []
        init(listStatus: Int) { self.listStatus = listStatus }

        func read(_ kind: NodeKind, id: String) async throws(APIError) -> JSONValue? { nil }
        func create(_ kind: NodeKind, id: String, _ body: JSONValue) async throws -> JSONValue { body }
        func update(_ kind: NodeKind, id: String, _ body: JSONValue, changedPaths: [String]) async throws {}
        func delete(_ kind: NodeKind, id: String, purge: Bool) async throws {}
        func waitReady(_ kind: NodeKind, id: String, desired: JSONValue) async throws -> String? { nil }
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

    @Test func anUnimplementedSyncedTableListIsNotAFailure() async throws {
        let workspace = FakeWorkspace(listStatus: 501)
        let facts = try await PreflightReader(workspace: workspace).facts(for: try AdvisorTests.plan())
        #expect(facts.liveInstances == ["live-db"])
        #expect(facts.syncedTablesListed == false)
        #expect(facts.sources["main.sales.orders"] != nil)
    }

    @Test func otherListFailuresStopPreflight() async throws {
        await #expect(throws: APIError.self) {
            _ = try await PreflightReader(workspace: FakeWorkspace(listStatus: 500)).facts(for: try AdvisorTests.plan())
        }
    }

    @Test func aPlanThatCreatesNothingListsNothing() async throws {
        let workspace = FakeWorkspace(listStatus: 200)
        var plan = try AdvisorTests.plan()
        for index in plan.entries.indices { plan.entries[index].action = .skip }
        _ = try await PreflightReader(workspace: workspace).facts(for: plan)
        #expect(workspace.calls.isEmpty)
    }
}
