import Foundation
import LakebaseLocal
import ManifestModel
import Providers
import Testing
@testable import Reconciler

/// Walks every kind `reconcile` ships (design.md §5): it has a schema, every settable field of a kind without an
/// update call is classified, a behaviour with its banner decision and summary section, a client, an emulator
/// route, and `validate` and `plan` goldens for a minimal bundle. Adding a kind without one of these fails here.
@Suite struct KindRegistryMetaTests {
    static let kinds = KindRegistry.shipped.map(\.kind.rawValue)

    /// Every settable leaf of a schema as a concrete path (index 0 for lists).
    static func leaves(_ fields: [FieldSpec], prefix: FieldPath = .root) -> [FieldPath] {
        fields.filter { $0.access != .outputOnly }.flatMap { field -> [FieldPath] in
            let path = prefix.appending(.key(field.name))
            switch field.type {
            case .object(let inner): return leaves(inner, prefix: path)
            case .list(.object(let inner)): return leaves(inner, prefix: path.appending(.index(0)))
            case .list: return [path.appending(.index(0))]
            default: return [path]
            }
        }
    }

    static func spec(_ name: String) throws -> KindSpec { try #require(KindRegistry.spec(named: name)) }

    @Test(arguments: kinds)
    func hasASchemaWhoseIDFieldsExist(_ name: String) throws {
        let spec = try Self.spec(name)
        #expect(!spec.schema.config.isEmpty)
        for field in spec.identity.fields {
            #expect(spec.schema.config.contains { $0.name == field && $0.required }, "id field \(field) of \(name)")
        }
        if let rule = spec.permissions {
            #expect(spec.schema.bundleOnly.contains { $0.name == "permissions" })
            #expect(!rule.levels.isEmpty)
        }
    }

    @Test(arguments: kinds)
    func everySettableFieldOfAKindWithoutUpdateIsClassified(_ name: String) throws {
        let spec = try Self.spec(name)
        guard !spec.schema.updatable else { return }
        let rules = NodeKind(spec.kind).rules
        #expect(!rules.hasUpdateAPI)
        let unclassified = Self.leaves(spec.schema.config).filter { path in
            !rules.idFields.contains { $0.matches(path) } && FieldRules.firstMatch(rules.recreateOnChanges, path) == nil
                && FieldRules.firstMatch(rules.ignoreLocal, path) == nil
        }
        #expect(unclassified.isEmpty, "unclassified fields of \(name): \(unclassified)")
    }

    @Test(arguments: kinds)
    func hasABehaviourWithABannerDecisionAndASummarySection(_ name: String) throws {
        let spec = try Self.spec(name)
        let behaviour = try #require(KindBehaviours.registered(spec.kind), "\(name) has no KindBehaviour")
        #expect(!behaviour.summary.title.isEmpty)
        let titles = KindRegistry.shipped.compactMap { KindBehaviours.registered($0.kind)?.summary.title }
        #expect(titles.filter { $0 == behaviour.summary.title }.count == 1, "summary title \(behaviour.summary.title) is taken twice")
        if case .none(let because) = behaviour.banner { #expect(!because.isEmpty) }
    }

    @Test(arguments: kinds)
    func hasAClientAndAnEmulatorRoute(_ name: String) throws {
        let spec = try Self.spec(name)
        #expect(KindClients.names.contains(name), "no KindClient for \(name)")
        if spec.permissions != nil { #expect(KindClients.names.contains(name + ".permissions")) }
        #expect(EmulatedKinds.collections[name] != nil, "lakebase-local serves no \(name)")
    }

    @Test(arguments: kinds)
    func minimalBundleValidatesAndPlansAsRecorded(_ name: String) throws {
        let folder = Golden.testsDirectory.appendingPathComponent("KindFixtures/\(name)").path
        let result = BundleLoader.load(LoadOptions(bundleRoot: folder, workingDirectory: folder))
        let report = ValidationReport(result)
        try Golden.check(report.text(), "kinds/\(name)/validate.txt")
        let bundle = try #require(result.bundle)
        #expect(bundle.resources.contains { $0.key.kind.rawValue == name })
        let nodes = DesiredNode.nodes(of: bundle)
        let live = LiveSnapshot(Dictionary(uniqueKeysWithValues: nodes.map { ($0.key.stateKey, LiveSnapshot.Read.notFound) }))
        let plan = try Planner.plan(desired: nodes, state: DeploymentState(cliVersion: "test"), live: live).get()
        try Golden.check(PlanTextRenderer.render(plan), "kinds/\(name)/plan.txt")
    }

    @Test func theMetaTestSeesNestedFields() {
        let paths = Self.leaves(KindSpec.syncedDatabaseTables.schema.config).map(\.description)
        #expect(paths.contains("spec.type_overrides[0].pg_type"))
        #expect(paths.contains("spec.new_pipeline_spec.storage_catalog"))
        #expect(paths.contains("spec.primary_key_columns[0]"))
    }

    @Test func aKindWithoutABehaviourIsStillGated() {
        let behaviour = KindBehaviours.behaviour(of: NodeKind(ResourceKind(declaring: "undescribed_things")))
        guard case .group = behaviour.banner else {
            Issue.record("a kind nobody described must ask before a delete")
            return
        }
    }
}
