import Foundation
import LakebaseLocalHarness
import PostgresBridge
import Testing
import JSONCore
@testable import Providers

/// The Providers layer against a real `lakebase-local` over HTTP, with real PostgreSQL.
@Suite struct EmulatorClientTests {
    /// A client configured the way users configure one: through `AuthResolver` from environment and files.
    private func client(
        _ emulator: Emulator, environment: [String: String], files: [String: String] = [:],
        options: ConnectionOptions = ConnectionOptions()
    ) throws -> WorkspaceClient {
        let inputs = AuthInputs(environment: environment, homeDirectory: "/home/test", readFile: { files[$0] })
        let auth = try AuthResolver.resolve(inputs).get()
        return WorkspaceClient.connect(auth, options: options)
    }

    @Test func tokenFromTheEnvironment() async throws {
        let emulator = try await Emulator.start()
        let api = try client(emulator, environment: ["DATABRICKS_HOST": emulator.baseURL, "DATABRICKS_TOKEN": Emulator.token])
        #expect(try await IdentityAndCredentialsAPI(client: api).me().userName == Emulator.user)
    }

    @Test func profileFileWithDefaultProfile() async throws {
        let emulator = try await Emulator.start()
        let file = """
            [__settings__]
            default_profile = local

            [DEFAULT]
            host = https://elsewhere.cloud.databricks.com
            token = dapi-wrong

            [local]
            host = \(emulator.baseURL)
            token = \(Emulator.token)
            """
        let api = try client(emulator, environment: [:], files: ["/home/test/.databrickscfg": file])
        #expect(try await IdentityAndCredentialsAPI(client: api).me().userName == Emulator.user)
    }

    @Test func oauthMachineToMachineRefreshesBeforeExpiry() async throws {
        let folder = try Emulator.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = folder.appendingPathComponent("requests.jsonl")
        let emulator = try await Emulator.start([
            "--client-id", "sp-1", "--client-secret", "sp-secret", "--oauth-token-ttl", "2", "--request-log", log.path,
        ])
        let api = try client(emulator, environment: [
            "DATABRICKS_HOST": emulator.baseURL, "DATABRICKS_CLIENT_ID": "sp-1", "DATABRICKS_CLIENT_SECRET": "sp-secret",
        ])
        let identity = IdentityAndCredentialsAPI(client: api)
        #expect(try await identity.me().userName == "sp-1")
        #expect(try await identity.me().userName == "sp-1")
        try await Task.sleep(for: .milliseconds(2100))
        #expect(try await identity.me().userName == "sp-1", "an expired token is replaced before use")
        await emulator.stop()
        let paths = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
            .compactMap { try? JSONParser.parse(String($0))["path"]?.stringValue }
        #expect(paths.filter { $0 == "/oidc/v1/token" }.count == 2, "one token, reused, then one refresh: \(paths)")
        #expect(paths.first == "/.well-known/databricks-config", "discovery starts from host metadata")
        #expect(!paths.contains { $0.contains("sp-secret") })
    }

    @Test func databricksCLITokens() async throws {
        let emulator = try await Emulator.start()
        let folder = try Emulator.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("databricks")
        try """
            #!/bin/sh
            # fake Databricks CLI: prints a token for `auth token --profile local`
            [ "$1 $2 $3 $4" = "auth token --profile local" ] || { echo "unexpected arguments: $*" >&2; exit 1; }
            echo '{"access_token":"\(Emulator.token)","token_type":"Bearer","refresh_token":"r-secret","expiry":"2099-01-01T00:00:00.123456+00:00"}'
            """.write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        let file = "[local]\nhost = \(emulator.baseURL)\nauth_type = databricks-cli\n"
        let api = try client(
            emulator, environment: ["DATABRICKS_CONFIG_PROFILE": "local"], files: ["/home/test/.databrickscfg": file],
            options: ConnectionOptions(cliPath: script.path))
        #expect(try await IdentityAndCredentialsAPI(client: api).me().userName == Emulator.user)

        let failing = try client(
            emulator, environment: ["DATABRICKS_CONFIG_PROFILE": "other"],
            files: ["/home/test/.databrickscfg": "[other]\nhost = \(emulator.baseURL)\nauth_type = databricks-cli\n"],
            options: ConnectionOptions(cliPath: script.path))
        do {
            _ = try await IdentityAndCredentialsAPI(client: failing).me()
            Issue.record("expected the CLI to fail")
        } catch {
            #expect(error.description.contains("unexpected arguments: auth token --profile other"))
        }
    }

