import Foundation
import JSONCore
import LakebaseLocalHarness
import PostgresBridge
import Testing

/// The Autoscaling API (`/api/2.0/postgres`) through real HTTP, checked inside the real PostgreSQL servers:
/// operations, implicit children, branching with isolated data, a read-only standby, roles and databases, deletes.
@Suite struct AutoscalingTests {
    /// Waits for the operation a mutation answered and returns its `response`; fails on an operation error.
    @discardableResult
    static func finish(_ emulator: Emulator, _ reply: Reply, timeout: TimeInterval = 60) async throws -> JSONValue {
        #expect(reply.status == 200, "\(reply.json.serialized(pretty: false))")
        let name = try #require(reply.json["name"]?.stringValue, "no operation in \(reply.json.serialized(pretty: false))")
        #expect(name.contains("/operations/"))
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let operation = try await emulator.call("GET", "/api/2.0/postgres/" + name).json
            if operation["done"] == .bool(true) {
                if let error = operation["error"] { throw EmulatorError("operation \(name) failed: \(error.serialized(pretty: false))") }
                return try #require(operation["response"])
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw EmulatorError("operation \(name) not done within \(timeout) s")
    }

    static func credential(_ emulator: Emulator, endpoint: String) async throws -> String {
        let reply = try await emulator.call("POST", "/api/2.0/postgres/credentials", body: #"{"endpoint":"\#(endpoint)"}"#)
        return try #require(reply.json["token"]?.stringValue, "\(reply.json.serialized(pretty: false))")
    }

    static func connect(_ emulator: Emulator, endpoint: String, database: String = "databricks_postgres") async throws -> PGConnection {
        let object = try await emulator.call("GET", "/api/2.0/postgres/" + endpoint).json
        let host = try #require(object["status"]?["hosts"]?["host"]?.stringValue)
        return try PostgresProbe.connect(address: host, port: emulator.postgresPort, user: Emulator.user,
                                         password: try await credential(emulator, endpoint: endpoint), database: database)
    }

    @Test func projectsBranchesAndEndpointsAreRealIsolatedPostgres() async throws {
        let emulator = try await Emulator.start(["--operation-ms", "200", "--endpoint-reconcile-ms", "1500"])
        let created = try await emulator.call("POST", "/api/2.0/postgres/projects?project_id=shop",
                                              body: #"{"spec":{"display_name":"Shop","pg_version":16}}"#)
        #expect(created.json["done"] == .bool(false), "operations stay running for --operation-ms")
        let project = try await Self.finish(emulator, created)
        #expect(project["name"]?.stringValue == "projects/shop")
        #expect(project["spec"] == nil, "GET bodies carry status only")
        #expect(project["status"]?["default_branch"]?.stringValue == "projects/shop/branches/production")
        #expect(project["status"]?["history_retention_duration"]?.stringValue == "604800s")

        let production = try await emulator.call("GET", "/api/2.0/postgres/projects/shop/branches/production").json
        #expect(production["status"]?["current_state"]?.stringValue == "READY")
        #expect(production["status"]?["default"] == .bool(true))
        let primary = "projects/shop/branches/production/endpoints/primary"
        let writer = try await Self.connect(emulator, endpoint: primary)
        try writer.execute("CREATE TABLE orders (id int PRIMARY KEY, note text); INSERT INTO orders VALUES (1, 'before the branch')")

        try await Self.finish(emulator, try await emulator.call(
            "POST", "/api/2.0/postgres/projects/shop/branches?branch_id=dev", body: #"{"spec":{"ttl":"86400s"}}"#))
        let dev = try await emulator.call("GET", "/api/2.0/postgres/projects/shop/branches/dev").json
        #expect(dev["status"]?["source_branch"]?.stringValue == "projects/shop/branches/production")
        #expect(dev["status"]?["expire_time"] != nil)
        let devWriter = try await Self.connect(emulator, endpoint: "projects/shop/branches/dev/endpoints/primary")
        #expect(try devWriter.query("SELECT note FROM orders") == [["before the branch"]], "a branch starts with its source's data")
        try devWriter.execute("INSERT INTO orders VALUES (2, 'only on dev')")
        try writer.execute("INSERT INTO orders VALUES (3, 'only on production')")
        #expect(try writer.query("SELECT id FROM orders ORDER BY id") == [["1"], ["3"]], "dev's write is not on production")
        #expect(try devWriter.query("SELECT id FROM orders ORDER BY id") == [["1"], ["2"]], "production's write is not on dev")

        let second = try await emulator.call(
            "POST", "/api/2.0/postgres/projects/shop/branches/dev/endpoints?endpoint_id=another",
            body: #"{"spec":{"endpoint_type":"ENDPOINT_TYPE_READ_WRITE"}}"#)
        #expect(second.status == 400, "a branch has one read-write endpoint")
        try await Self.finish(emulator, try await emulator.call(
            "POST", "/api/2.0/postgres/projects/shop/branches/production/endpoints?endpoint_id=reader",
            body: #"{"spec":{"endpoint_type":"ENDPOINT_TYPE_READ_ONLY","autoscaling_limit_min_cu":0.5,"autoscaling_limit_max_cu":2}}"#))
        let reader = try await Self.connect(emulator, endpoint: "projects/shop/branches/production/endpoints/reader")
        var seen: [[String?]] = []
        for _ in 0..<100 {
            seen = try reader.query("SELECT id FROM orders ORDER BY id")
            if seen == [["1"], ["3"]] { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(seen == [["1"], ["3"]], "a read-only endpoint serves its branch's data")
        #expect(throws: (any Error).self) { try reader.execute("INSERT INTO orders VALUES (4, 'refused')") }

        let readerPath = "/api/2.0/postgres/projects/shop/branches/production/endpoints/reader"
        try await Self.finish(emulator, try await emulator.call(
            "PATCH", readerPath + "?update_mask=spec.autoscaling_limit_max_cu", body: #"{"spec":{"endpoint_type":"ENDPOINT_TYPE_READ_ONLY","autoscaling_limit_max_cu":4}}"#))
        let changed = try await emulator.call("GET", readerPath).json["status"]
        #expect(changed?["autoscaling_limit_max_cu"] == .int(4))
        #expect(changed?["autoscaling_limit_min_cu"] == .double(0.5), "a masked update leaves the other fields alone")
        #expect(changed?["pending_state"] != nil, "an endpoint reconciles for a while after a change")
        let busy = try await emulator.call("DELETE", readerPath)
        #expect(busy.status == 409, "an endpoint still reconciling refuses its delete")
        #expect(busy.json["message"]?.stringValue?.contains("reconciliation") == true)
        for _ in 0..<100 where try await emulator.call("GET", readerPath).json["status"]?["pending_state"] != nil {
            try await Task.sleep(for: .milliseconds(50))
        }
        try await Self.finish(emulator, try await emulator.call("DELETE", readerPath))
        #expect(try await emulator.call("GET", readerPath).status == 404)
        let managed = try await emulator.call("DELETE", "/api/2.0/postgres/" + primary)
        #expect(managed.status == 400)
        #expect(managed.json["details"]?.arrayValue?.first?["metadata"]?["declarative_context"]?.stringValue == "MANAGED_BY_PARENT")
        let root = try await emulator.call("DELETE", "/api/2.0/postgres/projects/shop/branches/production")
        #expect(root.json["details"]?.arrayValue?.first?["metadata"]?["declarative_context"]?.stringValue == "MANAGED_BY_PARENT")
        _ = await emulator.stop()
    }

    @Test func rolesDatabasesErrorsAndSoftDelete() async throws {
        let emulator = try await Emulator.start(["--operation-ms", "0"])
        try await Self.finish(emulator, try await emulator.call("POST", "/api/2.0/postgres/projects?project_id=app", body: "{}"))
        let branch = "/api/2.0/postgres/projects/app/branches/production"
        #expect(try await emulator.call("POST", "/api/2.0/postgres/projects?project_id=app", body: "{}").json["error_code"]?
            .stringValue == "ALREADY_EXISTS")
        let missing = try await emulator.call("POST", "/api/2.0/postgres/projects", body: "{}")
        #expect(missing.json["message"]?.stringValue == "Field 'project_id' is required, expected non-default value (not \"\")!")

        let role = try await Self.finish(emulator, try await emulator.call(
            "POST", "\(branch)/roles?role_id=app-owner",
            body: #"{"spec":{"postgres_role":"app_owner","attributes":{"createdb":true}}}"#))
        #expect(role["status"]?["identity_type"]?.stringValue == "IDENTITY_TYPE_UNSPECIFIED")
        #expect(role["status"]?["auth_method"]?.stringValue == "PG_PASSWORD_SCRAM_SHA_256")
        let duplicateRole = try await emulator.call("POST", "\(branch)/roles?role_id=app-owner",
                                                    body: #"{"spec":{"postgres_role":"app_owner"}}"#)
        #expect(duplicateRole.status == 400)
        #expect(duplicateRole.json["message"]?.stringValue == "role with that name already exists")

        let badID = try await emulator.call("POST", "\(branch)/databases?database_id=Bad_ID",
                                            body: #"{"spec":{"postgres_database":"x","role":"r"}}"#)
        #expect(badID.json["message"]?.stringValue?.hasPrefix("Field database_id must match pattern") == true)
        let noRole = try await emulator.call("POST", "\(branch)/databases?database_id=appdb",
                                             body: #"{"spec":{"postgres_database":"app_db","role":"projects/app/branches/production/roles/nobody"}}"#)
        #expect(noRole.status == 404)
        try await Self.finish(emulator, try await emulator.call(
            "POST", "\(branch)/databases?database_id=appdb",
            body: #"{"spec":{"postgres_database":"app_db","role":"projects/app/branches/production/roles/app-owner"}}"#))
        try await Self.finish(emulator, try await emulator.call(
            "PATCH", "\(branch)/roles/app-owner?update_mask=spec.attributes.createrole",
            body: #"{"spec":{"attributes":{"createrole":true}}}"#))
        let refused = try await emulator.call("PATCH", "\(branch)/roles/app-owner?update_mask=spec.postgres_role",
                                              body: #"{"spec":{"postgres_role":"other"}}"#)
        #expect(refused.status == 400)

        let admin = try await Self.connect(emulator, endpoint: "projects/app/branches/production/endpoints/primary")
        #expect(try admin.query("SELECT rolcreatedb, rolcreaterole FROM pg_roles WHERE rolname = 'app_owner'") == [["t", "t"]],
                "leaf masks leave sibling attributes alone")
        #expect(try admin.query("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'app_db'") == [["app_owner"]])
        try await Self.finish(emulator, try await emulator.call(
            "PATCH", "\(branch)/databases/appdb?update_mask=spec.postgres_database",
            body: #"{"spec":{"postgres_database":"renamed_db","role":"projects/app/branches/production/roles/app-owner"}}"#))
        #expect(try admin.query("SELECT datname FROM pg_database WHERE datname LIKE '%_db' ORDER BY 1") == [["renamed_db"]])

        try await Self.finish(emulator, try await emulator.call("DELETE", "/api/2.0/postgres/projects/app"))
        let softDeleted = try await emulator.call("GET", "/api/2.0/postgres/projects/app")
        #expect(softDeleted.status == 200, "a soft-deleted project answers as if live")
        #expect(softDeleted.json["delete_time"] != nil && softDeleted.json["purge_time"] != nil)
        #expect(try await emulator.call("GET", branch).status == 404, "its children do not")
        #expect(try await emulator.call("GET", "/api/2.0/postgres/projects").json["projects"] == nil)
        #expect(try await emulator.call("GET", "/api/2.0/postgres/projects?show_deleted=true").json["projects"]?.arrayValue?.count == 1)
        #expect(try await emulator.call("POST", "/api/2.0/postgres/projects?project_id=app", body: "{}").status == 409,
                "a soft-deleted project's id stays taken")
        try await Self.finish(emulator, try await emulator.call("POST", "/api/2.0/postgres/projects/app/undelete", body: "{}"))
        #expect(try await emulator.call("GET", branch).status == 200)
        try await Self.finish(emulator, try await emulator.call("DELETE", "/api/2.0/postgres/projects/app?purge=true"))
        #expect(try await emulator.call("GET", "/api/2.0/postgres/projects/app").status == 404)
        _ = await emulator.stop()
    }

    @Test func aRestartKeepsProjectsBranchesAndTheirData() async throws {
        let emulator = try await Emulator.start(["--operation-ms", "0"])
        try await Self.finish(emulator, try await emulator.call("POST", "/api/2.0/postgres/projects?project_id=kept", body: "{}"))
        let primary = "projects/kept/branches/production/endpoints/primary"
        try await Self.connect(emulator, endpoint: primary).execute("CREATE TABLE notes (body text); INSERT INTO notes VALUES ('survives')")
        try await Self.finish(emulator, try await emulator.call(
            "POST", "/api/2.0/postgres/projects/kept/branches?branch_id=dev", body: #"{"spec":{"no_expiry":true}}"#))
        let restarted = try await emulator.restarted(["--operation-ms", "0"])
        #expect(try await restarted.call("GET", "/api/2.0/postgres/projects/kept/branches/dev").json["status"]?["current_state"]?
            .stringValue == "READY")
        for endpoint in [primary, "projects/kept/branches/dev/endpoints/primary"] {
            let rows = try await Self.connect(restarted, endpoint: endpoint).query("SELECT body FROM notes")
            #expect(rows == [["survives"]], "\(endpoint) serves its data after a restart")
        }
        _ = await restarted.stop()
    }
}
