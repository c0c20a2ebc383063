/// A YAML value with the location where it was written: a scalar, a sequence or a mapping (ordered pairs).
public struct YAMLNode: Hashable, Sendable {
    /// The shape of a node.
    public indirect enum Kind: Hashable, Sendable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    /// The node's content.
    public var kind: Kind
    /// Where the node starts in its source file.
    public var location: SourceLocation

    /// Creates a node.
    public init(_ kind: Kind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }
}

/// One `key: value` entry of a mapping; the key is always a scalar.
public struct YAMLPair: Hashable, Sendable {
    /// The key's text.
    public var key: String
    /// Where the key was written.
    public var keyLocation: SourceLocation
    /// The value.
    public var value: YAMLNode

    /// Creates a pair.
    public init(key: String, keyLocation: SourceLocation, value: YAMLNode) {
        self.key = key
        self.keyLocation = keyLocation
        self.value = value
    }
}