    @Test func everyCallSucceedsUnderFaults() async throws {
        let emulator = try await Emulator.start(["--fault-rate", "0.3", "--fault-seed", "11", "--instance-startup-ms", "600000"])
        let api = try client(
            emulator, environment: ["DATABRICKS_HOST": emulator.baseURL, "DATABRICKS_TOKEN": Emulator.token],
            options: ConnectionOptions(retryTimeout: 120))
        let instances = DatabaseInstancesAPI(client: api)
        for index in 0..<8 {
            let created = try await instances.create(["name": .string("faulty-\(index)"), "capacity": .string("CU_1")], id: "faulty-\(index)")
            #expect(created["name"]?.stringValue == "faulty-\(index)")
        }
        #expect(try await instances.list().count == 8, "each instance exists exactly once")
        for index in 0..<8 { try await instances.delete("faulty-\(index)") }
    }

    @Test func adaptiveConcurrencyStaysUnderTheServersLimit() async throws {
        let emulator = try await Emulator.start(["--max-concurrent-requests", "4", "--latency-ms", "100"])
        let api = try client(
            emulator, environment: ["DATABRICKS_HOST": emulator.baseURL, "DATABRICKS_TOKEN": Emulator.token],
            options: ConnectionOptions(maxParallel: 16, retryTimeout: 120))
        let identity = IdentityAndCredentialsAPI(client: api)
        let names = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<60 { group.addTask { try await identity.me().userName } }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(names.count == 60)
        let limit = try #require(api.sender.limit)
        #expect(await limit.limit < 16, "429s halved the limit")
    }

