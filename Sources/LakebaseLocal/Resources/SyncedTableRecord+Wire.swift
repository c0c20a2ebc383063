import JSONCore

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
        if let sync, let end = sync.syncEnd {
            var lastSync: JSONObject = [
                "sync_start_timestamp": .string(LocalWorkspace.rfc3339(sync.syncStart ?? end)),
                "sync_end_timestamp": .string(LocalWorkspace.rfc3339(end)),
            ]
            if let version = sync.lastProcessedVersion {
                var info: JSONObject = ["delta_commit_version": .int(version)]
                if let committed = sync.lastCommitTime { info["delta_commit_timestamp"] = .string(LocalWorkspace.rfc3339(committed)) }
                lastSync["delta_table_sync_info"] = .object(info)
            }
            status["last_sync"] = .object(lastSync)
        } else if let lastSyncTime {
            status["last_sync"] = .object([
                "sync_start_timestamp": .string(LocalWorkspace.rfc3339(lastSyncTime)),
                "sync_end_timestamp": .string(LocalWorkspace.rfc3339(lastSyncTime)),
            ])
        }
        if let sync { addProgress(sync, to: &status) }
        var object = JSONObject()
        object["name"] = .string(name)
        object["spec"] = .object(spec)
        object["effective_database_instance_name"] = .string(instanceName)
        object["effective_logical_database_name"] = .string(logicalDatabaseName)
        object["data_synchronization_status"] = .object(status)
        object["unity_catalog_provisioning_state"] = .string(provisioningState)
        return .object(object)
    }


    /// The per-state progress objects (lakebase-api.md §5.4).
    private func addProgress(_ sync: SyncStatus, to status: inout JSONObject) {
        let progress: JSONObject = [
            "synced_row_count": .int(Int64(sync.syncedRows)), "total_row_count": .int(Int64(sync.totalRows)),
            "sync_progress_completion": .double(sync.totalRows == 0 ? 1 : Double(sync.syncedRows) / Double(sync.totalRows)),
        ]
        var update: JSONObject = [:]
        if let version = sync.lastProcessedVersion { update["last_processed_commit_version"] = .int(version) }
        if let end = sync.syncEnd { update["timestamp"] = .string(LocalWorkspace.rfc3339(end)) }
        switch detailedState {
        case SyncedTableState.initialSnapshot, SyncedTableState.pipelineResources:
            status["provisioning_status"] = .object(["initial_pipeline_sync_progress": .object(progress)])
        case SyncedTableState.continuousUpdate:
            // The time of the last poll of the feed: how fresh the table is (its lag).
            if let poll = sync.lastPoll { update["timestamp"] = .string(LocalWorkspace.rfc3339(poll)) }
            update["initial_pipeline_sync_progress"] = .object(progress)
            status["continuous_update_status"] = .object(update)
        case SyncedTableState.noPendingUpdate, SyncedTableState.triggeredUpdate:
            if detailedState == SyncedTableState.triggeredUpdate { update["triggered_update_progress"] = .object(progress) }
            status["triggered_update_status"] = .object(update)
        default:
            break
        }
    }
}
