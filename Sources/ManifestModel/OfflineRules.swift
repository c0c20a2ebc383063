import JSONCore
import YAMLBridge

/// Rules checked without a workspace (issue 2 §3): names the platform rejects, exclusive fields, ranges.
/// Values that still hold references are checked once they resolve (at plan time).
enum OfflineRules {
    static func check(_ resource: Resource, diagnostics: inout Diagnostics) {
        let node = resource.node
        let base = resource.key.stateKey
        switch resource.key.kind {
        case .databaseInstances:
            if let name = node["name"], let text = resolvedText(name) { checkInstanceName(text, node: name, path: "\(base).name", diagnostics: &diagnostics) }
            if let parent = node["parent_instance_ref"]?["name"], let text = resolvedText(parent) {
                checkInstanceName(text, node: parent, path: "\(base).parent_instance_ref.name", diagnostics: &diagnostics)
            }
            checkRange(node["retention_window_in_days"], 2...35, field: "retention_window_in_days", base: base, diagnostics: &diagnostics)
            checkRange(node["node_count"], 1...Int64.max, field: "node_count", base: base, diagnostics: &diagnostics)
            checkPermissions(node["permissions"], base: base, diagnostics: &diagnostics)
        case .databaseCatalogs:
            if let instance = node["database_instance_name"], let text = resolvedText(instance) {
                checkInstanceName(text, node: instance, path: "\(base).database_instance_name", diagnostics: &diagnostics)
            }
        case .syncedDatabaseTables:
            if let name = node["name"], let text = resolvedText(name) {
                checkThreeParts(text, node: name, what: "synced table name", example: "catalog.schema.table",
                                path: "\(base).name", diagnostics: &diagnostics)
            }
            guard let spec = node["spec"] else { return }
            if let source = spec["source_table_full_name"], let text = resolvedText(source) {
                checkThreeParts(text, node: source, what: "source_table_full_name", example: "samples.tpcds_sf1.customer",
                                path: "\(base).spec.source_table_full_name", diagnostics: &diagnostics)
            }
            if let existing = spec.pair("existing_pipeline_id"), spec["new_pipeline_spec"] != nil {
                diagnostics.error("existing_pipeline_id and new_pipeline_spec are mutually exclusive",
                                  detail: "keep existing_pipeline_id to share a pipeline, or new_pipeline_spec to create one",
                                  at: existing.keyLocation, path: "\(base).spec.existing_pipeline_id")
            }
            checkPrimaryKey(spec, resource: resource, diagnostics: &diagnostics)
        }
    }

    private static func resolvedText(_ node: YAMLNode) -> String? {
        guard let text = node.stringValue, !ReferenceScanner.containsReference(text) else { return nil }
        return text
    }

    private static func checkInstanceName(_ name: String, node: YAMLNode, path: String, diagnostics: inout Diagnostics) {
        let valid = (1...63).contains(name.count) && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        guard !valid else { return }
        let fixed = String(name.map { $0 == "_" ? "-" : $0 }.prefix(63))
        let why = name.contains("_") ? "underscores are rejected by the platform" : "use 1-63 letters, digits and hyphens"
        diagnostics.error("invalid database instance name '\(name)': \(why)",
                          detail: "instance names are 1-63 letters, digits and hyphens; for example '\(fixed)'",
                          at: node.location, path: path)
    }

    private static func checkThreeParts(_ text: String, node: YAMLNode, what: String, example: String, path: String,
                                        diagnostics: inout Diagnostics) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count != 3 || parts.contains(where: \.isEmpty) else { return }
        diagnostics.error("\(what) '\(text)' must have three parts: catalog.schema.table",
                          detail: "for example \(example)", at: node.location, path: path)
    }

    private static func checkRange(_ node: YAMLNode?, _ range: ClosedRange<Int64>, field: String, base: String,
                                   diagnostics: inout Diagnostics) {
        guard let node, case .int(let value)? = node.scalarValue, !range.contains(value) else { return }
        let bounds = range.upperBound == Int64.max ? "at least \(range.lowerBound)" : "between \(range.lowerBound) and \(range.upperBound)"
        diagnostics.error("\(field) is \(value); it must be \(bounds)", detail: "change \(field) to a value \(bounds)",
                          at: node.location, path: "\(base).\(field)")
    }

    private static func checkPrimaryKey(_ spec: YAMLNode, resource: Resource, diagnostics: inout Diagnostics) {
        let path = "\(resource.key.stateKey).spec.primary_key_columns"
        guard let columns = spec["primary_key_columns"] else {
            diagnostics.error("required field 'primary_key_columns' is not set",
                              detail: "synced tables upsert by primary key; add primary_key_columns: [<column>] under spec",
                              at: spec.location, path: path)
            return
        }
        if let items = columns.items, items.isEmpty {
            diagnostics.error("primary_key_columns is empty", detail: "list at least one column of the source table",
                              at: columns.location, path: path)
        }
    }

    private static func checkPermissions(_ node: YAMLNode?, base: String, diagnostics: inout Diagnostics) {
        for (index, entry) in (node?.items ?? []).enumerated() {
            let set = ResourceSchema.principalFields.filter { entry[$0] != nil }
            guard set.count != 1 else { continue }
            diagnostics.error(set.isEmpty ? "permission entry names no principal" : "permission entry names several principals (\(set.joined(separator: ", ")))",
                              detail: "set exactly one of user_name, group_name, service_principal_name",
                              at: entry.location, path: "\(base).permissions[\(index)]")
        }
    }
}
