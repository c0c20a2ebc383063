import Foundation
import Testing
@testable import ManifestModel

/// Every resource of every example decodes into its typed value, and decoding is lossless: encoding the
/// value again gives back the same API body.
@Suite struct TypedValueTests {
    static let bundles = ["examples/chained-references", "examples/multi-target", "examples/shared-pipeline", "."]

    @Test(arguments: bundles)
    func examplesDecodeLosslessly(path: String) throws {
        let root = Golden.packageRoot.appendingPathComponent(path).path
        let result = BundleLoader.load(LoadOptions(bundleRoot: root, workingDirectory: root, target: path == "." ? "prod" : nil))
        let bundle = try #require(result.bundle)
        for resource in bundle.resources {
            let encoded: Data
            switch resource.key.kind {
            case .databaseInstances: encoded = try JSONEncoder().encode(resource.decode(DatabaseInstance.self))
            case .databaseCatalogs: encoded = try JSONEncoder().encode(resource.decode(DatabaseCatalog.self))
            case .syncedDatabaseTables: encoded = try JSONEncoder().encode(resource.decode(SyncedDatabaseTable.self))
            }
            let original = try JSONSerialization.jsonObject(with: Data(resource.config.serialized().utf8)) as? NSDictionary
            let roundTripped = try JSONSerialization.jsonObject(with: encoded) as? NSDictionary
            #expect(original == roundTripped, "\(resource.key)")
        }
    }

    @Test func schemaAndTypesNameTheSameFields() throws {
        let instanceKeys = Set(DatabaseInstance.CodingKeys.allStringValues)
        for field in ResourceSchema.databaseInstance.config { #expect(instanceKeys.contains(field.name), "\(field.name)") }
        let catalogKeys = Set(DatabaseCatalog.CodingKeys.allStringValues)
        for field in ResourceSchema.databaseCatalog.config { #expect(catalogKeys.contains(field.name), "\(field.name)") }
    }
}

extension CodingKey where Self: CaseIterable {
    static var allStringValues: [String] { allCases.map(\.stringValue) }
}
