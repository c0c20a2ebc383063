import ManifestModel
import JSONCore
@testable import Reconciler

/// Small builders for planner tests: JSON from text, nodes, state entries and live reads.
enum PlanningFixtures {
    static func json(_ text: String) -> JSONValue {
        do { return try JSONParser.parse(text) } catch { fatalError("bad test JSON \(text): \(error)") }
    }

    static func key(_ kind: ResourceKind, _ name: String, permissions: Bool = false) -> NodeKey {
        NodeKey(ResourceKey(kind, name), permissions: permissions)
    }

    static let instance = key(.databaseInstances, "db")
    static let catalog = key(.databaseCatalogs, "cat")
    static let table = key(.syncedDatabaseTables, "orders")

    /// A scenario: what the bundle says, what state holds, what the workspace has.
    struct Scenario {
        var desired: [DesiredNode] = []
        var state = DeploymentState(cliVersion: "test")
        var live = LiveSnapshot()

        mutating func want(_ key: NodeKey, _ value: String, dependsOn: [Dependency] = [], preventDestroy: Bool = false) {
            desired.append(DesiredNode(key: key, value: json(value), dependsOn: dependsOn, preventDestroy: preventDestroy))
        }

        mutating func saved(_ key: NodeKey, _ value: String, dependsOn: [Dependency] = []) {
            let state = json(value)
            self.state.lineage = "lineage-1"
            self.state.serial = 3
            self.state.set(key.stateKey, .init(id: state["name"]?.stringValue ?? key.resource.name, state: state, dependsOn: dependsOn))
        }

        mutating func remote(_ key: NodeKey, _ value: String?) {
            live.reads[key.stateKey] = value.map { .found(json($0)) } ?? .notFound
        }

        func plan() throws -> Plan {
            switch Planner.plan(desired: desired, state: state, live: live) {
            case .success(let plan): return plan
            case .failure(let failure): throw failure
            }
        }

        func errors() -> [String] {
            if case .failure(let failure) = Planner.plan(desired: desired, state: state, live: live) {
                return failure.errors.map(\.description)
            }
            return []
        }
    }

    /// Saved, desired and live all equal to `value`.
    static func settled(_ key: NodeKey, _ value: String, live: String? = nil) -> Scenario {
        var scenario = Scenario()
        scenario.want(key, value)
        scenario.saved(key, value)
        scenario.remote(key, live ?? value)
        return scenario
    }
}

extension PlanningFailure: CustomStringConvertible {
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
