import PostgresBridge

/// How to log in to a database instance's PostgreSQL (lakebase-api.md §7): host = `read_write_dns`, port 5432,
/// user = the caller's SCIM `userName`, password = a generated credential; `sslmode=require` for every host
/// but loopback ones, where `prefer` keeps local servers without TLS usable.
public struct InstanceLogin: Sendable, CustomStringConvertible, CustomReflectable {
    /// The instance's `read_write_dns`.
    public var host: String
    /// PostgreSQL port (5432 on the platform).
    public var port: Int
    /// The SCIM `userName`.
    public var user: String
    /// The database (default `databricks_postgres`).
    public var database: String
    /// The credential token.
    private let password: String

    /// A login; the password is never shown.
    public init(host: String, port: Int = 5432, user: String, credential: DatabaseCredential,
                database: String = "databricks_postgres") {
        self.host = host
        self.port = port
        self.user = user
        self.database = database
        password = credential.token
    }

    /// `require`, or `prefer` on loopback hosts.
    public var sslMode: String {
        let loopback = (try? WorkspaceHost(parsing: "https://\(host)"))?.isLoopback ?? false
        return loopback ? "prefer" : "require"
    }

    /// libpq parameters.
    var parameters: [String: String] {
        [
            "host": host, "port": String(port), "user": user, "password": password, "dbname": database,
            "sslmode": sslMode, "connect_timeout": "15", "application_name": "lakebase-reconcile",
        ]
    }

    /// Connects (blocking; call from a context that may block).
    public func connect() throws(PGError) -> PGConnection {
        try PGConnection(parameters: parameters)
    }

    /// Everything but the password, so `dump` never shows it.
    public var customMirror: Mirror {
        Mirror(self, children: ["host": host, "port": port, "user": user, "database": database])
    }

    /// `user@host:port/database (sslmode)`, never the password.
    public var description: String { "\(user)@\(host):\(port)/\(database) (sslmode=\(sslMode))" }
}
