internal import CLibPQ

/// The full outcome of one statement: column names, rows as text, and the command tag (`UPDATE 3`).
public struct PGStatementResult: Sendable {
    /// Column names, empty for statements that return no rows.
    public var columns: [String]
    /// Rows as text (NULL as nil).
    public var rows: [[String?]]
    /// The command tag, e.g. `SELECT 2`, `UPDATE 3`.
    public var commandTag: String
}

extension PGConnection {
    /// Runs one statement as a user typed it and returns everything a console shows.
    public func statement(_ sql: String) throws(PGError) -> PGStatementResult {
        guard let result = PQexec(handle, sql) else {
            throw PGError(message: Self.trimmed(PQerrorMessage(handle)), sqlState: nil)
        }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else { throw Self.error(of: result) }
        let columns = (0..<PQnfields(result)).map { String(cString: PQfname(result, $0)) }
        let rows = (0..<PQntuples(result)).map { row in
            (0..<PQnfields(result)).map { column -> String? in
                PQgetisnull(result, row, column) == 1 ? nil : String(cString: PQgetvalue(result, row, column))
            }
        }
        return PGStatementResult(columns: columns, rows: rows, commandTag: String(cString: PQcmdStatus(result)))
    }
}
