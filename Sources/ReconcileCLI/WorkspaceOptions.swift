import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Providers

/// Flags shared by every command that talks to a workspace.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: [.customShort("p"), .customLong("profile")], help: "Profile of ~/.databrickscfg to use.")
    var profile: String?

    @Option(name: .customLong("host"), help: "Workspace URL (overrides DATABRICKS_HOST and the bundle's workspace.host).")
    var host: String?

    @Option(name: .customLong("max-parallel"), help: "Most API requests in flight (halved while the server throttles).")
    var maxParallel = 16

    @Option(name: .customLong("retry-timeout"), help: "Seconds one API call may spend retrying.")
    var retryTimeout = 300.0

    @Flag(name: .customLong("debug"), help: "Trace every HTTP exchange on standard error (secrets redacted).")
    var debug = false

    func validate() throws {
        guard maxParallel >= 1 else { throw ValidationError("--max-parallel must be at least 1") }
        guard retryTimeout >= 0 else { throw ValidationError("--retry-timeout must not be negative") }
    }

    /// Connection options from these flags.
    func connectionOptions() -> ConnectionOptions {
        let trace = debug ? DebugTrace { line in Terminal.writeStandardError(line + "\n") } : nil
        return ConnectionOptions(
            maxParallel: maxParallel, retryTimeout: retryTimeout, trace: trace,
            userAgent: "lakebase-reconcile/\(ReconcileVersion.current)",
            cliPath: ProcessInfo.processInfo.environment["DATABRICKS_CLI_PATH"],
            retryNotice: { line in Terminal.writeStandardError("note: " + line + "\n") })
    }

    /// Auth inputs from these flags, the environment and the bundle's `workspace.host`/`workspace.profile`.
    func authInputs(bundleHost: String?, bundleProfile: String?) -> AuthInputs {
        AuthInputs(
            profileFlag: profile, hostFlag: host, environment: ProcessInfo.processInfo.environment,
            bundleHost: bundleHost, bundleProfile: bundleProfile, homeDirectory: FileManager.default.homeDirectoryForCurrentUser.path,
            readFile: { try? String(contentsOfFile: $0, encoding: .utf8) })
    }
}
