internal import CLibPQ
import Foundation

/// One libpq connection used by the emulator to administer an instance's PostgreSQL server.
final class PGConnection {
    private let handle: OpaquePointer

    /// Connects with libpq keyword/value parameters; the error never includes the password.
    init(parameters: [String: String]) throws(PGError) {
        let keys = Array(parameters.keys)
        let keyPointers = keys.map { strdup($0) } + [nil]
        let valuePointers = keys.map { strdup(parameters[$0] ?? "") } + [nil]
        defer {
            keyPointers.forEach { free($0) }
            valuePointers.forEach { free($0) }
        }
        let connection = keyPointers.map { UnsafePointer($0) }.withUnsafeBufferPointer { keyBuffer in
            valuePointers.map { UnsafePointer($0) }.withUnsafeBufferPointer { valueBuffer in
                PQconnectdbParams(keyBuffer.baseAddress, valueBuffer.baseAddress, 0)
            }
        }
        guard let connection else { throw PGError(message: "out of memory while connecting", sqlState: nil) }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = Self.trimmed(PQerrorMessage(connection))
            PQfinish(connection)
            throw PGError(message: message, sqlState: nil)
        }
        handle = connection
    }

    deinit { PQfinish(handle) }

    /// Runs one or more statements that return no rows.
    func execute(_ sql: String) throws(PGError) {
        _ = try query(sql)
    }

    /// Runs a statement with `$1`-style text parameters and returns its rows as text (NULL as nil).
    @discardableResult
    func query(_ sql: String, _ parameters: [String] = []) throws(PGError) -> [[String?]] {
        let result: OpaquePointer?
        if parameters.isEmpty {
            result = PQexec(handle, sql)
        } else {
            let copies = parameters.map { strdup($0) }
            defer { copies.forEach { free($0) } }
            result = copies.map { UnsafePointer($0) }.withUnsafeBufferPointer { buffer in
                PQexecParams(handle, sql, Int32(parameters.count), nil, buffer.baseAddress, nil, nil, 0)
            }
        }
        guard let result else { throw PGError(message: Self.trimmed(PQerrorMessage(handle)), sqlState: nil) }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else {
            let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
            throw PGError(message: Self.trimmed(PQresultErrorMessage(result)), sqlState: state)
        }
        var rows: [[String?]] = []
        for row in 0..<PQntuples(result) {
            var values: [String?] = []
            for column in 0..<PQnfields(result) {
                values.append(PQgetisnull(result, row, column) == 1 ? nil : String(cString: PQgetvalue(result, row, column)))
            }
            rows.append(values)
        }
        return rows
    }

    /// The SCRAM-SHA-256 verifier of `password` for `role`, computed on this side so the password never
    /// travels in SQL text (and so never into a server log).
    func scramVerifier(password: String, role: String) throws(PGError) -> String {
        guard let encrypted = PQencryptPasswordConn(handle, password, role, "scram-sha-256") else {
            throw PGError(message: Self.trimmed(PQerrorMessage(handle)), sqlState: nil)
        }
        defer { PQfreemem(encrypted) }
        return String(cString: encrypted)
    }

    private static func trimmed(_ message: UnsafePointer<CChar>?) -> String {
        guard let message else { return "unknown libpq error" }
        return String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// A libpq failure: the server's message and SQLSTATE when there is one.
struct PGError: Error, CustomStringConvertible {
    /// The libpq or server message.
    let message: String
    /// The five-character SQLSTATE, when the server sent one.
    let sqlState: String?

    var description: String { sqlState.map { "\(message) (SQLSTATE \($0))" } ?? message }
}
