/// A Lakebase database instance as the REST API spells it (lakebase-api.md §3.1). Output-only fields are
/// optional and only filled from server responses.
public struct DatabaseInstance: Sendable, Hashable, Codable {
    /// Identifier: 1–63 letters, digits and hyphens.
    public var name: String
    /// `CU_1`, `CU_2`, `CU_4` or `CU_8`.
    public var capacity: String?
    /// Input-only: 1 primary plus secondaries.
    public var nodeCount: Int?
    /// Input-only.
    public var enableReadableSecondaries: Bool?
    /// Input-only.
    public var enablePgNativeLogin: Bool?
    /// Input-only: PITR window, 2–35 days.
    public var retentionWindowInDays: Int?
    /// Input-only: stop or start compute.
    public var stopped: Bool?
    /// Input-only.
    public var customTags: [CustomTag]?
    /// Input-only.
    public var usagePolicyId: String?
    /// Immutable: creates a point-in-time child of another instance.
    public var parentInstanceRef: DatabaseInstanceRef?
    /// Output: lifecycle state (`STARTING`, `AVAILABLE`, ...), kept as the raw string.
    public var state: String?
    /// Output.
    public var uid: String?
    /// Output.
    public var creator: String?
    /// Output.
    public var creationTime: String?
    /// Output.
    public var pgVersion: String?
    /// Output: PostgreSQL host name.
    public var readWriteDns: String?
    /// Output: read-only host name, with readable secondaries.
    public var readOnlyDns: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, capacity, stopped, state, uid, creator
        case nodeCount = "node_count"
        case enableReadableSecondaries = "enable_readable_secondaries"
        case enablePgNativeLogin = "enable_pg_native_login"
        case retentionWindowInDays = "retention_window_in_days"
        case customTags = "custom_tags"
        case usagePolicyId = "usage_policy_id"
        case parentInstanceRef = "parent_instance_ref"
        case creationTime = "creation_time"
        case pgVersion = "pg_version"
        case readWriteDns = "read_write_dns"
        case readOnlyDns = "read_only_dns"
    }
}

/// A `{key, value}` tag on an instance.
public struct CustomTag: Sendable, Hashable, Codable {
    /// Tag key.
    public var key: String
    /// Tag value.
    public var value: String?
}

/// A reference to a parent instance for point-in-time children.
public struct DatabaseInstanceRef: Sendable, Hashable, Codable {
    /// The parent's name.
    public var name: String
    /// RFC 3339 time to branch from.
    public var branchTime: String?
    /// Input-only: the LSN to branch from (wins over `branch_time`).
    public var lsn: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, lsn
        case branchTime = "branch_time"
    }
}
