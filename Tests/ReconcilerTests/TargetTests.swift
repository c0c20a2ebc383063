import Testing
import JSONCore
import YAMLBridge
@testable import ManifestModel

@Suite struct TargetTests {
    static let twoTargets = """
    bundle: {name: t}
    resources:
      database_instances:
        db:
          name: db-root
          capacity: CU_1
          custom_tags: [{key: team, value: ops}]
    targets:
      dev:
        default: true
      prod:
        resources:
          database_instances:
            db:
              capacity: CU_4
              stopped: null
              custom_tags: [{key: env, value: prod}]
    """

    @Test func defaultTargetIsSelected() throws {
        let result = try TemporaryBundle(["databricks.yml": Self.twoTargets]).load()
        #expect(result.bundle?.target == "dev")
        #expect(result.resource(.databaseInstances, "db")?.config["capacity"] == .string("CU_1"))
    }

    @Test func targetMergeOverridesScalarsAndConcatenatesSequences() throws {
        let result = try TemporaryBundle(["databricks.yml": Self.twoTargets]).load(target: "prod")
        let config = try #require(result.resource(.databaseInstances, "db")?.config)
        #expect(config["capacity"] == .string("CU_4"))
        #expect(config["name"] == .string("db-root"))
        #expect(config["custom_tags"] == .array([
            .object(["key": .string("team"), "value": .string("ops")]),
            .object(["key": .string("env"), "value": .string("prod")]),
        ]))
        #expect(result.messages() == [])
    }

    @Test func environmentSelectsTarget() throws {
        let bundle = try TemporaryBundle(["databricks.yml": Self.twoTargets])
        #expect(bundle.load(environment: ["DATABRICKS_BUNDLE_TARGET": "prod"]).bundle?.target == "prod")
        #expect(bundle.load(environment: ["DATABRICKS_BUNDLE_ENV": "prod"]).bundle?.target == "prod")
        #expect(bundle.load(target: "dev", environment: ["DATABRICKS_BUNDLE_TARGET": "prod"]).bundle?.target == "dev")
    }

    @Test(arguments: [
        ("targets: {a: {}, b: {}}", nil as String?, "please specify target"),
        ("targets: {a: {default: true}, b: {default: true}}", nil, "multiple targets are marked as default (a, b)"),
        ("targets: {a: {}, b: {}}", "c", "c: no such target. Available targets: a, b"),
        ("", "x", "x: no such target. Available targets: default"),
    ])
    func selectionErrors(targets: String, requested: String?, message: String) throws {
        let result = try TemporaryBundle(["databricks.yml": "bundle: {name: t}\n\(targets)\n"]).load(target: requested)
        #expect(result.diagnostics.items.contains { $0.summary == message && $0.severity == .error })
    }

    @Test func noTargetsMeansDefault() throws {
        let result = try TemporaryBundle(["databricks.yml": "bundle: {name: t}\n"]).load()
        #expect(result.bundle?.target == "default")
    }

    @Test func legacyEnvironmentsSection() throws {
        let result = try TemporaryBundle(["databricks.yml": "bundle: {name: t}\nenvironments: {only: {mode: development}}\n"]).load()
        #expect(result.bundle?.target == "only")
        #expect(result.bundle?.mode == "development")
    }

    @Test func mergingMapWithScalarIsAnError() throws {
        let text = """
        bundle: {name: t}
        resources:
          database_instances:
            db: {name: db, capacity: CU_1, parent_instance_ref: {name: p}}
        targets:
          x:
            resources:
              database_instances:
                db: {parent_instance_ref: p}
        """
        let result = try TemporaryBundle(["databricks.yml": text]).load()
        #expect(result.messages().contains("databricks.yml:9:35: cannot merge map with string"))
    }

    @Test func modeIsValidatedAndProductionNeedsRootPath() throws {
        let bad = try TemporaryBundle(["databricks.yml": "bundle: {name: t}\ntargets: {x: {mode: staging}}\n"]).load()
        #expect(bad.messages().first?.contains("unsupported value 'staging' specified for 'mode'") == true)
        let prod = try TemporaryBundle(["databricks.yml": "bundle: {name: t}\ntargets: {x: {mode: production}}\n"]).load()
        #expect(prod.messages().contains { $0.contains("must set 'workspace.root_path'") })
        let ok = try TemporaryBundle(["databricks.yml": "bundle: {name: t}\ntargets: {x: {mode: production, workspace: {root_path: /Workspace/Shared/t}}}\n"]).load()
        #expect(ok.messages() == [])
        #expect(ok.bundle?.workspace.statePath == "/Workspace/Shared/t/state")
    }

    @Test func developmentModeDisablesLockAndChecksPersonalRootPath() throws {
        let dev = try TemporaryBundle(["databricks.yml": "bundle: {name: t}\ntargets: {d: {mode: development}}\n"]).load()
        #expect(dev.bundle?.lock.enabled == false)
        let forced = try TemporaryBundle(["databricks.yml": "bundle: {name: t, deployment: {lock: {enabled: true}}}\ntargets: {d: {mode: development}}\n"]).load()
        #expect(forced.bundle?.lock.enabled == true)
        let shared = try TemporaryBundle(["databricks.yml": "bundle: {name: t}\ntargets: {d: {mode: development, workspace: {root_path: /Workspace/Shared/x}}}\n"]).load()
        #expect(shared.messages().contains { $0.contains("must contain the current user's name") })
        let home = try TemporaryBundle(["databricks.yml": "bundle: {name: t}\ntargets: {d: {mode: development, workspace: {root_path: ~/x}}}\n"]).load(currentUser: CurrentUser(userName: "a@b.c"))
        #expect(home.bundle?.workspace.rootPath == "/Workspace/Users/a@b.c/x")
    }

    @Test func missingBundleNameIsAnError() throws {
        let result = try TemporaryBundle(["databricks.yml": "resources: {}\n"]).load()
        #expect(result.messages().contains { $0.hasSuffix("bundle name not defined") })
    }
}
