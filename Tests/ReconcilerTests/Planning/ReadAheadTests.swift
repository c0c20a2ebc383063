import Foundation
import JSONCore
import ManifestModel
import Providers
import Testing
@testable import Reconciler

/// Reads started before the state arrives: the live snapshot takes each answer instead of asking again, and a
/// resource the state names by another id is read by that id.
@Suite struct ReadAheadTests {
    /// Records every read; finds nothing.
    final class CountingWorkspace: InertWorkspace, @unchecked Sendable {
        private let lock = NSLock()
        private var recorded: [String] = []
        var reads: [String] { lock.withLock { recorded } }

        func read(_ kind: NodeKind, id: String) async throws(APIError) -> JSONValue? {
            lock.withLock { recorded.append("\(kind.rawValue) \(id)") }
            return nil
        }
    }

    static func nodes(_ kind: String) throws -> [DesiredNode] {
        let folder = Golden.testsDirectory.appendingPathComponent("KindFixtures/\(kind)").path
        let bundle = try #require(BundleLoader.load(LoadOptions(bundleRoot: folder, workingDirectory: folder)).bundle)
        return DesiredNode.nodes(of: bundle)
    }

    @Test(arguments: ["synced_database_tables", "postgres_endpoints", "postgres_synced_tables"])
    func eachConfiguredResourceIsReadOnce(kind: String) async throws {
        let nodes = try Self.nodes(kind)
        let workspace = CountingWorkspace()
        let ahead = ReadAhead(workspace: workspace)
        await ahead.start(nodes)
        await ahead.start(nodes)
        let (snapshot, errors, _) = await LiveReader(workspace: workspace, readAhead: ahead)
            .snapshot(desired: nodes, state: DeploymentState(cliVersion: "t"))
        #expect(errors.isEmpty)
        #expect(workspace.reads.count == nodes.count, "\(workspace.reads)")
        #expect(Set(workspace.reads).count == workspace.reads.count, "no resource is read twice: \(workspace.reads)")
        #expect(await ahead.untaken == 0)
        for node in nodes { #expect(snapshot.reads[node.key.stateKey] != nil) }
    }

    @Test func aResourceTheStateNamesOtherwiseIsReadByItsSavedID() async throws {
        let nodes = try Self.nodes("synced_database_tables")
        let table = try #require(nodes.first { $0.key.kind == .syncedTable })
        var state = DeploymentState(cliVersion: "t")
        state.set(table.key.stateKey, DeploymentState.Entry(id: "old_catalog.public.orders", state: .object([:]), dependsOn: []))
        let workspace = CountingWorkspace()
        let ahead = ReadAhead(workspace: workspace)
        await ahead.start(nodes)
        _ = await LiveReader(workspace: workspace, readAhead: ahead).snapshot(desired: nodes, state: state)
        #expect(workspace.reads.filter { $0.hasSuffix("old_catalog.public.orders") }.count == 1)
        #expect(await ahead.untaken == 1, "the read by the configured name is left untaken")
    }
}
