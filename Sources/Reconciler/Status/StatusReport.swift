import Providers
import JSONCore

/// What `reconcile status` shows: every instance and synced table of the bundle, from the REST API and from
/// inside PostgreSQL.
public struct StatusReport: Sendable {
    /// An instance's line.
    public struct Instance: Sendable {
        public var key: String
        public var name: String
        /// The live object (nil when it does not exist, or could not be read).
        public var live: JSONValue?
        /// Why the object could not be read (403, 500, network), if it could not.
        public var readError: String?
        /// Sessions in use against the limit, when a login worked.
        public var connections: PostgresConnectionFacts?
        /// Why PostgreSQL could not be read, if it could not.
        public var postgresProblem: String?
    }

    /// A synced table's lines.
    public struct SyncedTable: Sendable {
        public var key: String
        public var name: String
        public var live: JSONValue?
        /// Why the object could not be read, if it could not.
        public var readError: String?
        /// Database, schema and table in PostgreSQL.
        public var destination: (database: String, schema: String, table: String)?
        public var table: PostgresTableFacts?
        public var postgresProblem: String?
    }

    /// An Autoscaling branch's or endpoint's lines.
    public struct PostgresLine: Sendable {
        public var key: String
        public var name: String
        public var live: JSONValue?
        /// Why the object could not be read, if it could not.
        public var readError: String?
        /// Endpoints: sessions in use, when a login worked.
        public var connections: PostgresConnectionFacts?
        /// Endpoints: databases and roles, when a login worked.
        public var server: PostgresServerFacts?
        public var postgresProblem: String?
    }

    /// Autoscaling branches and endpoints in key order.
    public var postgres: [PostgresLine] = []
    /// Instances in key order.
    public var instances: [Instance] = []
    /// Synced tables in key order.
    public var syncedTables: [SyncedTable] = []

    /// An empty report.
    public init() {}
}
