import JSONCore

/// How a permissions node is compared: entries in one canonical order, and only the principals the bundle names
/// (now or when last applied). The platform adds the creator's `CAN_MANAGE` by itself; comparing it would plan an
/// update on every run.
enum PermissionsComparison {
    static let principalFields = ["user_name", "group_name", "service_principal_name"]

    /// `principal field=name` of an entry.
    static func principal(_ entry: JSONValue) -> String? {
        principalFields.lazy.compactMap { field in entry[field]?.stringValue.map { "\(field)=\($0)" } }.first
    }

    /// Entries sorted by principal, then level.
    static func canonical(_ value: JSONValue) -> JSONValue {
        guard var object = value.objectValue, let entries = object["__embed__"]?.arrayValue else { return value }
        object["__embed__"] = .array(entries.sorted { lhs, rhs in
            let left = (principal(lhs) ?? "", lhs["level"]?.stringValue ?? "")
            let right = (principal(rhs) ?? "", rhs["level"]?.stringValue ?? "")
            return left < right
        })
        return .object(object)
    }

    /// The live list restricted to the principals named by `desired` or `saved`, canonically ordered.
    static func remote(_ live: JSONValue, desired: JSONValue, saved: JSONValue?) -> JSONValue {
        let named = Set(((desired["__embed__"]?.arrayValue ?? []) + (saved?["__embed__"]?.arrayValue ?? [])).compactMap(principal))
        guard var object = live.objectValue, let entries = object["__embed__"]?.arrayValue else { return live }
        object["__embed__"] = .array(entries.filter { principal($0).map(named.contains) ?? false })
        return canonical(.object(object))
    }
}
