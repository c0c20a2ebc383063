import Foundation
import JSONCore

extension LocalWorkspace {
    /// `POST /api/2.0/postgres/synced_tables?synced_table_id=cat.schema.table`: the same pipelines as Provisioned
    /// synced tables, writing into a branch's database through its read-write endpoint. Inside an Autoscaling
    /// catalog the branch and database come from the catalog; in a standard catalog the spec names both.
    func createPostgresSyncedTable(id: String, spec: JSONValue) throws(LocalAPIError) -> JSONValue {
        guard !id.isEmpty else { throw PostgresSpec.missingID("synced_table_id") }
        guard syncedTable(named: id) == nil else { throw .duplicate("synced table with such id already exists in the workspace") }
        var fields = spec.objectValue ?? JSONObject()
        if fields["create_database_objects_if_missing"] == nil { fields["create_database_objects_if_missing"] = .bool(true) }
        let input = try SyncedTableInput(BodyFields(["name": .string(id), "spec": .object(fields)]))
        let target = try autoscalingDestination(id: id, spec: spec)
        let record = try recordSyncedTable(input, target: (target.branch, target.database), branch: target.branch)
        return startOperation(on: "synced_tables/\(id)", metadataKind: "SyncedTable") { () throws(LocalAPIError) -> JSONValue? in
            await self.postgresSyncedTableWire(record.name)
        }
    }

    /// `GET /api/2.0/postgres/synced_tables/{id}`.
    func getPostgresSyncedTable(_ id: String) throws(LocalAPIError) -> JSONValue {
        guard let wire = postgresSyncedTableWire(id) else { throw Self.postgresSyncedTableMissing(id) }
        return wire
    }

    /// `DELETE /api/2.0/postgres/synced_tables/{id}`: the pipeline stops and the PostgreSQL table is dropped (the
    /// Autoscaling API has no `purge_data`).
    func deletePostgresSyncedTable(_ id: String) throws(LocalAPIError) -> JSONValue {
        guard let record = syncedTable(named: id), record.branch != nil else { throw Self.postgresSyncedTableMissing(id) }
        return startOperation(on: "synced_tables/\(id)", metadataKind: "SyncedTable") { () throws(LocalAPIError) -> JSONValue? in
            try await self.removeSyncedTable(record, dropTable: true)
            return nil
        }
    }

    static func postgresSyncedTableMissing(_ id: String) -> LocalAPIError {
        .notFound("synced table id not found: synced_tables/\(id)", code: "NOT_FOUND")
    }

    /// The branch and database a new Autoscaling synced table writes to.
    private func autoscalingDestination(id: String, spec: JSONValue) throws(LocalAPIError) -> (branch: String, database: String) {
        let catalogName = String(id.prefix { $0 != "." })
        let givenBranch = spec["branch"]?.stringValue, givenDatabase = spec["postgres_database"]?.stringValue
        if let catalog = catalog(named: catalogName) {
            guard let branch = catalog.branch else {
                throw .invalidParameter("catalog '\(catalogName)' belongs to database instance '\(catalog.databaseInstanceName)'; "
                                        + "create its synced tables with /api/2.0/database/synced_tables")
            }
            if let givenBranch, givenBranch != branch {
                throw .invalidParameter("branch '\(givenBranch)' does not match the branch '\(branch)' of catalog '\(catalogName)'")
            }
            if let givenDatabase, givenDatabase != catalog.databaseName {
                throw .invalidParameter("postgres_database '\(givenDatabase)' does not match the database '\(catalog.databaseName)' of catalog '\(catalogName)'")
            }
            _ = try existingPostgres(branch, .branch)
            return (branch, catalog.databaseName)
        }
        guard sourceCatalogNames.contains(catalogName) else {
            throw .notFound("Catalog '\(catalogName)' does not exist.", code: "CATALOG_DOES_NOT_EXIST")
        }
        guard let givenBranch, let givenDatabase else {
            throw .invalidParameter("branch and postgres_database are required for a synced table in standard catalog '\(catalogName)'")
        }
        _ = try existingPostgres(givenBranch, .branch)
        return (givenBranch, givenDatabase)
    }

    /// The SyncedTable JSON: identity and `status` (autoscaling-api.md §1.4).
    func postgresSyncedTableWire(_ id: String) -> JSONValue? {
        guard let record = syncedTable(named: id), let branch = record.branch else { return nil }
        var status: JSONObject = [
            "detailed_state": .string(record.detailedState), "unity_catalog_provisioning_state": .string(record.provisioningState),
            "message": .string(record.message), "pipeline_id": .string(record.pipelineID),
            "project": .string(branch.split(separator: "/").prefix(2).joined(separator: "/")),
            "branch": .string(branch), "postgres_database": .string(record.logicalDatabaseName),
        ]
        if let sync = record.sync {
            if let end = sync.syncEnd {
                var lastSync: JSONObject = ["sync_start_time": .string(Self.rfc3339(sync.syncStart ?? end)), "sync_end_time": .string(Self.rfc3339(end))]
                if let version = sync.lastProcessedVersion {
                    var info: JSONObject = ["delta_commit_version": .int(version)]
                    if let committed = sync.lastCommitTime { info["delta_commit_time"] = .string(Self.rfc3339(committed)) }
                    lastSync["delta_table_sync_info"] = .object(info)
                    status["last_processed_commit_version"] = .int(version)
                }
                status["last_sync"] = .object(lastSync)
                status["last_sync_time"] = .string(Self.rfc3339(end))
            }
            status["ongoing_sync_progress"] = .object([
                "synced_row_count": .int(Int64(sync.syncedRows)), "total_row_count": .int(Int64(sync.totalRows)),
                "sync_progress_completion": .double(sync.totalRows == 0 ? 1 : Double(sync.syncedRows) / Double(sync.totalRows)),
            ])
        } else if let last = record.lastSyncTime {
            status["last_sync_time"] = .string(Self.rfc3339(last))
        }
        return .object([
            "name": .string("synced_tables/\(id)"), "synced_table_id": .string(id), "uid": .string(record.pipelineID),
            "create_time": .string(Self.rfc3339(record.createdAt)), "status": .object(status),
        ])
    }
}
