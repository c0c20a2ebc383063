/// One entry of a database instance's access control list.
public struct Permission: Sendable, Hashable, Codable {
    /// `CAN_USE` or `CAN_MANAGE`.
    public var level: String
    /// `user_name`, `group_name` or `service_principal_name`.
    public var principalField: String
    /// The principal's name.
    public var principal: String

    /// Creates an entry.
    public init(level: String, principalField: String, principal: String) {
        self.level = level
        self.principalField = principalField
        self.principal = principal
    }
}
