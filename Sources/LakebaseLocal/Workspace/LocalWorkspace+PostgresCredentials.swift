import Foundation
import JSONCore

extension LocalWorkspace {
    /// `POST /api/2.0/postgres/credentials {endpoint, ttl?}`: a token that is, for its ttl (at most an hour), the
    /// PostgreSQL password of the caller's `userName` on the endpoint's branch (a read-only endpoint follows its
    /// primary, so the password reaches it too). Only the SCRAM verifier reaches the server.
    func generatePostgresCredential(_ body: BodyFields, caller: Caller) async throws(LocalAPIError) -> JSONValue {
        let endpointName = try body.requiredString("endpoint")
        let endpoint = try existingPostgres(endpointName, .endpoint)
        guard endpoint.ready, let branch = endpoint.parent, let address = primaryEndpoint(of: branch)?.address else {
            throw .invalidState("endpoint \(endpointName) is not active yet")
        }
        var lifetime = Double(options.credentialLifetimeSeconds)
        if let ttl = try body.string("ttl") {
            guard let seconds = PostgresSpec.seconds(.string(ttl)), (300...3600).contains(seconds) else {
                throw .invalidParameter("ttl must be between 300s and 3600s, got '\(ttl)'")
            }
            lifetime = seconds
        }
        let token = "lbcred-" + RandomToken.hex(bytes: 32)
        let expiry = Date().addingTimeInterval(lifetime)
        do {
            try await fleet.setPassword(token, role: caller.userName, expiry: expiry, address: address)
            if let standby = endpoint.address, standby != address {
                try await fleet.waitForReplay(primary: address, standby: standby)
            }
        } catch {
            throw .internalError("Setting the credential on \(branch) failed: \(error)")
        }
        return .object(["token": .string(token), "expire_time": .string(Self.rfc3339(expiry))])
    }
}
