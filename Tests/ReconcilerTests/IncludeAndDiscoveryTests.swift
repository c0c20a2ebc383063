import Foundation
import Testing
@testable import ManifestModel

@Suite struct IncludeAndDiscoveryTests {
    static let root = "bundle: {name: inc}\ninclude:\n  - resources/*.yml\n"
    static let instance = "resources:\n  database_instances:\n    db: {name: db, capacity: CU_1}\n"
    static let catalog = "resources:\n  database_catalogs:\n    cat: {name: cat, database_instance_name: db, database_name: d}\n"

    @Test func globIncludesAreMergedInLexicalOrder() throws {
        let result = try TemporaryBundle([
            "databricks.yml": Self.root, "resources/b.yml": Self.catalog, "resources/a.yml": Self.instance,
            "resources/nested/c.yml": "resources: {database_instances: {x: {name: x}}}\n",
        ]).load()
        #expect(result.messages() == [])
        #expect(result.bundle?.resources.map(\.key.planLabel) == ["database_instances.db", "database_catalogs.cat"])
    }

    @Test(arguments: [
        ("  - missing.yml\n", "missing.yml defined in 'include' section does not match any files"),
        ("  - /abs/x.yml\n", "/abs/x.yml: includes must be relative paths"),
        ("  - notes.txt\n", "notes.txt: only .yml, .yaml and .json files can be included"),
    ])
    func includeErrors(entry: String, message: String) throws {
        let result = try TemporaryBundle([
            "databricks.yml": "bundle: {name: inc}\ninclude:\n" + entry, "notes.txt": "hello\n",
        ]).load()
        #expect(result.messages() == ["databricks.yml:3:5: " + message])
    }

    @Test func globMatchingNothingIsFine() throws {
        let result = try TemporaryBundle(["databricks.yml": Self.root]).load()
        #expect(result.messages() == [])
    }

    @Test func jsonIncludesAreRead() throws {
        let result = try TemporaryBundle([
            "databricks.yml": "bundle: {name: inc}\ninclude: [extra.json]\n",
            "extra.json": #"{"resources": {"database_instances": {"db": {"name": "db", "capacity": "CU_2"}}}}"#,
        ]).load()
        #expect(result.messages() == [])
        #expect(result.resource(.databaseInstances, "db")?.config["capacity"] == .string("CU_2"))
    }

    @Test func resourceKeyDefinedInTwoFilesIsAnError() throws {
        let result = try TemporaryBundle([
            "databricks.yml": Self.root + "resources:\n  database_catalogs:\n    db: {name: c, database_instance_name: i, database_name: d}\n",
            "resources/a.yml": Self.instance,
        ]).load()
        let error = try #require(result.diagnostics.items.first { $0.severity == .error })
        #expect(error.summary == "multiple resources or scripts have been defined with the same key: db")
        #expect(error.location?.description == "resources/a.yml:3:5")
        #expect(error.detail?.contains("databricks.yml:6:5") == true)
    }

    @Test func yamlErrorInIncludedFileNamesThatFile() throws {
        let result = try TemporaryBundle([
            "databricks.yml": Self.root, "resources/bad.yml": "resources:\n\tdatabase_instances: {}\n",
        ]).load()
        #expect(result.messages().first?.hasPrefix("resources/bad.yml:2:1: found character that cannot start any token") == true)
    }

    @Test func discoveryWalksUpFromWorkingDirectory() throws {
        let bundle = try TemporaryBundle(["databricks.yml": "bundle: {name: up}\n", "a/b/keep.txt": ""])
        let result = bundle.load(workingDirectory: bundle.directory + "/a/b")
        #expect(result.bundle?.name == "up")
    }

    @Test func bundleRootEnvironmentVariableIsHonoured() throws {
        let bundle = try TemporaryBundle(["bundle.yaml": "bundle: {name: env-root}\n"])
        let result = BundleLoader.load(LoadOptions(workingDirectory: "/", environment: ["DATABRICKS_BUNDLE_ROOT": bundle.directory]))
        #expect(result.bundle?.name == "env-root")
    }

    @Test func twoRootFilesAreAnError() throws {
        let bundle = try TemporaryBundle(["databricks.yml": "bundle: {name: a}\n", "bundle.yml": "bundle: {name: b}\n"])
        #expect(bundle.load().messages().first?.hasPrefix("multiple bundle root configuration files found in") == true)
    }

    @Test func missingRootIsAnError() throws {
        let bundle = try TemporaryBundle(["x.txt": ""])
        #expect(bundle.load(workingDirectory: bundle.directory).messages() == ["databricks.yml not found"])
    }
}
