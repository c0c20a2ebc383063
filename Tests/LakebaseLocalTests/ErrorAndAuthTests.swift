import Foundation
import LakebaseLocalHarness
import Testing
import JSONCore

/// Error codes and authentication, as clients of the platform see them.
@Suite struct ErrorAndAuthTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let method: String
        let path: String
        let body: String?
        let token: String?
        let status: Int
        let code: String
        var testDescription: String { "\(method) \(path) → \(status) \(code)" }
    }

    static let cases: [Case] = [
        Case(method: "GET", path: "/api/2.0/nope", body: nil, token: Emulator.token, status: 404, code: "ENDPOINT_NOT_FOUND"),
        Case(method: "PUT", path: "/api/2.0/database/instances", body: "{}", token: Emulator.token, status: 404, code: "ENDPOINT_NOT_FOUND"),
        Case(method: "GET", path: "/api/2.0/database/instances", body: nil, token: nil, status: 401, code: "UNAUTHENTICATED"),
        Case(method: "GET", path: "/api/2.0/database/instances", body: nil, token: "dapi-wrong", status: 403, code: "PERMISSION_DENIED"),
        Case(method: "POST", path: "/api/2.0/database/instances", body: #"{"name": "x",}"#, token: Emulator.token, status: 400, code: "MALFORMED_REQUEST"),
        Case(method: "POST", path: "/api/2.0/database/instances", body: "[1]", token: Emulator.token, status: 400, code: "MALFORMED_REQUEST"),
        Case(method: "POST", path: "/api/2.0/database/instances", body: #"{"name":"x","capacity":"CU_3"}"#, token: Emulator.token, status: 400, code: "INVALID_PARAMETER_VALUE"),
        Case(method: "POST", path: "/api/2.0/database/instances", body: #"{"name":"bad_name"}"#, token: Emulator.token, status: 400, code: "INVALID_PARAMETER_VALUE"),
        Case(method: "POST", path: "/api/2.0/database/instances", body: #"{"capacity":"CU_1"}"#, token: Emulator.token, status: 400, code: "INVALID_PARAMETER_VALUE"),
        Case(method: "POST", path: "/api/2.0/database/instances", body: #"{"name":"x","retention_window_in_days":40}"#, token: Emulator.token, status: 400, code: "INVALID_PARAMETER_VALUE"),
        Case(method: "POST", path: "/api/2.0/database/instances", body: #"{"name":"x","node_count":"two"}"#, token: Emulator.token, status: 400, code: "INVALID_PARAMETER_VALUE"),
        Case(method: "GET", path: "/api/2.0/database/instances/none", body: nil, token: Emulator.token, status: 404, code: "RESOURCE_DOES_NOT_EXIST"),
        Case(method: "DELETE", path: "/api/2.0/database/instances/none", body: nil, token: Emulator.token, status: 404, code: "RESOURCE_DOES_NOT_EXIST"),
        Case(method: "GET", path: "/api/2.0/database/instances:findByUid?uid=0000", body: nil, token: Emulator.token, status: 404, code: "RESOURCE_DOES_NOT_EXIST"),
        Case(method: "GET", path: "/api/2.0/database/instances?page_token=garbage", body: nil, token: Emulator.token, status: 400, code: "INVALID_PARAMETER_VALUE"),
        Case(method: "GET", path: "/api/2.0/database/catalogs/none", body: nil, token: Emulator.token, status: 404, code: "RESOURCE_DOES_NOT_EXIST"),
        Case(method: "PATCH", path: "/api/2.0/database/catalogs/none", body: "{}", token: Emulator.token, status: 501, code: "NOT_IMPLEMENTED"),
        Case(method: "GET", path: "/api/2.0/database/synced_tables/a.b.c", body: nil, token: Emulator.token, status: 404, code: "RESOURCE_DOES_NOT_EXIST"),
        Case(method: "PATCH", path: "/api/2.0/database/synced_tables/a.b.c", body: "{}", token: Emulator.token, status: 501, code: "NOT_IMPLEMENTED"),
        Case(method: "POST", path: "/api/2.0/database/synced_tables", body: #"{"name":"two.parts"}"#, token: Emulator.token, status: 400, code: "INVALID_PARAMETER_VALUE"),
        Case(method: "POST", path: "/api/2.0/database/credentials", body: "{}", token: Emulator.token, status: 400, code: "INVALID_PARAMETER_VALUE"),
        Case(method: "GET", path: "/api/2.1/unity-catalog/tables/main.demo.nope", body: nil, token: Emulator.token, status: 404, code: "TABLE_DOES_NOT_EXIST"),
    ]

    @Test func errorsHaveTheirStatusAndCode() async throws {
        let emulator = try await Emulator.start()
        for errorCase in Self.cases {
            let reply = try await emulator.call(errorCase.method, errorCase.path, body: errorCase.body, token: errorCase.token)
            #expect(reply.status == errorCase.status, "\(errorCase.testDescription): \(reply.json.serialized(pretty: false))")
            #expect(reply.errorCode == errorCase.code, "\(errorCase.testDescription)")
            #expect(reply.json["message"]?.stringValue?.isEmpty == false, "\(errorCase.testDescription) has a message")
        }
    }

    /// A 10 MB name is refused without being echoed back whole.
    @Test func longValuesAreCutInErrorMessages() async throws {
        let emulator = try await Emulator.start()
        let name = String(repeating: "x", count: 10_000_000)
        let reply = try await emulator.call("POST", "/api/2.0/database/instances", body: #"{"name":"\#(name)"}"#)
        #expect(reply.status == 400)
        let message = try #require(reply.json["message"]?.stringValue)
        #expect(message.count < 1_100, "\(message.count) characters")
        #expect(message.hasSuffix("more characters)"))
        #expect(reply.raw.count < 2_000)
    }

    @Test func duplicateNamesAndTheInstanceLimit() async throws {
        let emulator = try await Emulator.start(["--max-instances", "2", "--instance-startup-ms", "60000"])
        #expect(try await emulator.call("POST", "/api/2.0/database/instances", body: #"{"name":"one"}"#).status == 200)
        let duplicate = try await emulator.call("POST", "/api/2.0/database/instances", body: #"{"name":"one"}"#)
        #expect(duplicate.status == 409)
        #expect(duplicate.errorCode == "RESOURCE_ALREADY_EXISTS")
        #expect(try await emulator.call("POST", "/api/2.0/database/instances", body: #"{"name":"two"}"#).status == 200)
        let third = try await emulator.call("POST", "/api/2.0/database/instances", body: #"{"name":"three"}"#)
        #expect(third.status == 400)
        #expect(third.errorCode == "RESOURCE_LIMIT_EXCEEDED")
    }

    @Test func wrappedBodiesAndUnknownFieldsAreAccepted() async throws {
        let emulator = try await Emulator.start(["--instance-startup-ms", "60000"])
        let wrapped = try await emulator.call(
            "POST", "/api/2.0/database/instances",
            body: #"{"database_instance":{"name":"wrapped","capacity":"CU_1"}}"#,
            headers: [("X-Databricks-Workspace-Id", "123")])
        #expect(wrapped.status == 200)
        #expect(wrapped.json["name"]?.stringValue == "wrapped")
        let unknown = try await emulator.call(
            "POST", "/api/2.0/database/instances",
            body: #"{"name":"extra","future_field":{"x":1},"state":"AVAILABLE","uid":"mine"}"#)
        #expect(unknown.status == 200)
        #expect(unknown.json["state"]?.stringValue == "STARTING", "output-only fields in the body are ignored")
        #expect(unknown.json["uid"]?.stringValue != "mine")
    }
}

/// Point-in-time children, forced deletes and instance permissions.
@Suite struct InstanceRelationsTests {
    @Test func childrenNeedForceToDeleteTheParent() async throws {
        let emulator = try await Emulator.start(["--instance-startup-ms", "600000", "--delete-ms", "600000"])
        _ = try await emulator.call("POST", "/api/2.0/database/instances", body: #"{"name":"parent"}"#)
        let missingParent = try await emulator.call(
            "POST", "/api/2.0/database/instances", body: #"{"name":"orphan","parent_instance_ref":{"name":"nope"}}"#)
        #expect(missingParent.status == 404)
        let child = try await emulator.call(
            "POST", "/api/2.0/database/instances",
            body: #"{"name":"child","parent_instance_ref":{"name":"parent","branch_time":"2026-11-25T00:00:00Z"}}"#)
        #expect(child.json["parent_instance_ref"]?["name"]?.stringValue == "parent")
        #expect(child.json["parent_instance_ref"]?["uid"]?.stringValue != nil)
        let parent = try await emulator.call("GET", "/api/2.0/database/instances/parent")
        #expect(parent.json["child_instance_refs"]?.arrayValue?.first?["name"]?.stringValue == "child")

        let refused = try await emulator.call("DELETE", "/api/2.0/database/instances/parent")
        #expect(refused.status == 400)
        #expect(try await emulator.call("DELETE", "/api/2.0/database/instances/parent?force=true").status == 200)
        #expect(try await emulator.call("GET", "/api/2.0/database/instances/child").json["state"]?.stringValue == "DELETING")
        #expect(try await emulator.call("GET", "/api/2.0/database/instances/parent").json["state"]?.stringValue == "DELETING")
    }

    @Test func permissionsReplaceAndUpdate() async throws {
        let emulator = try await Emulator.start(["--instance-startup-ms", "600000"])
        _ = try await emulator.call("POST", "/api/2.0/database/instances", body: #"{"name":"shared"}"#)
        let path = "/api/2.0/permissions/database-instances/shared"
        let initial = try await emulator.call("GET", path)
        #expect(initial.json["object_type"]?.stringValue == "database-instance")
        let put = try await emulator.call(
            "PUT", path, body: #"{"access_control_list":[{"group_name":"analysts","permission_level":"CAN_USE"}]}"#)
        #expect(put.status == 200)
        let entries = put.json["access_control_list"]?.arrayValue ?? []
        #expect(entries.contains { $0["group_name"]?.stringValue == "analysts" })
        #expect(entries.contains { $0["user_name"]?.stringValue == Emulator.user }, "the creator keeps CAN_MANAGE")
        let patch = try await emulator.call(
            "PATCH", path, body: #"{"access_control_list":[{"user_name":"bob@example.com","permission_level":"CAN_MANAGE"}]}"#)
        let names = (patch.json["access_control_list"]?.arrayValue ?? []).compactMap { $0["group_name"]?.stringValue ?? $0["user_name"]?.stringValue }
        #expect(names.contains("analysts") && names.contains("bob@example.com"))
        let bad = try await emulator.call(
            "PUT", path, body: #"{"access_control_list":[{"group_name":"x","permission_level":"CAN_FLY"}]}"#)
        #expect(bad.status == 400)
        #expect(try await emulator.call("GET", "/api/2.0/permissions/database-instances/none").status == 404)
    }

    @Test func aMissingSeedFileStopsStartupWithAClearError() async throws {
        await #expect(throws: EmulatorError.self) { try await Emulator.start(["--seed", "/nonexistent/seed.yml"]) }
        let folder = try Emulator.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let seed = folder.appendingPathComponent("seed.yml")
        try "catalogs:\n  c:\n    schemas:\n      s:\n        tables:\n          t:\n            columns: {id: UUID}\n"
            .write(to: seed, atomically: true, encoding: .utf8)
        do {
            _ = try await Emulator.start(["--seed", seed.path])
            Issue.record("a bad seed must stop the emulator")
        } catch {
            #expect("\(error)".contains("seed.yml:7:27: error: column 'id' has unknown type 'UUID'"), "\(error)")
        }
    }
}
