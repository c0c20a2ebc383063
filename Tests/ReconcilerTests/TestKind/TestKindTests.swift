import Foundation
import JSONCore
import LakebaseLocalHarness
import ManifestModel
import Providers
import Testing
@testable import Reconciler

/// A kind registered only here goes through the loader, the planner and the executor like a shipped one:
/// hierarchical ids travel verbatim, the created id comes from the finished operation, updates carry the changed
/// paths as their mask, operations are polled, and a recreate's wait for the old resource is bounded.
@Suite struct TestKindTests {
    typealias F = PlanningFixtures

    init() { TestKindRegistration.done }

    static let main = F.key(.testBranches, "main")
    static let dev = F.key(.testBranches, "dev")

    /// Records nothing; the executor needs a reporter.
    struct SilentReporter: ApplyReporter {
        func started(_ key: NodeKey, _ action: PlanAction) {}
        func finished(_ key: NodeKey, name: String?) {}
        func progress(_ line: String) {}
        func warning(_ line: String) {}
    }

    /// Applies `plan` over `transport`, with state in a new folder; returns the result and the state.
    static func apply(_ plan: Plan, state: DeploymentState, transport: ScriptedTransport, timeout: Double = 60)
        async throws -> (ApplyResult, DeploymentState) {
        let clock = ManualClock()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("test-kind-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let workspace = ProvidersWorkspace(client: try scriptedClient(transport, clock: clock),
                                           waitOptions: WaitOptions(timeout: timeout, clock: clock))
        let journal = try StateJournal(state: state, file: LocalStateFile(bundleRoot: folder, target: "t", cliVersion: "test"),
                                       remote: nil)
        let result = await Executor(workspace: workspace, journal: journal, options: ApplyOptions(), reporter: SilentReporter())
            .run(plan)
        return (result, try await journal.finish())
    }

    static func paths(_ transport: ScriptedTransport) -> [String] {
        transport.requests.map { request in
            "\(request.method) " + request.url.replacingOccurrences(of: "https://example.cloud.databricks.com", with: "")
        }
    }

