/// A reason the plan cannot be made; every one is reported, nothing is applied.
public struct PlanningError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The node concerned.
    public var key: String
    /// What is wrong and how to fix it.
    public var message: String

    /// An error about a node.
    public init(key: String, message: String) {
        self.key = key
        self.message = message
    }

    /// `resources.KIND.KEY: message`.
    public var description: String { "\(key): \(message)" }
}
