/// A table of the emulated lakehouse (Unity Catalog) that synced tables read from.
struct SourceTable: Codable, Sendable, Equatable {
    var catalog: String
    var schema: String
    var name: String
    var tableType: String
    var columns: [SourceColumn]
    var primaryKey: [String]
    var properties: [String: String]
    var rowCount: Int
    /// For a view: its query, in PostgreSQL, over tables of the same catalog (`SELECT * FROM demo.orders_cdf`).
    var definition: String? = nil
    /// A CSV file (with a header line) holding the rows, instead of generated ones.
    var csvPath: String? = nil

    /// `catalog.schema.name`.
    var fullName: String { "\(catalog).\(schema).\(name)" }

    /// Whether change data feed is on (`delta.enableChangeDataFeed=true`).
    var changeDataFeedEnabled: Bool { properties["delta.enableChangeDataFeed"]?.lowercased() == "true" }

    /// Whether the table is a view of some kind (no Delta history, so snapshot sync only).
    var isView: Bool { tableType == "VIEW" || tableType == "METRIC_VIEW" }
}

/// A column of a source table, typed with a Databricks SQL type (`BIGINT`, `DECIMAL(10,2)`, …).
struct SourceColumn: Codable, Sendable, Equatable {
    var name: String
    var type: DatabricksType
    var nullable: Bool
}
