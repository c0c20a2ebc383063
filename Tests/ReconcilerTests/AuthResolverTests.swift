import Testing
@testable import Providers

@Suite struct AuthResolverTests {
    static let config = """
    [__settings__]
    default_profile = dev

    [DEFAULT]
    host  = https://default.cloud.databricks.com
    token = dapi-default-secret

    ; a comment
    [dev]
    host      = https://dev.cloud.databricks.com
    auth_type = databricks-cli

    [ci]
    host          = https://dev.cloud.databricks.com/
    client_id     = ci-client
    client_secret = ci-secret-value

    [prod]
    host  = https://prod.cloud.databricks.com
    token = dapi-prod-secret
    """

    static func inputs(profile: String? = nil, host: String? = nil, env: [String: String] = [:],
                       bundleHost: String? = nil, bundleProfile: String? = nil, file: String? = config) -> AuthInputs {
        AuthInputs(profileFlag: profile, hostFlag: host, environment: env, bundleHost: bundleHost,
                   bundleProfile: bundleProfile, homeDirectory: "/home/u",
                   readFile: { path in path == "/home/u/.databrickscfg" || path == "/etc/alt.cfg" ? file : nil })
    }

    static let secrets = ["dapi-default-secret", "ci-secret-value", "dapi-prod-secret", "env-token-secret", "env-client-secret"]

    private func resolved(_ inputs: AuthInputs) throws -> ResolvedAuth {
        try AuthResolver.resolve(inputs).get()
    }

    private func failure(_ inputs: AuthInputs) -> String? {
        if case .failure(let error) = AuthResolver.resolve(inputs) { return error.description }
        return nil
    }

    @Test func environmentTokenWins() throws {
        let auth = try resolved(Self.inputs(env: ["DATABRICKS_HOST": "x.cloud.databricks.com", "DATABRICKS_TOKEN": "env-token-secret"]))
        #expect(auth.host.description == "https://x.cloud.databricks.com")
        #expect(auth.method == .pat(token: "env-token-secret"))
        #expect(auth.profile == nil)
        #expect(auth.sources == ["host from DATABRICKS_HOST", "token from DATABRICKS_TOKEN"])
    }

    @Test func defaultProfileFromSettingsNeverDEFAULT() throws {
        let auth = try resolved(Self.inputs())
        #expect(auth.profile == "dev")
        #expect(auth.method == .databricksCLI(profile: "dev"))
        let noSettings = Self.config.replacingOccurrences(of: "default_profile = dev", with: "")
        #expect(failure(Self.inputs(file: noSettings))?.hasPrefix("no workspace host is configured") == true)
    }

    @Test(arguments: [
        (inputs(profile: "prod"), "prod", AuthMethod.pat(token: "dapi-prod-secret")),
        (inputs(env: ["DATABRICKS_CONFIG_PROFILE": "ci"]), "ci", .oauthM2M(clientID: "ci-client", clientSecret: "ci-secret-value")),
        (inputs(bundleProfile: "prod"), "prod", .pat(token: "dapi-prod-secret")),
        (inputs(profile: "ci", env: ["DATABRICKS_CONFIG_PROFILE": "prod"]), "ci", .oauthM2M(clientID: "ci-client", clientSecret: "ci-secret-value")),
        (inputs(bundleHost: "https://prod.cloud.databricks.com"), "prod", .pat(token: "dapi-prod-secret")),
        (inputs(env: ["DATABRICKS_CONFIG_FILE": "/etc/alt.cfg", "DATABRICKS_CONFIG_PROFILE": "prod"]), "prod", .pat(token: "dapi-prod-secret")),
    ])
    func profileSelection(inputs: AuthInputs, profile: String, method: AuthMethod) throws {
        let auth = try resolved(inputs)
        #expect(auth.profile == profile)
        #expect(auth.method == method)
    }

    @Test(arguments: [
        (inputs(profile: "nope"), "/home/u/.databrickscfg has no nope profile configured"),
        (inputs(bundleHost: "https://dev.cloud.databricks.com"), "https://dev.cloud.databricks.com: multiple profiles matched: dev, ci"),
        (inputs(profile: "prod", bundleHost: "https://other.cloud.databricks.com"), "the host in the profile (https://prod.cloud.databricks.com) doesn’t match the host configured in the bundle"),
        (inputs(env: ["DATABRICKS_HOST": "h.com", "DATABRICKS_TOKEN": "env-token-secret", "DATABRICKS_CLIENT_ID": "c", "DATABRICKS_CLIENT_SECRET": "env-client-secret"]),
         "validate: more than one authorization method configured: pat (token from DATABRICKS_TOKEN) and oauth-m2m"),
        (inputs(env: ["DATABRICKS_HOST": "h.com"], file: nil), "no authentication is configured. Configure one of:"),
        (inputs(file: nil), "no workspace host is configured"),
        (inputs(env: ["DATABRICKS_HOST": "http://h.com", "DATABRICKS_TOKEN": "env-token-secret"]), "refusing plain http:// for h.com"),
        (inputs(env: ["DATABRICKS_HOST": "h.com", "DATABRICKS_AUTH_TYPE": "azure-cli"]), "unsupported auth_type 'azure-cli'"),
        (inputs(env: ["DATABRICKS_HOST": "h.com", "DATABRICKS_AUTH_TYPE": "pat"], file: nil), "auth_type pat needs a token"),
        (inputs(profile: "x", file: "[x]\nhost https://a\n"), "/home/u/.databrickscfg:2: expected [section] or key = value"),
    ])
    func errors(inputs: AuthInputs, prefix: String) throws {
        let message = try #require(failure(inputs))
        #expect(message.hasPrefix(prefix), "\(message)")
        for secret in Self.secrets { #expect(!message.contains(secret)) }
    }

    @Test func authTypeChoosesAmongSeveralMethods() throws {
        let auth = try resolved(Self.inputs(env: [
            "DATABRICKS_HOST": "h.com", "DATABRICKS_TOKEN": "env-token-secret", "DATABRICKS_CLIENT_ID": "c",
            "DATABRICKS_CLIENT_SECRET": "env-client-secret", "DATABRICKS_AUTH_TYPE": "oauth-m2m",
        ]))
        #expect(auth.method == .oauthM2M(clientID: "c", clientSecret: "env-client-secret"))
    }

    @Test func descriptionsNeverHoldSecrets() throws {
        for inputs in [Self.inputs(profile: "prod"), Self.inputs(profile: "ci"),
                       Self.inputs(env: ["DATABRICKS_HOST": "h.com", "DATABRICKS_TOKEN": "env-token-secret"])] {
            let auth = try resolved(inputs)
            let text = "\(auth) \(auth.method) \(auth.sources)"
            for secret in Self.secrets { #expect(!text.contains(secret), "\(text)") }
        }
    }

    @Test func loopbackHttpIsAccepted() throws {
        let auth = try resolved(Self.inputs(env: ["DATABRICKS_HOST": "http://127.0.0.1:8990", "DATABRICKS_TOKEN": "dapi-local-dev"]))
        #expect(auth.host.description == "http://127.0.0.1:8990")
    }
}
