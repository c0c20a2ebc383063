import ManifestModel
import JSONCore
import Providers

/// Walks a plan's graph (planning-rules.md §6–§7): parents before children, deletes in reverse (children first; a
/// recreate's delete half too), up to `maxNodes` nodes at once, of which up to `maxActing` make calls (each waits
/// for what it created, in a task of its own, so waits overlap). A failed node skips everything that depends on
/// it; the rest goes on. The executor decides nothing: it carries out the plan.
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

    /// One unit of work: a node's action, or one half of a recreate (its delete, its create).
    struct Step: Hashable, Comparable, Sendable {
        /// The node.
        let key: NodeKey
        /// The delete half of a recreate.
        let teardown: Bool

        static func < (lhs: Step, rhs: Step) -> Bool {
            lhs.key == rhs.key ? lhs.teardown && !rhs.teardown : lhs.key < rhs.key
        }
    }

    /// For each step, the steps that must finish first. Creates and updates go parents first; deletes, and the
    /// delete halves of recreates, go children first; so a recreated parent whose children are recreated too is
    /// deleted only after them, and created again before them.
    static func prerequisites(_ plan: Plan) -> [Step: Set<Step>] {
        let actions = Dictionary(plan.entries.map { ($0.key, $0.action) }, uniquingKeysWith: { first, _ in first })
        /// The step that removes a node, when it is removed; the step that leaves it in place.
        func removal(_ key: NodeKey) -> Step? {
            switch actions[key] {
            case .recreate?: return Step(key: key, teardown: true)
            case .delete?: return Step(key: key, teardown: false)
            default: return nil
            }
        }
        func final(_ key: NodeKey) -> Step { Step(key: key, teardown: false) }

        var before: [Step: Set<Step>] = [:]
        for entry in plan.entries {
            before[final(entry.key), default: []].formUnion([])
            if entry.action == .recreate {
                let teardown = Step(key: entry.key, teardown: true)
                before[teardown, default: []].formUnion([])
                before[final(entry.key), default: []].insert(teardown)
            }
            for edge in entry.dependsOn {
                guard let parent = NodeKey(stateKey: edge.node), actions[parent] != nil else { continue }
                switch entry.action {
                case .delete:
                    // The child goes first, whatever happens to the parent.
                    before[removal(parent) ?? final(parent), default: []].insert(final(entry.key))
                case .recreate:
                    if let parentRemoval = removal(parent) { before[parentRemoval, default: []].insert(Step(key: entry.key, teardown: true)) }
                    before[final(entry.key), default: []].insert(final(parent))
                default:
                    before[final(entry.key), default: []].insert(final(parent))
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
        var failed: Set<Step> = []
        var result = ApplyResult()
        let applier = NodeApplier(workspace: workspace, journal: journal, options: options, reporter: reporter)

        func finish(_ step: Step) {
            for other in waiting.keys { waiting[other]?.remove(step) }
        }
        func fail(_ step: Step, _ failure: NodeApplier.Failure) {
            failed.insert(step)
            // The create half of a recreate whose delete half failed is not a second failure.
            if !(failed.contains(Step(key: step.key, teardown: true)) && !step.teardown) {
                result.failures.append(ApplyFailure(key: step.key, message: failure.message))
            }
            finish(step)
        }
        /// The next step whose prerequisites are done; steps that cannot run are failed on the way.
        func nextReady() -> (Step, PlanEntry, JSONValue?)? {
            while let step = waiting.filter({ $0.value.isEmpty }).map(\.key).min() {
                waiting[step] = nil
                let key = step.key
                guard let entry = entries[key] else { continue }
                if Task.isCancelled {
                    fail(step, Self.interrupted(entry))
                    continue
                }
                if let broken = prerequisites[step]?.sorted().first(where: failed.contains) {
                    fail(step, NodeApplier.Failure(cannot: entry.action.verb, key, "dependency failed: \(broken.key.stateKey)"))
                    continue
                }
                if step.teardown { return (step, entry, nil) }
                let resolution = Self.resolve(entry, applied: applied, entries: entries)
                if let missing = resolution.unresolved {
                    fail(step, NodeApplier.Failure(cannot: entry.action.verb, key, "unresolved references: \(missing)"))
                    continue
                }
                return (step, entry, resolution.value)
            }
            return nil
        }

        await withTaskGroup(of: Outcome.self) { group in
            var running = 0
            let slots = CallingSlots(options.maxActing)
            func startReady() {
                while running < max(1, options.maxNodes), let (step, entry, value) = nextReady() {
                    running += 1
                    let recreating = entry.action == .recreate
                    if entry.action != .skip, step.teardown || !recreating { reporter.started(entry.key, entry.action) }
                    let phase: NodeApplier.Phase = !recreating ? .whole : step.teardown ? .teardown : .build
                    group.addTask {
                        let slot = await slots.take()
                        defer { slot.release() }
                        // Interrupted while it waited for its turn: it makes no call.
                        if Task.isCancelled {
                            return Outcome(step: step, result: .failure(Self.interrupted(entry)))
                        }
                        return await WaitSignals.$current.withValue(WaitSignals(pausing: slot.release)) {
                            await Outcome(step: step, result: Self.attempt(entry) {
                                try await applier.apply(entry, value: value, phase: phase)
                            })
                        }
                    }
                }
            }
            startReady()
            while let next = await group.next() {
                let step = next.step, key = step.key
                if case .success(.settling(let settling, let id, let settled)) = next.result, let entry = entries[key] {
                    // The wait runs in a task of its own, which holds only the frames of the wait.
                    group.addTask {
                        await Outcome(step: step, result: Self.attempt(entry) {
                            .finished(try await applier.settle(settling, id: id, value: settled))
                        })
                    }
                    startReady()
                    continue
                }
                running -= 1
                if !step.teardown {
                    reporter.finished(key, name: entries[key]?.newState.flatMap(key.kind.configuredID(in:)) ?? entries[key]?.savedID)
                }
                switch next.result {
                case .success(let acted):
                    if case .finished(let object?) = acted { applied[key.stateKey] = object }
                    let action = entries[key]?.action ?? .skip
                    if action != .skip, !step.teardown { result.completed.append((key, action)) }
                    finish(step)
                case .failure(let failure):
                    if step.teardown { reporter.finished(key, name: entries[key]?.savedID) }
                    fail(step, failure)
                }
                startReady()
            }
        }
        result.completed.sort { $0.key < $1.key }
        result.failures.sort { $0.key < $1.key }
        return result
    }

    /// One node's outcome, as a child task returns it (a struct: the release build crashed copying a tuple
    /// result out of the task group): what its calls left to do, or how its wait ended.
    struct Outcome: Sendable {
        let step: Step
        let result: Result<NodeApplier.Acted, NodeApplier.Failure>
    }

    /// Why a node interrupted before it made any call did not run.
    static func interrupted(_ entry: PlanEntry) -> NodeApplier.Failure {
        NodeApplier.Failure(cannot: entry.action.verb, entry.key, "interrupted before it started")
    }

    /// What `body` returns, or its error as a `Failure` naming the node.
    private static func attempt<Value>(_ entry: PlanEntry, _ body: () async throws -> Value) async -> Result<Value, NodeApplier.Failure> {
        do {
            return .success(try await body())
        } catch let failure as NodeApplier.Failure {
            return .failure(failure)
        } catch {
            return .failure(NodeApplier.Failure(cannot: entry.action.verb, entry.key, "\(error)"))
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
