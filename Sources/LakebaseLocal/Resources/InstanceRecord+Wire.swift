import JSONCore

extension InstanceRecord {
    /// The DatabaseInstance JSON the API answers. Input-only fields are never included except `custom_tags`,
    /// which create and update responses echo (`echoInputs`).
    func wire(children: [InstanceRecord], echoInputs: Bool = false) -> JSONValue {
        var object = JSONObject()
        object["name"] = .string(name)
        object["uid"] = .string(uid)
        object["capacity"] = .string(capacity)
        object["effective_capacity"] = .string(capacity)
        object["state"] = .string(state.rawValue)
        object["creator"] = .string(creator)
        object["creation_time"] = .string(LocalWorkspace.rfc3339(creationTime))
        object["pg_version"] = .string("PG_VERSION_16")
        object["read_write_dns"] = .string(address)
        if enableReadableSecondaries { object["read_only_dns"] = .string(address) }
        object["effective_node_count"] = .int(Int64(nodeCount))
        object["effective_enable_readable_secondaries"] = .bool(enableReadableSecondaries)
        object["effective_enable_pg_native_login"] = .bool(enablePgNativeLogin)
        object["effective_retention_window_in_days"] = .int(Int64(retentionWindowInDays))
        object["effective_stopped"] = .bool(state == .stopped)
        if let usagePolicyID { object["effective_usage_policy_id"] = .string(usagePolicyID) }
        if !customTags.isEmpty { object["effective_custom_tags"] = Self.wire(customTags) }
        if echoInputs, !customTags.isEmpty { object["custom_tags"] = Self.wire(customTags) }
        if let parentInstanceRef { object["parent_instance_ref"] = Self.wire(parentInstanceRef) }
        if !children.isEmpty {
            object["child_instance_refs"] = .array(
                children.map { Self.wire(InstanceReference(name: $0.name, branchTime: nil, lsn: nil, uid: $0.uid)) })
        }
        return .object(object)
    }

    private static func wire(_ tags: [CustomTag]) -> JSONValue {
        .array(tags.map { .object(["key": .string($0.key), "value": .string($0.value)]) })
    }

    private static func wire(_ reference: InstanceReference) -> JSONValue {
        var object = JSONObject()
        object["name"] = .string(reference.name)
        if let branchTime = reference.branchTime { object["branch_time"] = .string(branchTime) }
        if let lsn = reference.lsn { object["effective_lsn"] = .string(lsn) }
        if let uid = reference.uid { object["uid"] = .string(uid) }
        return .object(object)
    }
}
