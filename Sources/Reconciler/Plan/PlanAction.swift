/// What a plan does to one node, ordered by severity (planning-rules.md §2).
public enum PlanAction: String, Sendable, Hashable, Comparable, CaseIterable, Codable {
    case skip
    case resize
    case update
    case updateID = "update_id"
    case create
    case recreate
    case delete

    /// Severity 1–7; a node's action is the most severe of its field actions.
    public var severity: Int {
        switch self {
        case .skip: 1
        case .resize: 2
        case .update: 3
        case .updateID: 4
        case .create: 5
        case .recreate: 6
        case .delete: 7
        }
    }

    /// The verb printed in plan lines (`update_id` prints `update`).
    public var verb: String { self == .updateID ? "update" : rawValue }

    /// The past tense printed after apply: `Created`, `Updated`, `Recreated`, `Deleted`, `Resized`.
    public var pastTense: String {
        switch self {
        case .skip: "Skipped"
        case .resize: "Resized"
        case .update, .updateID: "Updated"
        case .create: "Created"
        case .recreate: "Recreated"
        case .delete: "Deleted"
        }
    }

    /// Whether data goes away (delete or recreate).
    public var isDestructive: Bool { self == .recreate || self == .delete }

    /// Orders by severity.
    public static func < (lhs: PlanAction, rhs: PlanAction) -> Bool { lhs.severity < rhs.severity }
}
