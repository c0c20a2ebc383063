import Foundation
import JSONCore

extension LocalWorkspace {
    /// `POST /api/2.0/database/credentials`: a token that is, for one hour, the PostgreSQL password of the
    /// caller's role in every named instance (the role is created on demand; a new token replaces the old).
    func generateCredential(_ body: BodyFields, caller: Caller) async throws(LocalAPIError) -> JSONValue {
        var names = try body.stringArray("instance_names") ?? []
        for claim in try body.nestedArray("claims") ?? [] {
            _ = try claim.enumeration("permission_set", allowed: ["READ_ONLY"])
            for resource in try claim.nestedArray("resources") ?? [] {
                guard let table = try resource.string("table_name") else { continue }
                guard let synced = syncedTable(named: table) else { throw Self.syncedTableMissing(table) }
                names.append(synced.instanceName)
            }
        }
        guard !names.isEmpty else {
            throw .invalidParameter("At least one of 'instance_names' or 'claims' must name a database instance")
        }
        var instances: [InstanceRecord] = []
        for name in Set(names).sorted() {
            let record = try existingInstance(name)
            guard record.isServing else {
                throw .invalidState(
                    "Database instance '\(name)' is not available (state \(record.state.rawValue)).")
            }
            instances.append(record)
        }
        let token = "lbcred-" + RandomToken.hex(bytes: 32)
        let expiry = Date().addingTimeInterval(Double(options.credentialLifetimeSeconds))
        for record in instances {
            do {
                try await fleet.setPassword(token, role: caller.userName, expiry: expiry, address: record.address)
            } catch {
                throw .internalError("Setting the credential in database instance '\(record.name)' failed: \(error)")
            }
        }
        return .object(["token": .string(token), "expiration_time": .string(Self.rfc3339(expiry))])
    }
}
