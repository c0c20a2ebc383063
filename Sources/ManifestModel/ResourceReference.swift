import JSONCore
import YAMLBridge

/// When a `${resources.KIND.KEY.FIELD}` reference gets its value.
public enum ReferenceResolution: String, Sendable, Hashable, Codable {
    /// The field is set in the referenced resource's configuration: known at plan time.
    case config
    /// `.id` (the name, for Lakebase kinds): known at plan time when the resource keeps its id.
    case id
    /// A field only the server reports: read from the live resource when it is unchanged, else known after apply.
    case remote
}

/// A labelled dependency edge: this resource uses a field of another resource.
public struct ResourceReference: Sendable, Hashable {
    /// The resource referred to.
    public var target: ResourceKey
    /// The referenced field path inside the target (`name`, `data_synchronization_status.pipeline_id`).
    public var field: [String]
    /// The reference as written, `${resources.database_instances.db.name}`; the edge label.
    public var label: String
    /// When its value is known.
    public var resolution: ReferenceResolution
    /// Where the reference was written.
    public var location: SourceLocation
    /// The field of the referring resource that holds it, e.g. `database_instance_name`.
    public var fieldPath: String
}
