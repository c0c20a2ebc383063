import Providers
import JSONCore

/// The workspace calls planning and applying need, one per node kind and verb. `ProvidersWorkspace` carries them
/// out over the REST API through each kind's `KindClient`.
public protocol LakebaseWorkspace: Sendable {
    /// GET the node's object (permissions: in the state's shape), or nil on 404.
    func read(_ kind: NodeKind, id: String) async throws(APIError) -> JSONValue?
    /// Creates the node that will have id `id`; returns the created object once the call (and its operation, if it
    /// started one) finished.
    func create(_ kind: NodeKind, id: String, _ body: JSONValue) async throws -> JSONValue
    /// Updates the node with the full desired `body`; `changedPaths` are the fields the plan changes.
    func update(_ kind: NodeKind, id: String, _ body: JSONValue, changedPaths: [String]) async throws
    /// Deletes the node; `purge` drops the data it holds where the kind supports it.
    @discardableResult
    func delete(_ kind: NodeKind, id: String, purge: Bool) async throws -> DeleteResult
    /// Waits until the node is usable: a warning when it ended degraded, and the node as the wait last read it.
    func waitReady(_ kind: NodeKind, id: String, desired: JSONValue) async throws -> Readiness
    /// Waits until GET answers 404, bounded.
    func waitGone(_ kind: NodeKind, id: String) async throws
    /// A Unity Catalog table's `TableInfo`, or nil when it does not exist.
    func sourceTable(_ fullName: String) async throws(APIError) -> JSONValue?
    /// Every database instance.
    func listInstances() async throws(APIError) -> [JSONValue]
    /// The synced tables of an instance.
    func listSyncedTables(instance: String) async throws(APIError) -> [JSONValue]
    /// Runs a SQL statement on a SQL warehouse to its end.
    func sql(warehouseID: String, statement: String) async throws -> StatementResult
}

/// What a delete did.
public enum DeleteResult: Sendable, Equatable {
    /// The resource is deleted (or its delete finished).
    case deleted
    /// The platform deletes it only with its parent (`MANAGED_BY_PARENT`); it still exists until then.
    case leftToParent
}

/// The Lakebase REST API through `Providers`: each node kind's calls go to its registered `KindClient`, and the
/// operations they start are finished by one `OperationWaiter`.
public struct ProvidersWorkspace: LakebaseWorkspace {
    let clients: [String: any KindClient]
    let operations: OperationWaiter
    let instances: DatabaseInstancesAPI
    let syncedTables: SyncedTablesAPI
    let tables: UnityCatalogTablesAPI
    let statements: StatementWaiter

    /// Calls through `client`, waiting with `waitOptions`.
    public init(client: WorkspaceClient, waitOptions: WaitOptions) {
        clients = KindClients.make(client: client, waitOptions: waitOptions)
        operations = OperationWaiter(client: client, options: waitOptions)
        instances = DatabaseInstancesAPI(client: client)
        syncedTables = SyncedTablesAPI(client: client)
        tables = UnityCatalogTablesAPI(client: client)
        statements = StatementWaiter(client: client, options: waitOptions)
    }

    /// The client of `kind`; a kind without one is an error naming it.
    func client(_ kind: NodeKind) throws(APIError) -> any KindClient {
        guard let client = clients[kind.rawValue] else {
            throw APIError(status: 0, errorCode: "NOT_IMPLEMENTED", message: "no client is registered for \(kind.rawValue)",
                           method: "-", path: kind.rawValue)
        }
        return client
    }

    public func read(_ kind: NodeKind, id: String) async throws(APIError) -> JSONValue? {
        try await client(kind).read(id: id)
    }

    public func create(_ kind: NodeKind, id: String, _ body: JSONValue) async throws -> JSONValue {
        try await operations.finish(try await client(kind).create(id: id, body), kind: kind.rawValue, id: id)
    }

    public func update(_ kind: NodeKind, id: String, _ body: JSONValue, changedPaths: [String]) async throws {
        let outcome = try await client(kind).update(id: id, body, changedPaths: changedPaths)
        _ = try await operations.finish(outcome, kind: kind.rawValue, id: id)
    }

    @discardableResult
    public func delete(_ kind: NodeKind, id: String, purge: Bool) async throws -> DeleteResult {
        let outcome = try await client(kind).delete(id: id, options: DeleteOptions(purge: purge))
        if outcome == .leftToParent { return .leftToParent }
        _ = try await operations.finish(outcome, kind: kind.rawValue, id: id)
        return .deleted
    }

    public func waitReady(_ kind: NodeKind, id: String, desired: JSONValue) async throws -> Readiness {
        try await client(kind).waitReady(id: id, desired: desired)
    }

    public func waitGone(_ kind: NodeKind, id: String) async throws {
        try await client(kind).waitGone(id: id)
    }

    public func sourceTable(_ fullName: String) async throws(APIError) -> JSONValue? {
        try await tables.find(fullName).map(JSONValue.object)
    }

    public func listInstances() async throws(APIError) -> [JSONValue] {
        try await instances.list().map(JSONValue.object)
    }

    public func listSyncedTables(instance: String) async throws(APIError) -> [JSONValue] {
        try await syncedTables.list(instance: instance).map(JSONValue.object)
    }

    public func sql(warehouseID: String, statement: String) async throws -> StatementResult {
        try await statements.run(warehouseID: warehouseID, statement: statement)
    }
}
