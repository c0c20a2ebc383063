import JSONCore
import ManifestModel
import Testing
@testable import Reconciler

/// Planning the Autoscaling kinds: update masks, drift read from `status`, durations by value, state-only fields,
/// and a soft-deleted project in the way.
@Suite struct AutoscalingPlanningTests {
    typealias F = PlanningFixtures
    static let project = F.key(.postgresProjects, "shop")
    static let endpoint = F.key(.postgresEndpoints, "reader")

    struct MaskRow: Sendable, CustomTestStringConvertible {
        let name: String
        let saved: String
        let desired: String
        let mask: [String]
        var testDescription: String { name }
    }

    static let masks: [MaskRow] = [
        MaskRow(name: "one leaf", saved: #"{"project_id":"shop","display_name":"A"}"#,
                desired: #"{"project_id":"shop","display_name":"B"}"#, mask: ["display_name"]),
        MaskRow(name: "a nested leaf, not its parent", saved: #"{"project_id":"shop","default_endpoint_settings":{"autoscaling_limit_max_cu":2}}"#,
                desired: #"{"project_id":"shop","default_endpoint_settings":{"autoscaling_limit_max_cu":4}}"#,
                mask: ["default_endpoint_settings.autoscaling_limit_max_cu"]),
        MaskRow(name: "a map as a whole", saved: #"{"project_id":"shop","default_endpoint_settings":{"pg_settings":{"a":"1"}}}"#,
                desired: #"{"project_id":"shop","default_endpoint_settings":{"pg_settings":{"a":"2","b":"3"}}}"#,
                mask: ["default_endpoint_settings.pg_settings"]),
        MaskRow(name: "a list as a whole", saved: #"{"project_id":"shop","custom_tags":[{"key":"a","value":"1"}]}"#,
                desired: #"{"project_id":"shop","custom_tags":[{"key":"a","value":"2"}]}"#, mask: ["custom_tags"]),
        MaskRow(name: "state-only fields are never sent", saved: #"{"project_id":"shop"}"#,
                desired: #"{"project_id":"shop","purge_on_delete":true}"#, mask: []),
    ]

    @Test(arguments: masks) func updateMasks(_ row: MaskRow) throws {
        var scenario = F.Scenario()
        scenario.want(Self.project, row.desired)
        scenario.state.set(Self.project.stateKey, .init(id: "projects/shop", state: F.json(row.saved), dependsOn: []))
        scenario.remote(Self.project, #"{"name":"projects/shop","project_id":"shop","status":{}}"#)
        let entry = try #require(try scenario.plan().entries.first)
        #expect(entry.action == .update)
        #expect(UpdateMask.paths(of: entry.changes, kind: Self.project.kind) == row.mask)
    }

    @Test func driftIsReadFromStatusAndServerDefaultsAreNotDrift() throws {
        var scenario = F.Scenario()
        let saved = #"{"parent":"projects/shop/branches/production","endpoint_id":"reader","endpoint_type":"ENDPOINT_TYPE_READ_ONLY","autoscaling_limit_max_cu":2}"#
        scenario.want(Self.endpoint, saved)
        scenario.state.set(Self.endpoint.stateKey, .init(id: "projects/shop/branches/production/endpoints/reader", state: F.json(saved), dependsOn: []))
        scenario.remote(Self.endpoint, #"{"name":"projects/shop/branches/production/endpoints/reader","parent":"projects/shop/branches/production","endpoint_id":"reader","status":{"endpoint_type":"ENDPOINT_TYPE_READ_ONLY","autoscaling_limit_min_cu":1,"autoscaling_limit_max_cu":8,"suspend_timeout_duration":"86400s","current_state":"ACTIVE"}}"#)
        let entry = try #require(try scenario.plan().entries.first)
        #expect(entry.action == .update)
        let drift = try #require(entry.changes.first { $0.path.description == "autoscaling_limit_max_cu" })
        #expect(drift.reason == "remote_drift")
        #expect(entry.changes.first { $0.path.description == "autoscaling_limit_min_cu" }?.reason == "backend_default")
        #expect(UpdateMask.paths(of: entry.changes, kind: Self.endpoint.kind) == ["autoscaling_limit_max_cu"])
    }

    @Test func aSoftDeletedProjectInTheWayNamesBothWaysOut() {
        var scenario = F.Scenario()
        scenario.want(Self.project, #"{"project_id":"shop"}"#)
        scenario.remote(Self.project, #"{"name":"projects/shop","project_id":"shop","delete_time":"2026-12-01T10:00:00Z","purge_time":"2026-12-08T10:00:00Z","status":{}}"#)
        let message = scenario.errors().joined()
        #expect(message.contains("was deleted at 2026-12-01T10:00:00Z and its id stays reserved until 2026-12-08T10:00:00Z"))
        #expect(message.contains("/undelete"))
        #expect(message.contains("purge=true"))
    }

    @Test(arguments: [("300s", "300s"), ("300.0s", "300s"), ("1.5s", "1.5s")])
    func durationsAreNormalizedSoEqualValuesCompareEqual(written: String, normalized: String) throws {
        let bundle = try TemporaryBundle(["databricks.yml": "bundle: {name: d}\nresources:\n  postgres_projects:\n    p: {project_id: p, history_retention_duration: \"\(written)\"}\n"])
        let resource = try #require(bundle.load().resource(.postgresProjects, "p"))
        #expect(resource.node["history_retention_duration"]?.stringValue == normalized)
    }

    @Test func aDurationWithoutSecondsIsALocatedError() throws {
        let bundle = try TemporaryBundle(["databricks.yml": "bundle: {name: d}\nresources:\n  postgres_projects:\n    p: {project_id: p, history_retention_duration: 7d}\n"])
        #expect(bundle.load().messages() == ["databricks.yml:4:52: invalid duration '7d' for history_retention_duration"])
    }
}
