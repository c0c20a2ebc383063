import ArgumentParser
import Foundation
import LakebaseLocal

/// `lakebase-local`: a local Databricks Lakebase workspace backed by real PostgreSQL servers.
@main
struct LakebaseLocalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lakebase-local",
        abstract: "A local Databricks Lakebase workspace (REST API) backed by real PostgreSQL servers.",
        version: "0.1.0",
        subcommands: [ServeCommand.self, SQLCommand.self],
        defaultSubcommand: ServeCommand.self)
}
