import JSONCore
import LakebaseLocalHarness
import Testing
@testable import Providers

/// Every client's waits count in the crowd of their own kind, whatever the resource's id looks like: a thousand
/// Autoscaling synced tables share one budget as the Provisioned ones do.
@Suite struct WaitCrowdKindTests {
    private static let provisioning = #"{"name":"synced_tables/c.s.t","status":{"detailed_state":"SYNCED_TABLE_PROVISIONING","unity_catalog_provisioning_state":"PROVISIONING"}}"#
    private static let online = #"{"name":"synced_tables/c.s.t","status":{"detailed_state":"SYNCED_TABLE_ONLINE_NO_PENDING_UPDATE","unity_catalog_provisioning_state":"ACTIVE"}}"#

    /// Among 639 other waits of `crowd`, the first pause is half the share of 640 (5 s); alone in its crowd, a
    /// quarter of a second.
    @Test(arguments: [("postgres_synced_tables", 5.0), ("synced_tables/c.s.t", 0.25), ("postgres_branches", 0.25)])
    func anAutoscalingSyncedTableWaitsInItsKindsCrowd(crowd: String, firstPause: Double) async throws {
        let transport = ScriptedTransport([.respond(200, body: Self.provisioning), .respond(200, body: Self.online)])
        let clock = ManualClock()
        let lines = LineCollector()
        var options = WaitOptions(timeout: 1200, clock: clock)
        options.progress = { lines.append($0) }
        for _ in 0..<639 { options.crowds.enter(crowd) }
        let client = PostgresClient.syncedTables(try scriptedClient(transport, clock: clock), options)
        #expect(client.kind == "postgres_synced_tables")
        _ = try await client.waitReady(id: "synced_tables/c.s.t", desired: .object([:]))
        #expect(abs(clock.pauses.reduce(0, +) - firstPause) < 1e-9, "\(clock.pauses)")
        #expect(lines.all.first?.hasPrefix("postgres_synced_tables synced_tables/c.s.t: SYNCED_TABLE_PROVISIONING") == true,
                "progress names the kind and the id: \(lines.all)")
        #expect(options.crowds.count("postgres_synced_tables") == (crowd == "postgres_synced_tables" ? 639 : 0))
    }
}
