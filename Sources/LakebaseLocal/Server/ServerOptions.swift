import Foundation

/// How a `lakebase-local` server is configured (the flags of `lakebase-local serve`).
public struct ServerOptions: Sendable {
    /// Address the HTTP server binds to.
    public var host = "127.0.0.1"
    /// HTTP port; 0 picks a free one.
    public var port = 8990
    /// Folder holding the workspace file, the PostgreSQL servers and the certificate.
    public var dataDirectory = ".lakebase-local"
    /// Accepted personal access tokens.
    public var tokens = ["dapi-local-dev"]
    /// The service principal accepted by the OAuth token endpoint, when set.
    public var clientID: String?
    /// Its secret.
    public var clientSecret: String?
    /// `userName` of the personal-access-token identity.
    public var userName = "local-user@example.com"
    /// STARTING → AVAILABLE delay of a new or restarted instance.
    public var instanceStartupMilliseconds = 2000
    /// Duration of UPDATING (and of stopping).
    public var updateMilliseconds = 1000
    /// Duration of DELETING.
    public var deleteMilliseconds = 1000
    /// Duration of each synced-table provisioning phase.
    public var syncedTablePhaseMilliseconds = 500
    /// Added to every request.
    public var latencyMilliseconds = 0
    /// Requests in flight beyond this get 429; nil means unlimited.
    public var maxConcurrentRequests: Int?
    /// Fraction of API requests answered 503 or 429 before any effect.
    public var faultRate = 0.0
    /// Fraction of mutating API requests (POST, PATCH, PUT, DELETE) carried out and then answered with a dropped
    /// connection.
    public var dropRate = 0.0
    /// Seed of the fault generator; nil draws one.
    public var faultSeed: UInt64?
    /// JSON-lines request log, when set.
    public var requestLogPath: String?
    /// Port of every instance's PostgreSQL server.
    public var postgresPort = 5432
    /// Seed file with the lakehouse's source tables; nil uses the built-in seed.
    public var seedPath: String?
    /// Most instances the workspace holds (the platform's limit is 10).
    public var maxInstances = 10
    /// Lifetime of OAuth access tokens.
    public var oauthTokenLifetimeSeconds = 3600
    /// Lifetime of generated database credentials.
    public var credentialLifetimeSeconds = 3600
    /// How often a CONTINUOUS pipeline polls the change data feed, in milliseconds.
    public var continuousPollMilliseconds = 2000
    /// How long an Autoscaling operation stays `done: false` at least.
    public var operationMilliseconds = 300
    /// How long an endpoint reconciles after a create or update (`pending_state`; its delete answers 409 meanwhile).
    public var endpointReconcileMilliseconds = 300

    /// The defaults of `lakebase-local serve`.
    public init() {}
}
