import Foundation

/// A synced database table: its spec, where it lands, its pipeline and where its state machine stands.
struct SyncedTableRecord: StoredResource {
    var name: String
    var instanceName: String
    var logicalDatabaseName: String
    var sourceTableFullName: String
    var primaryKeyColumns: [String]
    var schedulingPolicy: String
    var timeseriesKey: String?
    var typeOverrides: [TypeOverride]
    var createDatabaseObjectsIfMissing: Bool
    var pipelineID: String
    var detailedState: String
    var provisioningState: String
    var message: String
    /// When the current provisioning phase may end.
    var phaseDue: Date?
    var generation: Int
    var createdAt: Date
    var lastSyncTime: Date?
    /// The pipeline's progress (nil until the first sync starts).
    var sync: SyncStatus?
    /// The branch of an Autoscaling synced table (`/api/2.0/postgres/synced_tables`; `instanceName` holds it too);
    /// nil for a Provisioned one.
    var branch: String?

    /// `catalog`, `schema` and `table` of the destination name.
    var nameParts: (catalog: String, schema: String, table: String) {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        return (parts[0], parts.count > 1 ? parts[1] : "", parts.count > 2 ? parts[2] : "")
    }
}

/// A `type_overrides` entry.
struct TypeOverride: Codable, Hashable, Sendable {
    var columnName: String
    var pgType: String
    var size: Int?
}

/// Values of `data_synchronization_status.detailed_state` the emulator moves through.
enum SyncedTableState {
    static let provisioning = "SYNCED_TABLE_PROVISIONING"
    static let pipelineResources = "SYNCED_TABLE_PROVISIONING_PIPELINE_RESOURCES"
    static let initialSnapshot = "SYNCED_TABLE_PROVISIONING_INITIAL_SNAPSHOT"
    static let noPendingUpdate = "SYNCED_TABLE_ONLINE_NO_PENDING_UPDATE"
    static let continuousUpdate = "SYNCED_TABLE_ONLINE_CONTINUOUS_UPDATE"
    static let triggeredUpdate = "SYNCED_TABLE_ONLINE_TRIGGERED_UPDATE"
    static let offlineFailed = "SYNCED_TABLE_OFFLINE_FAILED"

    /// The online state a policy settles in.
    static func online(for policy: String) -> String {
        policy == "CONTINUOUS" ? continuousUpdate : noPendingUpdate
    }
}
