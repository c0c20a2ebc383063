import Providers
import Testing
import JSONCore
@testable import Reconciler

/// What preflight reads from a workspace, over a scripted fake.
@Suite struct PreflightReaderTests {
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
