import JSONCore
import ManifestModel

/// Everything the reconciler does differently for one node kind, declared once in the kind's own file and read by
/// generic code through `KindBehaviours` (design.md §5). The banner decision and the summary section have no
/// default: a kind cannot be registered without saying whether its delete loses data.
public struct KindBehaviour: Sendable {
    /// The node kind.
    public var kind: NodeKind
    /// Field rules; derived from the schema for resource kinds.
    public var rules: FieldRules
    /// Whether a delete or recreate needs approval, and the banner that asks for it.
    public var banner: DestructiveBanner
    /// `reconcile summary`'s section for this kind.
    public var summary: SummarySection
    /// The lines a destructive action prints about the data it takes with it.
    public var dataLoss: @Sendable (PlanEntry, Plan) -> [String]
    /// The id of a resource in the object the client answered (a finished operation's `response`) or read.
    public var idInObject: @Sendable (JSONValue) -> String?
    /// Whether a live object is not usable yet (an interrupted apply left it starting or syncing), so dependents must
    /// wait for it as they would after a create.
    public var isSettling: @Sendable (JSONValue) -> Bool
    /// The body to create with when the desired object can only be reached by a create followed by an update
    /// (an instance that should end stopped is created running, then stopped); nil when the create gives it at once.
    public var createFirst: @Sendable (JSONValue) -> JSONValue?
    /// Whether waiting for the node copies data (skipped with `--no-wait-synced-tables`).
    public var readinessCopiesData: Bool
    /// Whether a delete (not only a recreate) waits until the resource is gone, so its id can be used again at once.
    public var deleteWaitsUntilGone: Bool
    /// What `reconcile status` reports for the kind.
    public var status: StatusRole
    /// The live object in the state's shape, when the rules' projection is not enough (Autoscaling GETs answer
    /// `status` only: the fields it mirrors are lifted to where the bundle writes them); nil uses the rules.
    public var remoteShape: (@Sendable (JSONValue) -> JSONValue)?
    /// Whether deleting the node drops the data it holds (`purge`), from its saved state and the apply options.
    public var purgesOnDelete: @Sendable (_ savedState: JSONValue?, _ options: ApplyOptions) -> Bool
    /// For synced-table kinds, where their fields are (preflight and the advisor read them); nil for other kinds.
    public var syncedTable: SyncedTableFields?

    /// A behaviour; `rules` defaults to the rules the kind's schema declares.
    public init(kind: NodeKind, rules: FieldRules? = nil, banner: DestructiveBanner, summary: SummarySection,
                dataLoss: @escaping @Sendable (PlanEntry, Plan) -> [String] = { _, _ in [] },
                idInObject: @escaping @Sendable (JSONValue) -> String? = { $0["name"]?.stringValue },
                isSettling: @escaping @Sendable (JSONValue) -> Bool = { _ in false },
                createFirst: @escaping @Sendable (JSONValue) -> JSONValue? = { _ in nil },
                readinessCopiesData: Bool = false, deleteWaitsUntilGone: Bool = false, status: StatusRole = .none,
                remoteShape: (@Sendable (JSONValue) -> JSONValue)? = nil,
                purgesOnDelete: @escaping @Sendable (JSONValue?, ApplyOptions) -> Bool = { _, options in options.purgeSyncedData },
                syncedTable: SyncedTableFields? = nil) {
        self.kind = kind
        self.rules = rules ?? FieldRules(schema: kind.resourceKind.schema)
        self.banner = banner
        self.summary = summary
        self.dataLoss = dataLoss
        self.idInObject = idInObject
        self.isSettling = isSettling
        self.createFirst = createFirst
        self.readinessCopiesData = readinessCopiesData
        self.deleteWaitsUntilGone = deleteWaitsUntilGone
        self.status = status
        self.remoteShape = remoteShape
        self.purgesOnDelete = purgesOnDelete
        self.syncedTable = syncedTable
    }

    /// The live object in the state's shape, as the planner compares it.
    public func remote(_ live: JSONValue) -> JSONValue {
        remoteShape.map { rules.remoteState(of: $0(live)) } ?? rules.remoteState(of: live)
    }
}

/// Whether deleting or recreating a kind needs a yes, and how the banner words it (planning-rules.md §10.4).
public enum DestructiveBanner: Sendable {
    /// No approval, with the reason (nothing is lost, or the platform keeps the data).
    case none(because: String)
    /// Approval with a group banner: the message for `apply`/`deploy`, and for `destroy`.
    case group(deploy: String, destroy: String)
}

/// A kind's section in `reconcile summary`.
public struct SummarySection: Sendable {
    /// The section title (`Database instances`).
    public var title: String
    /// The workspace page of a resource with id `id` on `host` (no trailing slash).
    public var url: @Sendable (_ id: String, _ host: String) -> String
    /// The live object in a few words.
    public var liveState: @Sendable (JSONValue) -> String

    /// A section.
    public init(title: String, url: @escaping @Sendable (String, String) -> String,
                liveState: @escaping @Sendable (JSONValue) -> String) {
        self.title = title
        self.url = url
        self.liveState = liveState
    }
}

/// What `reconcile status` reports for a kind.
public enum StatusRole: Sendable {
    /// Nothing of its own.
    case none
    /// A PostgreSQL host: state, and connections read over libpq.
    case databaseHost
    /// A synced table: states, and rows, size and partitions read over libpq on its host.
    case syncedTable
    /// An Autoscaling endpoint: state and host, and connections, databases and roles read over libpq.
    case postgresEndpoint
    /// An Autoscaling branch: state, source and expiry.
    case postgresBranch
    /// An Autoscaling synced table: states, and rows, size and partitions read over libpq on its branch's
    /// read-write endpoint.
    case postgresSyncedTable
}
