import ManifestModel
import Providers
import JSONCore

/// Reads started before they are asked for. `plan` starts reading every configured resource by its configured id
/// as soon as the bundle is loaded, while the identity and the state file are still being fetched; the live
/// snapshot then takes each answer instead of asking again. An answer is taken at most once. A read nobody takes
/// (the state names another id for that resource) cost one GET and nothing else.
public actor ReadAhead {
    private let workspace: any LakebaseWorkspace
    private var reads = SharedCalls<ReadKey, JSONValue?>()

    /// Reads through `workspace`.
    public init(workspace: any LakebaseWorkspace) { self.workspace = workspace }

    /// Starts reading each node whose configured id holds no reference (at most once per kind and id).
    public func start(_ nodes: [DesiredNode]) {
        let workspace = workspace
        for node in nodes {
            guard let id = LiveReader.configuredID(node), !ReferenceScanner.containsReference(id) else { continue }
            let key = ReadKey(kind: node.key.kind, id: id)
            _ = reads.call(key) { () throws(APIError) in try await workspace.read(key.kind, id: key.id) }
        }
    }

    /// The answer to a read started ahead of `kind` `id`, removing it; nil when none was started.
    public func take(_ kind: NodeKind, id: String) async -> Result<JSONValue?, APIError>? {
        guard let read = reads.take(ReadKey(kind: kind, id: id)) else { return nil }
        return await read.value
    }

    /// How many reads started ahead are still untaken.
    public var untaken: Int { reads.count }

    private struct ReadKey: Hashable, Sendable {
        let kind: NodeKind
        let id: String
    }
}
