import ArgumentParser
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `lakebase-local sql "<statement>"`: runs SQL in a running emulator's lakehouse (through its SQL statement API),
/// e.g. to change a source table and watch the change reach synced tables.
struct SQLCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql",
        abstract: "Run a SQL statement against the lakehouse of a running lakebase-local.",
        discussion: """
            Statements run in PostgreSQL, one database per catalog: in the database of --catalog, else in that of
            the first catalog.schema.table the statement names, else main's:
              lakebase-local sql "UPDATE main.demo.orders_cdf SET status = 'SHIPPED' WHERE order_id <= 10"
            Writes to tables with change data feed get a new commit version, as Delta commits do.
            --connection-string prints where to point psql instead (password: <data-dir>/admin-password).
            """)

    @Option(name: .customLong("url"), help: "The emulator's URL.")
    var url = "http://127.0.0.1:8990"

    @Option(name: .customLong("token"), help: "A token the emulator accepts (default: DATABRICKS_TOKEN, else dapi-local-dev).")
    var token: String?

    @Option(name: .customLong("catalog"), help: "Catalog (PostgreSQL database) to run in (default: the statement's, else main).")
    var catalog: String?

    @Option(name: .customLong("schema"), help: "Schema for unqualified names.")
    var schema: String?

    @Flag(name: .customLong("connection-string"), help: "Print the lakehouse's psql connection string and exit.")
    var connectionString = false

    @Argument(help: "The SQL statement.")
    var statement: String?

    func validate() throws {
        guard connectionString || statement != nil else { throw ValidationError("give a statement, or --connection-string") }
    }

    func run() async throws {
        let bearer = token ?? ProcessInfo.processInfo.environment["DATABRICKS_TOKEN"] ?? "dapi-local-dev"
        if connectionString {
            let answer = try await call("GET", "/api/2.0/lakebase-local/lakehouse?catalog=\(catalog ?? "main")", body: nil, token: bearer)
            print(answer["connection_string"] as? String ?? "")
            return
        }
        var body: [String: Any] = ["statement": statement ?? "", "warehouse_id": "lakebase-local"]
        if let catalog { body["catalog"] = catalog }
        if let schema { body["schema"] = schema }
        let answer = try await call("POST", "/api/2.0/sql/statements", body: body, token: bearer)
        let status = answer["status"] as? [String: Any]
        guard status?["state"] as? String == "SUCCEEDED" else {
            let error = status?["error"] as? [String: Any]
            throw SQLFailure(description: "Error: \(error?["message"] as? String ?? "the statement failed")")
        }
        let columns = ((answer["manifest"] as? [String: Any])?["schema"] as? [String: Any])?["columns"] as? [[String: Any]] ?? []
        let names = columns.map { $0["name"] as? String ?? "" }
        let rows = ((answer["result"] as? [String: Any])?["data_array"] as? [[Any]] ?? []).map { row in
            row.map { ($0 as? String) ?? "NULL" }
        }
        print(Self.table(names, rows), terminator: "")
    }

    /// An aligned table with a header and a row count, as psql prints one.
    static func table(_ names: [String], _ rows: [[String]]) -> String {
        let widths = names.indices.map { index in
            ([names[index]] + rows.map { index < $0.count ? $0[index] : "" }).map(\.count).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
                .joined(separator: " | ").trimmingCharacters(in: .whitespaces) + "\n"
        }
        return line(names) + widths.map { String(repeating: "-", count: $0) }.joined(separator: "-+-") + "\n"
            + rows.map(line).joined() + "(\(rows.count) row\(rows.count == 1 ? "" : "s"))\n"
    }

    private func call(_ method: String, _ path: String, body: [String: Any]?, token: String) async throws -> [String: Any] {
        guard let endpoint = URL(string: url + path) else { throw ValidationError("invalid --url \(url)") }
        var request = URLRequest(url: endpoint)
        request.httpMethod = method
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        if let body {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = try JSONSerialization.data(withJSONObject: body)
        }
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await URLSession.shared.data(for: request)
        } catch {
            throw SQLFailure(description: "Error: cannot reach lakebase-local at \(url) (\(error.localizedDescription)); start it with: lakebase-local serve")
        }
        let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        if let http = response as? HTTPURLResponse, http.statusCode != 200 {
            throw SQLFailure(description: "Error: \(method) \(path): \(http.statusCode) \(object["error_code"] as? String ?? ""): \(object["message"] as? String ?? "")")
        }
        return object
    }
}

/// A failure printed as is, exit status 1.
struct SQLFailure: Error, CustomStringConvertible {
    let description: String
}
