import JSONCore
import YAMLBridge

/// One resource of the bundle after target merge, interpolation, normalization and reference resolution.
public struct Resource: Sendable {
    /// Kind and key.
    public var key: ResourceKey
    /// Where the key is written.
    public var location: SourceLocation
    /// The normalized value as written in the manifest (API fields plus `permissions` and `lifecycle`).
    /// References that could not be resolved yet stay as `${...}` strings.
    public var node: YAMLNode
    /// Whether `lifecycle.prevent_destroy` is set.
    public var preventDestroy: Bool
    /// The instance's permissions, including those the top-level `permissions` section adds.
    public var permissions: [Permission]
    /// The resources this one refers to, in the order written.
    public var references: [ResourceReference]

    /// The API body: the normalized value without `permissions` and `lifecycle`.
    public var config: JSONValue {
        var object = node.jsonValue.objectValue ?? JSONObject()
        for field in key.kind.schema.bundleOnly { object[field.name] = nil }
        return .object(object)
    }

    /// The resource's id (by its kind's identity rule), when it is set and resolved.
    public var resolvedID: String? {
        guard let id = idText, !ReferenceScanner.containsReference(id) else { return nil }
        return id
    }

    /// The resource's id as it stands (possibly with unresolved references), or nil when a field it needs is unset.
    /// Only the fields the id is made of are converted, not the whole body.
    public var idText: String? {
        let identity = key.kind.spec.identity
        let fields = JSONObject(identity.fields.compactMap { name in node[name].map { (name, $0.jsonValue) } })
        return identity.id(in: .object(fields))
    }
}
