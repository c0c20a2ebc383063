/// Everything auth configuration is read from: flags, the environment, the bundle's `workspace` section and
/// the config file (read through an injected function, so resolution stays pure and testable).
public struct AuthInputs: Sendable {
    /// `-p/--profile`.
    public var profileFlag: String?
    /// `--host`.
    public var hostFlag: String?
    /// Process environment.
    public var environment: [String: String]
    /// The bundle's `workspace.host`.
    public var bundleHost: String?
    /// The bundle's `workspace.profile`.
    public var bundleProfile: String?
    /// The user's home directory, for `~/.databrickscfg`.
    public var homeDirectory: String
    /// Reads a file's text; nil when it does not exist.
    public var readFile: @Sendable (String) -> String?

    /// Creates inputs.
    public init(profileFlag: String? = nil, hostFlag: String? = nil, environment: [String: String],
                bundleHost: String? = nil, bundleProfile: String? = nil, homeDirectory: String,
                readFile: @escaping @Sendable (String) -> String?) {
        self.profileFlag = profileFlag
        self.hostFlag = hostFlag
        self.environment = environment
        self.bundleHost = bundleHost
        self.bundleProfile = bundleProfile
        self.homeDirectory = homeDirectory
        self.readFile = readFile
    }
}

/// Configuration that cannot produce a usable client; the message says what to change.
public struct AuthError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong and how to fix it.
    public var description: String
}
