import Foundation
import JSONCore

extension LocalWorkspace {
    /// Most synced tables one source table may feed (a platform limit).
    static let syncedTablesPerSource = 20

    /// `POST /api/2.0/database/synced_tables`.
    func createSyncedTable(_ input: SyncedTableInput) throws(LocalAPIError) -> JSONValue {
        guard syncedTable(named: input.name) == nil else {
            throw .alreadyExists("Synced table '\(input.name)' already exists.")
        }
        return try recordSyncedTable(input, target: try destination(of: input)).wire
    }

    /// Checks a new synced table against its source (keys, change data feed, the per-source limit, its pipeline),
    /// records it, and starts provisioning it into `target` (an instance, or a branch, and a database).
    func recordSyncedTable(_ input: SyncedTableInput, target: (instance: String, database: String),
                           branch: String? = nil) throws(LocalAPIError) -> SyncedTableRecord {
        guard let source = sourceTables[input.sourceTableFullName] else {
            throw .notFound("Table '\(input.sourceTableFullName)' does not exist.", code: "TABLE_DOES_NOT_EXIST")
        }
        try checkKeys(input, source: source)
        if input.schedulingPolicy != "SNAPSHOT" && source.isView {
            throw .invalidParameter(
                "Source '\(source.fullName)' is a \(source.tableType), which has no change data feed "
                    + "(delta.enableChangeDataFeed); \(input.schedulingPolicy) sync needs one. Use scheduling_policy SNAPSHOT.")
        }
        if input.schedulingPolicy != "SNAPSHOT" && !source.changeDataFeedEnabled {
            throw .invalidParameter(
                "Source table '\(source.fullName)' does not have change data feed enabled, which "
                    + "\(input.schedulingPolicy) sync needs; set the table property delta.enableChangeDataFeed = true, "
                    + "or use scheduling_policy SNAPSHOT.")
        }
        let feeding = snapshot.syncedTables.filter { $0.sourceTableFullName == source.fullName }.count
        guard feeding < Self.syncedTablesPerSource else {
            throw .limitExceeded(
                "Cannot create more than \(Self.syncedTablesPerSource) synced database table(s) per source table.")
        }
        let pipelineID = try pipeline(for: input)
        let record = SyncedTableRecord(
            name: input.name, instanceName: target.instance, logicalDatabaseName: target.database,
            sourceTableFullName: source.fullName, primaryKeyColumns: input.primaryKeyColumns,
            schedulingPolicy: input.schedulingPolicy, timeseriesKey: input.timeseriesKey,
            typeOverrides: input.typeOverrides, createDatabaseObjectsIfMissing: input.createDatabaseObjectsIfMissing,
            pipelineID: pipelineID, detailedState: SyncedTableState.provisioning, provisioningState: "PROVISIONING",
            message: "Synced table is being provisioned.", phaseDue: nil, generation: 1, createdAt: Date(),
            lastSyncTime: nil, branch: branch)
        snapshot.syncedTables.append(record)
        save()
        scheduleSyncedTableTransition(record.name)
        return record
    }

    /// `GET /api/2.0/database/synced_tables/{name}`.
    func getSyncedTable(_ name: String) throws(LocalAPIError) -> JSONValue {
        guard let record = syncedTable(named: name), record.branch == nil else { throw Self.syncedTableMissing(name) }
        return record.wire
    }

    /// `DELETE /api/2.0/database/synced_tables/{name}?purge_data=…`: with `purge_data` the PostgreSQL table is
    /// dropped too; without it the table stays in PostgreSQL.
    func deleteSyncedTable(_ name: String, purgeData: Bool) async throws(LocalAPIError) {
        guard let record = syncedTable(named: name), record.branch == nil else { throw Self.syncedTableMissing(name) }
        try await removeSyncedTable(record, dropTable: purgeData)
    }

    /// Stops a synced table's pipeline, forgets it, and with `dropTable` drops its PostgreSQL table.
    func removeSyncedTable(_ record: SyncedTableRecord, dropTable purgeData: Bool) async throws(LocalAPIError) {
        let name = record.name
        transitions[name]?.cancel()
        transitions[name] = nil
        snapshot.syncedTables[name: name] = nil
        save()
        guard purgeData, case .serving(let address) = destinationHost(record.instanceName) else { return }
        let parts = record.nameParts
        do {
            try await fleet.dropTable(
                database: record.logicalDatabaseName, schema: parts.schema, table: parts.table, address: address)
        } catch {
            throw .internalError("Dropping the PostgreSQL table of '\(name)' failed: \(error)")
        }
    }

