import JSONCore

/// The result of a SQL statement: column names and rows as text.
public struct StatementResult: Sendable, Hashable {
    /// Column names.
    public var columns: [String]
    /// Rows (NULL as nil).
    public var rows: [[String?]]

    /// The value of `column` in the first row.
    public func first(_ column: String) -> String? {
        guard let index = columns.firstIndex(where: { $0.lowercased() == column.lowercased() }) else { return nil }
        return rows.first.flatMap { index < $0.count ? $0[index] : nil }
    }
}

/// `/api/2.0/sql/statements` on a SQL warehouse: one method per call; `StatementWaiter` waits for a statement to end.
public struct StatementExecutionAPI: Sendable {
    let client: WorkspaceClient

    /// Calls through `client`.
    public init(client: WorkspaceClient) { self.client = client }

    /// `POST`: submits `statement`, letting the server wait up to 30 s before it answers.
    public func submit(warehouseID: String, statement: String) async throws(APIError) -> JSONValue {
        try await client.call("POST", "/api/2.0/sql/statements", body: .object([
            "warehouse_id": .string(warehouseID), "statement": .string(statement), "wait_timeout": .string("30s"),
            "format": .string("JSON_ARRAY"), "disposition": .string("INLINE"),
        ]))
    }

    /// `GET` one statement.
    public func get(_ statementID: String) async throws(APIError) -> JSONValue {
        try await client.call("GET", "/api/2.0/sql/statements/" + WorkspaceClient.segment(statementID))
    }

    /// The rows of a statement that ended; a statement that did not succeed is an `APIError` carrying the SQL error.
    static func result(of answer: JSONValue, statement: String) throws(APIError) -> StatementResult {
        guard answer["status"]?["state"]?.stringValue == "SUCCEEDED" else {
            let error = answer["status"]?["error"]
            throw APIError(status: 200, errorCode: error?["error_code"]?.stringValue ?? answer["status"]?["state"]?.stringValue ?? "FAILED",
                           message: error?["message"]?.stringValue ?? "the statement did not succeed: \(statement)",
                           method: "POST", path: "/api/2.0/sql/statements")
        }
        let columns = (answer["manifest"]?["schema"]?["columns"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }
        let rows = (answer["result"]?["data_array"]?.arrayValue ?? []).map { row in (row.arrayValue ?? []).map(\.stringValue) }
        return StatementResult(columns: columns, rows: rows)
    }
}
