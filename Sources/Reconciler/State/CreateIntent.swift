import JSONCore

/// A create about to be sent, recorded in the state entry (`"__intent__"`, which the CLI ignores) before the POST:
/// the id being created and a digest of the body sent. After a kill between the POST and its answer, the next run
/// finds the record, reads the resource, and adopts it when it is what was being created; without a record, a
/// resource in the way is never adopted (it gets the `bind` error).
public struct CreateIntent: Sendable, Hashable {
    /// The id being created.
    public var id: String
    /// FNV-1a 64 of the body's compact JSON, as hex.
    public var digest: String

    /// The intent to create `id` with `body`.
    public init(id: String, body: JSONValue) {
        self.id = id
        digest = Self.digest(of: body)
    }

    /// Reads a recorded intent.
    init?(json: JSONValue) {
        guard let id = json["id"]?.stringValue, let digest = json["body_digest"]?.stringValue else { return nil }
        self.id = id
        self.digest = digest
    }

    /// As recorded.
    var json: JSONValue { .object(["id": .string(id), "body_digest": .string(digest)]) }

    /// Whether `body` is the body this intent was recorded for.
    public func matches(_ body: JSONValue) -> Bool { Self.digest(of: body) == digest }

    /// FNV-1a 64 over the compact serialization (a check that a record is the body sent, not a security measure).
    static func digest(of body: JSONValue) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in body.serialized(pretty: false).utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
