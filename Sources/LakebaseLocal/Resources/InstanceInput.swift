/// The settable fields of a database instance as a create or update body gives them (nil = not given).
struct InstanceInput {
    static let capacities = ["CU_1", "CU_2", "CU_4", "CU_8"]
    /// Fields an `update_mask` may name.
    static let updatableFields = [
        "capacity", "node_count", "enable_readable_secondaries", "enable_pg_native_login",
        "retention_window_in_days", "stopped", "usage_policy_id", "custom_tags",
    ]

    var name: String?
    var capacity: String?
    var nodeCount: Int?
    var enableReadableSecondaries: Bool?
    var enablePgNativeLogin: Bool?
    var retentionWindowInDays: Int?
    var stopped: Bool?
    var usagePolicyID: String?
    var customTags: [CustomTag]?
    var parentInstanceRef: InstanceReference?

    /// Reads and checks the fields; output-only fields are ignored, as the platform does.
    init(_ body: BodyFields) throws(LocalAPIError) {
        name = try body.string("name")
        capacity = try body.enumeration("capacity", allowed: Self.capacities)
        nodeCount = try body.int("node_count")
        if let nodeCount, nodeCount < 1 {
            throw .invalidParameter("Field 'node_count' must be at least 1, got \(nodeCount)")
        }
        enableReadableSecondaries = try body.bool("enable_readable_secondaries")
        enablePgNativeLogin = try body.bool("enable_pg_native_login")
        retentionWindowInDays = try body.int("retention_window_in_days")
        if let days = retentionWindowInDays, !(2...35).contains(days) {
            throw .invalidParameter("Field 'retention_window_in_days' must be between 2 and 35, got \(days)")
        }
        stopped = try body.bool("stopped")
        usagePolicyID = try body.string("usage_policy_id")
        customTags = try body.nestedArray("custom_tags")?.map { (tag: BodyFields) throws(LocalAPIError) in
            CustomTag(key: try tag.requiredString("key"), value: try tag.string("value") ?? "")
        }
        if let parent = try body.nested("parent_instance_ref") {
            parentInstanceRef = InstanceReference(
                name: try parent.requiredString("name"), branchTime: try parent.string("branch_time"),
                lsn: try parent.string("lsn"), uid: nil)
        }
    }

    /// Checks an instance name: 1–63 characters, letters, digits and hyphens (no underscores).
    static func validate(name: String) throws(LocalAPIError) {
        let allowed = name.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" }
        guard (1...63).contains(name.count), allowed, name.first?.isLetter == true else {
            throw .invalidParameter(
                "Invalid database instance name '\(name)': use 1 to 63 characters, letters, digits and hyphens, "
                    + "starting with a letter (underscores are not allowed)")
        }
    }
}
