import Providers
import JSONCore

/// The workspace's database instances and each one's synced tables, listed at most once per command. Preflight
/// reads them after planning; `plan` starts the listing as soon as the state shows that instances or synced tables
/// will be created, so that it arrives with the plan's own reads instead of after them.
public actor InstanceListing {
    let workspace: any LakebaseWorkspace
    private var instances = SharedCalls<Bool, [JSONValue]>()
    private var syncedTables = SharedCalls<String, [JSONValue]>()

    /// Lists through `workspace`.
    public init(workspace: any LakebaseWorkspace) { self.workspace = workspace }

    /// Every instance (listed once).
    public func allInstances() async -> Result<[JSONValue], APIError> {
        let workspace = workspace
        return await instances.call(true) { () throws(APIError) in try await workspace.listInstances() }.value
    }

    /// The synced tables of `instance` (listed once).
    public func syncedTables(of instance: String) async -> Result<[JSONValue], APIError> {
        let workspace = workspace
        return await syncedTables.call(instance) { () throws(APIError) in
            try await workspace.listSyncedTables(instance: instance)
        }.value
    }

    /// Starts listing the instances, then each one's synced tables, without waiting.
    public nonisolated func prefetch() {
        Task {
            guard case .success(let listed) = await self.allInstances() else { return }
            for name in listed.compactMap({ $0["name"]?.stringValue }) {
                Task { _ = await self.syncedTables(of: name) }
            }
        }
    }
}
