import JSONCore

extension CollectionClient {
    /// `database_instances` (lakebase-api.md §3): PATCH `update_mask=*` with the full object; DELETE with
    /// `purge=true`; ready when AVAILABLE (or STOPPED as desired); after a delete, waited for until gone.
    @Sendable static func databaseInstances(client: WorkspaceClient, waitOptions: WaitOptions) -> any KindClient {
        var kind = CollectionClient(kind: "database_instances", path: "/api/2.0/database/instances", client: client,
                                    waitOptions: waitOptions)
        kind.updateMask = { _ in "*" }
        kind.deleteQuery = { _ in [("purge", "true")] }
        kind.ready = { waiters, id, desired in
            let instance = try await waiters.instanceReady(id, stopped: desired["stopped"] == .bool(true))
            return Readiness(live: .object(instance))
        }
        kind.gone = { waiters, id in try await waiters.instanceGone(id) }
        return kind
    }
}
