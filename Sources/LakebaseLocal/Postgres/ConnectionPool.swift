import Foundation
import PostgresBridge

/// Idle administrative connections of the data plane, kept for reuse: a synced table's provisioning would
/// otherwise open five TLS connections with SCRAM logins, and a thousand tables spend more time logging in than
/// copying. A connection goes back only when the work on it succeeded and it is idle outside a transaction; one
/// whose server went away is found by a `SELECT 1` at checkout and dropped.
final class ConnectionPool: @unchecked Sendable {
    /// The pool of the process.
    static let shared = ConnectionPool()
    /// Idle connections kept per server and database.
    static let idlePerKey = 4

    private let lock = NSLock()
    private var idle: [String: [PGConnection]] = [:]

    /// Runs `work` on a pooled (or new) connection with `parameters`; session settings must not outlive `work`.
    func with<Value>(_ parameters: [String: String], _ work: (PGConnection) throws -> Value) throws -> Value {
        let key = parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let connection = try checkOut(key) ?? PGConnection(parameters: parameters)
        let value = try work(connection)
        checkIn(connection, key: key)
        return value
    }

    private func checkOut(_ key: String) -> PGConnection? {
        while let connection = lock.withLock({ idle[key]?.popLast() }) {
            // A server stopped since (an instance deleted and created again at the same address) shows only on use.
            if connection.isReusable, (try? connection.query("SELECT 1")) != nil { return connection }
        }
        return nil
    }

    private func checkIn(_ connection: PGConnection, key: String) {
        guard connection.isReusable else { return }
        lock.withLock {
            if idle[key, default: []].count < Self.idlePerKey { idle[key, default: []].append(connection) }
        }
    }
}
