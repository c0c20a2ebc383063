import Foundation
import JSONCore

extension LocalWorkspace {
    /// The pipeline of a synced table, or why it cannot run.
    func pipeline(for record: SyncedTableRecord) async throws -> SyncPipeline {
        guard let source = sourceTables[record.sourceTableFullName] else {
            throw LocalServerError("The source table \(record.sourceTableFullName) no longer exists.")
        }
        let address: String
        switch destinationHost(record.instanceName) {
        case .serving(let serving): address = serving
        case .starting: throw LocalServerError("'\(record.instanceName)' is not serving yet.")
        case .gone(let message): throw LocalServerError(message)
        }
        let primaryKey = record.primaryKeyColumns.isEmpty ? source.primaryKey : record.primaryKeyColumns
        var keyed = source
        keyed.primaryKey = primaryKey
        return SyncPipeline(
            source: keyed, sourceParameters: try await lakehouse.parameters(catalog: source.catalog),
            destination: destinationTable(record, source: source, primaryKey: primaryKey),
            destinationParameters: fleet.adminParameters(address: address, database: record.logicalDatabaseName),
            timeseriesKey: record.timeseriesKey)
    }

    /// The initial full copy (reported as provisioning progress); returns why it failed, or nil.
    func initialSync(_ name: String, generation: Int) async -> String? {
        await fullCopy(name, generation: generation)
    }

    /// A full copy of the source into the synced table, with progress (when a data-plane slot is free); returns
    /// why it failed, or nil.
    func fullCopy(_ name: String, generation: Int) async -> String? {
        await dataPlane.run { await self.fullCopyNow(name, generation: generation) }
    }

    private func fullCopyNow(_ name: String, generation: Int) async -> String? {
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

    /// Applies the change data feed since the last processed version (when a data-plane slot is free); returns
    /// the rows applied, or why it failed.
    func incrementalSync(_ name: String, generation: Int) async -> Result<Int, LocalServerError> {
        await dataPlane.run { await self.incrementalSyncNow(name, generation: generation) }
    }

    private func incrementalSyncNow(_ name: String, generation: Int) async -> Result<Int, LocalServerError> {
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

extension LocalWorkspace {
    /// `POST /api/2.0/pipelines/{id}/updates`: refreshes every synced table of the pipeline in the background —
    /// a full copy for SNAPSHOT, for `full_refresh`, and for sources without change data feed; the change data
    /// feed since the last processed version for TRIGGERED (CONTINUOUS tables only take full refreshes).
    func startPipelineUpdate(_ pipelineID: String, fullRefresh: Bool) throws(LocalAPIError) -> JSONValue {
        let members = snapshot.syncedTables.filter { $0.pipelineID == pipelineID }
        guard !members.isEmpty else { throw .notFound("Pipeline '\(pipelineID)' does not exist.") }
        let online = [SyncedTableState.noPendingUpdate, SyncedTableState.continuousUpdate, "SYNCED_TABLE_ONLINE_PIPELINE_FAILED"]
        if let busy = members.first(where: { !online.contains($0.detailedState) }) {
            throw LocalAPIError(status: 409, errorCode: "RESOURCE_CONFLICT",
                                message: "Pipeline '\(pipelineID)' cannot start an update: \(busy.name) is \(busy.detailedState).")
        }
        let update = PipelineUpdateRecord(updateID: UUID().uuidString.lowercased(), pipelineID: pipelineID,
                                          fullRefresh: fullRefresh, state: "RUNNING", createdAt: Date())
        var updates = snapshot.pipelineUpdates ?? [:]
        updates[update.updateID] = update
        snapshot.pipelineUpdates = updates
        save()
        let key = "update:" + update.updateID
        transitions[key] = Task { [weak self] in
            await self?.runPipelineUpdate(update.updateID, tables: members.map(\.name), fullRefresh: fullRefresh)
        }
        return .object(["update_id": .string(update.updateID)])
    }

    /// `GET /api/2.0/pipelines/{id}/updates/{update_id}`.
    func pipelineUpdate(_ pipelineID: String, _ updateID: String) throws(LocalAPIError) -> JSONValue {
        guard let update = snapshot.pipelineUpdates?[updateID], update.pipelineID == pipelineID else {
            throw .notFound("Update '\(updateID)' of pipeline '\(pipelineID)' does not exist.")
        }
        return update.wire
    }

    private func runPipelineUpdate(_ updateID: String, tables: [String], fullRefresh: Bool) async {
        var failures: [String] = []
        for name in tables {
            guard let record = syncedTable(named: name) else { continue }
            let generation = record.generation
            let continuous = record.schedulingPolicy == "CONTINUOUS"
            if continuous && !fullRefresh { continue }
            let settled = record.detailedState
            if !continuous { update(name, generation) { $0.detailedState = SyncedTableState.triggeredUpdate } }
            let copyAll = fullRefresh || record.schedulingPolicy == "SNAPSHOT"
                || !(sourceTables[record.sourceTableFullName]?.changeDataFeedEnabled ?? false)
            var failure: String?
            if copyAll {
                failure = await fullCopy(name, generation: generation)
            } else if case .failure(let error) = await incrementalSync(name, generation: generation) {
                failure = error.description
            }
            update(name, generation) { record in
                if let failure {
                    record.detailedState = "SYNCED_TABLE_ONLINE_PIPELINE_FAILED"
                    record.message = failure
                } else {
                    record.detailedState = continuous ? settled : SyncedTableState.noPendingUpdate
                    record.message = "Synced table is online."
                }
            }
            if let failure { failures.append(failure) }
        }
        snapshot.pipelineUpdates?[updateID]?.state = failures.isEmpty ? "COMPLETED" : "FAILED"
        snapshot.pipelineUpdates?[updateID]?.message = failures.first
        save()
        transitions["update:" + updateID] = nil
    }
}
