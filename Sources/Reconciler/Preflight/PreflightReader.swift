import Providers
import JSONCore

/// Reads the facts preflight needs: the sources of the synced tables being created (UC tables API), the
/// workspace's instances, and their synced tables.
public struct PreflightReader: Sendable {
    let sources: SourceTables
    let listing: InstanceListing

    /// A reader over `workspace`; `sources` shares source table reads with the advisor, `listing` may already be
    /// under way.
    public init(workspace: any LakebaseWorkspace, sources: SourceTables? = nil, listing: InstanceListing? = nil) {
        self.sources = sources ?? SourceTables(workspace: workspace)
        self.listing = listing ?? InstanceListing(workspace: workspace)
    }

    /// The facts for `plan`, or the first API failure. Sources and instances are read at once, then every
    /// instance's synced tables at once; a plan that creates no instance and no synced table lists nothing.
    public func facts(for plan: Plan) async throws(APIError) -> PreflightFacts {
        var facts = PreflightFacts()
        let creating = plan.entries.filter { $0.action == .create || $0.action == .recreate }
        let names = Set(creating.compactMap { entry in
            entry.key.kind.behaviour.syncedTable?.spec(entry.newState)?["source_table_full_name"]?.stringValue
        }).sorted()
        // The workspace-wide limits and shared pipelines only matter for instances and synced tables being created.
        let creates = creating.contains { $0.key.kind.behaviour.syncedTable != nil || $0.key.kind == .databaseInstance }
        let listing = listing, sources = sources
        async let listed = creates ? listing.allInstances() : .success([])
        let tables = await Concurrently.map(names) { name in await sources.table(name) }
        for name in names {
            let table = try (tables[name] ?? .success(nil)).get()
            facts.sources.updateValue(table.map(PreflightFacts.Source.init(tableInfo:)), forKey: name)
        }
        let instances = try await listed.get().compactMap { $0["name"]?.stringValue }
        facts.liveInstances = Set(instances)
        let synced = await Concurrently.map(instances) { name in await listing.syncedTables(of: name) }
        for instance in instances.sorted() {
            let listed: [JSONValue]
            switch synced[instance] ?? .success([]) {
            case .success(let tables): listed = tables
            case .failure(let error) where error.kind == .notImplemented:
                // The platform documents this list as not implemented yet: the limits then count the bundle only.
                facts.syncedTablesListed = false
                continue
            case .failure(let error): throw error
            }
            for table in listed {
                guard let tableName = table["name"]?.stringValue, let source = table["spec"]?["source_table_full_name"]?.stringValue else { continue }
                facts.liveSyncedTables[tableName] = (source, table["data_synchronization_status"]?["pipeline_id"]?.stringValue,
                                                     table["spec"]?["scheduling_policy"]?.stringValue)
            }
        }
        return facts
    }
}
