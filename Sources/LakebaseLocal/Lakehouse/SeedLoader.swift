import Foundation
import JSONCore
import YAMLBridge

/// Reads a seed file: the lakehouse tables (`catalogs → schemas → tables`) that synced tables can read from.
///
/// ```yaml
/// catalogs:
///   main:
///     schemas:
///       demo:
///         tables:
///           orders_cdf:
///             table_type: MANAGED            # MANAGED, EXTERNAL, VIEW, MATERIALIZED_VIEW, …
///             properties: {delta.enableChangeDataFeed: "true"}
///             primary_key: [order_id]
///             rows: 10000
///             columns:
///               order_id: BIGINT NOT NULL    # or {type: BIGINT, nullable: false}
///               status: STRING
/// ```
enum SeedLoader {
    /// The table types Unity Catalog knows.
    static let tableTypes = [
        "MANAGED", "EXTERNAL", "VIEW", "MATERIALIZED_VIEW", "STREAMING_TABLE", "METRIC_VIEW", "FOREIGN",
        "MANAGED_SHALLOW_CLONE", "EXTERNAL_SHALLOW_CLONE",
    ]

    /// Loads the seed at `path`.
    static func load(path: String) throws -> [SourceTable] {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw LocalServerError("cannot read seed file \(path): \(error.localizedDescription)")
        }
        return try parse(text, file: path)
    }

    /// Parses seed text; errors name `file:line:col`.
    static func parse(_ text: String, file: String) throws -> [SourceTable] {
        let root: YAMLNode?
        do {
            root = try YAMLParser.parse(text, file: file)
        } catch {
            throw LocalServerError(error.description)
        }
        guard let root else { return [] }
        var tables: [SourceTable] = []
        for catalog in try mapping(root["catalogs"], at: root, field: "catalogs") {
            for schema in try mapping(catalog.value["schemas"], at: catalog.value, field: "schemas") {
                for table in try mapping(schema.value["tables"], at: schema.value, field: "tables") {
                    tables.append(try sourceTable(table, catalog: catalog.key, schema: schema.key, file: file))
                }
            }
        }
        return tables
    }

    private static func sourceTable(_ pair: YAMLPair, catalog: String, schema: String, file: String) throws -> SourceTable {
        let node = pair.value
        let tableType = node["table_type"]?.stringValue ?? "MANAGED"
        guard tableTypes.contains(tableType) else {
            throw problem(node["table_type"] ?? node, "unknown table_type '\(tableType)'; use one of \(tableTypes.joined(separator: ", "))")
        }
        var columns: [SourceColumn] = []
        for column in try mapping(node["columns"], at: node, field: "columns") {
            columns.append(try sourceColumn(column))
        }
        let primaryKey = try (node["primary_key"]?.items ?? []).map { item in
            guard let name = item.stringValue, columns.contains(where: { $0.name == name }) else {
                throw problem(item, "primary_key names a column the table does not have")
            }
            return name
        }
        var properties: [String: String] = [:]
        for property in node["properties"]?.pairs ?? [] {
            properties[property.key] = scalarText(property.value)
        }
        var rowCount = 0
        if let rows = node["rows"] {
            guard case .int(let count)? = rows.scalarValue, count >= 0 else {
                throw problem(rows, "rows must be a non-negative integer")
            }
            rowCount = Int(count)
        }
        let definition = node["definition"]?.stringValue
        if tableType == "VIEW" || tableType == "METRIC_VIEW", definition == nil {
            throw problem(node, "a \(tableType) needs 'definition': its query over tables of catalog \(catalog), e.g. SELECT * FROM \(schema).other_table")
        }
        var csvPath = node["csv"]?.stringValue
        if let relative = csvPath, !relative.hasPrefix("/") {
            csvPath = URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent(relative).path
        }
        return SourceTable(
            catalog: catalog, schema: schema, name: pair.key, tableType: tableType, columns: columns,
            primaryKey: primaryKey, properties: properties, rowCount: rowCount, definition: definition, csvPath: csvPath)
    }

    private static func sourceColumn(_ pair: YAMLPair) throws -> SourceColumn {
        var typeText = pair.value.stringValue ?? pair.value["type"]?.stringValue ?? ""
        var nullable = true
        if case .bool(let flag)? = pair.value["nullable"]?.scalarValue { nullable = flag }
        if typeText.uppercased().hasSuffix(" NOT NULL") {
            typeText = String(typeText.dropLast(" NOT NULL".count))
            nullable = false
        }
        guard let type = DatabricksType(typeText) else {
            throw problem(pair.value, "column '\(pair.key)' has unknown type '\(typeText)'; use a Databricks SQL type such as BIGINT, STRING, DECIMAL(10,2), TIMESTAMP")
        }
        return SourceColumn(name: pair.key, type: type, nullable: nullable)
    }

    private static func mapping(_ node: YAMLNode?, at parent: YAMLNode, field: String) throws -> [YAMLPair] {
        guard let node else { return [] }
        guard let pairs = node.pairs else { throw problem(node, "'\(field)' must be a mapping") }
        return pairs
    }

    private static func scalarText(_ node: YAMLNode) -> String {
        switch node.scalarValue {
        case .bool(let flag)?: return flag ? "true" : "false"
        case .int(let number)?: return String(number)
        case .float(let number)?: return String(number)
        case .string(let text)?: return text
        default: return ""
        }
    }

    private static func problem(_ node: YAMLNode, _ message: String) -> LocalServerError {
        LocalServerError("\(node.location): error: \(message)")
    }
}
