import ManifestModel
import Providers
import YAMLBridge

/// Runs the same async work for many items at once; the client bounds how many calls are in flight.
public enum Concurrently {
    /// `body` of every item, by item.
    public static func map<Item: Hashable & Sendable, Value: Sendable>(
        _ items: some Sequence<Item>, _ body: @escaping @Sendable (Item) async -> Value
    ) async -> [Item: Value] {
        await withTaskGroup(of: Keyed<Item, Value>.self) { group in
            for item in items { group.addTask { Keyed(item: item, value: await body(item)) } }
            var results: [Item: Value] = [:]
            for await keyed in group { results[keyed.item] = keyed.value }
            return results
        }
    }

    /// A typed-throwing call as a `Result` (child tasks return values, never typed errors).
    public static func result<Value: Sendable>(_ body: () async throws(APIError) -> Value) async -> Result<Value, APIError> {
        do {
            return .success(try await body())
        } catch {
            return .failure(error)
        }
    }

    /// One item's value (a struct: tuple results out of a task group crashed the release build).
    struct Keyed<Item: Sendable, Value: Sendable>: Sendable {
        let item: Item
        let value: Value
    }
}

/// Unity Catalog tables read at most once per command, shared by preflight and the advisor.
public actor SourceTables {
    let workspace: any LakebaseWorkspace
    private var reads: [String: Task<Result<JSONValue?, APIError>, Never>] = [:]

    /// Reads through `workspace`.
    public init(workspace: any LakebaseWorkspace) { self.workspace = workspace }

    /// The table (nil when it does not exist), or the API error.
    public func table(_ fullName: String) async -> Result<JSONValue?, APIError> {
        if let read = reads[fullName] { return await read.value }
        let workspace = workspace
        let read = Task { await Concurrently.result { () throws(APIError) in try await workspace.sourceTable(fullName) } }
        reads[fullName] = read
        return await read.value
    }
}

extension SourceTables {
    /// Starts reading the sources the configured synced tables name literally, alongside the plan's own reads, so
    /// that preflight and the advisor find them read.
    public nonisolated func prefetch(_ nodes: [DesiredNode]) {
        let names = Set(nodes.filter { $0.key.kind == .syncedTable }
            .compactMap { $0.value["spec"]?["source_table_full_name"]?.stringValue }
            .filter { !ReferenceScanner.containsReference($0) })
        for name in names { Task { _ = await self.table(name) } }
    }
}
