/// A piece of a string value: literal text or one `${path}` reference.
public enum ReferenceToken: Hashable, Sendable {
    case literal(String)
    case reference(ReferencePath)
}

/// A parsed `${...}` path such as `var.storage.catalog` or `resources.database_instances.db.name`.
public struct ReferencePath: Hashable, Sendable, CustomStringConvertible {
    /// Path segments; an index is its own segment written `[n]`.
    public var segments: [String]

    /// Creates a path.
    public init(_ segments: [String]) { self.segments = segments }

    /// `${a.b[0].c}`, the reference as the user writes it.
    public var description: String { "${\(dotted)}" }

    /// `a.b[0].c`.
    public var dotted: String {
        var out = ""
        for segment in segments {
            if segment.hasPrefix("[") || out.isEmpty { out += segment } else { out += "." + segment }
        }
        return out
    }

    /// The same path with the `var.` shorthand expanded to `variables.<name>.value`.
    public var expandingVarAlias: ReferencePath {
        guard segments.first == "var", segments.count >= 2 else { return self }
        return ReferencePath(["variables", segments[1], "value"] + segments.dropFirst(2))
    }

    /// Whether the path points into `resources`.
    public var isResourceReference: Bool { segments.first == "resources" }
}
