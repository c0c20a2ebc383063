import JSONCore

/// When an Autoscaling resource is ready after a create or an update, read from its `status`.
enum PostgresReadiness: Sendable, Equatable {
    /// At once (the operation finishing is enough).
    case none
    /// Branches: `current_state` is `READY` (a branch taken over from a lost answer may still be copying its
    /// source's data; its children need it running).
    case branchReady
    /// Endpoints: `pending_state` is empty.
    case reconciled
    /// Synced tables: `ACTIVE` in Unity Catalog and an online `detailed_state`; failed states end the wait.
    case syncedTableOnline

    /// What a status says.
    enum Verdict: Equatable {
        case ready
        case pending(String)
        case degraded(String)
        case failed(String)
    }

    /// The wait's goal, for messages.
    var goal: String {
        switch self {
        case .none, .branchReady: "READY"
        case .reconciled: "reconciliation done"
        case .syncedTableOnline: "SYNCED_TABLE_ONLINE"
        }
    }

    /// The verdict on one `status`.
    func verdict(_ status: JSONValue) -> Verdict {
        switch self {
        case .none:
            return .ready
        case .branchReady:
            guard let state = status["current_state"]?.stringValue, state != "READY" else { return .ready }
            return .pending(state)
        case .reconciled:
            guard let pending = status["pending_state"]?.stringValue, !pending.isEmpty else { return .ready }
            return .pending("pending \(pending)")
        case .syncedTableOnline:
            let detailed = status["detailed_state"]?.stringValue ?? "SYNCED_TABLE_PROVISIONING"
            let catalog = status["unity_catalog_provisioning_state"]?.stringValue ?? "PROVISIONING"
            let message = status["message"]?.stringValue.map { ": \($0)" } ?? ""
            if detailed == "SYNCED_TABLE_OFFLINE_FAILED" || catalog == "FAILED" {
                return .failed("synced table failed (\(detailed), Unity Catalog \(catalog))\(message)")
            }
            if detailed == "SYNCED_TABLE_ONLINE_PIPELINE_FAILED" {
                return .degraded("online, but its pipeline failed\(message)")
            }
            guard detailed.hasPrefix("SYNCED_TABLE_ONLINE"), catalog == "ACTIVE" else {
                return .pending(Self.progress(detailed, status))
            }
            return .ready
        }
    }

    /// `SYNCED_TABLE_PROVISIONING_INITIAL_SNAPSHOT, 1200 of 5000 rows`.
    private static func progress(_ state: String, _ status: JSONValue) -> String {
        let progress = status["ongoing_sync_progress"]
        guard case .int(let synced)? = progress?["synced_row_count"] else { return state }
        if case .int(let total)? = progress?["total_row_count"] { return "\(state), \(synced) of \(total) rows" }
        return "\(state), \(synced) rows"
    }
}
