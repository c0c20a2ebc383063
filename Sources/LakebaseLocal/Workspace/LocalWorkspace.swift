import Foundation

/// The emulated workspace: the Lakebase resources, workspace files and identities, their state machines,
/// and the PostgreSQL servers behind the instances. Changes are saved within 50 ms, and at shutdown.
actor LocalWorkspace {
    let options: ServerOptions
    let fleet: PostgresFleet
    /// The source tables' PostgreSQL server (started on first use).
    let lakehouse: Lakehouse
    let sourceTables: [String: SourceTable]
    var snapshot: WorkspaceSnapshot
    private let store: SnapshotStore
    /// Running transition tasks by instance uid or synced table name.
    var transitions: [String: Task<Void, Never>] = [:]
    /// Bounds the pipeline jobs running at once.
    let dataPlane = WorkSlots(limit: WorkSlots.dataPlaneLimit)
    /// Changes not yet written, and the task that will write them.
    private var savePending = false
    private var saveTask: Task<Void, Never>?

    /// Opens (or creates) the workspace in `options.dataDirectory`.
    init(options: ServerOptions, fleet: PostgresFleet, lakehouse: Lakehouse, sourceTables: [SourceTable]) throws {
        self.options = options
        self.fleet = fleet
        self.lakehouse = lakehouse
        self.sourceTables = Dictionary(sourceTables.map { ($0.fullName, $0) }, uniquingKeysWith: { first, _ in first })
        store = SnapshotStore(file: URL(fileURLWithPath: options.dataDirectory).appendingPathComponent("workspace.json"))
        var loaded = try store.load() ?? .empty()
        loaded.addFolders(["/", "/Users", "/Shared", "/Users/\(options.userName)"] + (options.clientID.map { ["/Users/\($0)"] } ?? []))
        try store.save(loaded)
        snapshot = loaded
    }

    /// The identity behind personal access tokens.
    var tokenUser: Caller {
        Caller(userName: options.userName, displayName: Self.displayName(of: options.userName), isServicePrincipal: false)
    }

    /// Starts the servers of instances that should be running and resumes interrupted transitions.
    func resume() async throws {
        for instance in snapshot.instances {
            switch instance.state {
            case .available, .updating:
                try await fleet.start(uid: instance.uid, address: instance.address)
                scheduleInstanceTransition(instance.uid)
            case .starting, .deleting:
                scheduleInstanceTransition(instance.uid)
            case .stopped:
                break
            }
        }
        try await resumePostgres()
        for table in snapshot.syncedTables where table.phaseDue != nil || table.detailedState == SyncedTableState.provisioning {
            scheduleSyncedTableTransition(table.name)
        }
        for table in snapshot.syncedTables where table.schedulingPolicy == "CONTINUOUS"
            && table.detailedState == SyncedTableState.continuousUpdate {
            scheduleContinuousPipeline(table.name)
        }
    }

    /// Stops every transition (waiting for PostgreSQL work already under way) and then every PostgreSQL
    /// server; the data stays.
    func shutdown() async {
        let running = Array(transitions.values)
        transitions.removeAll()
        for task in running { task.cancel() }
        for task in running { await task.value }
        for instance in snapshot.instances {
            do {
                try await fleet.stop(uid: instance.uid)
            } catch {
                Self.report("stopping the PostgreSQL server of instance '\(instance.name)' failed: \(error)")
            }
        }
        for server in liveServers().reversed() {
            do {
                try await fleet.stop(uid: server.folder)
            } catch {
                Self.report("stopping the PostgreSQL server in \(server.folder) failed: \(error)")
            }
        }
        await lakehouse.stop()
        flush()
    }

    /// Saves the snapshot soon: the changes of the next 50 ms are written together (a thousand synced tables
    /// changing state would otherwise rewrite the whole file thousands of times); `shutdown` writes what is
    /// pending. A failure is reported on standard error.
    func save() {
        savePending = true
        guard saveTask == nil else { return }
        saveTask = Task { [weak self] in
            try? await Task.sleep(for: .milliseconds(50))
            await self?.flush()
        }
    }

    /// Writes the snapshot now if anything changed since the last write.
    func flush() {
        saveTask = nil
        guard savePending else { return }
        savePending = false
        do {
            try store.save(snapshot)
        } catch {
            Self.report("The workspace could not be saved: \(error)")
        }
    }

    /// The next workspace object id.
    func nextObjectID() -> Int64 {
        snapshot.nextObjectID += 1
        return snapshot.nextObjectID
    }

    /// Writes a line to standard error (the emulator's own log).
    nonisolated static func report(_ message: String) {
        FileHandle.standardError.write(Data("lakebase-local: \(message)\n".utf8))
    }

    /// `Local User` for `local-user@example.com`.
    nonisolated static func displayName(of userName: String) -> String {
        let local = userName.split(separator: "@").first.map(String.init) ?? userName
        return local.split(whereSeparator: { $0 == "." || $0 == "-" || $0 == "_" })
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined(separator: " ")
    }

    /// Now as epoch milliseconds (the Unity Catalog and workspace APIs' time format).
    nonisolated static func epochMilliseconds(_ date: Date = Date()) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    /// RFC 3339 UTC with milliseconds (the database API's time format).
    nonisolated static func rfc3339(_ date: Date) -> String {
        Date.ISO8601FormatStyle(includingFractionalSeconds: true).format(date)
    }
}
