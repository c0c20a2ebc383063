import Foundation
import PostgresBridge
import JSONCore

/// What one pipeline run did.
struct SyncOutcome: Sendable {
    /// Rows written (copied, or upserted plus deleted).
    var rows: Int
    /// Source commit version now applied (nil for sources without change data feed).
    var version: Int64?
    /// When that version was committed.
    var committedAt: Date?
}

/// Moves rows from a lakehouse source table into a synced table's PostgreSQL table: a full copy with the COPY
/// protocol (SNAPSHOT, and every initial sync), or the change data feed applied by primary key (TRIGGERED,
/// CONTINUOUS). Blocking libpq work: run it with `BlockingWork`.
struct SyncPipeline: Sendable {
    let source: SourceTable
    let sourceParameters: [String: String]
    let destination: DestinationTable
    let destinationParameters: [String: String]
    let timeseriesKey: String?

    private var columnList: String { source.columns.map { SQLText.identifier($0.name) }.joined(separator: ", ") }
    private var feedKey: String { "\(source.schema).\(source.name)" }

    /// Rows in the source now (for progress).
    func sourceRowCount() throws -> Int {
        let rows = try ConnectionPool.shared.with(sourceParameters) { connection in
            try connection.query("SELECT count(*) FROM \(LakehouseSQL.qualified(source))")
        }
        return rows.first?.first.flatMap { $0.flatMap(Int.init) } ?? 0
    }

    /// Replaces the destination's rows with a consistent copy of the source (one repeatable-read snapshot, the
    /// commit version read inside it), streamed from server to server as the rows arrive: the copy is never held in
    /// memory, so a source of any size fits.
    func fullCopy() throws -> SyncOutcome {
        var version: Int64?
        var committedAt: Date?
        let rows = try ConnectionPool.shared.with(sourceParameters) { reader in
            try reader.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            if source.changeDataFeedEnabled, let row = try reader.query(LakehouseSQL.latestVersion, [feedKey]).first {
                version = row.first.flatMap { $0.flatMap(Int64.init) }
                committedAt = row.dropFirst().first.flatMap { $0.flatMap(Self.epoch) }
            }
            let rows = try ConnectionPool.shared.with(destinationParameters) { writer in
                try writer.execute("BEGIN")
                try writer.execute("TRUNCATE \(destination.qualifiedName)")
                let rows = try writer.copyIn("COPY \(destination.qualifiedName) (\(columnList)) FROM STDIN", streamingFrom: reader,
                                             "COPY (SELECT \(columnList) FROM \(LakehouseSQL.qualified(source))) TO STDOUT")
                try writer.execute("COMMIT")
                return rows
            }
            try reader.execute("COMMIT")
            return rows
        }
        return SyncOutcome(rows: rows, version: version, committedAt: committedAt)
    }

    /// Applies the feed's changes after `version`: the last change of each primary key wins (with a
    /// `timeseries_key`, the row with the latest time series value); upserts and deletes in one transaction, and a
    /// row never replaces a newer one in the destination. Nil when nothing changed.
    func applyChanges(after version: Int64) throws -> SyncOutcome? {
        let changes = try ConnectionPool.shared.with(sourceParameters) { reader in
            try reader.query(LakehouseSQL.changesAfter, [feedKey, String(version)])
        }
        guard !changes.isEmpty else { return nil }
        var latest: [String: (deleted: Bool, row: JSONValue)] = [:]
        var order: [String] = []
        var newest = version
        for change in changes {
            guard let changeVersion = change[0].flatMap(Int64.init), let kind = change[1], let text = change[2],
                  let row = try? JSONParser.parse(text) else { continue }
            newest = max(newest, changeVersion)
            let key = source.primaryKey.map { row[$0]?.serialized(pretty: false) ?? "null" }.joined(separator: "\u{1F}")
            if let previous = latest[key], let tie = timeseriesKey, kind != "delete", !previous.deleted,
               Self.isNewer(previous.row[tie], than: row[tie]) {
                continue  // the time series key breaks ties: an older row does not replace a newer one
            }
            if latest[key] == nil { order.append(key) }
            latest[key] = (kind == "delete", row)
        }
        let upserts = order.compactMap { latest[$0] }.filter { !$0.deleted }.map(\.row)
        let deletes = order.compactMap { latest[$0] }.filter(\.deleted).map(\.row)
        try ConnectionPool.shared.with(destinationParameters) { writer in
            try writer.execute("BEGIN")
            if !deletes.isEmpty { _ = try writer.query(deleteStatement, [JSONValue.array(deletes).serialized(pretty: false)]) }
            if !upserts.isEmpty { _ = try writer.query(upsertStatement, [JSONValue.array(upserts).serialized(pretty: false)]) }
            try writer.execute("COMMIT")
        }
        let committed = try ConnectionPool.shared.with(sourceParameters) { reader in
            try reader.query(LakehouseSQL.latestVersion, [feedKey])
        }.first?.dropFirst().first.flatMap { $0.flatMap(Self.epoch) }
        return SyncOutcome(rows: upserts.count + deletes.count, version: newest, committedAt: committed)
    }

    private var upsertStatement: String {
        let keys = source.primaryKey.map(SQLText.identifier).joined(separator: ", ")
        let updates = source.columns.filter { !source.primaryKey.contains($0.name) }
            .map { "\(SQLText.identifier($0.name)) = EXCLUDED.\(SQLText.identifier($0.name))" }
        let conflict = updates.isEmpty ? "DO NOTHING" : "DO UPDATE SET " + updates.joined(separator: ", ")
            + (timeseriesKey.map { " WHERE \(destination.qualifiedName).\(SQLText.identifier($0)) <= EXCLUDED.\(SQLText.identifier($0))" } ?? "")
        return "INSERT INTO \(destination.qualifiedName) (\(columnList)) SELECT \(columnList) "
            + "FROM jsonb_populate_recordset(NULL::\(destination.qualifiedName), $1::jsonb) ON CONFLICT (\(keys)) \(conflict)"
    }

    private var deleteStatement: String {
        let match = source.primaryKey.map { "d.\(SQLText.identifier($0)) = r.\(SQLText.identifier($0))" }.joined(separator: " AND ")
        return "DELETE FROM \(destination.qualifiedName) AS d USING jsonb_populate_recordset(NULL::\(destination.qualifiedName), $1::jsonb) AS r WHERE \(match)"
    }

    /// Whether time series value `lhs` is later than `rhs` (numbers numerically, text such as ISO timestamps by
    /// comparison); a missing value is never newer.
    static func isNewer(_ lhs: JSONValue?, than rhs: JSONValue?) -> Bool {
        switch (lhs, rhs) {
        case (.int(let a)?, .int(let b)?): return a > b
        case (.double(let a)?, .double(let b)?): return a > b
        case (.int(let a)?, .double(let b)?): return Double(a) > b
        case (.double(let a)?, .int(let b)?): return a > Double(b)
        case (.string(let a)?, .string(let b)?): return a > b
        case (_?, nil): return true
        default: return false
        }
    }

    /// Seconds since 1970 as PostgreSQL prints a float8.
    static func epoch(_ text: String) -> Date? {
        Double(text).map { Date(timeIntervalSince1970: $0) }
    }
}
