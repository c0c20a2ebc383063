import Foundation

extension LocalWorkspace {
    /// Runs the instance's current transition in the background: after the configured delay the PostgreSQL
    /// work (start, stop, delete) is done, and then the state changes. An instance that is deleted or stopped
    /// before its delay ends never costs a PostgreSQL server.
    func scheduleInstanceTransition(_ uid: String) {
        guard let record = snapshot.instances.first(where: { $0.uid == uid }), record.transitionDue != nil else { return }
        let generation = record.generation
        transitions[uid]?.cancel()
        transitions[uid] = Task { [weak self] in
            await self?.runInstanceTransition(uid: uid, generation: generation)
        }
    }

    private func runInstanceTransition(uid: String, generation: Int) async {
        guard let record = current(uid, generation), let due = record.transitionDue else { return }
        let delay = due.timeIntervalSinceNow
        if delay > 0 {
            do { try await Task.sleep(for: .milliseconds(Int(delay * 1000))) } catch { return }
        }
        guard let record = current(uid, generation) else { return }
        do {
            switch record.state {
            case .starting:
                let address = try await startServer(uid, at: record.address)
                if address != record.address, var moved = current(uid, generation) {
                    moved.address = address
                    replace(moved)
                }
                try await fleet.bootstrap(address: address, creator: record.creator)
            case .updating where record.stopped:
                try await fleet.stop(uid: uid)
            case .deleting:
                try await fleet.remove(uid: uid)
            case .updating, .available, .stopped:
                break
            }
        } catch {
            Self.report("instance '\(record.name)' (\(record.state.rawValue)): \(error)")
            return
        }
        guard var finished = current(uid, generation) else { return }
        switch finished.state {
        case .deleting:
            snapshot.instances.removeAll { $0.uid == uid }
            snapshot.instancePermissions[finished.name] = nil
        case .starting where finished.stopped, .updating where finished.stopped:
            finished.state = .stopped
            finished.transitionDue = nil
            replace(finished)
            if record.state == .starting { try? await fleet.stop(uid: uid) }
        default:
            finished.state = .available
            finished.transitionDue = nil
            replace(finished)
        }
        transitions[uid] = nil
        save()
    }

    private func current(_ uid: String, _ generation: Int) -> InstanceRecord? {
        guard let record = snapshot.instances.first(where: { $0.uid == uid }), record.generation == generation else {
            return nil
        }
        return record
    }

    /// Starts the server in folder `uid` at `address`; when something else took that address meanwhile (it was free
    /// when the resource was created), at another free one. Returns where it listens.
    func startServer(_ uid: String, at address: String) async throws -> String {
        var current = address
        for attempt in 1...3 {
            do {
                try await fleet.start(uid: uid, address: current)
                return current
            } catch {
                guard attempt < 3, !LoopbackProbe.isFree(address: current, port: fleet.serverPort) else { throw error }
                Self.report("\(current):\(fleet.serverPort) was taken by another program; starting \(uid) at another address")
                current = try freeAddress(avoiding: current)
            }
        }
        return current
    }

    /// A loopback address no other instance uses and nothing else listens on at the PostgreSQL port:
    /// 127.0.1.2, 127.0.1.3, … (on Linux the whole 127.0.0.0/8 block is loopback).
    func freeAddress(avoiding avoided: String? = nil) throws(LocalAPIError) -> String {
        let taken = Set(snapshot.instances.map(\.address) + snapshot.postgres.compactMap(\.address) + [avoided].compactMap { $0 })
        for third in 1...254 {
            for fourth in 2...254 {
                let address = "127.0.\(third).\(fourth)"
                if !taken.contains(address), LoopbackProbe.isFree(address: address, port: fleet.serverPort) {
                    return address
                }
            }
        }
        throw .internalError("No free loopback address is left for a new PostgreSQL server.")
    }
}
