import ManifestModel
import JSONCore

/// Walks a plan's graph (planning-rules.md §6–§7): parents before children, deletes in reverse (children first),
/// up to `maxNodes` nodes at once (each waits for what it created, so waits overlap). A failed node skips everything that depends on it; the rest goes on. The
/// executor decides nothing: it carries out the plan.
public struct Executor: Sendable {
    let workspace: any LakebaseWorkspace
    let journal: StateJournal
    let options: ApplyOptions
    let reporter: any ApplyReporter

    /// An executor writing state through `journal`.
    public init(workspace: any LakebaseWorkspace, journal: StateJournal, options: ApplyOptions, reporter: any ApplyReporter) {
        self.workspace = workspace
        self.journal = journal
        self.options = options
        self.reporter = reporter
    }

    /// For each node, the nodes that must finish first.
    static func prerequisites(_ plan: Plan) -> [NodeKey: Set<NodeKey>] {
        let keys = Set(plan.entries.map(\.key))
        var before: [NodeKey: Set<NodeKey>] = Dictionary(uniqueKeysWithValues: keys.map { ($0, []) })
        for entry in plan.entries {
            for edge in entry.dependsOn {
                guard let parent = NodeKey(stateKey: edge.node), keys.contains(parent) else { continue }
                if entry.action == .delete {
                    before[parent, default: []].insert(entry.key)  // the child goes first
                } else {
                    before[entry.key, default: []].insert(parent)
                }
            }
        }
        return before
    }

    /// Runs the plan to the end and reports what happened.
    public func run(_ plan: Plan) async -> ApplyResult {
        let prerequisites = Self.prerequisites(plan)
        var waiting = prerequisites
        let entries = Dictionary(uniqueKeysWithValues: plan.entries.map { ($0.key, $0) })
        var applied: [String: JSONValue] = [:]
        var failed: Set<NodeKey> = []
        var result = ApplyResult()
        let applier = NodeApplier(workspace: workspace, journal: journal, options: options, reporter: reporter)

        func finish(_ key: NodeKey) {
            for other in waiting.keys { waiting[other]?.remove(key) }
        }
        func fail(_ key: NodeKey, _ message: String) {
            failed.insert(key)
            result.failures.append(ApplyFailure(key: key, message: message))
            finish(key)
        }
        /// The next node whose prerequisites are done; nodes that cannot run are failed on the way.
        func nextReady() -> (PlanEntry, JSONValue?)? {
            while let key = waiting.filter({ $0.value.isEmpty }).map(\.key).min() {
                waiting[key] = nil
                guard let entry = entries[key] else { continue }
                let verb = "cannot \(entry.action.verb) \(key.stateKey)"
                if Task.isCancelled {
                    fail(key, "\(verb): interrupted before it started")
                    continue
                }
                if let broken = prerequisites[key]?.sorted().first(where: failed.contains) {
                    fail(key, "\(verb): dependency failed: \(broken.stateKey)")
                    continue
                }
                let resolution = Self.resolve(entry, applied: applied, entries: entries)
                if let missing = resolution.unresolved {
                    fail(key, "\(verb): unresolved references: \(missing)")
                    continue
                }
                return (entry, resolution.value)
            }
            return nil
        }

        await withTaskGroup(of: Outcome.self) { group in
            var running = 0
            func startReady() {
                while running < max(1, options.maxNodes), let (entry, value) = nextReady() {
                    running += 1
                    if entry.action != .skip { reporter.started(entry.key, entry.action) }
                    group.addTask { await Outcome(key: entry.key, result: Self.run(applier, entry, value)) }
                }
            }
            startReady()
            while let next = await group.next() {
                let key = next.key, outcome = next.result
                running -= 1
                reporter.finished(key, name: entries[key]?.newState.flatMap(key.kind.configuredID(in:)) ?? entries[key]?.savedID)
                switch outcome {
                case .success(let object):
                    if let object { applied[key.stateKey] = object }
                    let action = entries[key]?.action ?? .skip
                    if action != .skip { result.completed.append((key, action)) }
                    finish(key)
                case .failure(let failure):
                    fail(key, failure.message)
                }
                startReady()
            }
        }
        result.completed.sort { $0.key < $1.key }
        result.failures.sort { $0.key < $1.key }
        return result
    }

    /// One node's outcome, as a child task returns it (a struct: the release build crashed copying a tuple
    /// result out of the task group).
    struct Outcome: Sendable {
        let key: NodeKey
        let result: Result<JSONValue?, NodeApplier.Failure>
    }

    /// Applies one node; every error becomes a `Failure` naming the node.
    private static func run(_ applier: NodeApplier, _ entry: PlanEntry, _ value: JSONValue?) async -> Result<JSONValue?, NodeApplier.Failure> {
        do {
            return .success(try await applier.apply(entry, value: value))
        } catch let failure as NodeApplier.Failure {
            return .failure(failure)
        } catch {
            return .failure(NodeApplier.Failure(message: "cannot \(entry.action.verb) \(entry.key.stateKey): \(error)"))
        }
    }

    /// The desired value with the references known only after apply filled in from nodes applied so far.
    private static func resolve(_ entry: PlanEntry, applied: [String: JSONValue], entries: [NodeKey: PlanEntry]) -> (value: JSONValue?, unresolved: String?) {
        guard let value = entry.newState, !entry.vars.isEmpty else { return (entry.newState, nil) }
        var resolver = ReferenceResolver(entries: entries, live: LiveSnapshot())
        resolver.applied = applied
        let (resolved, left) = resolver.resolve(value)
        guard left.isEmpty else { return (nil, left.map(\.reference).joined(separator: ", ")) }
        return (resolved, nil)
    }
}
