import Foundation
import PostgresBridge
import YAMLBridge

extension Lakehouse {
    /// Runs one SQL statement in a catalog's database (so `catalog.schema.table` names work) and answers in the
    /// SQL Statement Execution API's shape; a SQL error is a `FAILED` state, as on the platform.
    func execute(statement: String, catalog: String, schema: String?) async throws -> JSONValue {
        let parameters = try await parameters(catalog: catalog)
        let outcome: Result<PGStatementResult, PGError> = try await BlockingWork.run {
            let connection = try PGConnection(parameters: parameters)
            if let schema { try connection.execute("SET search_path TO \(SQLText.identifier(schema)), public") }
            do throws(PGError) {
                return .success(try connection.statement(statement))
            } catch {
                return .failure(error)
            }
        }
        let id = UUID().uuidString.lowercased()
        switch outcome {
        case .failure(let error):
            return .object([
                "statement_id": .string(id),
                "status": .object(["state": .string("FAILED"), "error": .object([
                    "error_code": .string("BAD_REQUEST"), "message": .string(error.message),
                ])]),
            ])
        case .success(let result):
            var columns = result.columns
            var rows: [[String?]] = result.rows
            if columns.isEmpty {
                columns = ["num_affected_rows"]
                rows = [[result.commandTag.split(separator: " ").last.map(String.init) ?? "0"]]
            }
            let schemaColumns: [JSONValue] = columns.enumerated().map { index, name in
                .object(["name": .string(name), "position": .int(Int64(index)), "type_name": .string("STRING")])
            }
            let data: [JSONValue] = rows.map { row in .array(row.map { $0.map(JSONValue.string) ?? .null }) }
            return .object([
                "statement_id": .string(id),
                "status": .object(["state": .string("SUCCEEDED")]),
                "manifest": .object([
                    "format": .string("JSON_ARRAY"),
                    "schema": .object(["column_count": .int(Int64(columns.count)), "columns": .array(schemaColumns)]),
                    "total_row_count": .int(Int64(rows.count)),
                ]),
                "result": .object(["row_count": .int(Int64(rows.count)), "data_array": .array(data)]),
            ])
        }
    }

    /// A psql connection string for a catalog's database (the emulator's admin role; its password is in
    /// `<data-dir>/admin-password`).
    func connectionString(catalog: String) async throws -> String {
        let parameters = try await parameters(catalog: catalog)
        return "host=\(parameters["host"] ?? "") port=\(parameters["port"] ?? "") dbname=\(catalog) "
            + "user=\(PostgresFleet.adminRole) sslmode=require"
    }
}
