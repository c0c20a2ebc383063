import JSONCore

/// Waits for Lakebase resources to reach what the plan needs (lakebase-api.md §3.3, §5.6).
public struct Waiters: Sendable {
    let instances: DatabaseInstancesAPI
    let syncedTables: SyncedTablesAPI
    let options: WaitOptions

    /// Waiters polling through `client`.
    public init(client: WorkspaceClient, options: WaitOptions) {
        instances = DatabaseInstancesAPI(client: client)
        syncedTables = SyncedTablesAPI(client: client)
        self.options = options
    }

    /// Until the instance is AVAILABLE (or STOPPED when `stopped`); DELETING, a 404, or STOPPED when it should
    /// run, fail at once. Instances are few and on every apply's critical path: they are polled proportionally.
    public func instanceReady(_ name: String, stopped: Bool = false) async throws -> JSONObject {
        let goal = stopped ? "STOPPED" : "AVAILABLE"
        let instances = instances
        return try await Poller(options: options, kind: "database_instances", resource: "database_instances \(name)", goal: goal,
                           proportional: true).run {
            () throws(APIError) -> PollVerdict<JSONObject> in
            guard let instance = try await instances.find(name) else { return .failed(state: "404", message: "the instance no longer exists") }
            let state = instance["state"]?.stringValue ?? "STATE_UNSPECIFIED"
            return Self.instanceVerdict(state: state, goal: goal, instance: instance)
        }
    }

    /// Until GET answers 404 (after a delete, before the same name is created again).
    public func instanceGone(_ name: String) async throws {
        let instances = instances
        try await Poller(options: options, kind: "database_instances", resource: "database_instances \(name)", goal: "deletion",
                         proportional: true).run {
            () throws(APIError) -> PollVerdict<Void> in
            guard let instance = try await instances.find(name) else { return .done(()) }
            return .pending(state: instance["state"]?.stringValue ?? "present")
        }
    }

    /// Until the synced table is ACTIVE in Unity Catalog and its pipeline online; failed and offline states
    /// (including the API's misspelled `SYNCED_TABLED_OFFLINE`) fail. Progress lines carry row counts.
    public func syncedTableOnline(_ name: String) async throws -> SyncedTableOutcome {
        let tables = syncedTables
        return try await Poller(options: options, kind: "synced_database_tables", resource: "synced_database_tables \(name)", goal: "ONLINE").run {
            () throws(APIError) -> PollVerdict<SyncedTableOutcome> in
            guard let table = try await tables.find(name) else { return .failed(state: "404", message: "the synced table no longer exists") }
            return Self.syncedTableVerdict(table)
        }
    }

    static func instanceVerdict(state: String, goal: String, instance: JSONObject) -> PollVerdict<JSONObject> {
        if state == goal { return .done(instance) }
        switch state {
        case "DELETING": return .failed(state: state, message: "the instance is being deleted")
        case "STOPPED": return .failed(state: state, message: "the instance is stopped; set stopped: false to start it")
        default: return .pending(state: state)
        }
    }

    static func syncedTableVerdict(_ table: JSONObject) -> PollVerdict<SyncedTableOutcome> {
        let status = table["data_synchronization_status"]
        let detailed = status?["detailed_state"]?.stringValue ?? "SYNCED_TABLE_STATE_UNSPECIFIED"
        let provisioning = table["unity_catalog_provisioning_state"]?.stringValue ?? "PROVISIONING"
        let message = status?["message"]?.stringValue
        switch SyncedTableStateClass(detailed) {
        case .failed, .offline:
            return .failed(state: detailed, message: message)
        case _ where provisioning == "FAILED":
            return .failed(state: "unity_catalog_provisioning_state FAILED", message: message)
        case .online where provisioning == "ACTIVE":
            return .done(SyncedTableOutcome(table: table, degraded: false))
        case .degraded where provisioning == "ACTIVE":
            return .done(SyncedTableOutcome(table: table, degraded: true))
        default:
            return .pending(state: detailed + SyncedTableOutcome.progressText(status))
        }
    }
}

/// A synced table that reached an online state; `degraded` when it serves stale data after a pipeline failure.
public struct SyncedTableOutcome: Sendable {
    /// The table as last read.
    public let table: JSONObject
    /// `SYNCED_TABLE_ONLINE_PIPELINE_FAILED`.
    public let degraded: Bool

    /// ` (1200/10000 rows)` from whichever progress object the status carries.
    static func progressText(_ status: JSONValue?) -> String {
        let progress = status?["provisioning_status"]?["initial_pipeline_sync_progress"]
            ?? status?["continuous_update_status"]?["initial_pipeline_sync_progress"]
            ?? status?["triggered_update_status"]?["triggered_update_progress"]
        guard case .int(let synced)? = progress?["synced_row_count"] else { return "" }
        if case .int(let total)? = progress?["total_row_count"] { return " (\(synced)/\(total) rows)" }
        return " (\(synced) rows)"
    }
}

/// The classes of `detailed_state` (lakebase-api.md §5.5).
public enum SyncedTableStateClass: Sendable, Equatable {
    case provisioning, online, degraded, failed, offline, unknown

    /// The class of a raw state; unknown values are `unknown` (keep waiting).
    public init(_ state: String) {
        switch state {
        case "SYNCED_TABLE_PROVISIONING", "SYNCED_TABLE_PROVISIONING_PIPELINE_RESOURCES",
            "SYNCED_TABLE_PROVISIONING_INITIAL_SNAPSHOT":
            self = .provisioning
        case "SYNCED_TABLE_ONLINE", "SYNCED_TABLE_ONLINE_NO_PENDING_UPDATE", "SYNCED_TABLE_ONLINE_CONTINUOUS_UPDATE",
            "SYNCED_TABLE_ONLINE_TRIGGERED_UPDATE", "SYNCED_TABLE_ONLINE_UPDATING_PIPELINE_RESOURCES":
            self = .online
        case "SYNCED_TABLE_ONLINE_PIPELINE_FAILED": self = .degraded
        case "SYNCED_TABLE_OFFLINE_FAILED": self = .failed
        case "SYNCED_TABLED_OFFLINE", "SYNCED_TABLE_OFFLINE": self = .offline
        default: self = .unknown
        }
    }
}
