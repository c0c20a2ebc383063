import JSONCore
import ManifestModel

extension KindBehaviour {
    /// What every Autoscaling kind shares: the id is the `name` of the finished operation's `response`; GET answers
    /// `status` only, so the fields it mirrors are lifted to where the bundle writes them (drift is seen; §D); a
    /// saved `purge_on_delete: true` makes a delete purge.
    static func postgres(_ kind: ResourceKind, title: String, banner: DestructiveBanner,
                         dataLoss: @escaping @Sendable (PlanEntry, Plan) -> [String] = { _, _ in [] },
                         isSettling: @escaping @Sendable (JSONValue) -> Bool = { _ in false },
                         readinessCopiesData: Bool = false,
                         url: @escaping @Sendable (String, String) -> String = { id, host in "\(host)/lakebase/\(id)" },
                         status: StatusRole = .none, syncedTable: SyncedTableFields? = nil) -> KindBehaviour {
        let fields = Set(kind.schema.config.map(\.name))
        return KindBehaviour(
            kind: NodeKind(kind), banner: banner,
            summary: SummarySection(title: title, url: url, liveState: { object in Self.postgresLiveState(object) }),
            dataLoss: dataLoss, idInObject: { $0["name"]?.stringValue }, isSettling: isSettling,
            readinessCopiesData: readinessCopiesData, status: status,
            remoteShape: { live in
                guard case .object(var object) = live else { return live }
                for (key, value) in live["status"]?.objectValue ?? JSONObject() where fields.contains(key) { object[key] = value }
                object["status"] = nil
                return .object(object)
            },
            purgesOnDelete: { saved, _ in saved?["purge_on_delete"] == .bool(true) },
            syncedTable: syncedTable)
    }

    /// `READY`, `ACTIVE (host …)`, or `exists`; a soft-deleted resource says so.
    static func postgresLiveState(_ object: JSONValue) -> String {
        if let deleted = object["delete_time"]?.stringValue ?? object["status"]?["delete_time"]?.stringValue {
            return "soft-deleted at \(deleted)"
        }
        let status = object["status"]
        if let detailed = status?["detailed_state"]?.stringValue {
            var text = detailed
            if let uc = status?["unity_catalog_provisioning_state"]?.stringValue { text += ", Unity Catalog \(uc)" }
            if let pipeline = status?["pipeline_id"]?.stringValue { text += ", pipeline \(pipeline)" }
            return text
        }
        var text = status?["current_state"]?.stringValue ?? "exists"
        if let pending = status?["pending_state"]?.stringValue { text += " → \(pending)" }
        if let host = status?["hosts"]?["host"]?.stringValue { text += ", host \(host)" }
        return text
    }
}
