/// The `workspace` section after defaults: where the bundle deploys and keeps its state.
public struct WorkspaceSettings: Sendable, Hashable {
    /// Workspace URL, if configured in the bundle.
    public var host: String?
    /// Profile of `~/.databrickscfg`, if configured in the bundle.
    public var profile: String?
    /// Forced auth method, if configured in the bundle.
    public var authType: String?
    /// `${workspace.root_path}`; may hold an unresolved `${workspace.current_user.userName}`.
    public var rootPath: String
    /// `${workspace.file_path}`.
    public var filePath: String
    /// `${workspace.artifact_path}`.
    public var artifactPath: String
    /// `${workspace.resource_path}`.
    public var resourcePath: String
    /// `${workspace.state_path}`: where `resources.json` and `deploy.lock` live.
    public var statePath: String
    /// Whether `root_path` was set explicitly (production mode requires it).
    public var rootPathIsExplicit: Bool
}

/// Deploy lock settings (`bundle.deployment.lock`).
public struct LockSettings: Sendable, Hashable {
    /// Whether apply/destroy/bind take the lock (off by default in development mode).
    public var enabled: Bool
    /// Whether a held lock is taken over.
    public var force: Bool
}
