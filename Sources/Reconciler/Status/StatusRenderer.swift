#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSONCore

/// `reconcile status` as text or JSON.
public enum StatusRenderer {
    /// The text report.
    public static func text(_ report: StatusReport) -> String {
        var out = "Database instances:\n"
        if report.instances.isEmpty { out += "  (none in the bundle)\n" }
        for instance in report.instances {
            out += "  \(instance.key) (\(instance.name))\n"
            guard let live = instance.live else {
                out += instance.readError.map { "    not read: \($0)\n" } ?? "    not found in the workspace\n"
                continue
            }
            let nodes = live["effective_node_count"].flatMap(Self.integer) ?? 1
            out += "    state \(live["state"]?.stringValue ?? "unknown"), capacity \(live["capacity"]?.stringValue ?? "unknown"), "
                + "\(nodes) node\(nodes == 1 ? "" : "s"), host \(live["read_write_dns"]?.stringValue ?? "-")\n"
            if let connections = instance.connections {
                out += "    connections in use: \(connections.inUse) of \(connections.limit)\n"
            } else if let problem = instance.postgresProblem {
                out += "    PostgreSQL not read: \(problem)\n"
            }
        }
        out += postgresText(report.postgres)
        out += "Synced tables:\n"
        if report.syncedTables.isEmpty { out += "  (none in the bundle)\n" }
        for table in report.syncedTables {
            out += "  \(table.key) (\(table.name))\n"
            guard let live = table.live else {
                out += table.readError.map { "    not read: \($0)\n" } ?? "    not found in the workspace\n"
                continue
            }
            // Provisioned tables answer `data_synchronization_status`, Autoscaling ones `status`.
            let status = live["data_synchronization_status"] ?? live["status"]
            out += "    \(status?["detailed_state"]?.stringValue ?? "unknown"): \(status?["message"]?.stringValue ?? "")\n"
            let sync = status?["last_sync"]
            if let end = sync?["sync_end_timestamp"]?.stringValue ?? sync?["sync_end_time"]?.stringValue {
                let version = sync?["delta_table_sync_info"]?["delta_commit_version"].flatMap(Self.integer).map { ", commit version \($0)" } ?? ""
                out += "    last sync \(end)\(version)\n"
            }
            if let facts = table.table, let destination = table.destination {
                let name = "\(destination.database).\(destination.schema).\(destination.table)"
                out += facts.exists
                    ? "    PostgreSQL \(name): \(facts.rows) rows, \(byteText(facts.totalBytes)) in \(facts.partitions) partitions\n"
                    : "    PostgreSQL \(name): missing\n"
            } else if let problem = table.postgresProblem {
                out += "    PostgreSQL not read: \(problem)\n"
            }
        }
        return out
    }

    /// The JSON report.
    public static func json(_ report: StatusReport) -> JSONValue {
        let instances: [JSONValue] = report.instances.map { instance in
            var object: JSONObject = ["key": .string(instance.key), "name": .string(instance.name)]
            if let live = instance.live {
                for field in ["state", "capacity", "effective_node_count", "read_write_dns"] { object[field] = live[field] }
            } else {
                object["state"] = .string(instance.readError == nil ? "NOT_FOUND" : "READ_FAILED")
            }
            if let error = instance.readError { object["error"] = .string(error) }
            if let connections = instance.connections {
                object["connections"] = .object(["in_use": .int(Int64(connections.inUse)), "limit": .int(Int64(connections.limit))])
            }
            if let problem = instance.postgresProblem { object["postgres_error"] = .string(problem) }
            return .object(object)
        }
        let tables: [JSONValue] = report.syncedTables.map { table in
            var object: JSONObject = ["key": .string(table.key), "name": .string(table.name)]
            if let live = table.live {
                object["data_synchronization_status"] = live["data_synchronization_status"]
                object["unity_catalog_provisioning_state"] = live["unity_catalog_provisioning_state"]
                object["status"] = live["status"]
            } else {
                object["state"] = .string(table.readError == nil ? "NOT_FOUND" : "READ_FAILED")
            }
            if let error = table.readError { object["error"] = .string(error) }
            if let facts = table.table {
                object["postgres"] = .object([
                    "exists": .bool(facts.exists), "rows": .int(facts.rows), "total_bytes": .int(facts.totalBytes),
                    "partitions": .int(Int64(facts.partitions)),
                ])
            }
            if let problem = table.postgresProblem { object["postgres_error"] = .string(problem) }
            return .object(object)
        }
        var object: JSONObject = ["database_instances": .array(instances), "synced_tables": .array(tables)]
        if !report.postgres.isEmpty { object["postgres"] = .array(report.postgres.map(postgresJSON)) }
        return .object(object)
    }

    /// `Postgres branches and endpoints:` lines (none when the bundle has none).
    static func postgresText(_ lines: [StatusReport.PostgresLine]) -> String {
        guard !lines.isEmpty else { return "" }
        var out = "Postgres branches and endpoints:\n"
        for line in lines {
            out += "  \(line.key) (\(line.name))\n"
            guard let live = line.live else {
                out += line.readError.map { "    not read: \($0)\n" } ?? "    not found in the workspace\n"
                continue
            }
            let status = live["status"]
            var facts = [status?["current_state"]?.stringValue ?? "unknown"]
            if let pending = status?["pending_state"]?.stringValue { facts.append("pending \(pending)") }
            if let host = status?["hosts"]?["host"]?.stringValue { facts.append("host \(host)") }
            if let source = status?["source_branch"]?.stringValue { facts.append("from \(source)") }
            if let expiry = status?["expire_time"]?.stringValue { facts.append("expires \(expiry)") }
            if let minimum = status?["autoscaling_limit_min_cu"], let maximum = status?["autoscaling_limit_max_cu"] {
                facts.append("\(minimum.serialized(pretty: false))–\(maximum.serialized(pretty: false)) CU")
            }
            out += "    " + facts.joined(separator: ", ") + "\n"
            if let connections = line.connections {
                out += "    connections in use: \(connections.inUse) of \(connections.limit)\n"
            }
            if let server = line.server {
                let databases = server.databases.map { "\($0.name) (\(byteText($0.bytes)))" }.joined(separator: ", ")
                out += "    databases: \(databases)\n    roles: \(server.roles.joined(separator: ", "))\n"
            }
            if let problem = line.postgresProblem { out += "    PostgreSQL not read: \(problem)\n" }
        }
        return out
    }

    static func postgresJSON(_ line: StatusReport.PostgresLine) -> JSONValue {
        var object: JSONObject = ["key": .string(line.key), "name": .string(line.name)]
        if let status = line.live?["status"] {
            object["status"] = status
        } else {
            object["state"] = .string(line.readError == nil ? "NOT_FOUND" : "READ_FAILED")
        }
        if let error = line.readError { object["error"] = .string(error) }
        if let connections = line.connections {
            object["connections"] = .object(["in_use": .int(Int64(connections.inUse)), "limit": .int(Int64(connections.limit))])
        }
        if let server = line.server {
            object["databases"] = .array(server.databases.map { .object(["name": .string($0.name), "bytes": .int($0.bytes)]) })
            object["roles"] = .array(server.roles.map(JSONValue.string))
        }
        if let problem = line.postgresProblem { object["postgres_error"] = .string(problem) }
        return .object(object)
    }

    static func integer(_ value: JSONValue) -> Int64? {
        switch value {
        case .int(let i): i
        case .double(let d): Int64(d)
        default: nil
        }
    }

    static func byteText(_ bytes: Int64) -> String { ByteCount.text(Double(bytes)) }
}
