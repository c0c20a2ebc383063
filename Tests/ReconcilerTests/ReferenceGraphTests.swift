import Testing
import JSONCore
@testable import ManifestModel

@Suite struct ReferenceGraphTests {
    static func manifest(_ resources: String) -> String {
        "bundle: {name: r}\nresources:\n" + resources
    }

    /// An instance `db` and a catalog whose `database_instance_name` (line 6, column 44) is `reference`.
    static func catalog(referencing reference: String) throws -> LoadResult {
        try TemporaryBundle(["databricks.yml": manifest("""
          database_instances:
            db: {name: db, capacity: CU_1}
          database_catalogs:
            cat: {name: c, database_instance_name: "\(reference)", database_name: d}
        """)]).load()
    }

    @Test func configReferencesResolveAndBecomeEdges() throws {
        let result = try TemporaryBundle(["databricks.yml": Self.manifest("""
          database_instances:
            db: {name: orders-db, capacity: CU_1}
          database_catalogs:
            cat:
              name: orders
              database_instance_name: ${resources.database_instances.db.name}
              database_name: app
        """)]).load()
        #expect(result.messages() == [])
        let catalog = try #require(result.resource(.databaseCatalogs, "cat"))
        #expect(catalog.config["database_instance_name"] == .string("orders-db"))
        #expect(catalog.references.map(\.target) == [ResourceKey(.databaseInstances, "db")])
        #expect(catalog.references.first?.label == "${resources.database_instances.db.name}")
        #expect(catalog.references.first?.resolution == .config)
    }

    @Test(arguments: [
        ("${resources.database_instances.db.uid}", ReferenceResolution.remote),
        ("${resources.database_instances.db.read_write_dns}", .remote),
        ("${resources.database_instances.db.id}", .id),
        ("${resources.database_instances.db.name}", .config),
        ("x-${resources.database_instances.db.effective_capacity}", .remote),
    ])
    func resolutionClasses(reference: String, expected: ReferenceResolution) throws {
        let result = try Self.catalog(referencing: reference)
        #expect(result.messages() == [])
        let catalog = try #require(result.resource(.databaseCatalogs, "cat"))
        #expect(catalog.references.first?.resolution == expected)
        if expected != .config {
            #expect(catalog.config["database_instance_name"] == .string(reference))
        }
    }

    @Test(arguments: [
        ("${resources.database_instances.nope.name}", "reference does not exist: ${resources.database_instances.nope.name}"),
        ("${resources.database_instances.db.colour}", "schema mismatch: database_instances has no field 'colour'"),
        ("${resources.database_instances.db.node_count}", "refers to node_count, which is not set in database_instances.db"),
        ("${resources.jobs.j.id}", "reference does not exist: ${resources.jobs.j.id}"),
        ("${resources.database_instances.db}", "must name a field"),
    ])
    func referenceErrors(reference: String, message: String) throws {
        let result = try Self.catalog(referencing: reference)
        #expect(result.messages().contains { $0.hasPrefix("databricks.yml:6:44: ") && $0.contains(message) })
    }

    @Test func selfReferenceIsACycle() throws {
        let result = try TemporaryBundle(["databricks.yml": Self.manifest("""
          database_catalogs:
            cat: {name: "${resources.database_catalogs.cat.database_name}", database_instance_name: i, database_name: "${resources.database_catalogs.cat.name}"}
        """)]).load()
        #expect(result.messages().contains {
            $0.contains("cycle detected: database_catalogs.cat refers to itself via ${resources.database_catalogs.cat.")
        })
    }

    @Test func threeNodeCycleListsTheChain() throws {
        let result = try TemporaryBundle(["databricks.yml": Self.manifest("""
          database_catalogs:
            a: {name: a, database_instance_name: "${resources.database_catalogs.b.name}", database_name: d}
            b: {name: b, database_instance_name: "${resources.database_catalogs.c.name}", database_name: d}
            c: {name: c, database_instance_name: "${resources.database_catalogs.a.name}", database_name: d}
        """)]).load()
        let cycles = result.messages().filter { $0.contains("cycle detected") }
        #expect(cycles == ["databricks.yml:4:42: cycle detected: database_catalogs.a refers to database_catalogs.b via ${resources.database_catalogs.b.name} which refers to database_catalogs.c via ${resources.database_catalogs.c.name} which refers to database_catalogs.a via ${resources.database_catalogs.a.name}"])
    }

    @Test func pureReferenceKeepsType() throws {
        let result = try TemporaryBundle(["databricks.yml": Self.manifest("""
          database_instances:
            a: {name: a, capacity: CU_1, stopped: true}
            b: {name: b, capacity: CU_1, stopped: "${resources.database_instances.a.stopped}"}
        """)]).load()
        #expect(result.resource(.databaseInstances, "b")?.config["stopped"] == .bool(true))
    }
}
