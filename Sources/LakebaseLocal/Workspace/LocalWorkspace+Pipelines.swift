import Foundation

extension LocalWorkspace {
    /// The pipeline of a synced table, or why it cannot run.
    func pipeline(for record: SyncedTableRecord) async throws -> SyncPipeline {
        guard let source = sourceTables[record.sourceTableFullName] else {
            throw LocalServerError("The source table \(record.sourceTableFullName) no longer exists.")
        }
        guard let instance = instance(named: record.instanceName) else {
            throw LocalServerError("Database instance '\(record.instanceName)' no longer exists.")
        }
        let primaryKey = record.primaryKeyColumns.isEmpty ? source.primaryKey : record.primaryKeyColumns
        var keyed = source
        keyed.primaryKey = primaryKey
        return SyncPipeline(
            source: keyed, sourceParameters: try await lakehouse.parameters(catalog: source.catalog),
            destination: destinationTable(record, source: source, primaryKey: primaryKey),
            destinationParameters: fleet.adminParameters(address: instance.address, database: record.logicalDatabaseName),
            timeseriesKey: record.timeseriesKey)
    }

    /// The initial full copy (reported as provisioning progress); returns why it failed, or nil.
    func initialSync(_ name: String, generation: Int) async -> String? {
        await fullCopy(name, generation: generation)
    }

    /// A full copy of the source into the synced table, with progress; returns why it failed, or nil.
    func fullCopy(_ name: String, generation: Int) async -> String? {
        guard let record = syncedTable(named: name) else { return "The synced table no longer exists." }
        do {
            let pipeline = try await pipeline(for: record)
            let total = try await BlockingWork.run { try pipeline.sourceRowCount() }
            let started = Date()
            update(name, generation) { record in
                var sync = record.sync ?? SyncStatus()
                sync.syncedRows = 0
                sync.totalRows = total
                sync.syncStart = started
                record.sync = sync
            }
            let outcome = try await BlockingWork.run { try pipeline.fullCopy() }
            update(name, generation) { record in
                var sync = record.sync ?? SyncStatus()
                sync.syncedRows = outcome.rows
                sync.totalRows = max(total, outcome.rows)
                sync.syncStart = started
                sync.syncEnd = Date()
                sync.lastProcessedVersion = outcome.version
                sync.lastCommitTime = outcome.committedAt
                record.sync = sync
                record.lastSyncTime = sync.syncEnd
            }
            return nil
        } catch {
            return "The pipeline failed to copy \(record.sourceTableFullName): \(error)"
        }
    }

    /// Applies the change data feed since the last processed version; returns the rows applied, or why it failed.
    func incrementalSync(_ name: String, generation: Int) async -> Result<Int, LocalServerError> {
        guard let record = syncedTable(named: name) else { return .failure(LocalServerError("The synced table no longer exists.")) }
        do {
            let pipeline = try await pipeline(for: record)
            let after = record.sync?.lastProcessedVersion ?? 0
            let started = Date()
            guard let outcome = try await BlockingWork.run({ try pipeline.applyChanges(after: after) }) else {
                update(name, generation) { record in record.sync?.lastPoll = Date() }
                return .success(0)
            }
            update(name, generation) { record in
                var sync = record.sync ?? SyncStatus()
                sync.syncedRows = outcome.rows
                sync.totalRows = outcome.rows
                sync.syncStart = started
                sync.syncEnd = Date()
                sync.lastPoll = sync.syncEnd
                sync.lastProcessedVersion = outcome.version
                sync.lastCommitTime = outcome.committedAt
                record.sync = sync
                record.lastSyncTime = sync.syncEnd
            }
            return .success(outcome.rows)
        } catch {
            return .failure(LocalServerError("The pipeline failed to apply changes of \(record.sourceTableFullName): \(error)"))
        }
    }

    /// Keeps a CONTINUOUS synced table up to date: polls the change data feed every `--continuous-poll-ms`.
    func scheduleContinuousPipeline(_ name: String) {
        guard let record = syncedTable(named: name) else { return }
        let generation = record.generation
        let key = "pipeline:" + name
        transitions[key]?.cancel()
        let interval = Duration.milliseconds(options.continuousPollMilliseconds)
        transitions[key] = Task { [weak self] in
            while !Task.isCancelled {
                do { try await Task.sleep(for: interval) } catch { return }
                guard let self, await self.syncedTable(named: name)?.generation == generation else { return }
                if case .failure(let error) = await self.incrementalSync(name, generation: generation) {
                    await self.update(name, generation) { record in
                        record.detailedState = "SYNCED_TABLE_ONLINE_PIPELINE_FAILED"
                        record.message = error.description
                    }
                }
            }
        }
    }
}
