import Foundation
import JSONCore
import Testing

/// The Autoscaling kinds deployed by the real `reconcile` binary to a real `lakebase-local`: the CLI's request
/// sequences (autoscaling-api.md §2.0, §3), ids from the finished operations, a clean second plan, masked updates,
/// state-only toggles, and destroy.
@Suite struct AutoscalingEndToEndTests {
    static func manifest(displayName: String = "Shop", createdb: Bool = true, purge: String = "") -> String {
        """
        bundle:
          name: shop
        resources:
          postgres_projects:
            shop:
              project_id: shop
              display_name: \(displayName)
              pg_version: 16
        \(purge)
          postgres_branches:
            production:
              parent: ${resources.postgres_projects.shop.id}
              branch_id: production
              is_protected: false
              replace_existing: true
            dev:
              parent: ${resources.postgres_projects.shop.id}
              branch_id: dev
              no_expiry: true
          postgres_endpoints:
            reader:
              parent: ${resources.postgres_branches.production.id}
              endpoint_id: reader
              endpoint_type: ENDPOINT_TYPE_READ_ONLY
              autoscaling_limit_min_cu: 0.5
              autoscaling_limit_max_cu: 2
          postgres_roles:
            owner:
              parent: ${resources.postgres_branches.production.id}
              role_id: app-owner
              postgres_role: app_owner
              attributes:
                createdb: \(createdb)
          postgres_databases:
            app:
              parent: ${resources.postgres_branches.production.id}
              database_id: app
              postgres_database: app_db
              role: ${resources.postgres_roles.owner.id}
        """
    }

