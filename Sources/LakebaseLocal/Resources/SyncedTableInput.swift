/// The fields of a synced table create body, read and checked.
struct SyncedTableInput {
    static let policies = ["SNAPSHOT", "TRIGGERED", "CONTINUOUS"]
    static let pgTypes = ["PG_SPECIFIC_TYPE_VECTOR", "PG_SPECIFIC_TYPE_HALFVEC", "PG_SPECIFIC_TYPE_VARCHAR"]

    var name: String
    var databaseInstanceName: String?
    var logicalDatabaseName: String?
    var sourceTableFullName: String
    var primaryKeyColumns: [String]
    var schedulingPolicy: String
    var timeseriesKey: String?
    var typeOverrides: [TypeOverride]
    var existingPipelineID: String?
    var hasNewPipelineSpec: Bool
    var createDatabaseObjectsIfMissing: Bool

    init(_ body: BodyFields) throws(LocalAPIError) {
        name = try body.requiredString("name")
        guard name.split(separator: ".", omittingEmptySubsequences: false).count == 3,
            !name.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty)
        else {
            throw .invalidParameter("Synced table name '\(name)' must be a three-part name catalog.schema.table")
        }
        databaseInstanceName = try body.string("database_instance_name")
        logicalDatabaseName = try body.string("logical_database_name")
        guard let spec = try body.nested("spec") else { throw .invalidParameter("Field 'spec' is required") }
        sourceTableFullName = try spec.requiredString("source_table_full_name")
        primaryKeyColumns = try spec.stringArray("primary_key_columns") ?? []
        guard let policy = try spec.enumeration("scheduling_policy", allowed: Self.policies) else {
            throw .invalidParameter("Field 'spec.scheduling_policy' is required")
        }
        schedulingPolicy = policy
        timeseriesKey = try spec.string("timeseries_key")
        typeOverrides = try (spec.nestedArray("type_overrides") ?? []).map { (item: BodyFields) throws(LocalAPIError) in
            guard let pgType = try item.enumeration("pg_type", allowed: Self.pgTypes) else {
                throw .invalidParameter("Field '\(item.path("pg_type"))' is required")
            }
            return TypeOverride(columnName: try item.requiredString("column_name"), pgType: pgType, size: try item.int("size"))
        }
        existingPipelineID = try spec.string("existing_pipeline_id")
        hasNewPipelineSpec = try spec.nested("new_pipeline_spec") != nil
        if existingPipelineID != nil && hasNewPipelineSpec {
            throw .invalidParameter("At most one of 'spec.existing_pipeline_id' and 'spec.new_pipeline_spec' may be set")
        }
        createDatabaseObjectsIfMissing = try spec.bool("create_database_objects_if_missing") ?? false
    }
}
