import Testing
import JSONCore
@testable import ManifestModel

@Suite struct ResourceNormalizationTests {
    private func load(instance body: String) throws -> LoadResult {
        try TemporaryBundle(["databricks.yml": "bundle: {name: n}\nresources:\n  database_instances:\n    db: {\(body)}\n"]).load()
    }

    /// Values are converted the way the Databricks CLI converts them into typed fields.
    @Test(arguments: [
        ("name: 0123, capacity: CU_1", "name", JSONValue.string("123")),
        ("name: db, capacity: CU_1, stopped: yes", "stopped", .bool(true)),
        ("name: db, capacity: CU_1, stopped: Off", "stopped", .bool(false)),
        ("name: db, capacity: CU_1, node_count: '3'", "node_count", .int(3)),
        ("name: true, capacity: CU_1", "name", .string("true")),
    ])
    func coercions(body: String, field: String, expected: JSONValue) throws {
        let result = try load(instance: body)
        #expect(result.messages() == [])
        #expect(result.resource(.databaseInstances, "db")?.config[field] == expected)
    }

    @Test(arguments: [
        ("name: db, capacity: CU_3", "databricks.yml:4:30: invalid value 'CU_3' for capacity"),
        ("name: db, capacity: CU_1, node_count: two", "databricks.yml:4:48: expected int for node_count, found string 'two'"),
        ("name: db, capacity: CU_1, stopped: maybe", "databricks.yml:4:45: expected bool for stopped, found string 'maybe'"),
        ("name: [a], capacity: CU_1", "databricks.yml:4:16: expected string for name, found sequence"),
        ("capacity: CU_1", "databricks.yml:4:9: required field 'name' is not set"),
    ])
    func typeErrors(body: String, message: String) throws {
        let result = try load(instance: body)
        #expect(result.messages().contains { $0.hasPrefix(message) })
    }

    @Test func unknownFieldWarnsWithSuggestionAndIsDropped() throws {
        let result = try load(instance: "name: db, capacity: CU_1, capcity: CU_2")
        #expect(result.messages() == [])
        #expect(result.messages(.warning) == ["databricks.yml:4:36: unknown field 'capcity'; did you mean 'capacity'?"])
        #expect(result.resource(.databaseInstances, "db")?.config["capcity"] == nil)
    }

    @Test func legacyOutputOnlyKeysWarnAndAreDropped() throws {
        let result = try load(instance: "name: db, capacity: CU_1, uid: abc, effective_capacity: CU_1")
        #expect(result.messages() == [])
        #expect(result.messages(.warning).count == 2)
        #expect(result.resource(.databaseInstances, "db")?.config == .object(["name": .string("db"), "capacity": .string("CU_1")]))
    }

    @Test func nullScalarWarnsAndIsDropped() throws {
        let result = try load(instance: "name: db, capacity: CU_1, stopped: null")
        #expect(result.messages(.warning).first?.contains("expected a bool value for stopped, found null") == true)
    }

    @Test func nullResourceBodyIsAnError() throws {
        let result = try TemporaryBundle(["databricks.yml": "bundle: {name: n}\nresources:\n  database_instances:\n    my_db:\n"]).load()
        #expect(result.messages() == ["databricks.yml:4:5: database_instance my_db is not defined"])
    }

    @Test func otherResourceTypesAreIgnoredWithWarning() throws {
        let result = try TemporaryBundle(["databricks.yml": "bundle: {name: n}\nresources:\n  jobs:\n    j: {name: j}\n"]).load()
        #expect(result.messages() == [])
        #expect(result.messages(.warning).first?.contains("resources of type jobs are not managed by reconcile") == true)
    }

    @Test func permissionsAndLifecycle() throws {
        let text = """
        bundle: {name: n}
        permissions:
          - {level: CAN_VIEW, group_name: analysts}
          - {level: CAN_RUN, user_name: runner@x.com}
          - {level: CAN_MANAGE, group_name: admins}
        resources:
          database_instances:
            db:
              name: db
              capacity: CU_1
              lifecycle: {prevent_destroy: true}
              permissions: [{level: CAN_USE, group_name: admins}]
        """
        let result = try TemporaryBundle(["databricks.yml": text]).load()
        #expect(result.messages() == [])
        let resource = try #require(result.resource(.databaseInstances, "db"))
        #expect(resource.preventDestroy)
        #expect(resource.permissions == [
            Permission(level: "CAN_USE", principalField: "group_name", principal: "admins"),
            Permission(level: "CAN_USE", principalField: "group_name", principal: "analysts"),
        ])
        #expect(resource.config["lifecycle"] == nil && resource.config["permissions"] == nil)
    }

    @Test func invalidTopLevelPermissionLevel() throws {
        let result = try TemporaryBundle(["databricks.yml": "bundle: {name: n}\npermissions: [{level: CAN_EAT, user_name: a}]\n"]).load()
        #expect(result.messages().first?.contains("invalid value 'CAN_EAT' for level") == true)
    }
}