    @Test func deployReplanUpdateAndDestroy() async throws {
        let deployment = try await LocalDeployment(Self.manifest(), flags: ["--operation-ms", "100", "--endpoint-reconcile-ms", "300"])
        try await deployment.apply()
        let created = try deployment.lakebaseMutations()
        #expect(created.sorted() == [
            "POST /api/2.0/postgres/projects?project_id=shop",
            "POST /api/2.0/postgres/projects/shop/branches?branch_id=dev",
            "POST /api/2.0/postgres/projects/shop/branches?branch_id=production&replace_existing=true",
            "POST /api/2.0/postgres/projects/shop/branches/production/endpoints?endpoint_id=reader",
            "POST /api/2.0/postgres/projects/shop/branches/production/roles?role_id=app-owner",
            "POST /api/2.0/postgres/projects/shop/branches/production/databases?database_id=app",
        ].sorted(), "\(created)")
        #expect(created.first == "POST /api/2.0/postgres/projects?project_id=shop", "parents are created first")
        #expect(created.last == "POST /api/2.0/postgres/projects/shop/branches/production/databases?database_id=app"
                || created.last?.contains("endpoints") == true || created.last?.contains("branch_id=dev") == true)
        let state = try deployment.localState()["state"]
        #expect(state?["resources.postgres_branches.dev"]?["__id__"]?.stringValue == "projects/shop/branches/dev")
        #expect(state?["resources.postgres_databases.app"]?["state"]?["role"]?.stringValue
                == "projects/shop/branches/production/roles/app-owner")

        let status = try await deployment.reconcile(["status", "--pg-port", String(deployment.emulator.postgresPort)])
        #expect(status.status == 0, "\(status.stderr)")
        for expected in ["postgres_branches.dev (projects/shop/branches/dev)", "READY, from projects/shop/branches/production",
                         "postgres_endpoints.reader (projects/shop/branches/production/endpoints/reader)", "0.5–2 CU",
                         "app_db (", "roles: app_owner"] {
            #expect(status.stdout.contains(expected), "status lacks \(expected): \(status.stdout)")
        }

        let replan = try await deployment.reconcile(["plan"])
        #expect(replan.status == 0)
        #expect(replan.stdout.contains("Plan: 0 to add, 0 to change, 0 to delete, 6 unchanged"), "\(replan.stdout)")
        #expect(replan.stdout.contains("\n  project shop: 2 branches\n    dev/primary, read-write (implicit): 1–1 CU (2–2 GB), suspends after 1 d idle: $0.00 – $81.03 a month\n"),
                "the advisor prices the implicit primary of each branch: \(replan.stdout)")
        #expect(!replan.stdout.contains("monthly cost: $0.00 now → $0.00 after apply"), "no empty Provisioned cost line for an Autoscaling-only bundle")

        var mark = try deployment.requestMark()
        try deployment.write(Self.manifest(displayName: "Shop 2", createdb: false))
        try await deployment.apply()
        #expect(try deployment.lakebaseMutations(since: mark).sorted() == [
            "PATCH /api/2.0/postgres/projects/shop/branches/production/roles/app-owner?update_mask=spec.attributes.createdb",
            "PATCH /api/2.0/postgres/projects/shop?update_mask=spec.display_name",
        ])
        #expect(try await deployment.reconcile(["plan"]).stdout.contains("Plan: 0 to add, 0 to change, 0 to delete, 6 unchanged"))

        mark = try deployment.requestMark()
        try deployment.write(Self.manifest(displayName: "Shop 2", createdb: false, purge: "      purge_on_delete: true"))
        let toggle = try await deployment.reconcile(["plan"])
        #expect(toggle.stdout.contains("update postgres_projects.shop"), "\(toggle.stdout)")
        try await deployment.apply()
        #expect(try deployment.lakebaseMutations(since: mark) == [], "a state-only toggle makes no request")
        #expect(try deployment.localState()["state"]?["resources.postgres_projects.shop"]?["state"]?["purge_on_delete"] == .bool(true))

        mark = try deployment.requestMark()
        let destroy = try await deployment.reconcile(["destroy", "--auto-approve"])
        #expect(destroy.status == 0, "\(destroy.stderr)")
        let deletes = try deployment.lakebaseMutations(since: mark)
        #expect(deletes.last == "DELETE /api/2.0/postgres/projects/shop?purge=true", "\(deletes)")
        #expect(deletes.contains("DELETE /api/2.0/postgres/projects/shop/branches/production"), "MANAGED_BY_PARENT is a success")
        #expect(try await deployment.emulator.call("GET", "/api/2.0/postgres/projects/shop").status == 404)
    }

    @Test func invalidAutoscalingInputIsRefusedAtPlanTimeWithoutAWrite() async throws {
        let deployment = try await LocalDeployment("""
            bundle: {name: bad}
            resources:
              postgres_projects:
                p: {project_id: Bad_Project}
              postgres_endpoints:
                rw:
                  parent: projects/p/branches/production
                  endpoint_id: second
                  endpoint_type: ENDPOINT_TYPE_READ_WRITE
                  autoscaling_limit_min_cu: 8
                  autoscaling_limit_max_cu: 2
            """)
        let plan = try await deployment.reconcile(["plan"])
        #expect(plan.status == 1)
        for expected in [
            "databricks.yml:4:21: error: invalid project_id 'Bad_Project'",
            "databricks.yml:10:33: error: autoscaling_limit_min_cu (8) is above autoscaling_limit_max_cu (2)",
            "databricks.yml:9:22: error: every branch already has its read-write endpoint 'primary'",
        ] {
            #expect(plan.stdout.contains(expected) || plan.stderr.contains(expected), "missing \(expected): \(plan.stdout) \(plan.stderr)")
        }
        #expect(try deployment.lakebaseMutations() == [])
    }

    /// A bundle of one project with a `main` branch, its adopted primary, a role and a database, with the fields the
    /// scenarios change.
    static func scenario(branch: String = "main", protected: Bool = false, maxCU: Int = 2, readerName: String = "app_reader",
                         database: String = "app_db") -> String {
        """
        bundle: {name: scenarios}
        resources:
          postgres_projects:
            p: {project_id: scen}
          postgres_branches:
            b:
              parent: ${resources.postgres_projects.p.id}
              branch_id: \(branch)
              is_protected: \(protected)
              no_expiry: true
          postgres_endpoints:
            primary:
              parent: ${resources.postgres_branches.b.id}
              endpoint_id: primary
              endpoint_type: ENDPOINT_TYPE_READ_WRITE
              replace_existing: true
              autoscaling_limit_min_cu: 0.5
              autoscaling_limit_max_cu: \(maxCU)
              suspend_timeout_duration: 600s
          postgres_roles:
            owner:
              parent: ${resources.postgres_branches.b.id}
              role_id: app-owner
              postgres_role: app_owner
            reader:
              parent: ${resources.postgres_branches.b.id}
              role_id: app-reader
              postgres_role: \(readerName)
          postgres_databases:
            db:
              parent: ${resources.postgres_branches.b.id}
              database_id: app
              postgres_database: \(database)
              role: ${resources.postgres_roles.owner.id}
        """
    }

    /// The CLI's scenarios of autoscaling-api.md §3 for these kinds, replayed: the mutating requests of each step.
    @Test func cliScenariosReplay() async throws {
        let deployment = try await LocalDeployment(Self.scenario(), flags: ["--operation-ms", "50", "--endpoint-reconcile-ms", "200"])
        try await deployment.apply()
        #expect(try deployment.lakebaseMutations().contains(
            "POST /api/2.0/postgres/projects/scen/branches/main/endpoints?endpoint_id=primary&replace_existing=true"))

        // Each step's mutating requests, in groups that must come in this order; within a group, independent
        // nodes run at once, so a group compares as a set.
        let steps: [(manifest: String, groups: [[String]])] = [
            (Self.scenario(protected: true), [["PATCH /api/2.0/postgres/projects/scen/branches/main?update_mask=spec.is_protected"]]),
            (Self.scenario(protected: true, maxCU: 4),
             [["PATCH /api/2.0/postgres/projects/scen/branches/main/endpoints/primary?update_mask=spec.autoscaling_limit_max_cu"]]),
            (Self.scenario(protected: true, maxCU: 4, database: "renamed_db"),
             [["PATCH /api/2.0/postgres/projects/scen/branches/main/databases/app?update_mask=spec.postgres_database"]]),
            (Self.scenario(protected: false, maxCU: 4, database: "renamed_db"),
             [["PATCH /api/2.0/postgres/projects/scen/branches/main?update_mask=spec.is_protected"]]),
            (Self.scenario(maxCU: 4, readerName: "other_reader", database: "renamed_db"), [
                ["DELETE /api/2.0/postgres/projects/scen/branches/main/roles/app-reader"],
                ["POST /api/2.0/postgres/projects/scen/branches/main/roles?role_id=app-reader"],
            ]),
            // The branch's new id changes its children's `parent` (an id field): they are recreated with it. Their
            // deletes come first (the database before the role that owns it; the read-write endpoint answers
            // MANAGED_BY_PARENT and goes with the branch), then the branch's, then the creates, parents first.
            (Self.scenario(branch: "main2", maxCU: 4, readerName: "other_reader", database: "renamed_db"), [
                ["DELETE /api/2.0/postgres/projects/scen/branches/main/databases/app",
                 "DELETE /api/2.0/postgres/projects/scen/branches/main/endpoints/primary",
                 "DELETE /api/2.0/postgres/projects/scen/branches/main/roles/app-reader"],
                ["DELETE /api/2.0/postgres/projects/scen/branches/main/roles/app-owner"],
                ["DELETE /api/2.0/postgres/projects/scen/branches/main?purge=true"],
                ["POST /api/2.0/postgres/projects/scen/branches?branch_id=main2"],
                ["POST /api/2.0/postgres/projects/scen/branches/main2/endpoints?endpoint_id=primary&replace_existing=true",
                 "POST /api/2.0/postgres/projects/scen/branches/main2/roles?role_id=app-owner",
                 "POST /api/2.0/postgres/projects/scen/branches/main2/roles?role_id=app-reader"],
                ["POST /api/2.0/postgres/projects/scen/branches/main2/databases?database_id=app"],
            ]),
        ]
        for (index, step) in steps.enumerated() {
            let mark = try deployment.requestMark()
            try deployment.write(step.manifest)
            let applied = try await deployment.reconcile(["apply", "--auto-approve"])
            #expect(applied.status == 0, "step \(index): \(applied.stderr)")
            var mutations = try deployment.lakebaseMutations(since: mark)[...]
            for group in step.groups {
                #expect(mutations.prefix(group.count).sorted() == group.sorted(), "step \(index): \(mutations)")
                mutations = mutations.dropFirst(group.count)
            }
            #expect(mutations.isEmpty, "step \(index): no other request: \(mutations)")
            let plan = try await deployment.reconcile(["plan", "--detailed-exitcode"])
            #expect(plan.status == 0, "step \(index) re-plans clean: \(plan.stdout)")
        }
    }

    /// Project permissions go to `/permissions/database-projects/<project_id>` with the deployer's `CAN_MANAGE` added,
    /// as the CLI sends them; the caller's role the platform made is bound, and then plans unchanged.
    @Test func projectPermissionsAndBindingTheCallersRole() async throws {
        let project = """
            bundle: {name: perm}
            resources:
              postgres_projects:
                p:
                  project_id: perm
                  permissions:
                    - level: CAN_USE
                      group_name: analysts
            """
        let deployment = try await LocalDeployment(project, flags: ["--operation-ms", "50"])
        try await deployment.apply()
        let puts = try deployment.loggedRequests().filter { $0.method == "PUT" && $0.path.hasPrefix("/api/2.0/permissions/") }
        #expect(puts.map(\.path) == ["/api/2.0/permissions/database-projects/perm"])
        let acl = puts.first?.body?["access_control_list"]?.arrayValue ?? []
        #expect(acl.contains(.object(["group_name": .string("analysts"), "permission_level": .string("CAN_USE")])))
        #expect(acl.contains(.object(["user_name": .string("tester@example.com"), "permission_level": .string("CAN_MANAGE")])))
        #expect(try await deployment.reconcile(["plan", "--detailed-exitcode"]).status == 0)

        try deployment.write(project + """

              postgres_roles:
                me:
                  parent: projects/perm/branches/production
                  role_id: tester
                  postgres_role: tester@example.com
                  identity_type: USER
                  auth_method: LAKEBASE_OAUTH_V1
                  membership_roles: [DATABRICKS_SUPERUSER]
            """)
        let refused = try await deployment.reconcile(["plan"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("reconcile bind postgres_roles.me projects/perm/branches/production/roles/tester"), "\(refused.stderr)")
        let bound = try await deployment.reconcile(["bind", "postgres_roles.me", "projects/perm/branches/production/roles/tester"])
        #expect(bound.status == 0, "\(bound.stderr)")
        let plan = try await deployment.reconcile(["plan", "--detailed-exitcode"])
        #expect(plan.status == 0, "a bound role plans unchanged: \(plan.stdout)")
    }
}
