import JSONCore

/// The deployment state, `resources.json`, as the Databricks CLI's direct engine writes it (planning-rules.md §11):
/// `state_version` 2, `lineage`, `serial`, and entries keyed `resources.KIND.KEY`. Entries of kinds we do not manage
/// are kept exactly as read.
public struct DeploymentState: Sendable {
    /// The state format written.
    public static let writtenVersion = 2
    /// A state entry of a node we manage.
    public struct Entry: Sendable, Hashable {
        /// `__id__`: the resource's id (its name for Lakebase kinds).
        public var id: String
        /// The desired object as last applied (API JSON).
        public var state: JSONValue
        /// Edges saved with it (used to order deletes of nodes no longer configured).
        public var dependsOn: [Dependency]
        /// Set while a create is in flight: written before the POST, cleared when the create completes. A record
        /// that still has one after a kill tells the next run that the resource may exist because of us.
        public var intent: CreateIntent?

        /// An entry.
        public init(id: String, state: JSONValue, dependsOn: [Dependency], intent: CreateIntent? = nil) {
            self.id = id
            self.state = state
            self.dependsOn = dependsOn
            self.intent = intent
        }
    }

    /// `cli_version` written.
    public var cliVersion: String
    /// UUID created on the first deploy; empty before it.
    public var lineage: String
    /// +1 for every deploy that commits at least one change.
    public var serial: Int
    /// Every entry in file order, as raw JSON (ours and foreign ones).
    public private(set) var rawEntries: JSONObject

    /// An empty state (no deploy yet).
    public init(cliVersion: String) {
        self.cliVersion = cliVersion
        lineage = ""
        serial = 0
        rawEntries = JSONObject()
    }

    /// Whether nothing was ever deployed.
    public var isEmpty: Bool { lineage.isEmpty && rawEntries.isEmpty }

    /// The entry under a state key, when it is one of ours and well formed.
    public func entry(_ key: String) -> Entry? {
        guard let raw = rawEntries[key]?.objectValue, let id = raw["__id__"]?.stringValue else { return nil }
        let dependsOn = (raw["depends_on"]?.arrayValue ?? []).compactMap { edge -> Dependency? in
            guard let node = edge["node"]?.stringValue else { return nil }
            return Dependency(node: node, label: edge["label"]?.stringValue ?? "")
        }
        return Entry(id: id, state: raw["state"] ?? .object([:]), dependsOn: dependsOn, intent: raw["__intent__"].flatMap(CreateIntent.init(json:)))
    }

    /// State keys of the nodes we manage, in file order.
    public var managedKeys: [NodeKey] { rawEntries.keys.compactMap(NodeKey.init(stateKey:)) }

    /// Saves an entry (after a create, update or recreate).
    public mutating func set(_ key: String, _ entry: Entry) {
        var raw: JSONObject = ["__id__": .string(entry.id), "state": entry.state]
        if !entry.dependsOn.isEmpty {
            raw["depends_on"] = .array(entry.dependsOn.map { .object(["node": .string($0.node), "label": .string($0.label)]) })
        }
        if let intent = entry.intent { raw["__intent__"] = intent.json }
        rawEntries[key] = .object(raw)
    }

    /// Removes an entry (after a delete, or the delete half of a recreate).
    public mutating func remove(_ key: String) { rawEntries[key] = nil }

    /// Sets a raw entry (WAL replay).
    mutating func setRaw(_ key: String, _ value: JSONValue?) { rawEntries[key] = value }
}
