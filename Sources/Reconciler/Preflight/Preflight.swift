import ManifestModel
import JSONCore
import YAMLBridge

/// Plan-time checks of what the platform would only refuse mid-apply, or hours later in a failed pipeline
/// (issue 7): for every synced table being created or recreated — its source exists, its sync mode suits the
/// source (views, change data feed), its key columns exist — and the workspace limits. Pure: facts are read
/// before. Diagnostics point at the manifest field to change.
public enum Preflight {
    /// The platform's limits.
    public static let syncedTablesPerSource = 20
    /// Database instances per workspace.
    public static let instancesPerWorkspace = 10

    /// Every finding, errors and warnings, at the field to fix.
    public static func check(bundle: ManifestModel.Bundle, plan: Plan, facts: PreflightFacts) -> Diagnostics {
        var found = Diagnostics()
        for entry in plan.entries where entry.action == .create || entry.action == .recreate {
            guard let fields = entry.key.kind.behaviour.syncedTable, let resource = bundle.resource(entry.key.resource),
                  let value = entry.newState else { continue }
            checkSyncedTable(resource, value: value, fields: fields, facts: facts, into: &found)
        }
        checkSourceLimits(bundle: bundle, plan: plan, facts: facts, into: &found)
        checkInstanceLimit(bundle: bundle, plan: plan, facts: facts, into: &found)
        checkSharedPipelines(bundle: bundle, plan: plan, facts: facts, into: &found)
        return found
    }

    /// Where a field of a resource is written (the resource key when the field is not).
    public static func location(_ resource: Resource, _ path: [String]) -> SourceLocation {
        var node: YAMLNode? = resource.node
        for step in path { node = node?[step] }
        return node?.location ?? resource.location
    }

    private static func checkSyncedTable(_ resource: Resource, value: JSONValue, fields: SyncedTableFields, facts: PreflightFacts,
                                         into found: inout Diagnostics) {
        let key = resource.key.stateKey
        let spec = fields.spec(value)
        guard let sourceName = spec?["source_table_full_name"]?.stringValue else { return }
        let policy = spec?["scheduling_policy"]?.stringValue ?? "SNAPSHOT"
        let sourceAt = location(resource, fields.path("source_table_full_name"))
        let policyAt = location(resource, fields.path("scheduling_policy"))
        guard let known = facts.sources[sourceName], let source = known else {
            found.error("source table \(sourceName) does not exist",
                        detail: "create it, or fix \(fields.dotted("source_table_full_name")) (catalog.schema.table); the platform would fail the create with TABLE_DOES_NOT_EXIST",
                        at: sourceAt, path: "\(key).\(fields.dotted("source_table_full_name"))")
            return
        }
        let incremental = policy == "TRIGGERED" || policy == "CONTINUOUS"
        if incremental, source.tableType == "VIEW" || source.tableType == "METRIC_VIEW" {
            found.error("\(sourceName) is a \(source.tableType); views can only be synced with scheduling_policy: SNAPSHOT",
                        detail: "a view has no change data feed, which \(policy) sync reads; use SNAPSHOT, or sync the table behind the view",
                        at: policyAt, path: "\(key).\(fields.dotted("scheduling_policy"))")
        } else if incremental, source.tableType == "MATERIALIZED_VIEW" {
            found.warning("\(sourceName) is a MATERIALIZED_VIEW; \(policy) sync of a materialized view recomputes often and may fall back to full copies",
                          detail: "consider scheduling_policy: SNAPSHOT", at: policyAt, path: "\(key).\(fields.dotted("scheduling_policy"))")
        } else if incremental, !source.changeDataFeed {
            found.error("\(policy) sync needs change data feed on \(sourceName), which has delta.enableChangeDataFeed unset",
                        detail: "enable it: ALTER TABLE \(sourceName) SET TBLPROPERTIES (delta.enableChangeDataFeed = true), or use scheduling_policy: SNAPSHOT",
                        at: policyAt, path: "\(key).\(fields.dotted("scheduling_policy"))")
        }
        let keys = (spec?["primary_key_columns"]?.arrayValue ?? []).compactMap(\.stringValue)
        for (index, column) in keys.enumerated() where !source.columns.contains(column) {
            found.error("primary key column '\(column)' is not a column of \(sourceName)" + Suggestion.phrase(for: column, among: source.columns),
                        detail: "primary_key_columns must name columns of the source table",
                        at: itemLocation(resource, fields.path("primary_key_columns"), index), path: "\(key).\(fields.dotted("primary_key_columns"))[\(index)]")
        }
        if let timeseries = spec?["timeseries_key"]?.stringValue, !source.columns.contains(timeseries) {
            found.error("timeseries_key '\(timeseries)' is not a column of \(sourceName)" + Suggestion.phrase(for: timeseries, among: source.columns),
                        at: location(resource, fields.path("timeseries_key")), path: "\(key).\(fields.dotted("timeseries_key"))")
        }
        if !source.primaryKey.isEmpty, !keys.isEmpty, Set(source.primaryKey) != Set(keys), keys.allSatisfy(source.columns.contains) {
            found.warning("primary_key_columns [\(keys.joined(separator: ", "))] differ from the primary key of \(sourceName) [\(source.primaryKey.joined(separator: ", "))]",
                          detail: "rows that share the synced key but not the source key collapse into one",
                          at: location(resource, fields.path("primary_key_columns")), path: "\(key).\(fields.dotted("primary_key_columns"))")
        }
    }

