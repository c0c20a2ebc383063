import JSONCore
import Testing
@testable import Reconciler

/// A create's intent (id and body digest, recorded before the POST) lets the next plan take over a resource an
/// interrupted apply created; without one, a resource in the way is refused as unmanaged.
@Suite struct CreateIntentTests {
    typealias F = PlanningFixtures
    static let body = #"{"name":"orders-db","capacity":"CU_1"}"#

    /// State holding the record written before the POST, and the workspace as `live` (nil: not there).
    static func scenario(intent: CreateIntent?, recorded: String = body, live: String?) -> F.Scenario {
        var s = F.Scenario()
        s.want(F.instance, body)
        s.state.lineage = "l"
        s.state.set(F.instance.stateKey, .init(id: "orders-db", state: F.json(recorded), dependsOn: [], intent: intent))
        s.remote(F.instance, live)
        return s
    }

    static let intent = CreateIntent(id: "orders-db", body: F.json(body))

    @Test func aResourceCreatedBeforeTheKillIsAdoptedAndThePlanSaysSo() throws {
        let plan = try Self.scenario(intent: Self.intent, live: #"{"name":"orders-db","capacity":"CU_1","state":"AVAILABLE"}"#).plan()
        let entry = try #require(plan.entry(F.instance))
        #expect(entry.action == .update)
        #expect(entry.adopting)
        #expect(entry.changes.allSatisfy { $0.action == .skip })
        #expect(entry.reasons.first?.hasPrefix("adopted: an interrupted apply created orders-db") == true)
        #expect(PlanTextRenderer.render(plan).contains("  ! adopted: an interrupted apply created orders-db"))
    }

    @Test func anAdoptedResourceThatDiffersIsUpdated() throws {
        let plan = try Self.scenario(intent: Self.intent, live: #"{"name":"orders-db","capacity":"CU_2","state":"AVAILABLE"}"#).plan()
        let entry = try #require(plan.entry(F.instance))
        #expect(entry.action == .update)
        #expect(entry.changes.contains { $0.path.description == "capacity" && $0.action == .update })
    }

    @Test func aCreateThatNeverLandedIsSentAgain() throws {
        let plan = try Self.scenario(intent: Self.intent, live: nil).plan()
        #expect(plan.entry(F.instance)?.action == .create)
        #expect(plan.entry(F.instance)?.reasons == ["an interrupted apply was creating orders-db, which does not exist; it is created"])
    }

    @Test(arguments: [
        // (recorded body, intent id): a record that is not what the intent says was sent adopts nothing.
        (#"{"name":"orders-db","capacity":"CU_8"}"#, "orders-db"),
        (body, "other-db"),
    ])
    func aRecordThatDoesNotMatchItsIntentAdoptsNothing(recorded: String, intentID: String) throws {
        let intent = CreateIntent(id: intentID, body: F.json(Self.body))
        let errors = Self.scenario(intent: intent, recorded: recorded, live: #"{"name":"orders-db","capacity":"CU_1"}"#).errors()
        #expect(errors.count == 1)
        #expect(errors.first?.contains("is not managed by this bundle") == true)
    }

    @Test func theIntentSurvivesTheStateFileAndACompletedRecordHasNone() throws {
        var state = DeploymentState(cliVersion: "t")
        state.set("resources.database_instances.db", .init(id: "orders-db", state: F.json(Self.body), dependsOn: [], intent: Self.intent))
        #expect(state.entry("resources.database_instances.db")?.intent == Self.intent)
        state.set("resources.database_instances.db", .init(id: "orders-db", state: F.json(Self.body), dependsOn: []))
        #expect(state.entry("resources.database_instances.db")?.intent == nil)
        #expect(Self.intent.matches(F.json(Self.body)))
        #expect(!Self.intent.matches(F.json(#"{"name":"orders-db","capacity":"CU_2"}"#)))
        #expect(Self.intent.digest.count == 16)
    }
}
