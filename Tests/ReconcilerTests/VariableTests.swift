import Testing
import JSONCore
import YAMLBridge
@testable import ManifestModel

@Suite struct VariableTests {
    static let manifest = """
    bundle: {name: v}
    variables:
      capacity: {default: CU_1}
      other: {default: CU_2}
    resources:
      database_instances:
        db: {name: db, capacity: "${var.capacity}"}
    targets:
      plain: {}
      override:
        variables:
          capacity: CU_4
    """

    private func capacity(_ result: LoadResult) -> JSONValue? {
        result.resource(.databaseInstances, "db")?.config["capacity"]
    }

    /// Each row adds one more source; the highest-precedence one must win.
    @Test(arguments: [
        ("plain", [], [:], nil, "CU_1"),
        ("override", [], [:], nil, "CU_4"),
        ("override", [], [:], #"{"capacity": "CU_2"}"#, "CU_2"),
        ("override", [], ["BUNDLE_VAR_capacity": "CU_8"], #"{"capacity": "CU_2"}"#, "CU_8"),
        ("override", ["capacity=CU_1"], ["BUNDLE_VAR_capacity": "CU_8"], #"{"capacity": "CU_2"}"#, "CU_1"),
    ] as [(String, [String], [String: String], String?, String)])
    func precedence(target: String, flags: [String], environment: [String: String], overrides: String?, expected: String) throws {
        var files = ["databricks.yml": Self.manifest]
        if let overrides { files[".databricks/bundle/\(target)/variable-overrides.json"] = overrides }
        let result = try TemporaryBundle(files).load(target: target, variables: flags, environment: environment)
        #expect(result.messages() == [])
        #expect(capacity(result) == .string(expected))
    }

    @Test func missingValueNamesVariableAndUse() throws {
        let text = "bundle: {name: v}\nvariables:\n  cap: {description: x}\nresources:\n  database_instances:\n    db: {name: db, capacity: \"${var.cap}\"}\n"
        let result = try TemporaryBundle(["databricks.yml": text]).load()
        let error = try #require(result.diagnostics.items.first { $0.severity == .error })
        #expect(error.summary == "no value assigned to required variable cap")
        #expect(error.location?.description == "databricks.yml:6:30")
        #expect(error.detail?.contains("declared at databricks.yml:3:3") == true)
    }

    @Test func unusedVariableWithoutValueIsStillAnError() throws {
        let result = try TemporaryBundle(["databricks.yml": "bundle: {name: v}\nvariables:\n  x: {}\n"]).load()
        #expect(result.messages() == ["databricks.yml:3:3: no value assigned to required variable x"])
    }

    @Test func undefinedVariableErrors() throws {
        let bundle = try TemporaryBundle(["databricks.yml": Self.manifest + "\n  bad:\n    variables: {nope: 1}\n"])
        #expect(bundle.load(target: "plain", variables: ["nope=1"]).messages().contains { $0.hasPrefix("variable nope has not been defined") })
        #expect(bundle.load(target: "bad").messages().contains { $0.contains("variable nope is not defined but is assigned a value") })
    }

    @Test func unknownVariableReferenceSuggests() throws {
        let text = "bundle: {name: v}\nvariables: {capacity: {default: CU_1}}\nresources:\n  database_instances:\n    db: {name: db, capacity: \"${var.capacty}\"}\n"
        let result = try TemporaryBundle(["databricks.yml": text]).load()
        let error = try #require(result.diagnostics.items.first { $0.severity == .error })
        #expect(error.summary == "reference does not exist: ${var.capacty}")
        #expect(error.detail?.contains("did you mean 'capacity'?") == true)
    }

    @Test func complexVariablesAndNestedReferences() throws {
        let text = """
        bundle: {name: v}
        variables:
          storage: {type: complex, default: {catalog: main, schema: "${var.schema}"}}
          schema: {default: staging}
          prefix: {default: "${bundle.name}-${bundle.target}"}
        resources:
          database_instances:
            db: {name: "${var.prefix}-db", capacity: CU_1}
          synced_database_tables:
            t:
              name: main.s.t
              spec:
                source_table_full_name: a.b.c
                primary_key_columns: [id]
                new_pipeline_spec: {storage_catalog: "${var.storage.catalog}", storage_schema: "${var.storage.schema}"}
        """
        let result = try TemporaryBundle(["databricks.yml": text]).load()
        #expect(result.messages() == [])
        #expect(result.resource(.databaseInstances, "db")?.config["name"] == .string("v-default-db"))
        let spec = result.resource(.syncedDatabaseTables, "t")?.config["spec"]?["new_pipeline_spec"]
        #expect(spec == .object(["storage_catalog": .string("main"), "storage_schema": .string("staging")]))
    }

    @Test func interpolationCycleIsAnError() throws {
        let text = "bundle: {name: v}\nvariables:\n  a: {default: \"${var.b}\"}\n  b: {default: \"${var.a}\"}\nresources:\n  database_instances:\n    db: {name: \"${var.a}\", capacity: CU_1}\n"
        let result = try TemporaryBundle(["databricks.yml": text]).load()
        #expect(result.messages().contains { $0.contains("cycle detected in field resolution") })
    }

    @Test func complexVariablesCannotBeSetByFlag() throws {
        let text = "bundle: {name: v}\nvariables:\n  s: {type: complex, default: {a: 1}}\n"
        let result = try TemporaryBundle(["databricks.yml": text]).load(variables: ["s=x"])
        #expect(result.messages().contains("setting variables of complex type via --var flag is not supported: s"))
    }

    @Test func currentUserResolvesWhenKnownAndStaysOtherwise() throws {
        let text = "bundle: {name: v}\nresources:\n  database_instances:\n    db: {name: \"${workspace.current_user.domain_friendly_name}-db\", capacity: CU_1}\n"
        let bundle = try TemporaryBundle(["databricks.yml": text])
        let online = bundle.load(currentUser: CurrentUser(userName: "Jane.Doe@example.com"))
        #expect(online.resource(.databaseInstances, "db")?.config["name"] == .string("jane-doe-db"))
        #expect(online.bundle?.workspace.rootPath == "/Workspace/Users/Jane.Doe@example.com/.bundle/v/default")
        let offline = bundle.load()
        #expect(offline.resource(.databaseInstances, "db")?.config["name"] == .string("${workspace.current_user.domain_friendly_name}-db"))
        #expect(offline.messages() == [])
        #expect(offline.messages(.info).count == 1)
    }

    @Test(arguments: [
        ("Jane.Doe@example.com", nil as String?, "jane_doe", "jane-doe"),
        ("a--b__c@x.io", nil, "a_b_c", "a-b-c"),
        ("12345678-1234-1234-1234-123456789abc", "CI Deployer", "ci_deployer", "ci-deployer"),
    ])
    func shortNames(userName: String, displayName: String?, short: String, friendly: String) {
        let user = CurrentUser(userName: userName, displayName: displayName)
        #expect(user.shortName == short)
        #expect(user.domainFriendlyName == friendly)
    }
}
