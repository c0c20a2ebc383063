/// A Delta table synced into PostgreSQL (lakebase-api.md §5).
public struct SyncedDatabaseTable: Sendable, Hashable, Codable {
    /// Identifier: `catalog.schema.table` of the destination.
    public var name: String
    /// Input-only: required in a standard UC catalog.
    public var databaseInstanceName: String?
    /// Input-only: required in a standard UC catalog.
    public var logicalDatabaseName: String?
    /// What to sync and how.
    public var spec: SyncedTableSpec?
    /// Output: the UC entity's state (`PROVISIONING`, `ACTIVE`, ...).
    public var unityCatalogProvisioningState: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, spec
        case databaseInstanceName = "database_instance_name"
        case logicalDatabaseName = "logical_database_name"
        case unityCatalogProvisioningState = "unity_catalog_provisioning_state"
    }
}

/// The sync definition of a synced table (lakebase-api.md §5.2).
public struct SyncedTableSpec: Sendable, Hashable, Codable {
    /// Three-part UC name of the source table or view.
    public var sourceTableFullName: String?
    /// Upsert key in the destination.
    public var primaryKeyColumns: [String]?
    /// `SNAPSHOT`, `TRIGGERED` or `CONTINUOUS`.
    public var schedulingPolicy: String?
    /// Tie-break column for rows with the same key.
    public var timeseriesKey: String?
    /// Input-only: share an existing pipeline.
    public var existingPipelineId: String?
    /// Input-only: create a new pipeline.
    public var newPipelineSpec: NewPipelineSpec?
    /// Input-only.
    public var createDatabaseObjectsIfMissing: Bool?
    /// Input-only (private preview).
    public var acceleratedSync: Bool?
    /// PostgreSQL type overrides per column.
    public var typeOverrides: [TypeOverride]?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case sourceTableFullName = "source_table_full_name"
        case primaryKeyColumns = "primary_key_columns"
        case schedulingPolicy = "scheduling_policy"
        case timeseriesKey = "timeseries_key"
        case existingPipelineId = "existing_pipeline_id"
        case newPipelineSpec = "new_pipeline_spec"
        case createDatabaseObjectsIfMissing = "create_database_objects_if_missing"
        case acceleratedSync = "accelerated_sync"
        case typeOverrides = "type_overrides"
    }
}

/// Where a new sync pipeline keeps its checkpoints (input-only).
public struct NewPipelineSpec: Sendable, Hashable, Codable {
    /// UC catalog for checkpoints and event logs.
    public var storageCatalog: String?
    /// Schema in that catalog.
    public var storageSchema: String?
    /// Budget policy for the pipeline.
    public var budgetPolicyId: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case storageCatalog = "storage_catalog"
        case storageSchema = "storage_schema"
        case budgetPolicyId = "budget_policy_id"
    }
}

/// A PostgreSQL-specific column type (`PG_SPECIFIC_TYPE_VECTOR`, `_HALFVEC`, `_VARCHAR`).
public struct TypeOverride: Sendable, Hashable, Codable {
    /// Source column.
    public var columnName: String
    /// The PostgreSQL type.
    public var pgType: String
    /// Dimension or length.
    public var size: Int?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case size
        case columnName = "column_name"
        case pgType = "pg_type"
    }
}
