import Providers
import YAMLBridge

/// Reads the facts preflight needs: the sources of the synced tables being created (UC tables API), the
/// workspace's instances, and their synced tables.
public struct PreflightReader: Sendable {
    let workspace: any LakebaseWorkspace

    /// A reader over `workspace`.
    public init(workspace: any LakebaseWorkspace) { self.workspace = workspace }

    /// The facts for `plan`, or the first API failure.
    public func facts(for plan: Plan) async throws(APIError) -> PreflightFacts {
        var facts = PreflightFacts()
        let sources = Set(plan.entries.filter { $0.key.kind == .syncedTable && ($0.action == .create || $0.action == .recreate) }
            .compactMap { $0.newState?["spec"]?["source_table_full_name"]?.stringValue })
        for source in sources.sorted() {
            let table = try await workspace.sourceTable(source).map(PreflightFacts.Source.init(tableInfo:))
            facts.sources.updateValue(table, forKey: source)
        }
        for instance in try await workspace.listInstances() {
            guard let name = instance["name"]?.stringValue else { continue }
            facts.liveInstances.insert(name)
            for table in try await workspace.listSyncedTables(instance: name) {
                guard let tableName = table["name"]?.stringValue, let source = table["spec"]?["source_table_full_name"]?.stringValue else { continue }
                facts.liveSyncedTables[tableName] = (source, table["data_synchronization_status"]?["pipeline_id"]?.stringValue,
                                                     table["spec"]?["scheduling_policy"]?.stringValue)
            }
        }
        return facts
    }
}
