import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ManifestModel

/// Flags shared by every command that loads a bundle.
struct BundleOptions: ParsableArguments {
    @Option(name: [.customShort("C"), .customLong("bundle-root")],
            help: ArgumentHelp("Bundle root directory (default: DATABRICKS_BUNDLE_ROOT, else the current directory and its parents).", valueName: "dir"))
    var bundleRoot: String?

    @Option(name: [.customShort("t"), .customLong("target"), .customShort("e"), .customLong("environment")],
            help: "Target to use (default: DATABRICKS_BUNDLE_TARGET, else the target marked default).")
    var target: String?

    @Option(name: .customLong("var"), help: ArgumentHelp("Set a variable: --var name=value (repeatable).", valueName: "name=value"))
    var variables: [String] = []

    func validate() throws {
        for assignment in variables where !assignment.contains("=") {
            throw ValidationError("--var expects name=value, got '\(assignment)'")
        }
    }

    /// Load options from these flags and the process environment.
    func loadOptions() -> LoadOptions {
        LoadOptions(bundleRoot: bundleRoot, workingDirectory: FileManager.default.currentDirectoryPath,
                    target: target, variables: variables, environment: ProcessInfo.processInfo.environment)
    }
}
