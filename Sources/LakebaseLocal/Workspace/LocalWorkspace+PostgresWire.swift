import Foundation
import JSONCore

/// What GET answers for Autoscaling resources: identity fields and `status` only, never `spec` (autoscaling-api.md
/// §0, §1.4); the status is the spec merged with the parents' and the platform's defaults.
extension LocalWorkspace {
    /// The project defaults an endpoint falls back to (`default_endpoint_settings`).
    static let projectEndpointDefaults: JSONObject = [
        "autoscaling_limit_min_cu": .int(1), "autoscaling_limit_max_cu": .int(1), "suspend_timeout_duration": .string("86400s"),
    ]

    /// The resource as GET (and a finished operation's `response`) shows it.
    func postgresWire(_ record: PostgresRecord) -> JSONValue {
        var object: JSONObject = ["name": .string(record.name), record.kind.idParameter: .string(record.id)]
        if let parent = record.parent { object["parent"] = .string(parent) }
        if let uid = record.uid { object["uid"] = .string(uid) }
        object["create_time"] = .string(Self.rfc3339(record.createTime))
        object["update_time"] = .string(Self.rfc3339(record.updateTime))
        if record.kind == .project {
            if let deleted = record.deleteTime { object["delete_time"] = .string(Self.rfc3339(deleted)) }
            if let purge = record.purgeTime { object["purge_time"] = .string(Self.rfc3339(purge)) }
        }
        let status: JSONObject
        switch record.kind {
        case .project: status = projectStatus(record)
        case .branch: status = branchStatus(record)
        case .endpoint: status = endpointStatus(record)
        case .database: status = databaseStatus(record)
        case .role: status = roleStatus(record)
        }
        object["status"] = .object(status)
        return .object(object)
    }

    /// The project's `default_endpoint_settings` as its status shows them.
    func endpointDefaults(ofProject name: String) -> JSONObject {
        var settings = Self.projectEndpointDefaults
        for (key, value) in snapshot.postgres[name: name]?.spec["default_endpoint_settings"]?.objectValue ?? JSONObject() {
            settings[key] = value
        }
        if settings["no_suspension"] == .bool(true) { settings["suspend_timeout_duration"] = nil }
        return settings
    }

    private func projectStatus(_ record: PostgresRecord) -> JSONObject {
        let spec = record.spec
        var status: JSONObject = [
            "project_id": .string(record.id), "display_name": spec["display_name"] ?? .string(record.id),
            "pg_version": spec["pg_version"] ?? .int(17),
            "history_retention_duration": spec["history_retention_duration"] ?? .string("604800s"),
            "default_endpoint_settings": .object(endpointDefaults(ofProject: record.name)),
            "enable_pg_native_login": spec["enable_pg_native_login"] ?? .bool(false),
            "default_branch": spec["default_branch"] ?? .string(record.name + "/branches/production"),
            "owner": .string(record.owner ?? ""), "branch_logical_size_limit_bytes": .int(8 << 40),
            "synthetic_storage_size_bytes": .int(0),
        ]
        for field in ["custom_tags", "budget_policy_id"] where spec[field] != nil { status[field] = spec[field] }
        return status
    }

    private func branchStatus(_ record: PostgresRecord) -> JSONObject {
        let spec = record.spec
        let project = record.parent ?? ""
        let defaultBranch = snapshot.postgres[name: project]?.spec["default_branch"]?.stringValue ?? project + "/branches/production"
        var status: JSONObject = [
            "branch_id": .string(record.id), "current_state": .string(record.ready ? "READY" : "INIT"),
            "state_change_time": .string(Self.rfc3339(record.updateTime)), "default": .bool(record.name == defaultBranch),
            "is_protected": spec["is_protected"] ?? .bool(false), "logical_size_bytes": .int(0),
        ]
        if let seconds = PostgresSpec.seconds(spec["ttl"]) {
            status["expire_time"] = .string(Self.rfc3339(record.createTime.addingTimeInterval(seconds)))
        } else if let expire = spec["expire_time"] {
            status["expire_time"] = expire
        }
        if let source = record.sourceBranch {
            status["source_branch"] = .string(source)
            status["source_branch_lsn"] = spec["source_branch_lsn"] ?? .string("0/0")
            status["source_branch_time"] = .string(Self.rfc3339(record.sourceTime ?? record.createTime))
        }
        if let deleted = record.deleteTime { status["delete_time"] = .string(Self.rfc3339(deleted)) }
        if let purge = record.purgeTime { status["purge_time"] = .string(Self.rfc3339(purge)) }
        return status
    }