    @Test func listingPagesThroughTwoHundredFiftyInstances() async throws {
        let emulator = try await Emulator.start(["--max-instances", "260", "--instance-startup-ms", "600000"])
        let api = try client(emulator, environment: ["DATABRICKS_HOST": emulator.baseURL, "DATABRICKS_TOKEN": Emulator.token])
        let instances = DatabaseInstancesAPI(client: api)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<250 {
                group.addTask { _ = try await instances.create(["name": .string(String(format: "page-%03d", index))], id: String(format: "page-%03d", index)) }
            }
            try await group.waitForAll()
        }
        let names = try await instances.list().compactMap { $0["name"]?.stringValue }
        #expect(names.count == 250)
        #expect(Set(names).count == 250)
    }

    @Test func waitersAgainstTheEmulator() async throws {
        let emulator = try await Emulator.start(["--instance-startup-ms", "500"])
        let api = try client(emulator, environment: ["DATABRICKS_HOST": emulator.baseURL, "DATABRICKS_TOKEN": Emulator.token])
        let instances = DatabaseInstancesAPI(client: api)
        let waiters = Waiters(client: api, options: WaitOptions(timeout: 60))
        _ = try await instances.create(["name": .string("waited")], id: "waited")
        #expect(try await waiters.instanceReady("waited")["state"]?.stringValue == "AVAILABLE")

        _ = try await instances.update("waited", ["stopped": .bool(true)], updateMask: "stopped")
        #expect(try await waiters.instanceReady("waited", stopped: true)["state"]?.stringValue == "STOPPED")
        await #expect(throws: WaitError.self, "a stopped instance cannot become AVAILABLE by waiting") {
            try await waiters.instanceReady("waited")
        }

        let short = Waiters(client: api, options: WaitOptions(timeout: 0.3))
        _ = try await instances.update("waited", ["stopped": .bool(false)], updateMask: "stopped")
        do {
            _ = try await short.instanceReady("waited")
            Issue.record("expected a timeout")
        } catch let error as WaitError {
            #expect(error.reason == .timedOut(lastState: "STARTING"))
        }
        _ = try await waiters.instanceReady("waited")

        let catalogs = DatabaseCatalogsAPI(client: api)
        _ = try await catalogs.create([
            "name": .string("wait_cat"), "database_instance_name": .string("waited"), "database_name": .string("app"),
            "create_database_if_not_exists": .bool(true),
        ], id: "wait_cat")
        let tables = SyncedTablesAPI(client: api)
        _ = try await tables.create([
            "name": .string("wait_cat.public.ok"),
            "spec": .object([
                "source_table_full_name": .string("main.demo.orders_cdf"), "scheduling_policy": .string("SNAPSHOT"),
                "primary_key_columns": .array([.string("order_id")]),
            ]),
        ], id: "wait_cat.public.ok")
        #expect(try await !waiters.syncedTableOnline("wait_cat.public.ok").degraded)
        // A schema that does not exist, without create_database_objects_if_missing: the pipeline fails.
        _ = try await tables.create([
            "name": .string("wait_cat.no_such_schema.bad"),
            "spec": .object([
                "source_table_full_name": .string("main.demo.orders_cdf"), "scheduling_policy": .string("SNAPSHOT"),
                "primary_key_columns": .array([.string("order_id")]),
            ]),
        ], id: "wait_cat.no_such_schema.bad")
        await #expect(throws: WaitError.self) { try await waiters.syncedTableOnline("wait_cat.no_such_schema.bad") }

        try await instances.delete("waited")
        try await waiters.instanceGone("waited")
    }

    @Test func postgresLoginQueriesAndCopy() async throws {
        let emulator = try await Emulator.start(["--instance-startup-ms", "300"])
        let api = try client(emulator, environment: ["DATABRICKS_HOST": emulator.baseURL, "DATABRICKS_TOKEN": Emulator.token])
        _ = try await DatabaseInstancesAPI(client: api).create(["name": .string("pg")], id: "pg")
        let instance = try await Waiters(client: api, options: WaitOptions(timeout: 60)).instanceReady("pg")
        let identity = IdentityAndCredentialsAPI(client: api)
        let credential = try await identity.generateCredential(instances: ["pg"])
        #expect(!"\(credential)".contains(credential.token))
        let login = InstanceLogin(
            host: try #require(instance["read_write_dns"]?.stringValue), port: emulator.postgresPort,
            user: try await identity.me().userName, credential: credential)
        #expect(login.sslMode == "prefer")
        #expect(!login.description.contains(credential.token))
        let connection = try login.connect()
        #expect(try connection.query("SELECT current_user, $1::int + 1", ["41"]) == [[Emulator.user, "42"]])
        try connection.execute("CREATE TABLE items (id int PRIMARY KEY, label text)")
        let copied = try connection.copyIn("COPY items FROM STDIN WITH (FORMAT csv)", data: Data("1,one\n2,two\n3,\"th,ree\"\n".utf8))
        #expect(copied == 3)
        let out = try connection.copyOut("COPY (SELECT * FROM items ORDER BY id) TO STDOUT WITH (FORMAT csv)")
        #expect(String(decoding: out, as: UTF8.self) == "1,one\n2,two\n3,\"th,ree\"\n")
        do {
            try connection.execute("INSERT INTO items VALUES (1, 'again')")
            Issue.record("expected a unique violation")
        } catch {
            #expect(error.sqlState == "23505")
        }
        let wrong = InstanceLogin(host: login.host, port: login.port, user: login.user,
                                  credential: DatabaseCredential(token: "not-the-token", expirationTime: nil))
        do {
            _ = try wrong.connect()
            Issue.record("expected a login failure")
        } catch {
            #expect(!error.description.contains("not-the-token"))
        }
    }
}
