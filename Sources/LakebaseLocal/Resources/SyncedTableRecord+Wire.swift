import YAMLBridge

extension SyncedTableRecord {
    /// The SyncedDatabaseTable JSON. Input-only fields (`database_instance_name`, `logical_database_name`,
    /// `existing_pipeline_id`, `new_pipeline_spec`, `create_database_objects_if_missing`) are never echoed.
    var wire: JSONValue {
        var spec = JSONObject()
        spec["source_table_full_name"] = .string(sourceTableFullName)
        if !primaryKeyColumns.isEmpty { spec["primary_key_columns"] = .array(primaryKeyColumns.map(JSONValue.string)) }
        spec["scheduling_policy"] = .string(schedulingPolicy)
        if let timeseriesKey { spec["timeseries_key"] = .string(timeseriesKey) }
        if !typeOverrides.isEmpty {
            spec["type_overrides"] = .array(typeOverrides.map { override in
                var object: JSONObject = ["column_name": .string(override.columnName), "pg_type": .string(override.pgType)]
                if let size = override.size { object["size"] = .int(Int64(size)) }
                return .object(object)
            })
        }
        var status = JSONObject()
        status["detailed_state"] = .string(detailedState)
        status["message"] = .string(message)
        status["pipeline_id"] = .string(pipelineID)
        if let lastSyncTime {
            status["last_sync"] = .object([
                "sync_start_timestamp": .string(LocalWorkspace.rfc3339(lastSyncTime)),
                "sync_end_timestamp": .string(LocalWorkspace.rfc3339(lastSyncTime)),
            ])
        }
        var object = JSONObject()
        object["name"] = .string(name)
        object["spec"] = .object(spec)
        object["effective_database_instance_name"] = .string(instanceName)
        object["effective_logical_database_name"] = .string(logicalDatabaseName)
        object["data_synchronization_status"] = .object(status)
        object["unity_catalog_provisioning_state"] = .string(provisioningState)
        return .object(object)
    }
}
