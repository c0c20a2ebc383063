import Foundation

/// A Databricks SQL column type, with its Unity Catalog `type_name` and the PostgreSQL type a synced table uses.
struct DatabricksType: Codable, Sendable, Equatable {
    /// The type as written, upper-cased (`DECIMAL(10,2)`, `ARRAY<STRING>`).
    let text: String

    /// The accepted base type names and their UC `type_name`.
    static let typeNames: [String: String] = [
        "BOOLEAN": "BOOLEAN", "TINYINT": "BYTE", "BYTE": "BYTE", "SMALLINT": "SHORT", "SHORT": "SHORT",
        "INT": "INT", "INTEGER": "INT", "BIGINT": "LONG", "LONG": "LONG", "FLOAT": "FLOAT", "REAL": "FLOAT",
        "DOUBLE": "DOUBLE", "DECIMAL": "DECIMAL", "DEC": "DECIMAL", "NUMERIC": "DECIMAL", "STRING": "STRING",
        "VARCHAR": "STRING", "CHAR": "CHAR", "BINARY": "BINARY", "DATE": "DATE", "TIMESTAMP": "TIMESTAMP",
        "TIMESTAMP_NTZ": "TIMESTAMP_NTZ", "ARRAY": "ARRAY", "MAP": "MAP", "STRUCT": "STRUCT", "VARIANT": "VARIANT",
    ]

    /// Parses a type; nil when the base name is unknown.
    init?(_ text: String) {
        let normalized = text.trimmingCharacters(in: .whitespaces).uppercased()
        let base = normalized.prefix { $0.isLetter || $0 == "_" }
        guard Self.typeNames[String(base)] != nil else { return nil }
        self.text = normalized
    }

    /// The base name (`DECIMAL` of `DECIMAL(10,2)`).
    var baseName: String { String(text.prefix { $0.isLetter || $0 == "_" }) }

    /// Unity Catalog's `type_name`.
    var unityCatalogName: String { Self.typeNames[baseName] ?? "STRING" }

    /// Unity Catalog's `type_text` (lower case, e.g. `decimal(10,2)`, `bigint`).
    var unityCatalogText: String { text.lowercased() }

    /// The PostgreSQL column type a synced table gets for this type.
    var postgresType: String {
        switch unityCatalogName {
        case "BOOLEAN": return "boolean"
        case "BYTE", "SHORT": return "smallint"
        case "INT": return "integer"
        case "LONG": return "bigint"
        case "FLOAT": return "real"
        case "DOUBLE": return "double precision"
        case "DECIMAL":
            let arguments = text.drop { $0 != "(" }
            return arguments.isEmpty ? "numeric(10,0)" : "numeric" + arguments
        case "DATE": return "date"
        case "TIMESTAMP": return "timestamp with time zone"
        case "TIMESTAMP_NTZ": return "timestamp without time zone"
        case "BINARY": return "bytea"
        case "ARRAY", "MAP", "STRUCT", "VARIANT": return "jsonb"
        default: return "text"
        }
    }
}
