#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSONCore

/// The deploy lock `${workspace.state_path}/deploy.lock` (planning-rules.md §12), JSON with the CLI's Go field
/// names: `{"ID", "AcquisitionTime", "IsForced", "User"}`.
public struct DeployLock: Sendable {
    /// Why the lock could not be taken or released.
    public struct LockError: Error, Sendable, CustomStringConvertible {
        /// The message.
        public let description: String
    }

    let files: any WorkspaceFileStore
    /// The lock file's workspace path.
    public let path: String
    /// Our lock id.
    public let id: String
    let user: String
    let now: @Sendable () -> Date

    /// A lock in a state folder, held as `user`.
    public init(files: any WorkspaceFileStore, statePath: String, user: String, id: String = UUID().uuidString.lowercased(),
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.files = files
        path = statePath + "/deploy.lock"
        self.user = user
        self.id = id
        self.now = now
    }

    /// Takes the lock: written without overwrite (with overwrite and `IsForced` when forced), then read back; held
    /// when the file carries our id.
    public func acquire(force: Bool) async throws {
        let body: JSONValue = .object([
            "ID": .string(id), "AcquisitionTime": .string(Self.rfc3339Nano(now())), "IsForced": .bool(force),
            "User": .string(user),
        ])
        _ = try await files.write(path, content: Data(body.serialized(pretty: false).utf8), overwrite: force)
        let holder = try await readHolder()
        guard let holder, holder["ID"]?.stringValue != id else { return }
        throw LockError(description: Self.heldMessage(holder))
    }

    /// Releases the lock when it is still ours; a missing lock is fine.
    public func release() async throws {
        guard let holder = try await readHolder() else { return }
        guard holder["ID"]?.stringValue == id else {
            throw LockError(description: "deploy lock was taken over while this run held it: " + Self.heldMessage(holder))
        }
        try await files.delete(path)
    }

    private func readHolder() async throws -> JSONObject? {
        guard let data = try await files.read(path) else { return nil }
        return (try? JSONParser.parse(String(decoding: data, as: UTF8.self)))?.objectValue ?? JSONObject()
    }

    static func heldMessage(_ holder: JSONObject) -> String {
        let verb = holder["IsForced"] == .bool(true) ? "force-acquired" : "acquired"
        let who = holder["User"]?.stringValue ?? "unknown user"
        let when = holder["AcquisitionTime"]?.stringValue.flatMap(goTime) ?? "an unknown time"
        return "deploy lock \(verb) by \(who) at \(when).\nAnother deployment may be in progress. Use --force-lock to "
            + "override, but this may\nconflict with the other deployment if it is still active"
    }

    /// `2026-08-20T10:11:12.123456789Z`.
    static func rfc3339Nano(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        let nanos = Int(((date.timeIntervalSince1970 - seconds) * 1_000_000_000).rounded())
        let base = Date.ISO8601FormatStyle().format(Date(timeIntervalSince1970: seconds)).dropLast()
        return base + "." + CFormat.string("%09ld", min(nanos, 999_999_999)) + "Z"
    }

    /// Go's default time format, `2026-08-20 10:11:12.123 +0000 UTC`, from an RFC 3339 time.
    static func goTime(_ text: String) -> String? {
        let parts = text.split(separator: "T")
        guard parts.count == 2, text.hasSuffix("Z") else { return nil }
        var clock = String(parts[1].dropLast())
        if let dot = clock.firstIndex(of: ".") {
            var fraction = clock[clock.index(after: dot)...]
            while fraction.hasSuffix("0") { fraction = fraction.dropLast() }
            clock = String(clock[..<dot]) + (fraction.isEmpty ? "" : "." + fraction)
        }
        return "\(parts[0]) \(clock) +0000 UTC"
    }
}