    /// `GET /api/2.0/database/instances/{instance}/synced_tables`.
    func listSyncedTables(instance: String, pageSize: Int?, pageToken: String?) throws(LocalAPIError) -> JSONValue {
        _ = try existingInstance(instance)
        let page = try Pagination.page(
            of: snapshot.syncedTables.filter { $0.instanceName == instance }, size: pageSize, maximum: 100,
            token: pageToken)
        return Pagination.body(key: "synced_tables", items: page.items.map(\.wire), nextToken: page.nextToken)
    }

    /// The synced table called `name`, if any.
    func syncedTable(named name: String) -> SyncedTableRecord? {
        snapshot.syncedTables[name: name]
    }

    static func syncedTableMissing(_ name: String) -> LocalAPIError {
        .notFound("Synced table '\(name)' does not exist.")
    }

    /// The instance and logical database a synced table lands in: inferred from a database catalog (and then
    /// checked against what the body says), or given explicitly in a standard catalog.
    private func destination(of input: SyncedTableInput) throws(LocalAPIError) -> (instance: String, database: String) {
        let catalogName = String(input.name.prefix { $0 != "." })
        if let catalog = catalog(named: catalogName) {
            if let given = input.databaseInstanceName, given != catalog.databaseInstanceName {
                throw .invalidParameter(
                    "database_instance_name '\(given)' does not match the instance '\(catalog.databaseInstanceName)' "
                        + "of database catalog '\(catalogName)'")
            }
            if let given = input.logicalDatabaseName, given != catalog.databaseName {
                throw .invalidParameter(
                    "logical_database_name '\(given)' does not match the database '\(catalog.databaseName)' "
                        + "of database catalog '\(catalogName)'")
            }
            _ = try existingInstance(catalog.databaseInstanceName)
            return (catalog.databaseInstanceName, catalog.databaseName)
        }
        guard sourceCatalogNames.contains(catalogName) else {
            throw .notFound("Catalog '\(catalogName)' does not exist.", code: "CATALOG_DOES_NOT_EXIST")
        }
        guard let instance = input.databaseInstanceName, let database = input.logicalDatabaseName else {
            throw .invalidParameter(
                "database_instance_name and logical_database_name are required for a synced table in standard "
                    + "catalog '\(catalogName)'")
        }
        _ = try existingInstance(instance)
        return (instance, database)
    }

    func checkKeys(_ input: SyncedTableInput, source: SourceTable) throws(LocalAPIError) {
        let columns = source.columns.map(\.name)
        if input.primaryKeyColumns.isEmpty && source.primaryKey.isEmpty {
            throw .invalidParameter(
                "Field 'spec.primary_key_columns' is required: source table '\(source.fullName)' has no primary key")
        }
        for column in input.primaryKeyColumns + (input.timeseriesKey.map { [$0] } ?? []) where !columns.contains(column) {
            throw .invalidParameter("Column '\(column)' does not exist in source table '\(source.fullName)'")
        }
        for override in input.typeOverrides where !columns.contains(override.columnName) {
            throw .invalidParameter(
                "type_overrides column '\(override.columnName)' does not exist in source table '\(source.fullName)'")
        }
    }

    /// A new pipeline id, or the existing pipeline the body names (whose tables must share the policy).
    func pipeline(for input: SyncedTableInput) throws(LocalAPIError) -> String {
        if let existing = input.existingPipelineID {
            let members = snapshot.syncedTables.filter { $0.pipelineID == existing }
            guard let first = members.first else {
                throw .notFound("Pipeline '\(existing)' does not exist.")
            }
            guard first.schedulingPolicy == input.schedulingPolicy else {
                throw .invalidParameter(
                    "Pipeline '\(existing)' runs with scheduling policy \(first.schedulingPolicy); a synced table "
                        + "with \(input.schedulingPolicy) cannot join it")
            }
            return existing
        }
        snapshot.nextPipelineNumber += 1
        return RandomToken.uuid()
    }
}
