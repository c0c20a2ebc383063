/// The workspace identity behind `${workspace.current_user.*}` (SCIM `/Me`).
public struct CurrentUser: Sendable, Hashable {
    /// SCIM `userName`: an email for users, an application id for service principals.
    public var userName: String
    /// SCIM `displayName`, used for service principals' short name.
    public var displayName: String?

    /// Creates an identity.
    public init(userName: String, displayName: String? = nil) {
        self.userName = userName
        self.displayName = displayName
    }

    /// Whether `userName` is a UUID, as it is for service principals.
    public var isServicePrincipal: Bool {
        let parts = userName.split(separator: "-", omittingEmptySubsequences: false)
        return parts.map(\.count) == [8, 4, 4, 4, 12] && userName.allSatisfy { $0 == "-" || $0.isHexDigit }
    }

    /// Local part of the email (display name for service principals), lower-cased, every run of
    /// non-alphanumerics turned into one `_`, trimmed: `Jane.Doe@x.com` → `jane_doe`.
    public var shortName: String {
        let base = isServicePrincipal ? (displayName ?? userName) : String(userName.prefix { $0 != "@" })
        return Self.collapse(base.lowercased(), separator: "_")
    }

    /// The short name with every non-alphanumeric turned into `-`, lower-cased: `jane-doe`.
    public var domainFriendlyName: String {
        String(shortName.map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }

    private static func collapse(_ text: String, separator: Character) -> String {
        var out = ""
        for ch in text {
            if ch.isLetter || ch.isNumber {
                out.append(ch)
            } else if out.last != separator {
                out.append(separator)
            }
        }
        return String(out.drop { $0 == separator }.reversed().drop { $0 == separator }.reversed())
    }
}
