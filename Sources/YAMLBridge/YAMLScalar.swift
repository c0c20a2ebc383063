/// How a scalar was written in the source.
public enum ScalarStyle: String, Sendable, Hashable {
    case plain, singleQuoted, doubleQuoted, literal, folded
}

/// A scalar exactly as written: its text, its style and its explicit tag (if any).
public struct YAMLScalar: Hashable, Sendable {
    /// The scalar's text after YAML unescaping/folding.
    public var value: String
    /// How the scalar was written.
    public var style: ScalarStyle
    /// The explicit tag in long form (`tag:yaml.org,2002:str`), or nil when the scalar carries none.
    public var tag: String?

    /// Creates a scalar.
    public init(value: String, style: ScalarStyle = .plain, tag: String? = nil) {
        self.value = value
        self.style = style
        self.tag = tag
    }
}

/// The standard YAML tags in their long form.
public enum YAMLTag {
    /// `!!str`
    public static let string = "tag:yaml.org,2002:str"
    /// `!!int`
    public static let int = "tag:yaml.org,2002:int"
    /// `!!float`
    public static let float = "tag:yaml.org,2002:float"
    /// `!!bool`
    public static let bool = "tag:yaml.org,2002:bool"
    /// `!!null`
    public static let null = "tag:yaml.org,2002:null"
    /// `!!merge`
    public static let merge = "tag:yaml.org,2002:merge"
    /// `!!timestamp` (read as text)
    public static let timestamp = "tag:yaml.org,2002:timestamp"
    /// `!!binary` (read as text)
    public static let binary = "tag:yaml.org,2002:binary"
    /// `!!map`
    public static let map = "tag:yaml.org,2002:map"
    /// `!!seq`
    public static let seq = "tag:yaml.org,2002:seq"
    /// The non-specific tag `!`, which makes a scalar a string.
    public static let nonSpecific = "!"
}
