import Providers
import JSONCore

/// Runs the same async work for many items at once; the client bounds how many calls are in flight.
public enum Concurrently {
    /// `body` of every item, by item.
    public static func map<Item: Hashable & Sendable, Value: Sendable>(
        _ items: some Sequence<Item>, _ body: @escaping @Sendable (Item) async -> Value
    ) async -> [Item: Value] {
        await withTaskGroup(of: Keyed<Item, Value>.self) { group in
            for item in items { group.addTask { Keyed(item: item, value: await body(item)) } }
            var results: [Item: Value] = [:]
            for await keyed in group { results[keyed.item] = keyed.value }
            return results
        }
    }

    /// A typed-throwing call as a `Result` (child tasks return values, never typed errors).
    public static func result<Value: Sendable>(_ body: () async throws(APIError) -> Value) async -> Result<Value, APIError> {
        do {
            return .success(try await body())
        } catch {
            return .failure(error)
        }
    }

    /// One item's value (a struct: tuple results out of a task group crashed the release build).
    struct Keyed<Item: Sendable, Value: Sendable>: Sendable {
        let item: Item
        let value: Value
    }
}
