import Foundation
import LakebaseLocalHarness
import ManifestModel
import Providers
import Testing
@testable import Reconciler

/// `reconcile status` reports a read that failed as that failure, never as "not found in the workspace".
@Suite struct StatusReaderTests {
    static let bundle = """
        bundle: {name: s}
        resources:
          database_instances:
            main: {name: status-db}
          synced_database_tables:
            orders:
              name: c.public.orders
              spec: {source_table_full_name: main.demo.orders, primary_key_columns: [id]}
        """

    private func report(readStatus: Int?) async throws -> StatusReport {
        let loaded = try TemporaryBundle(["databricks.yml": Self.bundle]).load()
        let bundle = try #require(loaded.bundle)
        let credentials = IdentityAndCredentialsAPI(client: try scriptedClient(ScriptedTransport([])))
        let reader = StatusReader(workspace: FakeWorkspace(readStatus: readStatus), credentials: credentials, userName: "u")
        return await reader.report(bundle: bundle, state: DeploymentState(cliVersion: "test"))
    }

    @Test func aForbiddenReadIsShownAsTheError() async throws {
        let report = try await report(readStatus: 403)
        let text = StatusRenderer.text(report)
        #expect(text.contains("not read: "), "\(text)")
        #expect(text.contains("PERMISSION_DENIED"))
        #expect(!text.contains("not found in the workspace"))
        let json = StatusRenderer.json(report)
        #expect(json["database_instances"]?.arrayValue?.first?["state"]?.stringValue == "READ_FAILED")
        #expect(json["synced_tables"]?.arrayValue?.first?["error"]?.stringValue?.contains("PERMISSION_DENIED") == true)
    }

    @Test func aMissingResourceIsStillNotFound() async throws {
        let report = try await report(readStatus: nil)
        let text = StatusRenderer.text(report)
        #expect(text.contains("not found in the workspace"))
        #expect(StatusRenderer.json(report)["database_instances"]?.arrayValue?.first?["state"]?.stringValue == "NOT_FOUND")
    }
}
