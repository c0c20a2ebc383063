import JSONCore

/// A fully loaded bundle: the selected target's settings and its Lakebase resources.
public struct Bundle: Sendable {
    /// `bundle.name`.
    public var name: String
    /// The selected target.
    public var target: String
    /// `development`, `production`, or nil.
    public var mode: String?
    /// Absolute path of the bundle root directory.
    public var rootDirectory: String
    /// Workspace settings with defaults applied.
    public var workspace: WorkspaceSettings
    /// Deploy lock settings.
    public var lock: LockSettings
    /// Variables in declaration order with their chosen values (nil when unset) and where each came from.
    public var variables: [(name: String, value: JSONValue?, source: String?)]
    /// The Lakebase resources, in manifest order (instances, catalogs, synced tables; by key).
    public var resources: [Resource]
    /// The identity used for `${workspace.current_user.*}`, if known.
    public var currentUser: CurrentUser?

    /// The resource with this key.
    public func resource(_ key: ResourceKey) -> Resource? {
        resources.first { $0.key == key }
    }
}
