import Foundation
import PostgresBridge
import LakebaseLocalHarness
import Testing
import JSONCore
@testable import LakebaseLocal

/// Restarts on the same data folder, and PostgreSQL logins with generated credentials.
@Suite struct PersistenceAndLoginTests {
    @Test func restartKeepsResourcesFilesAndData() async throws {
        let emulator = try await Emulator.start()
        _ = try await emulator.call("POST", "/api/2.0/database/instances", body: #"{"name":"keep","capacity":"CU_1"}"#)
        let instance = try await emulator.waitFor("/api/2.0/database/instances/keep", "state", equals: "AVAILABLE")
        let address = try #require(instance["read_write_dns"]?.stringValue)
        _ = try await emulator.call(
            "POST", "/api/2.0/database/catalogs",
            body: #"{"name":"keep_cat","database_instance_name":"keep","database_name":"app","create_database_if_not_exists":true}"#)
        _ = try await emulator.call(
            "POST", "/api/2.0/database/synced_tables",
            body: #"{"name":"keep_cat.public.orders","spec":{"source_table_full_name":"main.demo.orders_cdf","primary_key_columns":["order_id"],"scheduling_policy":"SNAPSHOT"}}"#)
        _ = try await emulator.waitFor(
            "/api/2.0/database/synced_tables/keep_cat.public.orders", "unity_catalog_provisioning_state", equals: "ACTIVE")
        _ = try await emulator.call("POST", "/api/2.0/workspace/mkdirs", body: #"{"path":"/Shared/state"}"#)
        _ = try await emulator.call(
            "POST", "/api/2.0/workspace/import",
            body: #"{"path":"/Shared/state/resources.json","content":"\#(Data("{}".utf8).base64EncodedString())"}"#)
        let token = try await credential(emulator, instance: "keep")
        try PostgresProbe.connect(address: address, port: emulator.postgresPort, user: Emulator.user, password: token, database: "app")
            .execute("CREATE TABLE notes (body text); INSERT INTO notes VALUES ('survives')")

        #expect(await emulator.stop() == 0, "SIGTERM stops the emulator cleanly")
        #expect(try String(contentsOf: emulator.stdoutFile, encoding: .utf8)
                == "lakebase-local listening on \(emulator.baseURL)\n", "standard output is exactly the ready line")
        #expect(throws: PGError.self, "SIGTERM stops the PostgreSQL servers too") {
            try PostgresProbe.connect(address: address, port: emulator.postgresPort, user: Emulator.user, password: token)
        }

        let again = try await emulator.restarted()
        #expect(try await again.call("GET", "/api/2.0/database/instances/keep").json["state"]?.stringValue == "AVAILABLE")
        #expect(try await again.call("GET", "/api/2.0/database/catalogs/keep_cat").status == 200)
        let synced = try await again.call("GET", "/api/2.0/database/synced_tables/keep_cat.public.orders")
        #expect(synced.json["unity_catalog_provisioning_state"]?.stringValue == "ACTIVE")
        #expect(try await again.call("GET", "/api/2.0/workspace/get-status?path=/Shared/state/resources.json").status == 200)
        let rows = try PostgresProbe.connect(
            address: address, port: again.postgresPort, user: Emulator.user, password: token, database: "app"
        ).query("SELECT body FROM notes")
        #expect(rows == [["survives"]])
    }

    @Test func generatedCredentialsLogInOverTLSOnly() async throws {
        let slow = try await Emulator.start(["--instance-startup-ms", "600000"])
        _ = try await slow.call("POST", "/api/2.0/database/instances", body: #"{"name":"login"}"#)
        let starting = try await slow.call("POST", "/api/2.0/database/credentials", body: #"{"instance_names":["login"]}"#)
        #expect(starting.status == 400, "no credential for an instance that is not available yet")
        #expect(starting.errorCode == "INVALID_STATE")

        let emulator = try await Emulator.start()
        _ = try await emulator.call("POST", "/api/2.0/database/instances", body: #"{"name":"login"}"#)
        let instance = try await emulator.waitFor("/api/2.0/database/instances/login", "state", equals: "AVAILABLE")
        let address = try #require(instance["read_write_dns"]?.stringValue)
        let token = try await credential(emulator, instance: "login")

        let session = try PostgresProbe.connect(address: address, port: emulator.postgresPort, user: Emulator.user, password: token)
        #expect(try session.query("SELECT current_user") == [[Emulator.user]])
        #expect(try session.query("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()") == [["t"]])
        #expect(try session.query("SELECT pg_has_role(current_user, 'databricks_superuser', 'member')") == [["t"]])

        #expect(throws: PGError.self, "plain-text connections are refused") {
            try PostgresProbe.connect(
                address: address, port: emulator.postgresPort, user: Emulator.user, password: token, sslMode: "disable")
        }
        #expect(throws: PGError.self, "a wrong password is refused") {
            try PostgresProbe.connect(address: address, port: emulator.postgresPort, user: Emulator.user, password: "nope")
        }
        let rotated = try await credential(emulator, instance: "login")
        #expect(rotated != token)
        #expect(throws: PGError.self, "a new credential replaces the old password") {
            try PostgresProbe.connect(address: address, port: emulator.postgresPort, user: Emulator.user, password: token)
        }
        #expect(try session.query("SELECT 1") == [["1"]], "open sessions survive a rotation")
    }
}