    private func endpointStatus(_ record: PostgresRecord) -> JSONObject {
        let spec = record.spec
        let project = Self.ancestors(of: record.name).first ?? ""
        let defaults = endpointDefaults(ofProject: project)
        var status: JSONObject = [
            "endpoint_id": .string(record.id), "endpoint_type": spec["endpoint_type"] ?? .string("ENDPOINT_TYPE_READ_WRITE"),
            "current_state": .string(record.ready ? "ACTIVE" : "INIT"), "disabled": spec["disabled"] ?? .bool(false),
            "autoscaling_limit_min_cu": spec["autoscaling_limit_min_cu"] ?? defaults["autoscaling_limit_min_cu"] ?? .int(1),
            "autoscaling_limit_max_cu": spec["autoscaling_limit_max_cu"] ?? defaults["autoscaling_limit_max_cu"] ?? .int(1),
            "group": .object([
                "min": spec["group"]?["min"] ?? .int(1), "max": spec["group"]?["max"] ?? .int(1),
                "enable_readable_secondaries": spec["group"]?["enable_readable_secondaries"] ?? .bool(false),
            ]),
            "settings": .object(["pg_settings": spec["settings"]?["pg_settings"] ?? .object([:])]),
            "last_active_time": .string(Self.rfc3339(record.updateTime)),
        ]
        if spec["no_suspension"] == .bool(true) {
            status["no_suspension"] = .bool(true)
        } else if let suspend = spec["suspend_timeout_duration"] ?? defaults["suspend_timeout_duration"] {
            status["suspend_timeout_duration"] = suspend
        }
        if let until = record.pendingUntil, until > Date() { status["pending_state"] = .string("ACTIVE") }
        if let address = record.address { status["hosts"] = .object(["host": .string(address)]) }
        return status
    }

    private func databaseStatus(_ record: PostgresRecord) -> JSONObject {
        let spec = record.spec
        return ["database_id": .string(record.id), "postgres_database": spec["postgres_database"] ?? .string(""),
                "role": spec["role"] ?? .string("")]
    }

    private func roleStatus(_ record: PostgresRecord) -> JSONObject {
        let spec = record.spec
        let attributes = spec["attributes"]
        return [
            "role_id": .string(record.id), "postgres_role": spec["postgres_role"] ?? .string(""),
            "identity_type": spec["identity_type"] ?? .string("IDENTITY_TYPE_UNSPECIFIED"),
            "auth_method": .string(Self.authMethod(of: spec)),
            "membership_roles": spec["membership_roles"] ?? .array([]),
            "attributes": .object([
                "createdb": attributes?["createdb"] ?? .bool(false), "createrole": attributes?["createrole"] ?? .bool(false),
                "bypassrls": attributes?["bypassrls"] ?? .bool(false),
            ]),
        ]
    }

    /// A role's `auth_method`: as set, else OAuth for managed identities and a SCRAM password for plain roles.
    nonisolated static func authMethod(of spec: JSONValue) -> String {
        if let method = spec["auth_method"]?.stringValue { return method }
        return spec["identity_type"]?.stringValue == nil ? "PG_PASSWORD_SCRAM_SHA_256" : "LAKEBASE_OAUTH_V1"
    }
}
