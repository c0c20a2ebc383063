import JSONCore

/// What preflight needs to know about the workspace, read before it runs (it does no I/O itself).
public struct PreflightFacts: Sendable {
    /// A source table as Unity Catalog describes it.
    public struct Source: Sendable, Hashable {
        /// `MANAGED`, `EXTERNAL`, `VIEW`, `MATERIALIZED_VIEW`, `METRIC_VIEW`, …
        public var tableType: String
        /// Column names in order.
        public var columns: [String]
        /// The primary key constraint's columns (empty without one).
        public var primaryKey: [String]
        /// Table properties.
        public var properties: [String: String]

        /// Whether `delta.enableChangeDataFeed` is true.
        public var changeDataFeed: Bool { properties["delta.enableChangeDataFeed"]?.lowercased() == "true" }

        /// Reads a UC `TableInfo`.
        public init(tableInfo: JSONValue) {
            tableType = tableInfo["table_type"]?.stringValue ?? "MANAGED"
            columns = (tableInfo["columns"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }
            primaryKey = (tableInfo["table_constraints"]?.arrayValue ?? []).compactMap { $0["primary_key_constraint"]?["child_columns"]?.arrayValue }
                .first?.compactMap(\.stringValue) ?? []
            var properties: [String: String] = [:]
            for (key, value) in tableInfo["properties"]?.objectValue ?? JSONObject() { properties[key] = value.stringValue }
            self.properties = properties
        }

        /// A source from its parts.
        public init(tableType: String, columns: [String], primaryKey: [String], properties: [String: String]) {
            self.tableType = tableType
            self.columns = columns
            self.primaryKey = primaryKey
            self.properties = properties
        }
    }

    /// Source full name → the table, or nil when it does not exist.
    public var sources: [String: Source?] = [:]
    /// Database instances that exist in the workspace now.
    public var liveInstances: Set<String> = []
    /// Synced tables that exist now: name → (source, pipeline id, scheduling policy).
    public var liveSyncedTables: [String: (source: String, pipelineID: String?, policy: String?)] = [:]
    /// False when the workspace could not list an instance's synced tables (501): limits count the bundle only.
    public var syncedTablesListed = true

    /// Empty facts.
    public init() {}
}
