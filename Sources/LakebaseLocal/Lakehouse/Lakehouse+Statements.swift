import Foundation
import PostgresBridge
import JSONCore

extension Lakehouse {
    /// Runs one SQL statement in a catalog's database (so `catalog.schema.table` names work) and answers in the
    /// SQL Statement Execution API's shape; a SQL error is a `FAILED` state, as on the platform.
    func execute(statement: String, catalog: String, schema: String?) async throws -> JSONValue {
        if let detail = try await describeDetail(statement) { return detail }
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
        switch outcome {
        case .failure(let error):
            return Self.failed(error.message)
        case .success(let result):
            var columns = result.columns
            var rows: [[String?]] = result.rows
            if columns.isEmpty {
                columns = ["num_affected_rows"]
                rows = [[result.commandTag.split(separator: " ").last.map(String.init) ?? "0"]]
            }
            return Self.succeeded(columns: columns, rows: rows.map { row in row.map { $0.map(JSONValue.string) ?? .null } })
        }
    }

    /// `DESCRIBE DETAIL catalog.schema.table`, as Delta answers it. `sizeInBytes` is the table's PostgreSQL heap
    /// size divided by 10: Delta files are compressed, and the Lakebase Accelerator says data grows 10–20× on its
    /// way into PostgreSQL.
    private func describeDetail(_ statement: String) async throws -> JSONValue? {
        let words = statement.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: ";")))
            .split(whereSeparator: \.isWhitespace).map(String.init)
        guard words.count == 3, words[0].uppercased() == "DESCRIBE", words[1].uppercased() == "DETAIL" else { return nil }
        let name = words[2].replacingOccurrences(of: "`", with: "")
        guard let table = tables.first(where: { $0.fullName == name }) else {
            return Self.failed("[TABLE_OR_VIEW_NOT_FOUND] The table or view `\(name)` cannot be found.")
        }
        let parameters = try await parameters(catalog: table.catalog)
        let qualified = LakehouseSQL.qualified(table)
        let heap: Int64 = try await BlockingWork.run {
            let connection = try PGConnection(parameters: parameters)
            return try connection.query("SELECT pg_table_size($1::regclass)::text", [qualified]).first?.first.flatMap { $0.flatMap(Int64.init) } ?? 0
        }
        let columns = ["format", "name", "location", "numFiles", "sizeInBytes", "properties"]
        let properties = "{" + table.properties.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\"\($0.value)\"" }.joined(separator: ",") + "}"
        let row: [JSONValue] = [
            .string(table.definition == nil ? "delta" : "view"), .string(name), .string("lakebase-local://\(name)"), .string("1"),
            .string(String(heap / 10)), .string(properties),
        ]
        return Self.succeeded(columns: columns, rows: [row])
    }

    /// The catalog a statement runs in when the caller names none (see `LakehouseSQL.catalog(referencedBy:among:)`).
    nonisolated func catalog(referencedBy statement: String) -> String? {
        LakehouseSQL.catalog(referencedBy: statement, among: tables)
    }

    static func failed(_ message: String) -> JSONValue {
        .object([
            "statement_id": .string(UUID().uuidString.lowercased()),
            "status": .object(["state": .string("FAILED"), "error": .object([
                "error_code": .string("BAD_REQUEST"), "message": .string(message),
            ])]),
        ])
    }

    static func succeeded(columns: [String], rows: [[JSONValue]]) -> JSONValue {
        let schemaColumns: [JSONValue] = columns.enumerated().map { index, name in
            .object(["name": .string(name), "position": .int(Int64(index)), "type_name": .string("STRING")])
        }
        return .object([
            "statement_id": .string(UUID().uuidString.lowercased()),
            "status": .object(["state": .string("SUCCEEDED")]),
            "manifest": .object([
                "format": .string("JSON_ARRAY"),
                "schema": .object(["column_count": .int(Int64(columns.count)), "columns": .array(schemaColumns)]),
                "total_row_count": .int(Int64(rows.count)),
            ]),
            "result": .object(["row_count": .int(Int64(rows.count)), "data_array": .array(rows.map(JSONValue.array))]),
        ])
    }

    /// A psql connection string for a catalog's database (the emulator's admin role; its password is in
    /// `<data-dir>/admin-password`).
    func connectionString(catalog: String) async throws -> String {
        let parameters = try await parameters(catalog: catalog)
        return "host=\(parameters["host"] ?? "") port=\(parameters["port"] ?? "") dbname=\(catalog) "
            + "user=\(PostgresFleet.adminRole) sslmode=require"
    }
}
