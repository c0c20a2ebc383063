import Foundation
import JSONCore

extension LocalWorkspace {
    /// `POST /api/2.0/database/instances`.
    func createInstance(_ input: InstanceInput, caller: Caller) throws(LocalAPIError) -> JSONValue {
        guard let name = input.name, !name.isEmpty else { throw .invalidParameter("Field 'name' is required") }
        try InstanceInput.validate(name: name)
        guard instance(named: name) == nil else {
            throw .alreadyExists("Database instance with name '\(name)' already exists.")
        }
        guard snapshot.instances.count < options.maxInstances else {
            throw .limitExceeded(
                "Cannot create more than \(options.maxInstances) database instances in this workspace.")
        }
        var parent = input.parentInstanceRef
        if let reference = parent {
            guard let parentRecord = instance(named: reference.name) else {
                throw .notFound("Parent database instance '\(reference.name)' does not exist.")
            }
            parent?.uid = parentRecord.uid
        }
        let now = Date()
        let record = InstanceRecord(
            name: name, uid: RandomToken.uuid(), capacity: input.capacity ?? "CU_2", nodeCount: input.nodeCount ?? 1,
            enableReadableSecondaries: input.enableReadableSecondaries ?? false,
            enablePgNativeLogin: input.enablePgNativeLogin ?? false,
            retentionWindowInDays: input.retentionWindowInDays ?? 7, stopped: input.stopped ?? false,
            usagePolicyID: input.usagePolicyID, customTags: input.customTags ?? [], parentInstanceRef: parent,
            creator: caller.userName, creationTime: now, state: .starting,
            transitionDue: now.addingTimeInterval(Double(options.instanceStartupMilliseconds) / 1000), generation: 1,
            address: try freeAddress())
        snapshot.instances.append(record)
        save()
        prepareTemplateDuringStartup()
        scheduleInstanceTransition(record.uid)
        return record.wire(children: [], echoInputs: true)
    }

    /// `GET /api/2.0/database/instances/{name}`.
    func getInstance(_ name: String) throws(LocalAPIError) -> JSONValue {
        let record = try existingInstance(name)
        return record.wire(children: children(of: record))
    }

    /// `GET /api/2.0/database/instances:findByUid`.
    func findInstance(uid: String) throws(LocalAPIError) -> JSONValue {
        guard let record = snapshot.instances.first(where: { $0.uid == uid }) else {
            throw .notFound("Database instance with uid '\(uid)' does not exist.")
        }
        return record.wire(children: children(of: record))
    }

    /// `GET /api/2.0/database/instances` (paged, at most 100 per page).
    func listInstances(pageSize: Int?, pageToken: String?) throws(LocalAPIError) -> JSONValue {
        let page = try Pagination.page(of: Array(snapshot.instances), size: pageSize, maximum: 100, token: pageToken)
        return Pagination.body(
            key: "database_instances", items: page.items.map { $0.wire(children: children(of: $0)) },
            nextToken: page.nextToken)
    }

    /// `PATCH /api/2.0/database/instances/{name}?update_mask=…`.
    func updateInstance(_ name: String, input: InstanceInput, mask: [String]) throws(LocalAPIError) -> JSONValue {
        guard var record = instance(named: name) else { throw Self.instanceMissing(name) }
        guard record.state != .deleting else {
            throw .invalidState("Database instance '\(name)' is being deleted.")
        }
        if input.parentInstanceRef != nil, mask.contains("parent_instance_ref") {
            throw .invalidParameter("Field 'parent_instance_ref' cannot be changed after creation.")
        }
        if let newName = input.name, newName != name, mask.contains("name") {
            throw .invalidParameter("Field 'name' cannot be changed; database instances cannot be renamed.")
        }
        let before = record
        if mask.contains("capacity"), let capacity = input.capacity { record.capacity = capacity }
        if mask.contains("node_count") { record.nodeCount = input.nodeCount ?? 1 }
        if mask.contains("enable_readable_secondaries") {
            record.enableReadableSecondaries = input.enableReadableSecondaries ?? false
        }
        if mask.contains("enable_pg_native_login") { record.enablePgNativeLogin = input.enablePgNativeLogin ?? false }
        if mask.contains("retention_window_in_days") { record.retentionWindowInDays = input.retentionWindowInDays ?? 7 }
        if mask.contains("usage_policy_id") { record.usagePolicyID = input.usagePolicyID }
        if mask.contains("custom_tags") { record.customTags = input.customTags ?? [] }
        if mask.contains("stopped") { record.stopped = input.stopped ?? false }
        startTransition(for: &record, from: before)
        replace(record)
        save()
        scheduleInstanceTransition(record.uid)
        return record.wire(children: children(of: record), echoInputs: true)
    }

