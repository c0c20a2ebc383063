/// How requests are authenticated. Secrets are kept out of every description.
public enum AuthMethod: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// A personal access token.
    case pat(token: String)
    /// OAuth machine-to-machine with a service principal's client credentials.
    case oauthM2M(clientID: String, clientSecret: String)
    /// Tokens from `databricks auth token`, for this profile or host.
    case databricksCLI(profile: String?)

    /// The SDK's name of the method: `pat`, `oauth-m2m`, `databricks-cli`.
    public var name: String {
        switch self {
        case .pat: "pat"
        case .oauthM2M: "oauth-m2m"
        case .databricksCLI: "databricks-cli"
        }
    }

    /// The method's name, never its secrets.
    public var description: String { name }

    /// The method's name, never its secrets (also in `debugPrint`).
    public var debugDescription: String { name }

    /// Only the name, so `dump` and reflection never show a secret.
    public var customMirror: Mirror { Mirror(self, children: ["name": name]) }
}

/// The outcome of configuration: where to connect and how to authenticate, with where each came from.
public struct ResolvedAuth: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The workspace.
    public var host: WorkspaceHost
    /// The auth method.
    public var method: AuthMethod
    /// The profile used, if any.
    public var profile: String?
    /// Where the host and credentials came from, e.g. `host from DATABRICKS_HOST`.
    public var sources: [String]

    /// `https://x.com with pat (host from ..., token from ...)`, without secrets.
    public var description: String {
        "\(host) with \(method.name) (" + sources.joined(separator: ", ") + ")"
    }

    /// Same as `description`.
    public var debugDescription: String { description }
}
