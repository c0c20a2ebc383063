import ManifestModel
import Testing
@testable import Reconciler

/// Every settable field of a kind without an update API must be classified; otherwise a change to it would plan
/// an `update` the API cannot carry out.
@Suite struct FieldRulesMetaTests {
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

    @Test(arguments: [NodeKind.databaseCatalog, .syncedTable])
    func everySettableFieldOfAKindWithoutUpdateIsClassified(_ kind: NodeKind) {
        let rules = kind.rules
        #expect(!rules.hasUpdateAPI)
        let unclassified = Self.leaves(kind.resourceKind.schema.config).filter { path in
            !rules.idFields.contains { $0.matches(path) } && FieldRules.firstMatch(rules.recreateOnChanges, path) == nil
        }
        #expect(unclassified.isEmpty, "unclassified fields of \(kind.rawValue): \(unclassified)")
    }

    @Test func theMetaTestSeesNestedFields() {
        let paths = Self.leaves(KindSpec.syncedDatabaseTables.schema.config).map(\.description)
        #expect(paths.contains("spec.type_overrides[0].pg_type"))
        #expect(paths.contains("spec.new_pipeline_spec.storage_catalog"))
        #expect(paths.contains("spec.primary_key_columns[0]"))
    }
}