    @Test func theLoaderReadsTheKindFromItsSpec() throws {
        let bundle = try TemporaryBundle(["databricks.yml": """
            bundle: {name: b}
            resources:
              test_branches:
                main: {parent: projects/p, branch_id: main}
                dev:
                  parent: projects/p
                  branch_id: dev
                  source_branch: ${resources.test_branches.main.id}
                  display_name: 7
                  colour: blue
            """])
        let result = bundle.load()
        #expect(result.messages(.error) == [])
        #expect(result.messages(.warning).contains { $0.contains("unknown field 'colour'") })
        let dev = try #require(result.resource(.testBranches, "dev"))
        #expect(dev.resolvedID == "projects/p/branches/dev")
        #expect(dev.node["display_name"]?.stringValue == "7")
        let nodes = DesiredNode.nodes(of: try #require(result.bundle))
        let plan = try Planner.plan(desired: nodes, state: DeploymentState(cliVersion: "t"), live: LiveSnapshot()).get()
        let entry = try #require(plan.entries.first { $0.key == Self.dev })
        #expect(entry.newState?["source_branch"]?.stringValue == "projects/p/branches/main")
        #expect(entry.dependsOn.map(\.node) == ["resources.test_branches.main"])
    }

    @Test func aCreateWaitsForItsOperationAndTakesTheIDFromItsResponse() async throws {
        var scenario = F.Scenario()
        scenario.want(Self.dev, #"{"parent":"projects/p","branch_id":"dev","display_name":"Dev"}"#)
        scenario.remote(Self.dev, nil)
        let plan = try scenario.plan()
        #expect(plan.entries.map(\.action) == [.create])
        let transport = ScriptedTransport([
            .respond(200, body: #"{"name":"projects/p/branches/dev/operations/op-1","done":false}"#),
            .respond(200, body: #"{"name":"projects/p/branches/dev/operations/op-1","done":false}"#),
            .respond(200, body: #"{"name":"projects/p/branches/dev/operations/op-1","done":true,"response":{"name":"projects/p/branches/br-7"}}"#),
            .respond(200, body: #"{"name":"projects/p/branches/br-7","status":{"state":"READY"}}"#),
        ])
        let (result, state) = try await Self.apply(plan, state: scenario.state, transport: transport)
        #expect(result.failures.map(\.message) == [])
        #expect(Self.paths(transport) == [
            "POST /api/2.0/test/projects/p/branches?branch_id=dev",
            "GET /api/2.0/projects/p/branches/dev/operations/op-1",
            "GET /api/2.0/projects/p/branches/dev/operations/op-1",
            "GET /api/2.0/test/projects/p/branches/br-7",
        ])
        #expect(state.entry(Self.dev.stateKey)?.id == "projects/p/branches/br-7")
    }

    @Test func anUpdateSendsTheChangedPathsAsItsMask() async throws {
        var scenario = F.Scenario()
        let saved = #"{"parent":"projects/p","branch_id":"dev","display_name":"Dev","is_protected":false}"#
        scenario.want(Self.dev, #"{"parent":"projects/p","branch_id":"dev","display_name":"Development","is_protected":true}"#)
        scenario.state.set(Self.dev.stateKey, .init(id: "projects/p/branches/dev", state: F.json(saved), dependsOn: []))
        scenario.remote(Self.dev, #"{"name":"projects/p/branches/dev"}"#)
        let plan = try scenario.plan()
        #expect(plan.entries.map(\.action) == [.update])
        let transport = ScriptedTransport([
            .respond(200, body: #"{"name":"projects/p/branches/dev/operations/op-2","done":true,"response":{"name":"projects/p/branches/dev"}}"#),
            .respond(200, body: #"{"name":"projects/p/branches/dev/operations/op-2","done":true,"response":{"name":"projects/p/branches/dev"}}"#),
            .respond(200, body: #"{"name":"projects/p/branches/dev"}"#),
        ])
        let (result, state) = try await Self.apply(plan, state: scenario.state, transport: transport)
        #expect(result.failures.map(\.message) == [])
        #expect(Self.paths(transport).first == "PATCH /api/2.0/test/projects/p/branches/dev?update_mask=spec.display_name,spec.is_protected")
        let body = try JSONParser.parse(String(decoding: transport.requests.first?.body ?? Data(), as: UTF8.self))
        #expect(body["spec"]?["display_name"]?.stringValue == "Development")
        #expect(state.entry(Self.dev.stateKey)?.state["display_name"]?.stringValue == "Development")
    }

    @Test func aChangeToACreateOnlyFieldPlansNothing() throws {
        var scenario = F.settled(Self.dev, #"{"parent":"projects/p","branch_id":"dev","replace_existing":false}"#,
                                 live: #"{"name":"projects/p/branches/dev"}"#)
        scenario.desired[0].value = F.json(#"{"parent":"projects/p","branch_id":"dev","replace_existing":true}"#)
        let plan = try scenario.plan()
        let change = try #require(plan.entries.first?.changes.first { $0.path.description == "replace_existing" })
        #expect(change.action == .skip)
        #expect(change.reason == "input_only")
    }

    @Test func aRefusedCreateLeavesNoRecord() async throws {
        var scenario = F.Scenario()
        scenario.want(Self.dev, #"{"parent":"projects/p","branch_id":"dev"}"#)
        let transport = ScriptedTransport([
            .respond(400, body: #"{"error_code":"INVALID_PARAMETER_VALUE","message":"bad branch"}"#),
        ])
        let (result, state) = try await Self.apply(try scenario.plan(), state: scenario.state, transport: transport)
        #expect(result.failures.first?.message.contains("400 INVALID_PARAMETER_VALUE: bad branch") == true)
        #expect(state.entry(Self.dev.stateKey) == nil)
    }

    @Test func aFailedOperationNamesTheResourceTheOperationAndTheServersError() async throws {
        var scenario = F.Scenario()
        scenario.want(Self.dev, #"{"parent":"projects/p","branch_id":"dev"}"#)
        let transport = ScriptedTransport([
            .respond(200, body: #"{"name":"projects/p/branches/dev/operations/op-3","done":false}"#),
            .respond(200, body: #"{"name":"projects/p/branches/dev/operations/op-3","done":true,"error":{"error_code":"RESOURCE_EXHAUSTED","message":"branch limit reached"}}"#),
        ])
        let (result, state) = try await Self.apply(try scenario.plan(), state: scenario.state, transport: transport)
        let message = try #require(result.failures.first?.message)
        #expect(message.contains("resources.test_branches.dev"))
        #expect(message.contains("projects/p/branches/dev/operations/op-3"))
        #expect(message.contains("[RESOURCE_EXHAUSTED] branch limit reached"))
        // The POST was accepted: what it started may exist, so the record stays and the next run reads it back (a
        // missing resource is then created again; one that exists is not refused as unmanaged).
        #expect(state.entry(Self.dev.stateKey)?.id == "projects/p/branches/dev")
    }

    @Test func aRecreateWaitsForTheOldResourceAndGivesUpNamingIt() async throws {
        var scenario = F.Scenario()
        let saved = #"{"parent":"projects/p","branch_id":"dev","source_branch":"projects/p/branches/main"}"#
        scenario.want(Self.dev, #"{"parent":"projects/p","branch_id":"dev","source_branch":"projects/p/branches/other"}"#)
        scenario.state.set(Self.dev.stateKey, .init(id: "projects/p/branches/dev", state: F.json(saved), dependsOn: []))
        scenario.remote(Self.dev, #"{"name":"projects/p/branches/dev"}"#)
        let plan = try scenario.plan()
        #expect(plan.entries.map(\.action) == [.recreate])
        let stillThere = ScriptedTransport.Step.respond(200, body: #"{"name":"projects/p/branches/dev","status":{"state":"DELETING"}}"#)
        let transport = ScriptedTransport([
            .respond(200, body: #"{"name":"projects/p/branches/dev/operations/op-4","done":true,"response":{}}"#),
            .respond(200, body: #"{"name":"projects/p/branches/dev/operations/op-4","done":true,"response":{}}"#),
        ] + Array(repeating: stillThere, count: 100))
        let (result, _) = try await Self.apply(plan, state: scenario.state, transport: transport, timeout: 30)
        let message = try #require(result.failures.first?.message)
        #expect(message.hasPrefix("cannot recreate resources.test_branches.dev:"), "\(message)")
        #expect(message.contains("still present after 30 s waiting for deletion"))
        #expect(!Self.paths(transport).contains { $0.hasPrefix("POST") })
        // A lone wait polls every tenth of the time waited, at least every 0.25 s: about 36 polls in 30 s.
        #expect(transport.sentCount < 45)
    }

    @Test func theBannerAndTheSummaryComeFromTheBehaviour() throws {
        var scenario = F.Scenario()
        scenario.state.set(Self.dev.stateKey, .init(id: "projects/p/branches/dev", state: F.json("{}"), dependsOn: []))
        scenario.remote(Self.dev, #"{"name":"projects/p/branches/dev"}"#)
        let approval = Approval(try scenario.plan())
        #expect(approval.banners.contains("the following test branches:\n  delete resources.test_branches.dev"))
    }
}
