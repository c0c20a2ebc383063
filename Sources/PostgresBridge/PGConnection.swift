internal import CLibPQ
import JSONCore
#if canImport(Glibc)
import Glibc
#endif

/// One libpq connection: parameterised queries, COPY in and out, and errors that carry the server's message and
/// SQLSTATE but never the password. The only type (with its extensions) that sees libpq.
public final class PGConnection {
    let handle: OpaquePointer

    /// Connects with libpq keyword/value parameters; the error never includes the password.
    public init(parameters: [String: String]) throws(PGError) {
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
            throw PGError(message: Self.withoutSecret(message, parameters["password"]), sqlState: nil)
        }
        handle = connection
    }

    deinit { PQfinish(handle) }

    /// Whether the connection is still usable and idle: it reads what the server sent meanwhile (a server that
    /// shut down has closed the socket) and checks that no transaction is open.
    public var isReusable: Bool {
        PQconsumeInput(handle) == 1 && PQstatus(handle) == CONNECTION_OK && PQtransactionStatus(handle) == PQTRANS_IDLE
    }

    /// Runs one or more statements that return no rows.
    public func execute(_ sql: String) throws(PGError) {
        _ = try query(sql)
    }

    /// Runs a statement with `$1`-style text parameters and returns its rows as text (NULL as nil).
    @discardableResult
    public func query(_ sql: String, _ parameters: [String] = []) throws(PGError) -> [[String?]] {
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
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else { throw Self.error(of: result) }
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
    public func scramVerifier(password: String, role: String) throws(PGError) -> String {
        guard let encrypted = PQencryptPasswordConn(handle, password, role, "scram-sha-256") else {
            throw PGError(message: Self.trimmed(PQerrorMessage(handle)), sqlState: nil)
        }
        defer { PQfreemem(encrypted) }
        return String(cString: encrypted)
    }

    /// `message` with any occurrence of `secret` replaced (libpq never quotes passwords, but be sure).
    static func withoutSecret(_ message: String, _ secret: String?) -> String {
        guard let secret, !secret.isEmpty else { return message }
        return message.replacing(secret, with: "<redacted>")
    }

    /// The raw handle, for the COPY extension.
    var raw: OpaquePointer { handle }

    static func trimmed(_ message: UnsafePointer<CChar>?) -> String {
        guard let message else { return "unknown libpq error" }
        return String(cString: message).trimmingWhitespace()
    }
}

/// A libpq failure: the server's message and SQLSTATE when there is one.
public struct PGError: Error, Sendable, CustomStringConvertible {
    /// The libpq or server message.
    public let message: String
    /// The five-character SQLSTATE, when the server sent one.
    public let sqlState: String?

    /// A failure with this message and state.
    public init(message: String, sqlState: String?) {
        self.message = message
        self.sqlState = sqlState
    }

    /// `message (SQLSTATE xxxxx)`.
    public var description: String { sqlState.map { "\(message) (SQLSTATE \($0))" } ?? message }
}
