import ManifestModel
import Testing
import JSONCore
@testable import Reconciler

/// Node-level planning: actions, reasons, references, edges, cascades and refusals (planning-rules.md §2, §6, §9).
@Suite struct PlannerTests {
    typealias F = PlanningFixtures
    static let instanceJSON = #"{"name":"orders-db","capacity":"CU_1"}"#
    static let catalogJSON = #"{"name":"serving","database_instance_name":"orders-db","database_name":"app"}"#

    @Test func emptyWorkspaceCreatesEverythingParentsFirst() throws {
        var scenario = F.Scenario()
        scenario.want(F.instance, Self.instanceJSON)
        scenario.want(F.catalog, Self.catalogJSON)
        scenario.remote(F.instance, nil)
        scenario.remote(F.catalog, nil)
        let plan = try scenario.plan()
        #expect(plan.entries.map(\.action) == [.create, .create])
        #expect(plan.summary == PlanSummary([.create, .create]))
        let catalog = try #require(plan.entry(F.catalog))
        #expect(catalog.dependsOn == [Dependency(node: F.instance.stateKey, label: "database_instance_name=orders-db")])
    }

    @Test func settledResourcesAreSkipped() throws {
        let plan = try F.settled(F.instance, Self.instanceJSON, live: #"{"name":"orders-db","capacity":"CU_1","state":"AVAILABLE"}"#).plan()
        #expect(plan.entries.map(\.action) == [.skip])
        #expect(!plan.hasChanges)
    }

    @Test func deletedOutOfBandIsCreatedAgain() throws {
        var scenario = F.settled(F.instance, Self.instanceJSON)
        scenario.remote(F.instance, nil)
        let entry = try #require(try scenario.plan().entry(F.instance))
        #expect(entry.action == .create)
        #expect(entry.reasons == ["orders-db is in the state but not in the workspace (deleted outside the bundle, or an interrupted create); it is created"])
    }

    @Test func removedFromConfigIsDeletedAndGoneWhenAlreadyMissing() throws {
        var scenario = F.Scenario()
        scenario.saved(F.instance, Self.instanceJSON)
        scenario.saved(F.catalog, Self.catalogJSON)
        scenario.remote(F.instance, Self.instanceJSON)
        scenario.remote(F.catalog, nil)
        let plan = try scenario.plan()
        #expect(plan.entries.map(\.action) == [.delete, .delete])
        #expect(plan.entry(F.catalog)?.gone == true)
        #expect(plan.entry(F.instance)?.gone == false)
        #expect(plan.summary.delete == 2)
    }

    @Test func foreignStateEntriesAreNeitherPlannedNorTouched() throws {
        var scenario = F.settled(F.instance, Self.instanceJSON)
        scenario.state.setRaw("resources.jobs.nightly", F.json(#"{"__id__":"123","state":{"name":"nightly"}}"#))
        let plan = try scenario.plan()
        #expect(plan.entries.map(\.key) == [F.instance])
    }

    @Test func existingUnmanagedResourceIsAnErrorNotAnAdoption() {
        var scenario = F.Scenario()
        scenario.want(F.instance, Self.instanceJSON)
        scenario.remote(F.instance, #"{"name":"orders-db","capacity":"CU_2"}"#)
        #expect(scenario.errors() == [
            "resources.database_instances.db: database instance \"orders-db\" exists in the workspace but is not managed by this bundle; run `reconcile bind database_instances.db orders-db` to manage it, or choose another name",
        ])
    }

    @Test func recreatedInstanceCascadesToItsCatalogAndPermissions() throws {
        var scenario = F.Scenario()
        let parented = #"{"name":"orders-db","capacity":"CU_1","parent_instance_ref":{"name":"origin"}}"#
        scenario.want(F.instance, parented)
        scenario.saved(F.instance, Self.instanceJSON)
        scenario.remote(F.instance, Self.instanceJSON)
        scenario.want(F.catalog, Self.catalogJSON)
        scenario.saved(F.catalog, Self.catalogJSON)
        scenario.remote(F.catalog, Self.catalogJSON)
        let permissions = F.key(.databaseInstances, "db", permissions: true)
        let acl = #"{"object_id":"/database-instances/orders-db","__embed__":[{"level":"CAN_USE","group_name":"g"}]}"#
        scenario.want(permissions, acl, dependsOn: [Dependency(node: F.instance.stateKey, label: "${resources.database_instances.db.id}")])
        scenario.saved(permissions, acl)
        scenario.remote(permissions, acl)
        let plan = try scenario.plan()
        #expect(plan.entry(F.instance)?.action == .recreate)
        #expect(plan.entry(F.catalog)?.action == .recreate)
        #expect(plan.entry(F.catalog)?.reasons == ["parent_recreated: database_instances.db is recreated"])
        #expect(plan.entry(permissions)?.action == .update)
    }

    @Test func idReferenceResolvesToTheReferencedName() throws {
        var scenario = F.Scenario()
        scenario.want(F.instance, Self.instanceJSON)
        scenario.want(F.catalog, #"{"name":"serving","database_instance_name":"${resources.database_instances.db.id}","database_name":"app"}"#,
                      dependsOn: [Dependency(node: F.instance.stateKey, label: "${resources.database_instances.db.id}")])
        let plan = try scenario.plan()
        let catalog = try #require(plan.entry(F.catalog))
        #expect(catalog.newState?["database_instance_name"] == .string("orders-db"))
        #expect(catalog.vars.isEmpty)
    }

    static let pipelineReference = "${resources.synced_database_tables.first.data_synchronization_status.pipeline_id}"

    private func packedTables(firstAction live: String?) throws -> Plan {
        let first = F.key(.syncedDatabaseTables, "first")
        let firstJSON = #"{"name":"serving.public.a","spec":{"source_table_full_name":"main.demo.a","primary_key_columns":["id"],"scheduling_policy":"TRIGGERED"}}"#
        var scenario = F.Scenario()
        scenario.want(first, firstJSON)
        if let live {
            scenario.saved(first, firstJSON)
            scenario.remote(first, live)
        }
        scenario.want(F.table, #"{"name":"serving.public.b","spec":{"source_table_full_name":"main.demo.b","primary_key_columns":["id"],"scheduling_policy":"TRIGGERED","existing_pipeline_id":"\#(Self.pipelineReference)"}}"#,
                      dependsOn: [Dependency(node: first.stateKey, label: Self.pipelineReference)])
        return try scenario.plan()
    }

    @Test func outputReferenceIsReadFromAnUnchangedNode() throws {
        let live = #"{"name":"serving.public.a","spec":{"source_table_full_name":"main.demo.a","primary_key_columns":["id"],"scheduling_policy":"TRIGGERED"},"data_synchronization_status":{"pipeline_id":"p-1"}}"#
        let entry = try #require(try packedTables(firstAction: live).entry(F.table))
        #expect(entry.newState?["spec"]?["existing_pipeline_id"] == .string("p-1"))
        #expect(entry.vars.isEmpty)
    }

    @Test func outputReferenceOfANewNodeIsKnownAfterApply() throws {
        let entry = try #require(try packedTables(firstAction: nil).entry(F.table))
        #expect(entry.newState?["spec"]?["existing_pipeline_id"] == .string(Self.pipelineReference))
        #expect(entry.vars.map(\.path) == ["spec.existing_pipeline_id"])
        #expect(entry.vars.map(\.reference) == [Self.pipelineReference])
    }

    @Test func cyclesNameEveryEdge() {
        var scenario = F.Scenario()
        let other = F.key(.databaseCatalogs, "other")
        scenario.want(F.catalog, #"{"name":"a"}"#, dependsOn: [Dependency(node: other.stateKey, label: "${resources.database_catalogs.other.name}")])
        scenario.want(other, #"{"name":"b"}"#, dependsOn: [Dependency(node: F.catalog.stateKey, label: "${resources.database_catalogs.cat.name}")])
        #expect(scenario.errors() == [
            "resources.database_catalogs.cat: cycle detected: database_catalogs.cat refers to database_catalogs.other via ${resources.database_catalogs.other.name} which refers to database_catalogs.cat via ${resources.database_catalogs.cat.name}",
        ])
    }

    @Test func syncedTableStandsOnItsCatalogAndInstanceByName() throws {
        var scenario = F.Scenario()
        scenario.want(F.instance, Self.instanceJSON)
        scenario.want(F.catalog, Self.catalogJSON)
        scenario.want(F.table, #"{"name":"serving.public.orders","database_instance_name":"orders-db","spec":{"source_table_full_name":"main.demo.orders_cdf"}}"#)
        let entry = try #require(try scenario.plan().entry(F.table))
        #expect(entry.dependsOn.map(\.node) == [F.instance.stateKey, F.catalog.stateKey])
    }
}
