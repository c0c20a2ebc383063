import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ManifestModel
import Providers
import Reconciler

/// `reconcile whoami`: resolves authentication as `plan` and `apply` will, and asks the workspace who we are.
struct WhoamiCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whoami",
        abstract: "Show the workspace, the auth method (and where it came from) and the current user.",
        discussion: "Inside a bundle, its target's workspace.host and workspace.profile take part in auth resolution. "
            + "Exits 0 on success, 1 when auth cannot be resolved or the workspace refuses it.")

    @OptionGroup var bundle: BundleOptions
    @OptionGroup var workspace: WorkspaceOptions

    func run() async throws {
        var bundleHost: String?
        var bundleProfile: String?
        let loaded = BundleLoader.load(bundle.loadOptions())
        if loaded.rootDirectory != nil {
            guard !loaded.diagnostics.hasErrors, let settings = loaded.bundle?.workspace else {
                print(ValidationReport(loaded).text(), terminator: "")
                throw ExitCode(1)
            }
            bundleHost = settings.host
            bundleProfile = settings.profile
        }
        let auth: ResolvedAuth
        switch AuthResolver.resolve(workspace.authInputs(bundleHost: bundleHost, bundleProfile: bundleProfile)) {
        case .success(let resolved): auth = resolved
        case .failure(let error): throw CommandFailure(error.description)
        }
        let client = WorkspaceClient.connect(auth, options: workspace.connectionOptions())
        do {
            let user = try await IdentityAndCredentialsAPI(client: client).me()
            print("Host: \(auth.host)")
            print("Auth: \(auth.method.name) (\(auth.sources.joined(separator: ", ")))")
            print("User: \(user.userName)")
        } catch {
            throw CommandFailure(error.description)
        }
    }
}

/// A command's failure: printed as `error: …` on standard error, exit status 1.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}
