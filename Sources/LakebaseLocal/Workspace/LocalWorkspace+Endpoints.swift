import Foundation
import JSONCore

extension LocalWorkspace {
    /// `POST …/branches/{b}/endpoints?endpoint_id=`: a read-only endpoint is a hot standby of the branch's primary
    /// (it serves the branch's data and refuses writes); a branch has one read-write endpoint, its `primary`, which
    /// only `replace_existing` can take over.
    func createEndpoint(branch: String, id: String, spec: JSONValue, replaceExisting: Bool) throws(LocalAPIError) -> JSONValue {
        let branchRecord = try existingPostgres(branch, .branch)
        try PostgresSpec.check(id: id, field: "endpoint_id")
        let type = try Self.checkEndpointSpec(spec)
        let name = "\(branch)/endpoints/\(id)"
        if let existing = snapshot.postgres[name: name] {
            guard replaceExisting else { throw .duplicate("endpoint with such id already exists in the branch") }
            guard existing.spec["endpoint_type"] == spec["endpoint_type"] else {
                throw .invalidParameter("endpoint_type of \(name) cannot be changed")
            }
            var adopted = existing
            adopted.pendingUntil = reconcileUntil()
            snapshot.postgres[name: name] = adopted
            return adopt(adopted, spec: spec)
        }
        if type == "ENDPOINT_TYPE_READ_WRITE", let primary = primaryEndpoint(of: branch) {
            throw .badRequest("read_write endpoint already exists for branch \(branch): \(primary.name)")
        }
        guard branchRecord.ready, let primaryAddress = primaryEndpoint(of: branch)?.address else {
            throw .invalidState("branch \(branch) is not ready yet")
        }
        var endpoint = addRecord(.endpoint, parent: branch, id: id, spec: spec, uid: "ep-" + RandomToken.hex(bytes: 6))
        endpoint.address = try freeAddress()
        endpoint.dataFolder = "endpoint-\(endpoint.uid ?? id)"
        endpoint.pendingUntil = reconcileUntil()
        snapshot.postgres[name: name] = endpoint
        save()
        let fleet = fleet
        let branchFolder = branchRecord.dataFolder ?? ""
        let folder = endpoint.dataFolder ?? ""
        let address = endpoint.address ?? ""
        return startOperation(on: name, .endpoint) { () throws(LocalAPIError) -> JSONValue? in
            do {
                try await fleet.copyCluster(from: branchFolder, sourceAddress: primaryAddress, to: folder, standby: true)
                await self.moveEndpoint(of: name, to: try await self.startServer(folder, at: address))
            } catch {
                throw .internalError("starting the read-only endpoint \(name) failed: \(error)")
            }
            return await self.markReady(name, response: name)
        }
    }

    /// When an endpoint changed now stops reconciling.
    func reconcileUntil() -> Date {
        Date().addingTimeInterval(Double(options.endpointReconcileMilliseconds) / 1000)
    }

    /// Checks an endpoint spec; returns its type.
    nonisolated static func checkEndpointSpec(_ spec: JSONValue) throws(LocalAPIError) -> String {
        guard let type = spec["endpoint_type"]?.stringValue else {
            throw .invalidParameter("Field 'endpoint.spec.endpoint_type' is required, expected non-default value (not \"\")!")
        }
        guard ["ENDPOINT_TYPE_READ_WRITE", "ENDPOINT_TYPE_READ_ONLY"].contains(type) else {
            throw .invalidParameter("endpoint_type must be ENDPOINT_TYPE_READ_WRITE or ENDPOINT_TYPE_READ_ONLY, got '\(type)'")
        }
        try checkComputeLimits(spec, field: "")
        if let group = spec["group"] {
            let minimum = PostgresSpec.number(group["min"]) ?? 1
            let maximum = PostgresSpec.number(group["max"]) ?? minimum
            guard minimum == maximum, minimum >= 1 else {
                throw .invalidParameter("group.min and group.max must be equal and at least 1")
            }
        }
        return type
    }
}
