extension YAMLNode {
    /// A plain string scalar node.
    public static func string(_ text: String, at location: SourceLocation) -> YAMLNode {
        YAMLNode(.scalar(YAMLScalar(value: text, style: .doubleQuoted)), at: location)
    }

    /// A null node.
    public static func null(at location: SourceLocation) -> YAMLNode {
        YAMLNode(.scalar(YAMLScalar(value: "", style: .plain, tag: YAMLTag.null)), at: location)
    }

    /// The scalar, if this node is one.
    public var scalar: YAMLScalar? {
        if case .scalar(let s) = kind { return s }
        return nil
    }

    /// The pairs, if this node is a mapping.
    public var pairs: [YAMLPair]? {
        if case .mapping(let p) = kind { return p }
        return nil
    }

    /// The items, if this node is a sequence.
    public var items: [YAMLNode]? {
        if case .sequence(let s) = kind { return s }
        return nil
    }

    /// The typed value of a scalar node, nil for collections.
    public var scalarValue: ScalarValue? { scalar?.resolved }

    /// The text of a node that resolves to a string, nil otherwise.
    public var stringValue: String? {
        if case .string(let s)? = scalarValue { return s }
        return nil
    }

    /// Whether this node is a null scalar.
    public var isNull: Bool { scalarValue == .null }

    /// The value under `key` in a mapping node.
    public subscript(key: String) -> YAMLNode? {
        pairs?.last(where: { $0.key == key })?.value
    }

    /// The pair under `key` in a mapping node.
    public func pair(_ key: String) -> YAMLPair? {
        pairs?.last(where: { $0.key == key })
    }

    /// A short name of the node's kind for messages: `map`, `sequence`, or the scalar's kind.
    public var kindName: String {
        switch kind {
        case .mapping: "map"
        case .sequence: "sequence"
        case .scalar(let s): s.resolved.kindName
        }
    }
}
