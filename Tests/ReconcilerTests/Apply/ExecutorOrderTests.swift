import Foundation
import JSONCore
import Providers
import Synchronization
import Testing
@testable import Reconciler

/// The order the executor carries a plan out in: parents before children for creates, children before parents for
/// deletes, and for a recreated parent whose children are recreated with it, every delete (children first) before
/// every create (parents first).
@Suite struct ExecutorOrderTests {
    typealias F = PlanningFixtures
    static let instanceJSON = #"{"name":"orders-db","capacity":"CU_1"}"#
    static let catalogJSON = #"{"name":"serving","database_instance_name":"orders-db","database_name":"app"}"#
    static let tableJSON = #"{"name":"serving.public.orders","spec":{"source_table_full_name":"main.sales.orders","scheduling_policy":"SNAPSHOT"}}"#
    static let retired = F.key(.syncedDatabaseTables, "retired")

    /// Records every mutating call, in the order they are made.
    final class RecordingWorkspace: InertWorkspace {
        let calls = Mutex<[String]>([])
        func record(_ line: String) { calls.withLock { $0.append(line) } }
        func create(_ kind: NodeKind, id: String, _ body: JSONValue) async throws -> JSONValue {
            record("POST \(kind.rawValue) \(id)")
            return body
        }
        func update(_ kind: NodeKind, id: String, _ body: JSONValue, changedPaths: [String]) async throws { record("PATCH \(kind.rawValue) \(id)") }
        func delete(_ kind: NodeKind, id: String, purge: Bool) async throws -> DeleteResult {
            record("DELETE \(kind.rawValue) \(id)")
            return .deleted
        }
    }

    struct SilentReporter: ApplyReporter {
        func started(_ key: NodeKey, _ action: PlanAction) {}
        func finished(_ key: NodeKey, name: String?) {}
        func progress(_ line: String) {}
        func warning(_ line: String) {}
    }

    /// An instance recreated (a new parent instance), so its catalog and the catalog's synced table are recreated
    /// with it; another synced table of the catalog leaves the bundle.
    static func plan() throws -> Plan {
        var s = F.Scenario()
        let instanceEdge = Dependency(node: F.instance.stateKey, label: "${resources.database_instances.db.name}")
        let catalogEdge = Dependency(node: F.catalog.stateKey, label: "${resources.database_catalogs.cat.name}")
        s.want(F.instance, #"{"name":"orders-db","capacity":"CU_1","parent_instance_ref":{"name":"origin"}}"#)
        s.saved(F.instance, instanceJSON)
        s.remote(F.instance, instanceJSON)
        s.want(F.catalog, catalogJSON, dependsOn: [instanceEdge])
        s.saved(F.catalog, catalogJSON, dependsOn: [instanceEdge])
        s.remote(F.catalog, catalogJSON)
        s.want(F.table, tableJSON, dependsOn: [catalogEdge])
        s.saved(F.table, tableJSON, dependsOn: [catalogEdge])
        s.remote(F.table, tableJSON)
        let retiredJSON = #"{"name":"serving.public.retired","spec":{"source_table_full_name":"main.sales.old","scheduling_policy":"SNAPSHOT"}}"#
        s.saved(retired, retiredJSON, dependsOn: [catalogEdge])
        s.remote(retired, retiredJSON)
        return try s.plan()
    }

    @Test(arguments: [1, 4096])
    func recreatedChildrenGoBeforeTheirParentAndComeBackAfterIt(maxNodes: Int) async throws {
        let plan = try Self.plan()
        #expect(plan.entries.map(\.action) == [.recreate, .recreate, .recreate, .delete])
        let workspace = RecordingWorkspace()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("executor-order-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let journal = try StateJournal(state: F.Scenario().state, file: LocalStateFile(bundleRoot: folder, target: "t", cliVersion: "test"), remote: nil)
        let result = await Executor(workspace: workspace, journal: journal, options: ApplyOptions(maxNodes: maxNodes), reporter: SilentReporter())
            .run(plan)
        #expect(result.failures.isEmpty)
        #expect(result.completed.map(\.action) == [.recreate, .recreate, .recreate, .delete])
        let calls = workspace.calls.withLock { $0 }
        func index(_ call: String) throws -> Int { try #require(calls.firstIndex(of: call), "\(call) in \(calls)") }
        let order = try [
            "DELETE synced_database_tables serving.public.orders", "DELETE database_catalogs serving", "DELETE database_instances orders-db",
            "POST database_instances orders-db", "POST database_catalogs serving", "POST synced_database_tables serving.public.orders",
        ].map(index)
        #expect(order == order.sorted(), "\(calls)")
        #expect(try index("DELETE synced_database_tables serving.public.retired") < index("DELETE database_catalogs serving"))
        #expect(calls.count == 7)
    }

    @Test func prerequisitesOfEachHalf() throws {
        let before = Executor.prerequisites(try Self.plan())
        typealias S = Executor.Step
        #expect(before[S(key: F.instance, teardown: true)] == [S(key: F.catalog, teardown: true)])
        #expect(before[S(key: F.instance, teardown: false)] == [S(key: F.instance, teardown: true)])
        #expect(before[S(key: F.catalog, teardown: true)] == [S(key: F.table, teardown: true), S(key: Self.retired, teardown: false)])
        #expect(before[S(key: F.catalog, teardown: false)] == [S(key: F.catalog, teardown: true), S(key: F.instance, teardown: false)])
        #expect(before[S(key: F.table, teardown: false)] == [S(key: F.table, teardown: true), S(key: F.catalog, teardown: false)])
        #expect(before[S(key: Self.retired, teardown: false)] == [])
    }
}
