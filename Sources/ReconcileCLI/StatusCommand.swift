import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Providers
import Reconciler

/// `reconcile status`: each instance and synced table, from the API and from inside PostgreSQL.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show instances and synced tables: states, last syncs, and real row counts and sizes from PostgreSQL.",
        discussion: "Logs in to each running instance as you, with a generated database credential.")

    @OptionGroup var bundle: BundleOptions
    @OptionGroup var workspace: WorkspaceOptions

    @Option(name: [.customShort("o"), .customLong("output")], help: "Output format: text or json.")
    var output: OutputFormat = .text

    @Option(name: .customLong("pg-port"), help: "PostgreSQL port of the instances (5432 on the platform; lakebase-local's --pg-port).")
    var postgresPort = 5432

    func run() async throws {
        let connection = try await BundleConnection.open(bundle, workspace)
        let session = connection.session()
        let state = try await PlanRun.loadState(session)
        let reader = StatusReader(workspace: session.workspace, credentials: IdentityAndCredentialsAPI(client: connection.client),
                                  userName: connection.user.userName, postgresPort: postgresPort)
        let report = await reader.report(bundle: connection.bundle, state: state)
        switch output {
        case .text: print(StatusRenderer.text(report), terminator: "")
        case .json: print(StatusRenderer.json(report).serialized())
        }
    }
}
