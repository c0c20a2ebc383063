import Foundation
import JSONCore

extension LocalWorkspace {
    /// The record called `name` when it and every ancestor exist and none is soft-deleted.
    func livePostgres(_ name: String) -> PostgresRecord? {
        guard let record = snapshot.postgres[name: name], record.deleteTime == nil else { return nil }
        return Self.ancestors(of: name).allSatisfy { ancestor in
            snapshot.postgres[name: ancestor].map { $0.deleteTime == nil } ?? false
        } ? record : nil
    }

    /// The record GET answers for `name`: a live one, or a soft-deleted project or branch whose ancestors are live
    /// (it answers "as if live", with its `delete_time`); anything else is the platform's 404.
    func visiblePostgres(_ name: String, _ kind: PostgresKind) throws(LocalAPIError) -> PostgresRecord {
        guard let record = snapshot.postgres[name: name], record.kind == kind,
              Self.ancestors(of: name).allSatisfy({ livePostgres($0) != nil }) else {
            throw Self.postgresMissing(kind, name)
        }
        return record
    }

    /// The live record of `kind` called `name`, or the platform's 404.
    func existingPostgres(_ name: String, _ kind: PostgresKind) throws(LocalAPIError) -> PostgresRecord {
        guard let record = livePostgres(name), record.kind == kind else { throw Self.postgresMissing(kind, name) }
        return record
    }

    /// `404 NOT_FOUND "<kind> id not found"`, as the platform answers a missing name (or a missing parent).
    static func postgresMissing(_ kind: PostgresKind, _ name: String) -> LocalAPIError {
        .notFound("\(kind.rawValue) id not found: \(name)", code: "NOT_FOUND")
    }

    /// `projects/p` and `projects/p/branches/b` for `projects/p/branches/b/endpoints/e`.
    nonisolated static func ancestors(of name: String) -> [String] {
        let parts = name.split(separator: "/").map(String.init)
        return stride(from: 2, to: parts.count - 1, by: 2).map { parts[0..<$0].joined(separator: "/") }
    }

    /// The records whose parent is `name`, of `kind` when given, in creation order.
    func postgresChildren(of name: String, _ kind: PostgresKind? = nil) -> [PostgresRecord] {
        snapshot.postgres.filter { $0.parent == name && (kind == nil || $0.kind == kind) }
    }

    /// Every record below `name`.
    func postgresDescendants(of name: String) -> [PostgresRecord] {
        snapshot.postgres.filter { $0.name.hasPrefix(name + "/") }
    }

    /// Starts an operation on `resource`: `work` runs now; the operation is done once it finished and
    /// `--operation-ms` passed. Its `response` is what `work` returns (Empty when nil); a thrown error becomes the
    /// operation's `error`. Returns the operation as the mutation answers it.
    func startOperation(on resource: String, _ kind: PostgresKind,
                        work: @escaping @Sendable () async throws(LocalAPIError) -> JSONValue?) -> JSONValue {
        startOperation(on: resource, metadataKind: kind.rawValue.capitalized, work: work)
    }

    /// `startOperation` for a kind outside `PostgresKind` (`Catalog`, `SyncedTable` metadata).
    func startOperation(on resource: String, metadataKind: String,
                        work: @escaping @Sendable () async throws(LocalAPIError) -> JSONValue?) -> JSONValue {
        let name = "\(resource)/operations/\(RandomToken.hex(bytes: 12))"
        let record = OperationRecord(
            name: name, notBefore: Date().addingTimeInterval(Double(options.operationMilliseconds) / 1000), finished: false,
            responseText: nil, errorText: nil,
            metadataType: "type.googleapis.com/databricks.postgres.v1.\(metadataKind)OperationMetadata")
        snapshot.operations.append(record)
        save()
        transitions[name] = Task { [weak self] in
            let outcome: Result<JSONValue?, LocalAPIError>
            do throws(LocalAPIError) {
                outcome = .success(try await work())
            } catch {
                outcome = .failure(error)
            }
            await self?.finishOperation(name, outcome)
        }
        return Self.wire(record, done: false)
    }

    private func finishOperation(_ name: String, _ outcome: Result<JSONValue?, LocalAPIError>) {
        transitions[name] = nil
        guard var record = snapshot.operations[name: name] else { return }
        record.finished = true
        switch outcome {
        case .success(let response):
            record.responseText = (response ?? .object(["@type": .string("type.googleapis.com/google.protobuf.Empty")]))
                .serialized(pretty: false)
        case .failure(let error):
            record.errorText = JSONValue.object(["error_code": .string(error.errorCode), "message": .string(error.message)])
                .serialized(pretty: false)
        }
        snapshot.operations[name: name] = record
        save()
    }

    /// `GET /api/2.0/postgres/<…>/operations/<id>`.
    func getOperation(_ name: String) throws(LocalAPIError) -> JSONValue {
        guard let record = snapshot.operations[name: name] else {
            throw .notFound("operation id not found: \(name)", code: "NOT_FOUND")
        }
        return Self.wire(record, done: record.finished && Date() >= record.notBefore)
    }

    private nonisolated static func wire(_ record: OperationRecord, done: Bool) -> JSONValue {
        var object: JSONObject = [
            "name": .string(record.name), "done": .bool(done), "metadata": .object(["@type": .string(record.metadataType)]),
        ]
        if done, let text = record.errorText { object["error"] = (try? JSONParser.parse(text)) ?? .object([:]) }
        if done, let text = record.responseText { object["response"] = (try? JSONParser.parse(text)) ?? .object([:]) }
        return .object(object)
    }
}
