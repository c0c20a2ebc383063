import ManifestModel
import Providers
import JSONCore

extension DeploymentSession {
    /// Why `bind` or `unbind` cannot proceed.
    public struct BindingError: Error, Sendable, CustomStringConvertible {
        /// What is wrong and what to do.
        public let description: String
    }

    /// The state entry that makes the bundle manage an existing resource: its id, the live values of the fields the
    /// bundle sets as the last applied state (so the next plan shows exactly what apply would change), its edges.
    public func bindingEntry(_ key: ResourceKey, name: String, state: DeploymentState) async throws(BindingError) -> DeploymentState.Entry {
        guard let node = desiredNodes.first(where: { $0.key == NodeKey(key) }) else {
            let keys = bundle.resources.filter { $0.key.kind == key.kind }.map(\.key.name)
            throw BindingError(description: "\(key.stateKey) is not defined in the bundle" + Suggestion.phrase(for: key.name, among: keys))
        }
        if let saved = state.entry(key.stateKey), !saved.id.isEmpty {
            throw BindingError(description: "\(key.stateKey) is already bound to \(saved.id); run `reconcile unbind \(key.planLabel)` first")
        }
        let kind = NodeKind(key.kind)
        let live: JSONValue?
        do {
            live = try await workspace.read(kind, id: name)
        } catch {
            throw BindingError(description: "cannot read \(name): \(error.description)")
        }
        guard let live else {
            throw BindingError(description: "no \(key.kind.words) named \(name) exists in the workspace")
        }
        let edges = node.dependsOn + ImplicitEdges.edges(of: node, among: desiredNodes)
        let recorded = Self.restricted(kind.behaviour.remote(live), to: node.value) ?? .object([:])
        return DeploymentState.Entry(id: name, state: recorded, dependsOn: edges)
    }

    /// `value` with only the object keys `shape` has, at every depth (lists are kept whole).
    static func restricted(_ value: JSONValue?, to shape: JSONValue) -> JSONValue? {
        guard case .object(let object)? = value, case .object(let wanted) = shape else { return value }
        var kept = JSONObject()
        for (key, inner) in wanted {
            if let restricted = restricted(object[key], to: inner) { kept[key] = restricted }
        }
        return .object(kept)
    }
}
