import ArgumentParser

/// `reconcile`: plans and applies Databricks Lakebase bundles.
@main
struct ReconcileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Plan and apply Databricks Lakebase resources declared in a bundle (databricks.yml).",
        version: ReconcileVersion.current,
        subcommands: [ValidateCommand.self, PlanCommand.self, ApplyCommand.self, DestroyCommand.self, BindCommand.self, UnbindCommand.self, SummaryCommand.self, StatusCommand.self, GraphCommand.self, WhoamiCommand.self])

    /// Tunes memory, then parses the command line and runs the command.
    static func main() async {
        MemoryTuning.apply()
        await main(nil)
    }
}

/// The version printed by `--version` and sent as the User-Agent.
enum ReconcileVersion {
    static let current = "0.1.0"
}
