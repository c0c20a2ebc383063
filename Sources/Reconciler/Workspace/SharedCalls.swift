import Providers

/// API calls made at most once per key: the first to ask starts the call, everyone after shares its answer. Kept by
/// an actor (`SourceTables`, `InstanceListing`, `ReadAhead`), which serializes the asking.
struct SharedCalls<Key: Hashable & Sendable, Value: Sendable> {
    private var calls: [Key: Task<Result<Value, APIError>, Never>] = [:]

    /// The call for `key`, started with `call` unless one was already.
    mutating func call(_ key: Key, _ call: @escaping @Sendable () async throws(APIError) -> Value) -> Task<Result<Value, APIError>, Never> {
        if let started = calls[key] { return started }
        let started = Task { await Concurrently.result(call) }
        calls[key] = started
        return started
    }

    /// The call for `key`, forgotten here: nobody else shares it. Nil when none was started.
    mutating func take(_ key: Key) -> Task<Result<Value, APIError>, Never>? { calls.removeValue(forKey: key) }

    /// Calls started and not taken.
    var count: Int { calls.count }
}
