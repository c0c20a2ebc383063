import JSONCore
import Testing
@testable import Providers

/// When an Autoscaling resource is ready, read from its `status`: branches READY, endpoints without a pending
/// state, synced tables ACTIVE and online, with failed states ending the wait.
@Suite struct PostgresReadinessTests {
    static func status(_ text: String) -> JSONValue {
        (try? JSONParser.parse(text)) ?? .null
    }

    @Test(arguments: [
        (PostgresReadiness.none, #"{}"#, "ready"),
        (.branchReady, #"{"current_state":"INIT"}"#, "pending INIT"),
        (.branchReady, #"{"current_state":"READY"}"#, "ready"),
        (.reconciled, #"{"current_state":"ACTIVE","pending_state":"ACTIVE"}"#, "pending pending ACTIVE"),
        (.reconciled, #"{"current_state":"ACTIVE"}"#, "ready"),
        (.syncedTableOnline, #"{"detailed_state":"SYNCED_TABLE_PROVISIONING_INITIAL_SNAPSHOT","unity_catalog_provisioning_state":"ACTIVE","ongoing_sync_progress":{"synced_row_count":200,"total_row_count":500}}"#,
         "pending SYNCED_TABLE_PROVISIONING_INITIAL_SNAPSHOT, 200 of 500 rows"),
        (.syncedTableOnline, #"{"detailed_state":"SYNCED_TABLE_ONLINE_NO_PENDING_UPDATE","unity_catalog_provisioning_state":"PROVISIONING"}"#,
         "pending SYNCED_TABLE_ONLINE_NO_PENDING_UPDATE"),
        (.syncedTableOnline, #"{"detailed_state":"SYNCED_TABLE_ONLINE_TRIGGERED_UPDATE","unity_catalog_provisioning_state":"ACTIVE"}"#, "ready"),
        (.syncedTableOnline, #"{"detailed_state":"SYNCED_TABLE_OFFLINE_FAILED","unity_catalog_provisioning_state":"FAILED","message":"no source"}"#,
         "failed synced table failed (SYNCED_TABLE_OFFLINE_FAILED, Unity Catalog FAILED): no source"),
        (.syncedTableOnline, #"{"detailed_state":"SYNCED_TABLE_ONLINE_PIPELINE_FAILED","unity_catalog_provisioning_state":"ACTIVE"}"#,
         "degraded online, but its pipeline failed"),
        (.syncedTableOnline, #"{}"#, "pending SYNCED_TABLE_PROVISIONING"),
    ])
    func verdicts(readiness: PostgresReadiness, status: String, expected: String) {
        let text: String
        switch readiness.verdict(Self.status(status)) {
        case .ready: text = "ready"
        case .pending(let state): text = "pending " + state
        case .degraded(let warning): text = "degraded " + warning
        case .failed(let message): text = "failed " + message
        }
        #expect(text == expected)
    }
}
