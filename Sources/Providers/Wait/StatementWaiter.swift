import JSONCore

/// Runs a SQL statement to its end: one submit, then GETs while it is PENDING or RUNNING, bounded by the wait
/// options (a pause of a second, doubling up to five).
public struct StatementWaiter: Sendable {
    let statements: StatementExecutionAPI
    let options: WaitOptions

    /// A waiter calling through `client`; statements get at most 10 minutes unless `options` say less.
    public init(client: WorkspaceClient, options: WaitOptions) {
        statements = StatementExecutionAPI(client: client)
        var bounded = options
        bounded.timeout = min(options.timeout, 600)
        bounded.firstInterval = 1
        bounded.maxInterval = 5
        bounded.progress = nil
        self.options = bounded
    }

    /// The statement's rows; a FAILED statement is an `APIError` carrying the SQL error.
    public func run(warehouseID: String, statement: String) async throws -> StatementResult {
        let first = try await statements.submit(warehouseID: warehouseID, statement: statement)
        let statements = statements
        let ended = try await Poller(options: options, kind: "statements", resource: "SQL statement", goal: "its end").run {
            () throws(APIError) -> PollVerdict<JSONValue> in
            var answer = first
            if Self.isRunning(answer), let id = answer["statement_id"]?.stringValue {
                answer = try await statements.get(id)
            }
            return Self.isRunning(answer) ? .pending(state: answer["status"]?["state"]?.stringValue ?? "RUNNING") : .done(answer)
        }
        return try StatementExecutionAPI.result(of: ended, statement: statement)
    }

    private static func isRunning(_ answer: JSONValue) -> Bool {
        ["PENDING", "RUNNING"].contains(answer["status"]?["state"]?.stringValue ?? "")
    }
}
