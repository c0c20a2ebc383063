import ManifestModel
import Providers
import JSONCore

/// A read that failed while taking the live snapshot.
public struct LiveReadError: Error, Sendable, CustomStringConvertible {
    /// The node.
    public let key: NodeKey
    /// The API error.
    public let error: APIError
    /// `resources.…: <API error>`.
    public var description: String { "\(key.stateKey): \(error.description)" }
}

/// Reads what the workspace holds for every node, concurrently (the client bounds how many calls are in flight):
/// a node in state by its saved id, a configured node not in state by its configured name (to refuse adopting an
/// object the bundle does not own).
public struct LiveReader: Sendable {
    let workspace: any LakebaseWorkspace
    let readAhead: ReadAhead?

    /// A reader over `workspace` that first takes the answers of reads `readAhead` started.
    public init(workspace: any LakebaseWorkspace, readAhead: ReadAhead? = nil) {
        self.workspace = workspace
        self.readAhead = readAhead
    }

    /// The snapshot, or every read that failed. Failed reads of nodes about to be deleted only warn.
    public func snapshot(desired: [DesiredNode], state: DeploymentState) async -> (LiveSnapshot, errors: [LiveReadError], warnings: [LiveReadError]) {
        var targets: [(key: NodeKey, id: String, deleting: Bool)] = []
        let configured = Set(desired.map(\.key))
        for node in desired {
            if let saved = state.entry(node.key.stateKey), !saved.id.isEmpty {
                targets.append((node.key, saved.id, false))
            } else if let id = Self.configuredID(node), !ReferenceScanner.containsReference(id) {
                targets.append((node.key, id, false))
            }
        }
        for key in state.managedKeys where !configured.contains(key) {
            if let saved = state.entry(key.stateKey) { targets.append((key, saved.id, true)) }
        }
        let workspace = workspace
        let readAhead = readAhead
        var snapshot = LiveSnapshot()
        var errors: [LiveReadError] = []
        var warnings: [LiveReadError] = []
        let ids = Dictionary(targets.map { ($0.key, $0.id) }, uniquingKeysWith: { first, _ in first })
        let reads = await Concurrently.map(ids.keys) { key in
            let id = ids[key] ?? ""
            if let answer = await readAhead?.take(key.kind, id: id) { return answer }
            return await Concurrently.result { () throws(APIError) in try await workspace.read(key.kind, id: id) }
        }
        for target in targets {
            switch reads[target.key] {
            case .success(let value?)?: snapshot.reads[target.key.stateKey] = .found(value)
            case .success(nil)?, nil: snapshot.reads[target.key.stateKey] = .notFound
            case .failure(let error)?:
                let failure = LiveReadError(key: target.key, error: error)
                if target.deleting { warnings.append(failure) } else { errors.append(failure) }
            }
        }
        return (snapshot, errors.sorted { $0.key < $1.key }, warnings.sorted { $0.key < $1.key })
    }

    /// The id a configured node will have (by its kind's identity rule; permissions: the `object_id`).
    static func configuredID(_ node: DesiredNode) -> String? {
        node.key.kind.configuredID(in: node.value)
    }
}
