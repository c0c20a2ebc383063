import JSONCore

/// What a call that changes a resource left behind: the resource itself, or a long-running operation to wait for.
public enum CallOutcome: Sendable, Equatable {
    /// The call finished; the resource as the server answered (an empty object when it answers nothing).
    case done(JSONValue)
    /// The server started an operation; `OperationWaiter` finishes it by polling this path
    /// (`/api/2.0/postgres/projects/p/operations/o`), or `/api/2.0/<name>` for a bare name.
    case operation(String)
    /// A delete the platform refuses because the resource goes with its parent (`MANAGED_BY_PARENT`: a root branch,
    /// a read-write endpoint): nothing was deleted, and the parent's delete removes it.
    case leftToParent
}

/// How a wait for a resource to become usable ended.
public struct Readiness: Sendable, Equatable {
    /// Set when the resource ended usable but degraded.
    public var warning: String?
    /// The resource as the wait's last GET answered (the same answer a read gives), or nil when the wait read
    /// nothing.
    public var live: JSONValue?

    /// An outcome.
    public init(warning: String? = nil, live: JSONValue? = nil) {
        self.warning = warning
        self.live = live
    }
}

/// How a delete is made.
public struct DeleteOptions: Sendable, Equatable {
    /// Also drop the data the resource holds (a synced table's PostgreSQL table; a soft-deleted project or branch).
    public var purge: Bool

    /// Options.
    public init(purge: Bool = false) { self.purge = purge }
}

/// The calls one resource kind makes: each is one API call (design.md §4); waits are separate and bounded.
public protocol KindClient: Sendable {
    /// The kind's bundle name (`postgres_branches`): in messages, and the crowd its waits count in.
    var kind: String { get }
    /// How long and how often this client's waits poll.
    var waitOptions: WaitOptions { get }
    /// GET the resource with id `id` (for permissions: in the bundle state's shape), or nil on 404.
    func read(id: String) async throws(APIError) -> JSONValue?
    /// POST (or PUT) the desired `body` of the resource that will have id `id`.
    func create(id: String, _ body: JSONValue) async throws(APIError) -> CallOutcome
    /// Changes the resource: `changedPaths` are the fields the plan changes (`spec.display_name`), for kinds whose
    /// API takes a precise update mask; `body` is the whole desired object.
    func update(id: String, _ body: JSONValue, changedPaths: [String]) async throws(APIError) -> CallOutcome
    /// DELETE.
    func delete(id: String, options: DeleteOptions) async throws(APIError) -> CallOutcome
    /// Waits until the resource is usable: a warning when it ended usable but degraded, and the resource as the
    /// wait's last GET read it (so that nobody reads it again).
    func waitReady(id: String, desired: JSONValue) async throws -> Readiness
    /// Waits until GET answers 404 (before the same id is created again).
    func waitGone(id: String) async throws
}

extension KindClient {
    /// Most kinds are usable once their create or update finished.
    public func waitReady(id: String, desired: JSONValue) async throws -> Readiness { Readiness() }

    /// Polls GET until it answers 404, bounded by `waitOptions`.
    public func waitGone(id: String) async throws { try await pollUntilGone(id: id) }

    /// Polls GET until it answers 404, bounded by `waitOptions`.
    public func pollUntilGone(id: String) async throws {
        try await Poller(options: waitOptions, kind: kind, resource: "\(kind) \(id)", goal: "deletion").run { () throws(APIError) -> PollVerdict<Void> in
            guard let object = try await read(id: id) else { return .done(()) }
            return .pending(state: object["state"]?.stringValue ?? "present")
        }
    }
}
