/// The typed value of a scalar under the YAML 1.2 core schema, as the Databricks CLI reads it.
public enum ScalarValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case float(Double)
    case string(String)

    /// A short name of the value's kind for messages: `string`, `int`, `float`, `bool`, `null`.
    public var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "bool"
        case .int: "int"
        case .float: "float"
        case .string: "string"
        }
    }
}
