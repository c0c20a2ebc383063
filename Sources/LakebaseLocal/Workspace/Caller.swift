/// The identity a request is made as: a user (personal access token) or a service principal (OAuth M2M).
struct Caller: Sendable, Equatable {
    /// SCIM `userName`: an email for users, the application (client) id for service principals.
    var userName: String
    /// SCIM `displayName`.
    var displayName: String
    /// Whether this is a service principal.
    var isServicePrincipal: Bool
}
