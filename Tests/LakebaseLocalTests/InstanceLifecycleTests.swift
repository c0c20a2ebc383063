import Foundation
import PostgresBridge
import LakebaseLocalHarness
import Testing
import JSONCore
@testable import LakebaseLocal

/// Database instances through the real HTTP API, with their real PostgreSQL servers.
@Suite struct InstanceLifecycleTests {
    @Test func createGetUpdateStopStartDelete() async throws {
        let emulator = try await Emulator.start(["--delete-ms", "3000"])

        let created = try await emulator.call(
            "POST", "/api/2.0/database/instances",
            body: #"{"name":"orders-db","capacity":"CU_1","node_count":1,"custom_tags":[{"key":"team","value":"ops"}]}"#)
        #expect(created.status == 200)
        #expect(created.json["state"]?.stringValue == "STARTING")
        #expect(created.json["custom_tags"] != nil, "create responses echo custom_tags")
        #expect(created.json["effective_capacity"]?.stringValue == "CU_1")
        #expect(created.json["creator"]?.stringValue == Emulator.user)
        #expect(created.json["pg_version"]?.stringValue == "PG_VERSION_16")
        #expect(created.json["effective_retention_window_in_days"] == .int(7))
        let uid = try #require(created.json["uid"]?.stringValue)

        let available = try await emulator.waitFor("/api/2.0/database/instances/orders-db", "state", equals: "AVAILABLE")
        #expect(available["custom_tags"] == nil, "input-only fields are not echoed by GET")
        #expect(available["node_count"] == nil)
        #expect(available["effective_custom_tags"] != nil)
        let address = try #require(available["read_write_dns"]?.stringValue)
        #expect(address.hasPrefix("127.0."))

        let found = try await emulator.call("GET", "/api/2.0/database/instances:findByUid?uid=\(uid)")
        #expect(found.json["name"]?.stringValue == "orders-db")

        let resized = try await emulator.call(
            "PATCH", "/api/2.0/database/instances/orders-db?update_mask=capacity",
            body: #"{"name":"orders-db","capacity":"CU_2","uid":"orders-db"}"#)
        #expect(resized.status == 200)
        #expect(resized.json["state"]?.stringValue == "UPDATING")
        #expect(resized.json["capacity"]?.stringValue == "CU_2")
        _ = try await emulator.waitFor("/api/2.0/database/instances/orders-db", "state", equals: "AVAILABLE")

        let token = try await credential(emulator, instance: "orders-db")
        try PostgresProbe.connect(address: address, port: emulator.postgresPort, user: Emulator.user, password: token)
            .execute("CREATE TABLE kept (id int); INSERT INTO kept VALUES (42)")

        let stopping = try await emulator.call(
            "PATCH", "/api/2.0/database/instances/orders-db?update_mask=stopped", body: #"{"stopped":true}"#)
        #expect(stopping.status == 200)
        let stopped = try await emulator.waitFor("/api/2.0/database/instances/orders-db", "state", equals: "STOPPED")
        #expect(stopped["effective_stopped"] == .bool(true))
        #expect(throws: PGError.self) {
            try PostgresProbe.connect(address: address, port: emulator.postgresPort, user: Emulator.user, password: token)
        }

        let starting = try await emulator.call(
            "PATCH", "/api/2.0/database/instances/orders-db?update_mask=stopped", body: #"{"stopped":false}"#)
        #expect(starting.json["state"]?.stringValue == "STARTING")
        _ = try await emulator.waitFor("/api/2.0/database/instances/orders-db", "state", equals: "AVAILABLE")
        let rows = try PostgresProbe.connect(address: address, port: emulator.postgresPort, user: Emulator.user, password: token)
            .query("SELECT id FROM kept")
        #expect(rows == [["42"]], "starting the instance again brings the data back")

        let refused = try await emulator.call("DELETE", "/api/2.0/database/instances/orders-db?purge=false")
        #expect(refused.status == 400)
        #expect(refused.json["message"]?.stringValue == "Purge must be set to true to delete a database instance.")

        let deleted = try await emulator.call("DELETE", "/api/2.0/database/instances/orders-db?purge=true")
        #expect(deleted.status == 200)
        #expect(deleted.json == .object(JSONObject()))
        #expect(try await emulator.call("GET", "/api/2.0/database/instances/orders-db").json["state"]?.stringValue == "DELETING")
        try await waitForStatus(emulator, "/api/2.0/database/instances/orders-db", 404)
        let instanceFolder = emulator.dataDirectory.appendingPathComponent("instances").appendingPathComponent(uid)
        #expect(!FileManager.default.fileExists(atPath: instanceFolder.path), "deleting an instance removes its files")
    }

    @Test func updateMaskStarAndClearingCustomTags() async throws {
        let emulator = try await Emulator.start()
        _ = try await emulator.call(
            "POST", "/api/2.0/database/instances",
            body: #"{"name":"tags-db","custom_tags":[{"key":"a","value":"1"}],"retention_window_in_days":14}"#)
        _ = try await emulator.waitFor("/api/2.0/database/instances/tags-db", "state", equals: "AVAILABLE")

        let cleared = try await emulator.call(
            "PATCH", "/api/2.0/database/instances/tags-db?update_mask=custom_tags", body: #"{"custom_tags":[]}"#)
        #expect(cleared.json["effective_custom_tags"] == nil)
        #expect(cleared.json["effective_retention_window_in_days"] == .int(14), "fields outside the mask stay")

        let star = try await emulator.call(
            "PATCH", "/api/2.0/database/instances/tags-db?update_mask=*", body: #"{"name":"tags-db","capacity":"CU_4"}"#)
        #expect(star.json["capacity"]?.stringValue == "CU_4")
        #expect(star.json["effective_retention_window_in_days"] == .int(7), "`*` resets fields the body leaves out")

        let rename = try await emulator.call(
            "PATCH", "/api/2.0/database/instances/other-name?update_mask=capacity", body: #"{"capacity":"CU_1"}"#)
        #expect(rename.status == 404, "there is no rename: a PATCH to another name is a 404")
    }

    @Test func listPagesAcrossMoreThanOneHundredInstances() async throws {
        let emulator = try await Emulator.start(["--max-instances", "105", "--instance-startup-ms", "60000"])
        for index in 0..<101 {
            let reply = try await emulator.call(
                "POST", "/api/2.0/database/instances", body: #"{"name":"page-\#(index)"}"#)
            try #require(reply.status == 200)
        }
        var names: [String] = []
        var token: String?
        var pages = 0
        repeat {
            let query = "page_size=500" + (token.map { "&page_token=\($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? $0)" } ?? "")
            let page = try await emulator.call("GET", "/api/2.0/database/instances?\(query)").json
            let items = page["database_instances"]?.arrayValue ?? []
            #expect(items.count <= 100, "page_size is capped at 100")
            names += items.compactMap { $0["name"]?.stringValue }
            token = page["next_page_token"]?.stringValue
            pages += 1
        } while token != nil
        #expect(pages == 2)
        #expect(names == (0..<101).map { "page-\($0)" })
        let small = try await emulator.call("GET", "/api/2.0/database/instances?page_size=40").json
        #expect(small["database_instances"]?.arrayValue?.count == 40)
        #expect(small["next_page_token"] != nil)
    }
}

/// Generates a credential for `instance` as the test user and returns the token.
func credential(_ emulator: Emulator, instance: String) async throws -> String {
    let reply = try await emulator.call(
        "POST", "/api/2.0/database/credentials",
        body: #"{"request_id":"\#(UUID().uuidString)","instance_names":["\#(instance)"]}"#)
    try #require(reply.status == 200, "credential: \(reply.json.serialized(pretty: false))")
    #expect(reply.json["expiration_time"]?.stringValue != nil)
    return try #require(reply.json["token"]?.stringValue)
}

/// Polls GET `path` until it answers `status`.
func waitForStatus(_ emulator: Emulator, _ path: String, _ status: Int, timeout: TimeInterval = 30) async throws {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if try await emulator.call("GET", path).status == status { return }
        try await Task.sleep(for: .milliseconds(50))
    }
    throw EmulatorError("\(path) did not answer \(status) within \(timeout) s")
}

/// libpq logins as a client would make them: TLS required, the generated token as password.
enum PostgresProbe {
    static func connect(
        address: String, port: Int, user: String, password: String, database: String = "databricks_postgres",
        sslMode: String = "require"
    ) throws -> PGConnection {
        try PGConnection(parameters: [
            "host": address, "port": String(port), "user": user, "password": password, "dbname": database,
            "sslmode": sslMode, "connect_timeout": "5",
        ])
    }
}
