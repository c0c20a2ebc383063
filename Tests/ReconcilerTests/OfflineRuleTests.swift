import Testing
@testable import ManifestModel

@Suite struct OfflineRuleTests {
    private func load(_ resources: String) throws -> LoadResult {
        try TemporaryBundle(["databricks.yml": "bundle: {name: o}\nresources:\n" + resources]).load()
    }

    @Test(arguments: [
        ("my_db", "invalid database instance name 'my_db': underscores are rejected by the platform"),
        (String(repeating: "a", count: 64), "use 1-63 letters, digits and hyphens"),
        ("db.1", "use 1-63 letters, digits and hyphens"),
    ])
    func invalidInstanceNames(name: String, message: String) throws {
        let result = try load("  database_instances:\n    db: {name: \"\(name)\", capacity: CU_1}\n")
        #expect(result.messages().contains { $0.hasPrefix("databricks.yml:4:16: ") && $0.contains(message) })
    }

    @Test(arguments: ["orders-db", "db1", "A", String(repeating: "a", count: 63)])
    func validInstanceNames(name: String) throws {
        #expect(try load("  database_instances:\n    db: {name: \"\(name)\", capacity: CU_1}\n").messages() == [])
    }

    @Test(arguments: [
        ("retention_window_in_days: 1", "retention_window_in_days is 1; it must be between 2 and 35"),
        ("retention_window_in_days: 36", "retention_window_in_days is 36; it must be between 2 and 35"),
        ("node_count: 0", "node_count is 0; it must be at least 1"),
        ("permissions: [{level: CAN_USE}]", "permission entry names no principal"),
        ("permissions: [{level: CAN_USE, user_name: a, group_name: b}]", "permission entry names several principals"),
    ])
    func instanceRanges(field: String, message: String) throws {
        let result = try load("  database_instances:\n    db: {name: db, capacity: CU_1, \(field)}\n")
        #expect(result.messages().contains { $0.contains(message) })
    }

    @Test(arguments: ["retention_window_in_days: 2", "retention_window_in_days: 35", "node_count: 1"])
    func instanceRangeBoundsAreAccepted(field: String) throws {
        #expect(try load("  database_instances:\n    db: {name: db, capacity: CU_1, \(field)}\n").messages() == [])
    }

    static func table(name: String = "c.s.t", spec: String) -> String {
        "  synced_database_tables:\n    t:\n      name: \(name)\n      spec: {source_table_full_name: a.b.c, \(spec)}\n"
    }

    @Test(arguments: [
        (table(name: "c.t", spec: "primary_key_columns: [id]"), "databricks.yml:5:13: synced table name 'c.t' must have three parts"),
        (table(name: "c..t", spec: "primary_key_columns: [id]"), "synced table name 'c..t' must have three parts"),
        (table(spec: "primary_key_columns: []"), "primary_key_columns is empty"),
        (table(spec: "scheduling_policy: SNAPSHOT"), "required field 'primary_key_columns' is not set"),
        (table(spec: "primary_key_columns: [id], existing_pipeline_id: p, new_pipeline_spec: {storage_catalog: m}"),
         "existing_pipeline_id and new_pipeline_spec are mutually exclusive"),
        (table(spec: "primary_key_columns: [id], scheduling_policy: SOMETIMES"), "invalid value 'SOMETIMES' for scheduling_policy"),
        (table(spec: "primary_key_columns: [id], type_overrides: [{column_name: v, pg_type: VECTOR}]"), "invalid value 'VECTOR' for pg_type"),
        ("  synced_database_tables:\n    t:\n      name: c.s.t\n      spec: {source_table_full_name: a.b, primary_key_columns: [id]}\n",
         "source_table_full_name 'a.b' must have three parts"),
    ])
    func syncedTableRules(resources: String, message: String) throws {
        let result = try load(resources)
        #expect(result.messages().contains { $0.contains(message) })
    }

    @Test func unresolvedNamesAreCheckedLater() throws {
        let result = try load("""
          database_instances:
            db: {name: "${workspace.current_user.short_name}", capacity: CU_1}
        """)
        #expect(result.messages() == [])
    }
}
