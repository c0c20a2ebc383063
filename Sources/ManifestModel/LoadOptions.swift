/// What the user asked for when loading a bundle, and the process environment to read.
public struct LoadOptions: Sendable {
    /// `-C/--bundle-root DIR`.
    public var bundleRoot: String?
    /// Directory to search upwards from when no root is given.
    public var workingDirectory: String
    /// `-t/--target`.
    public var target: String?
    /// `--var name=value`, in order.
    public var variables: [String]
    /// Environment variables (`DATABRICKS_BUNDLE_ROOT`, `DATABRICKS_BUNDLE_TARGET`, `BUNDLE_VAR_*`).
    public var environment: [String: String]
    /// The workspace identity, when credentials are available; nil leaves `${workspace.current_user.*}` unresolved.
    public var currentUser: CurrentUser?

    /// Creates options.
    public init(bundleRoot: String? = nil, workingDirectory: String, target: String? = nil, variables: [String] = [],
                environment: [String: String] = [:], currentUser: CurrentUser? = nil) {
        self.bundleRoot = bundleRoot
        self.workingDirectory = workingDirectory
        self.target = target
        self.variables = variables
        self.environment = environment
        self.currentUser = currentUser
    }
}

/// The outcome of loading: the bundle (nil when it could not be built), every diagnostic, and the sources
/// needed to quote them.
public struct LoadResult: Sendable {
    /// The loaded bundle; present even with errors when the structure could be read.
    public var bundle: Bundle?
    /// Errors, warnings and notes, in the order found.
    public var diagnostics: Diagnostics
    /// File texts for quoting source lines.
    public var sources: SourceFiles
    /// The bundle root directory, when found.
    public var rootDirectory: String?
}
