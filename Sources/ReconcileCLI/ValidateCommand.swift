import ArgumentParser
import ManifestModel
import Reconciler

/// `reconcile validate`: loads the bundle and reports diagnostics and the resolved resources.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check the bundle and show its resolved resources.",
        discussion: "Exits 0 when the bundle has no errors (warnings allowed), 1 with errors, 64 on usage errors.")

    @OptionGroup var bundle: BundleOptions

    @Option(name: [.customShort("o"), .customLong("output")], help: "Output format: text or json.")
    var output: OutputFormat = .text

    func run() throws {
        let report = ValidationReport(BundleLoader.load(bundle.loadOptions()))
        switch output {
        case .text: print(report.text(), terminator: "")
        case .json: print(report.json().serialized())
        }
        if report.failed { throw ExitCode(1) }
    }
}
