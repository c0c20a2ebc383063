import Foundation

extension LocalWorkspace {
    /// Moves a synced table through provisioning in the background: it waits for its instance to be
    /// AVAILABLE, provisions pipeline resources, creates the destination table in PostgreSQL during the initial
    /// snapshot, and settles in the online state of its scheduling policy (or OFFLINE_FAILED with the reason).
    func scheduleSyncedTableTransition(_ name: String) {
        guard let record = syncedTable(named: name) else { return }
        let generation = record.generation
        transitions[name]?.cancel()
        transitions[name] = Task { [weak self] in
            await self?.runSyncedTableProvisioning(name: name, generation: generation)
        }
    }

    private func runSyncedTableProvisioning(name: String, generation: Int) async {
        let phase = Duration.milliseconds(options.syncedTablePhaseMilliseconds)
        do {
            while let record = syncedTable(named: name), record.generation == generation {
                let host = destinationHost(record.instanceName)
                if case .gone(let message) = host {
                    update(name, generation) { record in
                        record.detailedState = SyncedTableState.offlineFailed
                        record.provisioningState = "FAILED"
                        record.message = message
                    }
                    transitions[name] = nil
                    return
                }
                if case .serving = host { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            update(name, generation) { $0.detailedState = SyncedTableState.pipelineResources }
            try await Task.sleep(for: phase)
            update(name, generation) { $0.detailedState = SyncedTableState.initialSnapshot }
            var failure = await createDestination(name)
            if failure == nil { failure = await initialSync(name, generation: generation) }
            try await Task.sleep(for: phase)
            update(name, generation) { record in
                if let failure {
                    record.detailedState = SyncedTableState.offlineFailed
                    record.provisioningState = "FAILED"
                    record.message = failure
                } else {
                    record.detailedState = SyncedTableState.online(for: record.schedulingPolicy)
                    record.provisioningState = "ACTIVE"
                    record.message = "Synced table is online."
                    record.lastSyncTime = Date()
                }
            }
            if failure == nil, syncedTable(named: name)?.schedulingPolicy == "CONTINUOUS" {
                scheduleContinuousPipeline(name)
            }
        } catch {
            return
        }
        transitions[name] = nil
    }

    func update(_ name: String, _ generation: Int, _ change: (inout SyncedTableRecord) -> Void) {
        guard let index = snapshot.syncedTables.firstIndex(where: { $0.name == name }),
            snapshot.syncedTables[index].generation == generation
        else { return }
        change(&snapshot.syncedTables[index])
        save()
    }

    /// Creates the destination database objects (when a data-plane slot is free); returns why the pipeline
    /// fails, or nil.
    func createDestination(_ name: String) async -> String? {
        await dataPlane.run { await self.createDestinationNow(name) }
    }

    private func createDestinationNow(_ name: String) async -> String? {
        guard let record = syncedTable(named: name), case .serving(let address) = destinationHost(record.instanceName),
            let source = sourceTables[record.sourceTableFullName]
        else { return "The source table or the database the synced table writes to no longer exists." }
        let primaryKey = record.primaryKeyColumns.isEmpty ? source.primaryKey : record.primaryKeyColumns
        do {
            try await fleet.createSyncedTable(
                destinationTable(record, source: source, primaryKey: primaryKey),
                createMissingObjects: record.createDatabaseObjectsIfMissing, address: address)
            return nil
        } catch let failure as DestinationFailure {
            return failure.message
        } catch {
            return "Writing to PostgreSQL failed: \(error)"
        }
    }

    /// The PostgreSQL table a synced table writes to.
    func destinationTable(_ record: SyncedTableRecord, source: SourceTable, primaryKey: [String]) -> DestinationTable {
        let parts = record.nameParts
        return DestinationTable(
            database: record.logicalDatabaseName, schema: parts.schema, table: parts.table,
            columns: source.columns, primaryKey: primaryKey, typeOverrides: record.typeOverrides)
    }
}
