import ArgumentParser
import Foundation
import LakebaseLocal

/// `lakebase-local serve`: runs the emulated workspace until SIGINT or SIGTERM.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the Lakebase REST API on HOST:PORT; instances are PostgreSQL servers on 127.0.x.y:PG-PORT.")

    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on; 0 picks a free port.") var port = 8990
    @Option(name: .customLong("data-dir"), help: "Folder for the workspace, its files and the PostgreSQL servers.")
    var dataDirectory = ".lakebase-local"
    @Option(name: .customLong("token"), help: "Accepted personal access token (repeatable; default dapi-local-dev).")
    var tokens: [String] = []
    @Option(name: .customLong("client-id"), help: "Service principal accepted by the OAuth token endpoint.")
    var clientID: String?
    @Option(name: .customLong("client-secret"), help: "Its OAuth secret.") var clientSecret: String?
    @Option(help: "userName of the personal-access-token identity.") var user = "local-user@example.com"
    @Option(name: .customLong("instance-startup-ms"), help: "STARTING → AVAILABLE delay.") var startupMilliseconds = 2000
    @Option(name: .customLong("update-ms"), help: "UPDATING (and stopping) duration.") var updateMilliseconds = 1000
    @Option(name: .customLong("delete-ms"), help: "DELETING duration.") var deleteMilliseconds = 1000
    @Option(name: .customLong("synced-table-phase-ms"), help: "Duration of each synced table provisioning phase.")
    var phaseMilliseconds = 500
    @Option(name: .customLong("latency-ms"), help: "Delay added to every request.") var latencyMilliseconds = 0
    @Option(name: .customLong("max-concurrent-requests"), help: "Beyond this many requests in flight: 429.")
    var maxConcurrentRequests: Int?
    @Option(name: .customLong("fault-rate"), help: "Fraction (0…1) of API requests answered 503 or 429.")
    var faultRate = 0.0
    @Option(name: .customLong("drop-rate"),
            help: "Fraction (0…1) of mutating API requests carried out and then answered with a dropped connection.")
    var dropRate = 0.0
    @Option(name: .customLong("fault-seed"), help: "Seed for reproducible faults.") var faultSeed: UInt64?
    @Option(name: .customLong("request-log"), help: "Append one JSON line per request to FILE.")
    var requestLog: String?
    @Option(name: .customLong("pg-port"), help: "Port of every instance's PostgreSQL server.") var pgPort = 5432
    @Option(help: "Seed file with the lakehouse's source tables (YAML).") var seed: String?
    @Option(name: .customLong("max-instances"), help: "Most database instances (the platform allows 10).")
    var maxInstances = 10
    @Option(name: .customLong("continuous-poll-ms"), help: "How often CONTINUOUS synced tables poll the change data feed.")
    var continuousPollMilliseconds = 2000

    @Option(name: .customLong("operation-ms"), help: "How long Autoscaling operations stay done:false at least.")
    var operationMilliseconds = 300

    @Option(name: .customLong("endpoint-reconcile-ms"),
            help: "How long an Autoscaling endpoint reconciles after a change (its delete answers 409 meanwhile).")
    var endpointReconcileMilliseconds = 300

    @Option(name: .customLong("oauth-token-ttl"), help: "Lifetime of OAuth access tokens, in seconds.")
    var oauthTokenLifetime = 3600

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard (1...65535).contains(pgPort) else { throw ValidationError("--pg-port must be between 1 and 65535") }
        guard (0...1).contains(faultRate) else { throw ValidationError("--fault-rate must be between 0 and 1") }
        guard (0...1).contains(dropRate) else { throw ValidationError("--drop-rate must be between 0 and 1") }
        guard (clientID == nil) == (clientSecret == nil) else {
            throw ValidationError("--client-id and --client-secret go together")
        }
        for (flag, value) in [
            ("--instance-startup-ms", startupMilliseconds), ("--update-ms", updateMilliseconds),
            ("--delete-ms", deleteMilliseconds), ("--synced-table-phase-ms", phaseMilliseconds),
            ("--latency-ms", latencyMilliseconds),
        ] where value < 0 {
            throw ValidationError("\(flag) must not be negative")
        }
        if let maxConcurrentRequests, maxConcurrentRequests < 1 {
            throw ValidationError("--max-concurrent-requests must be at least 1")
        }
        guard maxInstances >= 1 else { throw ValidationError("--max-instances must be at least 1") }
        guard continuousPollMilliseconds >= 10 else { throw ValidationError("--continuous-poll-ms must be at least 10") }
        guard operationMilliseconds >= 0 else { throw ValidationError("--operation-ms must not be negative") }
        guard endpointReconcileMilliseconds >= 0 else { throw ValidationError("--endpoint-reconcile-ms must not be negative") }
        guard oauthTokenLifetime >= 1 else { throw ValidationError("--oauth-token-ttl must be at least 1") }
    }

    func run() async throws {
        var options = ServerOptions()
        options.host = host
        options.port = port
        options.dataDirectory = dataDirectory
        if !tokens.isEmpty { options.tokens = tokens }
        options.clientID = clientID
        options.clientSecret = clientSecret
        options.userName = user
        options.instanceStartupMilliseconds = startupMilliseconds
        options.updateMilliseconds = updateMilliseconds
        options.deleteMilliseconds = deleteMilliseconds
        options.syncedTablePhaseMilliseconds = phaseMilliseconds
        options.latencyMilliseconds = latencyMilliseconds
        options.maxConcurrentRequests = maxConcurrentRequests
        options.faultRate = faultRate
        options.faultSeed = faultSeed
        options.dropRate = dropRate
        options.requestLogPath = requestLog
        options.postgresPort = pgPort
        options.seedPath = seed
        options.maxInstances = maxInstances
        options.oauthTokenLifetimeSeconds = oauthTokenLifetime
        options.continuousPollMilliseconds = continuousPollMilliseconds
        options.operationMilliseconds = operationMilliseconds
        options.endpointReconcileMilliseconds = endpointReconcileMilliseconds
        do {
            try await LakebaseLocalServer(options: options).run { url in
                FileHandle.standardOutput.write(Data("lakebase-local listening on \(url)\n".utf8))
            }
        } catch let error as LocalServerError {
            FileHandle.standardError.write(Data("lakebase-local: error: \(error.description)\n".utf8))
            throw ExitCode(1)
        }
    }
}
