import Foundation

/// A database instance as the emulator stores it: what the caller set, what the server set, and where its
/// state machine stands.
struct InstanceRecord: StoredResource {
    var name: String
    var uid: String
    var capacity: String
    var nodeCount: Int
    var enableReadableSecondaries: Bool
    var enablePgNativeLogin: Bool
    var retentionWindowInDays: Int
    var stopped: Bool
    var usagePolicyID: String?
    var customTags: [CustomTag]
    var parentInstanceRef: InstanceReference?
    var creator: String
    var creationTime: Date
    var state: InstanceState
    /// When the current transitional state (STARTING, UPDATING, DELETING) may end.
    var transitionDue: Date?
    /// Bumped whenever a new transition starts, so a stale transition never finishes a newer one.
    var generation: Int
    /// Loopback address the instance's PostgreSQL server listens on.
    var address: String
}

extension InstanceRecord {
    /// Whether the PostgreSQL server is up and stays up: AVAILABLE, or UPDATING without being stopped.
    var isServing: Bool { state == .available || (state == .updating && !stopped) }
}

/// The instance states of the platform (`DatabaseInstanceState`).
enum InstanceState: String, Codable, Sendable {
    case starting = "STARTING"
    case available = "AVAILABLE"
    case updating = "UPDATING"
    case stopped = "STOPPED"
    case deleting = "DELETING"
}

/// One `{key, value}` custom tag.
struct CustomTag: Codable, Hashable, Sendable {
    var key: String
    var value: String
}

/// A `DatabaseInstanceRef` to a parent instance (point-in-time child).
struct InstanceReference: Codable, Hashable, Sendable {
    var name: String
    var branchTime: String?
    var lsn: String?
    var uid: String?
}
