/// Unified client authentication as the Databricks SDKs and CLI resolve it for bundles (lakebase-api.md §16,
/// bundle-format.md §7): flags, then environment, then the bundle's workspace settings, then the config file.
public enum AuthResolver {
    private static let environmentNames = [
        "host": "DATABRICKS_HOST", "token": "DATABRICKS_TOKEN", "client_id": "DATABRICKS_CLIENT_ID",
        "client_secret": "DATABRICKS_CLIENT_SECRET", "auth_type": "DATABRICKS_AUTH_TYPE",
    ]
    private static let authAttributes = ["token", "client_id", "client_secret", "auth_type"]

    /// The host and method to use, or an error that explains what to configure.
    public static func resolve(_ inputs: AuthInputs) -> Result<ResolvedAuth, AuthError> {
        var attributes: [String: (value: String, source: String)] = [:]
        func fill(_ key: String, _ value: String?, _ source: String) {
            guard attributes[key] == nil, let value, !value.isEmpty else { return }
            attributes[key] = (value, source)
        }
        fill("host", inputs.hostFlag, "--host")
        for key in ["host", "token", "client_id", "client_secret", "auth_type"] {
            let name = environmentNames[key] ?? key
            fill(key, inputs.environment[name], name)
        }
        fill("host", inputs.bundleHost, "bundle workspace.host")

        let profileFlag = inputs.profileFlag.flatMap { $0.isEmpty ? nil : $0 }
        let namedProfile = profileFlag ?? inputs.environment["DATABRICKS_CONFIG_PROFILE"].flatMap { $0.isEmpty ? nil : $0 }
            ?? inputs.bundleProfile
        let configPath = inputs.environment["DATABRICKS_CONFIG_FILE"].flatMap { $0.isEmpty ? nil : $0 }
            ?? inputs.homeDirectory + "/.databrickscfg"
        let hasAuth = authAttributes.contains { attributes[$0] != nil }

        var profile: String?
        if namedProfile != nil || !hasAuth {
            let file: DatabricksConfigFile?
            do {
                file = try inputs.readFile(configPath).map { text throws(DatabricksConfigFile.SyntaxError) in
                    try DatabricksConfigFile(parsing: text, file: configPath)
                }
            } catch {
                return .failure(AuthError(description: error.description))
            }
            switch chooseProfile(named: namedProfile, file: file, path: configPath, host: attributes["host"]?.value) {
            case .failure(let error): return .failure(error)
            case .success(let chosen):
                if let chosen, let values = file?.profile(chosen) {
                    profile = chosen
                    if let profileHost = values["host"], let bundleHost = inputs.bundleHost,
                       normalized(profileHost) != normalized(bundleHost) {
                        return .failure(AuthError(description:
                            "the host in the profile (\(profileHost)) doesn’t match the host configured in the bundle (\(bundleHost)); use a profile for \(bundleHost) or change workspace.host"))
                    }
                    for (key, value) in values where key == "host" || authAttributes.contains(key) {
                        fill(key, value, "profile [\(chosen)] in \(configPath)")
                    }
                }
            }
        }
        guard let host = attributes["host"] else {
            return .failure(AuthError(description: howToConfigure("no workspace host is configured")))
        }
        let workspaceHost: WorkspaceHost
        do { workspaceHost = try WorkspaceHost(parsing: host.value) } catch {
            return .failure(AuthError(description: "\(error.description) (host from \(host.source))"))
        }
        return method(attributes, profile: profile).map { method, sources in
            ResolvedAuth(host: workspaceHost, method: method, profile: profile, sources: ["host from \(host.source)"] + sources)
        }
    }

    private static func chooseProfile(named: String?, file: DatabricksConfigFile?, path: String,
                                      host: String?) -> Result<String?, AuthError> {
        if let named {
            guard file?.profile(named) != nil else {
                return .failure(AuthError(description: "\(path) has no \(named) profile configured; available: \((file?.profileNames ?? []).joined(separator: ", "))"))
            }
            return .success(named)
        }
        guard let file else { return .success(nil) }
        guard let host else { return .success(file.defaultProfile) }
        let matches = file.profileNames.filter { name in file.profile(name)?["host"].map(normalized) == normalized(host) }
        if matches.count > 1 {
            return .failure(AuthError(description:
                "\(host): multiple profiles matched: \(matches.joined(separator: ", ")): please set DATABRICKS_CONFIG_PROFILE or provide --profile flag to specify one"))
        }
        return .success(matches.first)
    }

    private static func method(_ attributes: [String: (value: String, source: String)],
                               profile: String?) -> Result<(AuthMethod, [String]), AuthError> {
        let token = attributes["token"], clientID = attributes["client_id"], secret = attributes["client_secret"]
        func sources(_ keys: [String]) -> [String] {
            keys.compactMap { key in attributes[key].map { "\(key) from \($0.source)" } }
        }
        if let authType = attributes["auth_type"] {
            switch authType.value {
            case "pat":
                guard let token else { return .failure(AuthError(description: "auth_type pat needs a token (DATABRICKS_TOKEN or token in the profile)")) }
                return .success((.pat(token: token.value), sources(["token", "auth_type"])))
            case "oauth-m2m":
                guard let clientID, let secret else {
                    return .failure(AuthError(description: "auth_type oauth-m2m needs client_id and client_secret (DATABRICKS_CLIENT_ID, DATABRICKS_CLIENT_SECRET)"))
                }
                return .success((.oauthM2M(clientID: clientID.value, clientSecret: secret.value), sources(["client_id", "client_secret", "auth_type"])))
            case "databricks-cli":
                return .success((.databricksCLI(profile: profile), sources(["auth_type"])))
            default:
                return .failure(AuthError(description: "unsupported auth_type '\(authType.value)' (from \(authType.source)); reconcile supports pat, oauth-m2m and databricks-cli"))
            }
        }
        var configured: [(AuthMethod, [String])] = []
        if let token { configured.append((.pat(token: token.value), sources(["token"]))) }
        if let clientID, let secret {
            configured.append((.oauthM2M(clientID: clientID.value, clientSecret: secret.value), sources(["client_id", "client_secret"])))
        }
        if configured.count > 1 {
            let names = configured.map { "\($0.0.name) (\($0.1.joined(separator: ", ")))" }.joined(separator: " and ")
            return .failure(AuthError(description: "validate: more than one authorization method configured: \(names); set auth_type (DATABRICKS_AUTH_TYPE) to choose one"))
        }
        guard let only = configured.first else {
            return .failure(AuthError(description: howToConfigure("no authentication is configured")))
        }
        return .success(only)
    }

    private static func normalized(_ host: String) -> String {
        (try? WorkspaceHost(parsing: host).description) ?? host
    }

    private static func howToConfigure(_ problem: String) -> String {
        """
        \(problem). Configure one of:
          - a personal access token: DATABRICKS_HOST=https://<workspace> DATABRICKS_TOKEN=<token>
          - a service principal (OAuth M2M): DATABRICKS_HOST, DATABRICKS_CLIENT_ID, DATABRICKS_CLIENT_SECRET
          - the Databricks CLI: `databricks auth login --host https://<workspace>`, then DATABRICKS_AUTH_TYPE=databricks-cli
          - a profile in ~/.databrickscfg, chosen with --profile, DATABRICKS_CONFIG_PROFILE, workspace.profile or [__settings__] default_profile
        """
    }
}