    /// `DELETE /api/2.0/database/instances/{name}?purge=…&force=…`.
    func deleteInstance(_ name: String, purge: Bool?, force: Bool) throws(LocalAPIError) {
        guard purge != false else {
            throw .invalidParameter("Purge must be set to true to delete a database instance.")
        }
        guard var record = instance(named: name) else { throw Self.instanceMissing(name) }
        let descendants = children(of: record)
        if !descendants.isEmpty && !force {
            throw .invalidState(
                "Database instance '\(name)' has child instances (\(descendants.map(\.name).joined(separator: ", "))); "
                    + "delete them first or set force=true.")
        }
        guard record.state != .deleting else { return }
        if force {
            for child in descendants { try deleteInstance(child.name, purge: true, force: true) }
        }
        record.state = .deleting
        record.generation += 1
        record.transitionDue = Date().addingTimeInterval(Double(options.deleteMilliseconds) / 1000)
        replace(record)
        save()
        scheduleInstanceTransition(record.uid)
    }

    /// Lets the template cluster be made while the first instance waits out its STARTING delay (later calls
    /// find it made).
    private func prepareTemplateDuringStartup() {
        guard transitions["template"] == nil else { return }
        let fleet = fleet
        transitions["template"] = Task { await fleet.prepareTemplate() }
    }

    /// The instance called `name`, if any.
    func instance(named name: String) -> InstanceRecord? {
        snapshot.instances[name: name]
    }

    /// The instance called `name`, or the platform's 404.
    func existingInstance(_ name: String) throws(LocalAPIError) -> InstanceRecord {
        guard let record = instance(named: name) else { throw Self.instanceMissing(name) }
        return record
    }

    /// Writes `record` back in place (matched by uid).
    func replace(_ record: InstanceRecord) {
        if let index = snapshot.instances.firstIndex(where: { $0.uid == record.uid }) {
            snapshot.instances[index] = record
        }
    }

    static func instanceMissing(_ name: String) -> LocalAPIError {
        .notFound("Database instance '\(name)' does not exist.")
    }

    private func children(of record: InstanceRecord) -> [InstanceRecord] {
        snapshot.instances.filter { $0.parentInstanceRef?.name == record.name }
    }

    /// Chooses the state an update leads to: stop, start, resize (UPDATING), or nothing.
    private func startTransition(for record: inout InstanceRecord, from before: InstanceRecord) {
        let now = Date()
        if record.stopped && before.state != .stopped {
            record.state = .updating
            record.transitionDue = now.addingTimeInterval(Double(options.updateMilliseconds) / 1000)
        } else if !record.stopped && before.state == .stopped {
            record.state = .starting
            record.transitionDue = now.addingTimeInterval(Double(options.instanceStartupMilliseconds) / 1000)
        } else if Self.needsUpdate(record, before) && record.state == .available {
            record.state = .updating
            record.transitionDue = now.addingTimeInterval(Double(options.updateMilliseconds) / 1000)
        } else {
            return
        }
        record.generation += 1
    }

    private static func needsUpdate(_ after: InstanceRecord, _ before: InstanceRecord) -> Bool {
        after.capacity != before.capacity || after.nodeCount != before.nodeCount
            || after.enableReadableSecondaries != before.enableReadableSecondaries
            || after.enablePgNativeLogin != before.enablePgNativeLogin
            || after.retentionWindowInDays != before.retentionWindowInDays || after.customTags != before.customTags
            || after.usagePolicyID != before.usagePolicyID
    }
}
