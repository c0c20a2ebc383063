import JSONCore

extension SourceTable {
    /// The Unity Catalog TableInfo of this table.
    func tableInfo(owner: String) -> JSONValue {
        var info = JSONObject()
        info["name"] = .string(name)
        info["catalog_name"] = .string(catalog)
        info["schema_name"] = .string(schema)
        info["full_name"] = .string(fullName)
        info["table_type"] = .string(tableType)
        if !isView { info["data_source_format"] = .string("DELTA") }
        info["columns"] = .array(columns.enumerated().map { position, column in
            .object([
                "name": .string(column.name), "type_name": .string(column.type.unityCatalogName),
                "type_text": .string(column.type.unityCatalogText), "position": .int(Int64(position)),
                "nullable": .bool(column.nullable),
            ])
        })
        if !properties.isEmpty {
            info["properties"] = .object(JSONObject(properties.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))
        }
        if !primaryKey.isEmpty {
            info["table_constraints"] = .array([.object([
                "primary_key_constraint": .object([
                    "name": .string("\(name)_pk"), "child_columns": .array(primaryKey.map(JSONValue.string)),
                ])
            ])])
        }
        info["owner"] = .string(owner)
        info["table_id"] = .string(String(LocalAPI.stableHash(fullName), radix: 16))
        return .object(info)
    }
}
