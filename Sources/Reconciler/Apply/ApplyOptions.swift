/// How apply carries out a plan.
public struct ApplyOptions: Sendable {
    /// Most nodes worked on at once. Most of a node's time is spent waiting (an instance starting, a synced table
    /// provisioning), so this is large; API calls in flight are bounded separately by the client (`--max-parallel`).
    public var maxNodes: Int
    /// Most nodes making their calls at once (their waits afterwards are not counted). The client sends at most
    /// `--max-parallel` requests at a time; nodes beyond a few times that would only queue for it, each holding the
    /// frames of its calls (a thousand queued creates took about 17 MB).
    public var maxActing: Int
    /// Wait for synced tables to be ONLINE after creating them.
    public var waitForSyncedTables: Bool
    /// On a plain delete of a synced table, drop its PostgreSQL table too.
    public var purgeSyncedData: Bool

    /// Options.
    public init(maxNodes: Int = 4096, maxActing: Int = 128, waitForSyncedTables: Bool = true, purgeSyncedData: Bool = false) {
        self.maxNodes = maxNodes
        self.maxActing = maxActing
        self.waitForSyncedTables = waitForSyncedTables
        self.purgeSyncedData = purgeSyncedData
    }
}

/// What apply tells its caller while it runs.
public protocol ApplyReporter: Sendable {
    /// A node's work begins.
    func started(_ key: NodeKey, _ action: PlanAction)
    /// A node's work ended (successfully or not); `name` is the resource's name.
    func finished(_ key: NodeKey, name: String?)
    /// A wait observed a new state.
    func progress(_ line: String)
    /// Something to know that did not stop the node.
    func warning(_ line: String)
}

/// One node that could not be applied.
public struct ApplyFailure: Sendable, CustomStringConvertible {
    /// The node.
    public var key: NodeKey
    /// `cannot create resources.…: <error>` or `… dependency failed: …`.
    public var message: String
    /// The message.
    public var description: String { message }
}

/// The result of an apply: what was done, and what failed.
public struct ApplyResult: Sendable {
    /// Nodes whose action completed, with the action.
    public var completed: [(key: NodeKey, action: PlanAction)] = []
    /// Nodes that failed or were not attempted because a dependency failed.
    public var failures: [ApplyFailure] = []
}
