import Foundation
import LakebaseLocalHarness
import Testing

/// Every command, with `--debug` and JSON output where it has one, against `lakebase-local` with a personal access
/// token and with OAuth M2M (and a database credential generated for `status`): no token, client secret or
/// database credential appears in any output, trace, plan, state file or request log.
@Suite struct SecretsEndToEndTests {
    static let clientSecret = "oauth-client-secret-value"

    static let commands: [[String]] = [
        ["validate", "-o", "json", "--debug"], ["plan", "-o", "json", "--debug"], ["plan", "-o", "markdown", "--debug"],
        ["apply", "--auto-approve", "--debug"], ["summary", "--debug"], ["status", "-o", "json", "--debug"],
        ["graph"], ["whoami", "--debug"], ["destroy", "--auto-approve", "--debug"],
    ]

    @Test(arguments: ["pat", "oauth-m2m"])
    func noSecretAppearsAnywhere(mode: String) async throws {
        let deployment = try await LocalDeployment(Manifests.estate(policy: "SNAPSHOT"),
                                                   flags: ["--client-id", "secrets-app", "--client-secret", Self.clientSecret])
        var environment = ["DATABRICKS_HOST": deployment.emulator.baseURL]
        if mode == "pat" {
            environment["DATABRICKS_TOKEN"] = Emulator.token
        } else {
            environment["DATABRICKS_CLIENT_ID"] = "secrets-app"
            environment["DATABRICKS_CLIENT_SECRET"] = Self.clientSecret
        }
        var everything = ""
        for command in Self.commands {
            var arguments = command
            if command.first == "status" { arguments += ["--pg-port", String(deployment.emulator.postgresPort)] }
            let run = try await ReconcileBinary.runOffPool(arguments, in: deployment.folder, environment: environment)
            #expect(run.status == 0 || (command.first == "status" && run.status == 1), "\(command): \(run.stderr)")
            everything += run.stdout + run.stderr
        }
        #expect(everything.contains("debug: POST /api/2.0/database/credentials"), "the trace covers the credential status made")
        if mode == "oauth-m2m" { #expect(everything.contains("debug: POST /oidc/v1/token"), "the trace covers the token exchange") }
        if let walker = FileManager.default.enumerator(atPath: deployment.folder.appendingPathComponent(".databricks").path) {
            for case let path as String in walker {
                let file = deployment.folder.appendingPathComponent(".databricks").appendingPathComponent(path)
                everything += (try? String(contentsOf: file, encoding: .utf8)) ?? ""
            }
        }
        everything += (try? String(contentsOf: deployment.requestLog, encoding: .utf8)) ?? ""
        for secret in [Emulator.token, Self.clientSecret] {
            #expect(!everything.contains(secret), "\(mode): a secret leaked")
        }
        for prefix in ["lboauth-", "lbcred-"] {
            #expect(!everything.contains(prefix), "\(mode): an issued token (\(prefix)…) leaked")
        }
    }
}
