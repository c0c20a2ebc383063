import Providers
import JSONCore

/// The workspace calls planning and applying need, one per node kind and verb. `ProvidersWorkspace` carries them
/// out over the REST API.
public protocol LakebaseWorkspace: Sendable {
    /// GET the node's object (permissions: in the state's shape), or nil on 404.
    func read(_ kind: NodeKind, id: String) async throws(APIError) -> JSONValue?
    /// POST (permissions: PUT) the desired object; returns the created object.
    func create(_ kind: NodeKind, _ body: JSONValue) async throws(APIError) -> JSONValue
    /// PATCH `update_mask=*` with the full object (permissions: PUT).
    func update(_ kind: NodeKind, id: String, _ body: JSONValue) async throws(APIError)
    /// DELETE; `purge` drops a synced table's PostgreSQL data. Instances are always purged; permissions are left.
    func delete(_ kind: NodeKind, id: String, purge: Bool) async throws(APIError)
    /// Waits until the node is usable (instance AVAILABLE or STOPPED as desired; synced table ONLINE); returns a
    /// warning when it ended degraded.
    func waitReady(_ kind: NodeKind, name: String, desired: JSONValue) async throws -> String?
    /// Waits until GET answers 404.
    func waitGone(_ kind: NodeKind, name: String) async throws
    /// A Unity Catalog table's `TableInfo`, or nil when it does not exist.
    func sourceTable(_ fullName: String) async throws(APIError) -> JSONValue?
    /// Every database instance.
    func listInstances() async throws(APIError) -> [JSONValue]
    /// The synced tables of an instance.
    func listSyncedTables(instance: String) async throws(APIError) -> [JSONValue]
    /// Runs a SQL statement on a SQL warehouse.
    func sql(warehouseID: String, statement: String) async throws(APIError) -> StatementResult
}

/// The Lakebase REST API through `Providers`.
public struct ProvidersWorkspace: LakebaseWorkspace {
    let instances: DatabaseInstancesAPI
    let catalogs: DatabaseCatalogsAPI
    let syncedTables: SyncedTablesAPI
    let permissions: InstancePermissionsAPI
    let tables: UnityCatalogTablesAPI
    let statements: StatementExecutionAPI
    let waiters: Waiters

    /// Calls through `client`, waiting with `waitOptions`.
    public init(client: WorkspaceClient, waitOptions: WaitOptions) {
        instances = DatabaseInstancesAPI(client: client)
        catalogs = DatabaseCatalogsAPI(client: client)
        syncedTables = SyncedTablesAPI(client: client)
        permissions = InstancePermissionsAPI(client: client)
        tables = UnityCatalogTablesAPI(client: client)
        statements = StatementExecutionAPI(client: client)
        waiters = Waiters(client: client, options: waitOptions)
    }

    /// The instance name inside a permissions id `/database-instances/<name>`.
    static func instanceName(ofPermissions id: String) -> String {
        id.hasPrefix("/database-instances/") ? String(id.dropFirst("/database-instances/".count)) : id
    }

    public func read(_ kind: NodeKind, id: String) async throws(APIError) -> JSONValue? {
        switch kind {
        case .databaseInstance: return try await instances.find(id).map(JSONValue.object)
        case .databaseCatalog: return try await catalogs.find(id).map(JSONValue.object)
        case .syncedTable: return try await syncedTables.find(id).map(JSONValue.object)
        case .instancePermissions: return try await permissions.get(Self.instanceName(ofPermissions: id))
        }
    }

    public func create(_ kind: NodeKind, _ body: JSONValue) async throws(APIError) -> JSONValue {
        let object = body.objectValue ?? JSONObject()
        switch kind {
        case .databaseInstance: return .object(try await instances.create(object))
        case .databaseCatalog: return .object(try await catalogs.create(object))
        case .syncedTable: return .object(try await syncedTables.create(object))
        case .instancePermissions:
            let id = body["object_id"]?.stringValue ?? ""
            try await permissions.put(Self.instanceName(ofPermissions: id), body)
            return body
        }
    }

    public func update(_ kind: NodeKind, id: String, _ body: JSONValue) async throws(APIError) {
        switch kind {
        case .databaseInstance: _ = try await instances.update(id, body.objectValue ?? JSONObject(), updateMask: "*")
        case .instancePermissions: try await permissions.put(Self.instanceName(ofPermissions: id), body)
        case .databaseCatalog, .syncedTable:
            throw APIError(status: 0, errorCode: "NOT_IMPLEMENTED", message: "\(kind.rawValue) cannot be updated in place",
                           method: "PATCH", path: id)
        }
    }

    public func delete(_ kind: NodeKind, id: String, purge: Bool) async throws(APIError) {
        switch kind {
        case .databaseInstance: try await instances.delete(id)
        case .databaseCatalog: try await catalogs.delete(id)
        case .syncedTable: try await syncedTables.delete(id, purgeData: purge)
        case .instancePermissions: return
        }
    }

    public func waitReady(_ kind: NodeKind, name: String, desired: JSONValue) async throws -> String? {
        switch kind {
        case .databaseInstance:
            _ = try await waiters.instanceReady(name, stopped: desired["stopped"] == .bool(true))
            return nil
        case .syncedTable:
            let outcome = try await waiters.syncedTableOnline(name)
            return outcome.degraded ? "\(name) is online but its last pipeline update failed; it serves stale data" : nil
        case .databaseCatalog, .instancePermissions:
            return nil
        }
    }

    public func waitGone(_ kind: NodeKind, name: String) async throws {
        if kind == .databaseInstance { try await waiters.instanceGone(name) }
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

    public func sql(warehouseID: String, statement: String) async throws(APIError) -> StatementResult {
        try await statements.execute(warehouseID: warehouseID, statement: statement)
    }
}
