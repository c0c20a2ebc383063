import JSONCore

/// A labelled dependency edge as state and plan JSON write it: `{"node": "resources.…", "label": "${…}"}`.
public struct Dependency: Sendable, Hashable {
    /// State key of the node depended on.
    public var node: String
    /// The reference text (or, for an implicit edge, the field and value that name the node).
    public var label: String

    /// An edge.
    public init(node: String, label: String) {
        self.node = node
        self.label = label
    }
}

/// What the plan does to one node and why.
public struct PlanEntry: Sendable {
    /// The node.
    public var key: NodeKey
    /// The action.
    public var action: PlanAction
    /// Edges to the nodes it depends on.
    public var dependsOn: [Dependency]
    /// A delete whose resource is already gone: only the state entry is dropped.
    public var gone: Bool = false
    /// The desired object (API JSON); `${…}` strings remain where a value is known only after apply.
    public var newState: JSONValue?
    /// Fields of `newState` whose value is known only after apply: path → reference.
    public var vars: [(path: String, reference: String)] = []
    /// The live object as read (nil when it does not exist).
    public var remoteState: JSONValue?
    /// Every compared field, skips included.
    public var changes: [FieldChange] = []
    /// Why the action, when no single field says it (`not in the configuration`, `deleted outside the bundle`, ...).
    public var reasons: [String] = []
    /// The saved id (the resource's name), when the node is in state.
    public var savedID: String?
    /// The state last applied, when the node is in state.
    public var savedState: JSONValue?
    /// Whether `lifecycle.prevent_destroy` is set in the config.
    public var preventDestroy: Bool = false
    /// Whether the live resource is taken over from an interrupted create (its state record still holds the
    /// create's intent): applying writes its state record even when nothing else changes.
    public var adopting: Bool = false

    /// The id the configuration gives the node, else the saved id, else the key's name (for messages).
    public var configuredID: String {
        newState.flatMap(key.kind.configuredID(in:)) ?? savedID ?? key.resource.name
    }

    /// The change that decided a recreate, if any.
    public var recreateCauses: [FieldChange] { changes.filter { $0.action == .recreate } }
}

/// A computed plan: one entry per node, plus the state it was computed from (planning-rules.md §10.2).
public struct Plan: Sendable {
    /// `lineage` of the state the plan was computed from (empty before the first deploy).
    public var lineage: String
    /// `serial` of that state.
    public var serial: Int
    /// Entries sorted by state key.
    public var entries: [PlanEntry]

    /// The entry of a node.
    public func entry(_ key: NodeKey) -> PlanEntry? { entries.first { $0.key == key } }

    /// Counts as the summary line shows them.
    public var summary: PlanSummary { PlanSummary(entries.map(\.action)) }

    /// Whether anything would change.
    public var hasChanges: Bool { entries.contains { $0.action != .skip } }
}

/// `A to add, C to change, D to delete, U unchanged`; a recreate counts as one add and one delete.
public struct PlanSummary: Sendable, Hashable {
    /// Creates plus recreates.
    public var add = 0
    /// Updates and resizes.
    public var change = 0
    /// Deletes plus recreates.
    public var delete = 0
    /// Skips.
    public var unchanged = 0

    /// Counts of `actions`.
    public init(_ actions: [PlanAction]) {
        for action in actions {
            switch action {
            case .skip: unchanged += 1
            case .resize, .update, .updateID: change += 1
            case .create: add += 1
            case .recreate: add += 1; delete += 1
            case .delete: delete += 1
            }
        }
    }
}
