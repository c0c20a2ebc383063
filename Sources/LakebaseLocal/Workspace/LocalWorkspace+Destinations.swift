import Foundation

extension LocalWorkspace {
    /// Where a synced table's rows (or a catalog's database) live, as far as the emulator can reach it now.
    enum DestinationHost: Equatable {
        /// Serving on this loopback address.
        case serving(address: String)
        /// Not serving yet (an instance starting, a branch copying its data, an endpoint not started).
        case starting
        /// Gone, with the message a pipeline fails with.
        case gone(String)
    }

    /// The host of `name`: a database instance, or (a name starting `projects/`) an Autoscaling branch, reached
    /// through its read-write endpoint.
    func destinationHost(_ name: String) -> DestinationHost {
        if name.hasPrefix("projects/") {
            guard let branch = livePostgres(name), branch.kind == .branch else { return .gone("Branch '\(name)' no longer exists.") }
            guard branch.ready, let endpoint = primaryEndpoint(of: name), endpoint.ready, let address = endpoint.address else {
                return .starting
            }
            return .serving(address: address)
        }
        guard let instance = instance(named: name), instance.state != .deleting else {
            return .gone("Database instance '\(name)' no longer exists.")
        }
        return instance.state == .available ? .serving(address: instance.address) : .starting
    }

    /// The address of `name` once it serves (bounded: two minutes), or the platform's error.
    func servingAddress(_ name: String) async throws(LocalAPIError) -> String {
        let deadline = Date().addingTimeInterval(120)
        while true {
            switch destinationHost(name) {
            case .serving(let address): return address
            case .gone(let message): throw .notFound(message, code: "NOT_FOUND")
            case .starting:
                guard Date() < deadline else { throw .invalidState("'\(name)' did not start within two minutes.") }
                try? await Task.sleep(for: .milliseconds(100))
            }
        }
    }
}
