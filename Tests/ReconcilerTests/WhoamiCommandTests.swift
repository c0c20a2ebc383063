import Foundation
import LakebaseLocalHarness
import Testing

/// `reconcile whoami`, the real binary against a real lakebase-local: auth resolution end to end, `--debug`,
/// and no secret in any output.
@Suite struct WhoamiCommandTests {
    @Test func personalAccessTokenWithDebugShowsNoSecret() async throws {
        let emulator = try await Emulator.start()
        let result = try await ReconcileBinary.runOffPool(
            ["whoami", "--debug"], in: URL(fileURLWithPath: NSTemporaryDirectory()),
            environment: ["DATABRICKS_HOST": emulator.baseURL, "DATABRICKS_TOKEN": Emulator.token])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
            Host: \(emulator.baseURL)
            Auth: pat (host from DATABRICKS_HOST, token from DATABRICKS_TOKEN)
            User: \(Emulator.user)

            """)
        #expect(result.stderr.contains("debug: GET /api/2.0/preview/scim/v2/Me -> 200 ("))
        #expect(!(result.stdout + result.stderr).contains(Emulator.token))
    }

    @Test func oauthMachineToMachineWithDebugShowsNoSecret() async throws {
        let emulator = try await Emulator.start(["--client-id", "sp-who", "--client-secret", "who-secret-value"])
        let result = try await ReconcileBinary.runOffPool(
            ["whoami", "--debug"], in: URL(fileURLWithPath: NSTemporaryDirectory()),
            environment: [
                "DATABRICKS_HOST": emulator.baseURL, "DATABRICKS_CLIENT_ID": "sp-who",
                "DATABRICKS_CLIENT_SECRET": "who-secret-value",
            ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("User: sp-who"))
        #expect(result.stderr.contains("debug: POST /oidc/v1/token -> 200 ("))
        let output = result.stdout + result.stderr
        #expect(!output.contains("who-secret-value"))
        #expect(!output.contains("lboauth-"), "the access token is never shown")
    }

    @Test func aRefusedTokenNamesTheCallAndTheCode() async throws {
        let emulator = try await Emulator.start()
        let result = try await ReconcileBinary.runOffPool(
            ["whoami"], in: URL(fileURLWithPath: NSTemporaryDirectory()),
            environment: ["DATABRICKS_HOST": emulator.baseURL, "DATABRICKS_TOKEN": "dapi-not-valid"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("GET /api/2.0/preview/scim/v2/Me: 403 PERMISSION_DENIED: Invalid access token."))
        #expect(!result.stderr.contains("dapi-not-valid"))
    }

    @Test func theBundleTargetsHostIsUsed() async throws {
        let emulator = try await Emulator.start()
        let bundle = try TemporaryBundle([
            "databricks.yml": """
                bundle:
                  name: whoami-test
                targets:
                  local:
                    default: true
                    workspace:
                      host: \(emulator.baseURL)
                """,
        ])
        let result = try await ReconcileBinary.runOffPool(["whoami"], in: URL(fileURLWithPath: bundle.directory), environment: ["DATABRICKS_TOKEN": Emulator.token])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("Auth: pat (host from bundle workspace.host"))
    }
}
