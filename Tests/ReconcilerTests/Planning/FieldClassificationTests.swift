import Testing
import JSONCore
@testable import Reconciler

/// The classification ladder, one row per rule and reason (planning-rules.md §4, §5.5, §14).
@Suite struct FieldClassificationTests {
    typealias F = PlanningFixtures

    struct Row: CustomTestStringConvertible, Sendable {
        let name: String
        let kind: NodeKind
        let saved: String
        let desired: String
        let live: String
        let path: String
        let action: PlanAction
        let reason: String?
        var testDescription: String { name }
    }

    static let rows: [Row] = [
        Row(name: "capacity changed in config", kind: .databaseInstance,
            saved: #"{"name":"db","capacity":"CU_1"}"#, desired: #"{"name":"db","capacity":"CU_2"}"#,
            live: #"{"name":"db","capacity":"CU_1","state":"AVAILABLE"}"#, path: "capacity", action: .update, reason: nil),
        Row(name: "capacity already as desired", kind: .databaseInstance,
            saved: #"{"name":"db","capacity":"CU_1"}"#, desired: #"{"name":"db","capacity":"CU_2"}"#,
            live: #"{"name":"db","capacity":"CU_2"}"#, path: "capacity", action: .skip, reason: "remote_already_set"),
        Row(name: "capacity drifted in the workspace", kind: .databaseInstance,
            saved: #"{"name":"db","capacity":"CU_1"}"#, desired: #"{"name":"db","capacity":"CU_1"}"#,
            live: #"{"name":"db","capacity":"CU_4"}"#, path: "capacity", action: .update, reason: "remote_drift"),
        Row(name: "capacity left to the server", kind: .databaseInstance,
            saved: #"{"name":"db"}"#, desired: #"{"name":"db"}"#,
            live: #"{"name":"db","capacity":"CU_2"}"#, path: "capacity", action: .skip, reason: "backend_default"),
        Row(name: "instance renamed", kind: .databaseInstance,
            saved: #"{"name":"db","capacity":"CU_1"}"#, desired: #"{"name":"db2","capacity":"CU_1"}"#,
            live: #"{"name":"db","capacity":"CU_1"}"#, path: "name", action: .recreate, reason: "id_field"),
        Row(name: "parent_instance_ref added", kind: .databaseInstance,
            saved: #"{"name":"db"}"#, desired: #"{"name":"db","parent_instance_ref":{"name":"p"}}"#,
            live: #"{"name":"db"}"#, path: "parent_instance_ref", action: .recreate, reason: "spec:immutable"),
        Row(name: "parent lsn is input-only", kind: .databaseInstance,
            saved: #"{"name":"db","parent_instance_ref":{"name":"p","lsn":"0/1"}}"#,
            desired: #"{"name":"db","parent_instance_ref":{"name":"p","lsn":"0/1"}}"#,
            live: #"{"name":"db","parent_instance_ref":{"name":"p","uid":"u","effective_lsn":"0/1"}}"#,
            path: "parent_instance_ref.lsn", action: .skip, reason: "spec:input_only"),
        Row(name: "node_count changed in config", kind: .databaseInstance,
            saved: #"{"name":"db","node_count":1}"#, desired: #"{"name":"db","node_count":2}"#,
            live: #"{"name":"db","effective_node_count":1}"#, path: "node_count", action: .update, reason: nil),
        Row(name: "node_count drift seen through effective_node_count", kind: .databaseInstance,
            saved: #"{"name":"db","node_count":2}"#, desired: #"{"name":"db","node_count":2}"#,
            live: #"{"name":"db","effective_node_count":3}"#, path: "node_count", action: .update, reason: "remote_drift"),
        Row(name: "node_count unset, server default", kind: .databaseInstance,
            saved: #"{"name":"db"}"#, desired: #"{"name":"db"}"#,
            live: #"{"name":"db","effective_node_count":1}"#, path: "node_count", action: .skip, reason: "backend_default"),
        Row(name: "stopped false and not reported", kind: .databaseInstance,
            saved: #"{"name":"db","stopped":false}"#, desired: #"{"name":"db","stopped":false}"#,
            live: #"{"name":"db"}"#, path: "stopped", action: .skip, reason: "empty"),
        Row(name: "retention not returned at all", kind: .databaseInstance,
            saved: #"{"name":"db","retention_window_in_days":7}"#, desired: #"{"name":"db","retention_window_in_days":7}"#,
            live: #"{"name":"db"}"#, path: "retention_window_in_days", action: .skip, reason: "missing_in_remote"),
        Row(name: "catalog database_name changed", kind: .databaseCatalog,
            saved: #"{"name":"c","database_instance_name":"db","database_name":"a"}"#,
            desired: #"{"name":"c","database_instance_name":"db","database_name":"b"}"#,
            live: #"{"name":"c","database_instance_name":"db","database_name":"a","uid":"u"}"#,
            path: "database_name", action: .recreate, reason: "immutable"),
        Row(name: "catalog create_database_if_not_exists unchanged", kind: .databaseCatalog,
            saved: #"{"name":"c","create_database_if_not_exists":true}"#, desired: #"{"name":"c","create_database_if_not_exists":true}"#,
            live: #"{"name":"c"}"#, path: "create_database_if_not_exists", action: .skip, reason: "spec:input_only"),
        Row(name: "catalog create_database_if_not_exists changed", kind: .databaseCatalog,
            saved: #"{"name":"c","create_database_if_not_exists":true}"#, desired: #"{"name":"c","create_database_if_not_exists":false}"#,
            live: #"{"name":"c"}"#, path: "create_database_if_not_exists", action: .recreate, reason: "immutable"),
        Row(name: "catalog database drifted", kind: .databaseCatalog,
            saved: #"{"name":"c","database_name":"a"}"#, desired: #"{"name":"c","database_name":"a"}"#,
            live: #"{"name":"c","database_name":"z"}"#, path: "database_name", action: .recreate, reason: "remote_drift"),
        Row(name: "sync mode changed", kind: .syncedTable,
            saved: #"{"name":"c.s.t","spec":{"scheduling_policy":"SNAPSHOT"}}"#,
            desired: #"{"name":"c.s.t","spec":{"scheduling_policy":"TRIGGERED"}}"#,
            live: #"{"name":"c.s.t","spec":{"scheduling_policy":"SNAPSHOT"}}"#,
            path: "spec.scheduling_policy", action: .recreate, reason: "immutable"),
        Row(name: "sync mode left to the server", kind: .syncedTable,
            saved: #"{"name":"c.s.t","spec":{}}"#, desired: #"{"name":"c.s.t","spec":{}}"#,
            live: #"{"name":"c.s.t","spec":{"scheduling_policy":"SNAPSHOT"}}"#,
            path: "spec.scheduling_policy", action: .skip, reason: "backend_default"),
        Row(name: "primary key element changed", kind: .syncedTable,
            saved: #"{"name":"c.s.t","spec":{"primary_key_columns":["a"]}}"#,
            desired: #"{"name":"c.s.t","spec":{"primary_key_columns":["b"]}}"#,
            live: #"{"name":"c.s.t","spec":{"primary_key_columns":["a"]}}"#,
            path: "spec.primary_key_columns[0]", action: .recreate, reason: "immutable"),
        Row(name: "primary key grew", kind: .syncedTable,
            saved: #"{"name":"c.s.t","spec":{"primary_key_columns":["a"]}}"#,
            desired: #"{"name":"c.s.t","spec":{"primary_key_columns":["a","b"]}}"#,
            live: #"{"name":"c.s.t","spec":{"primary_key_columns":["a"]}}"#,
            path: "spec.primary_key_columns", action: .recreate, reason: "immutable"),
        Row(name: "pipeline storage schema changed", kind: .syncedTable,
            saved: #"{"name":"c.s.t","spec":{"new_pipeline_spec":{"storage_schema":"a"}}}"#,
            desired: #"{"name":"c.s.t","spec":{"new_pipeline_spec":{"storage_schema":"b"}}}"#,
            live: #"{"name":"c.s.t","spec":{}}"#,
            path: "spec.new_pipeline_spec.storage_schema", action: .recreate, reason: "spec:input_only"),
        Row(name: "logical database unchanged, never returned", kind: .syncedTable,
            saved: #"{"name":"c.s.t","logical_database_name":"d","spec":{}}"#,
            desired: #"{"name":"c.s.t","logical_database_name":"d","spec":{}}"#,
            live: #"{"name":"c.s.t","spec":{},"effective_logical_database_name":"d"}"#,
            path: "logical_database_name", action: .skip, reason: "spec:input_only"),
        Row(name: "permissions changed", kind: .instancePermissions,
            saved: #"{"object_id":"/database-instances/db","__embed__":[{"level":"CAN_USE","group_name":"a"}]}"#,
            desired: #"{"object_id":"/database-instances/db","__embed__":[{"level":"CAN_MANAGE","group_name":"a"}]}"#,
            live: #"{"object_id":"/database-instances/db","__embed__":[{"level":"CAN_USE","group_name":"a"}]}"#,
            path: "__embed__[0].level", action: .update, reason: nil),
    ]

    @Test(arguments: rows) func ladder(_ row: Row) throws {
        let rules = row.kind.rules
        let changes = ChangeClassifier(rules: rules)
            .changes(saved: F.json(row.saved), desired: F.json(row.desired), remote: rules.remoteState(of: F.json(row.live)))
        let change = try #require(changes.first { $0.path.description == row.path }, "no change at \(row.path): \(changes.map(\.path))")
        #expect(change.action == row.action)
        #expect(change.reason == row.reason)
    }

    @Test func outputOnlyFieldsAreNotCompared() {
        let rules = NodeKind.databaseInstance.rules
        let live = F.json(#"{"name":"db","capacity":"CU_1","uid":"u","state":"AVAILABLE","read_write_dns":"h"}"#)
        let desired = F.json(#"{"name":"db","capacity":"CU_1"}"#)
        #expect(ChangeClassifier(rules: rules).changes(saved: desired, desired: desired, remote: rules.remoteState(of: live)) == [])
    }
}