    private static func itemLocation(_ resource: Resource, _ path: [String], _ index: Int) -> SourceLocation {
        var node: YAMLNode? = resource.node
        for step in path { node = node?[step] }
        if let items = node?.items, items.indices.contains(index) { return items[index].location }
        return node?.location ?? resource.location
    }

    /// At most 20 synced tables per source, counting the bundle's and the workspace's.
    private static func checkSourceLimits(bundle: ManifestModel.Bundle, plan: Plan, facts: PreflightFacts, into found: inout Diagnostics) {
        var bySource: [String: Set<String>] = [:]
        for (name, live) in facts.liveSyncedTables { bySource[live.source, default: []].insert(name) }
        var firstCreate: [String: Resource] = [:]
        var fieldsOf: [String: SyncedTableFields] = [:]
        for entry in plan.entries {
            guard let fields = entry.key.kind.behaviour.syncedTable else { continue }
            guard let source = fields.spec(entry.newState)?["source_table_full_name"]?.stringValue,
                  let name = fields.name(entry.newState) else {
                if entry.action == .delete, let id = entry.savedID, let live = facts.liveSyncedTables[id] { bySource[live.source]?.remove(id) }
                continue
            }
            if entry.savedID != nil, entry.savedID != name, let id = entry.savedID, let live = facts.liveSyncedTables[id] {
                bySource[live.source]?.remove(id)
            }
            bySource[source, default: []].insert(name)
            if entry.action == .create || entry.action == .recreate, firstCreate[source] == nil {
                firstCreate[source] = bundle.resource(entry.key.resource)
                fieldsOf[source] = fields
            }
        }
        for (source, tables) in bySource.sorted(by: { $0.key < $1.key }) where tables.count > syncedTablesPerSource {
            guard let resource = firstCreate[source], let fields = fieldsOf[source] else { continue }
            found.error("\(tables.count) synced tables would read \(source); the platform allows at most \(syncedTablesPerSource) per source table",
                        detail: "sync fewer tables from it (both Lakebase families count), or sync a copy of the source",
                        at: location(resource, fields.path("source_table_full_name")),
                        path: "\(resource.key.stateKey).\(fields.dotted("source_table_full_name"))")
        }
    }

    /// At most 10 instances per workspace: the live ones, plus those the plan creates, minus those it deletes.
    private static func checkInstanceLimit(bundle: ManifestModel.Bundle, plan: Plan, facts: PreflightFacts, into found: inout Diagnostics) {
        var instances = facts.liveInstances
        var created: Resource?
        for entry in plan.entries where entry.key.kind == .databaseInstance {
            let name = entry.newState?["name"]?.stringValue
            if entry.action == .delete || entry.action == .recreate, let old = entry.savedID, old != name { instances.remove(old) }
            if let name, entry.action != .delete {
                if !instances.contains(name), created == nil { created = bundle.resource(entry.key.resource) }
                instances.insert(name)
            }
        }
        guard instances.count > instancesPerWorkspace, let resource = created else { return }
        found.error("the workspace would hold \(instances.count) database instances; the platform allows at most \(instancesPerWorkspace)",
                    detail: "delete unused instances, or put several databases on one instance with database catalogs",
                    at: location(resource, ["name"]), path: "\(resource.key.stateKey).name")
    }

    /// Synced tables packed into one pipeline (`existing_pipeline_id`) must share its scheduling policy.
    private static func checkSharedPipelines(bundle: ManifestModel.Bundle, plan: Plan, facts: PreflightFacts, into found: inout Diagnostics) {
        for entry in plan.entries where entry.action == .create || entry.action == .recreate {
            guard let fields = entry.key.kind.behaviour.syncedTable, let resource = bundle.resource(entry.key.resource),
                  let spec = fields.spec(entry.newState), let pipeline = spec["existing_pipeline_id"]?.stringValue else { continue }
            let policy = spec["scheduling_policy"]?.stringValue ?? "SNAPSHOT"
            var ownerPolicy: String?
            var owner = pipeline
            if let reference = resource.references.first(where: { $0.fieldPath == fields.dotted("existing_pipeline_id") }),
               let target = plan.entry(NodeKey(reference.target)) {
                let targetFields = target.key.kind.behaviour.syncedTable ?? fields
                ownerPolicy = targetFields.spec(target.newState)?["scheduling_policy"]?.stringValue ?? "SNAPSHOT"
                owner = reference.target.planLabel
            } else if let live = facts.liveSyncedTables.values.first(where: { $0.pipelineID == pipeline }) {
                ownerPolicy = live.policy
            }
            if let ownerPolicy, ownerPolicy != policy {
                found.error("scheduling_policy \(policy) differs from \(ownerPolicy), the policy of the pipeline it joins (\(owner))",
                            detail: "tables sharing a pipeline through existing_pipeline_id must share its scheduling policy",
                            at: location(resource, fields.path("scheduling_policy")),
                            path: "\(resource.key.stateKey).\(fields.dotted("scheduling_policy"))")
            }
        }
    }
}
