import ManifestModel
import Providers
import JSONCore

/// Unity Catalog tables read at most once per command, shared by preflight and the advisor.
public actor SourceTables {
    let workspace: any LakebaseWorkspace
    private var reads = SharedCalls<String, JSONValue?>()

    /// Reads through `workspace`.
    public init(workspace: any LakebaseWorkspace) { self.workspace = workspace }

    /// The table (nil when it does not exist), or the API error.
    public func table(_ fullName: String) async -> Result<JSONValue?, APIError> {
        let workspace = workspace
        return await reads.call(fullName) { () throws(APIError) in try await workspace.sourceTable(fullName) }.value
    }
}

extension SourceTables {
    /// Starts reading the sources the configured synced tables name literally, alongside the plan's own reads, so
    /// that preflight and the advisor find them read (both families: each synced-table kind says where its source is).
    public nonisolated func prefetch(_ nodes: [DesiredNode]) {
        let names = Set(nodes.compactMap { node in
            node.key.kind.behaviour.syncedTable?.spec(node.value)?["source_table_full_name"]?.stringValue
        }.filter { !ReferenceScanner.containsReference($0) })
        for name in names { Task { _ = await self.table(name) } }
    }
}
