import Foundation
import LakebaseLocalHarness
import Testing
import JSONCore

/// The workspace files calls a deployment state file and lock need.
@Suite struct WorkspaceFileTests {
    static let folder = "/Workspace/Users/\(Emulator.user)/.bundle/app/dev/state"

    private func importJSON(_ emulator: Emulator, _ path: String, _ text: String, overwrite: Bool) async throws -> Reply {
        try await emulator.call(
            "POST", "/api/2.0/workspace/import",
            body: #"{"path":"\#(path)","content":"\#(Data(text.utf8).base64EncodedString())","format":"AUTO","overwrite":\#(overwrite)}"#)
    }

    @Test func stateFileAndLockCalls() async throws {
        let emulator = try await Emulator.start()
        let lock = Self.folder + "/deploy.lock"
        #expect(try await importJSON(emulator, lock, "{}", overwrite: false).status == 404, "the parent folder must exist")
        #expect(try await emulator.call("POST", "/api/2.0/workspace/mkdirs", body: #"{"path":"\#(Self.folder)"}"#).status == 200)
        #expect(try await emulator.call("POST", "/api/2.0/workspace/mkdirs", body: #"{"path":"\#(Self.folder)"}"#).status == 200,
                "mkdirs of an existing folder succeeds")

        #expect(try await importJSON(emulator, lock, #"{"ID":"first"}"#, overwrite: false).status == 200)
        let second = try await importJSON(emulator, lock, #"{"ID":"second"}"#, overwrite: false)
        #expect(second.status == 409)
        #expect(second.errorCode == "RESOURCE_ALREADY_EXISTS")

        let exported = try await emulator.call("GET", "/api/2.0/workspace/export?path=\(lock)&format=SOURCE")
        let content = try #require(exported.json["content"]?.stringValue)
        #expect(String(decoding: try #require(Data(base64Encoded: content)), as: UTF8.self) == #"{"ID":"first"}"#)

        #expect(try await importJSON(emulator, lock, #"{"ID":"third"}"#, overwrite: true).status == 200)
        let direct = try await emulator.call("GET", "/api/2.0/workspace/export?path=\(lock)&direct_download=true")
        #expect(String(decoding: direct.raw, as: UTF8.self) == #"{"ID":"third"}"#)

        let status = try await emulator.call("GET", "/api/2.0/workspace/get-status?path=\(lock)")
        #expect(status.json["object_type"]?.stringValue == "FILE")
        #expect(status.json["path"]?.stringValue == lock)
        #expect(status.json["size"] == .int(14))
        #expect(status.json["modified_at"] != nil)
        let folderStatus = try await emulator.call("GET", "/api/2.0/workspace/get-status?path=\(Self.folder)")
        #expect(folderStatus.json["object_type"]?.stringValue == "DIRECTORY")

        let listing = try await emulator.call("GET", "/api/2.0/workspace/list?path=\(Self.folder)")
        #expect(listing.json["objects"]?.arrayValue?.compactMap { $0["path"]?.stringValue } == [lock])

        let notEmpty = try await emulator.call("POST", "/api/2.0/workspace/delete", body: #"{"path":"\#(Self.folder)"}"#)
        #expect(notEmpty.status == 400)
        #expect(notEmpty.errorCode == "DIRECTORY_NOT_EMPTY")
        #expect(try await emulator.call("POST", "/api/2.0/workspace/delete", body: #"{"path":"\#(lock)"}"#).status == 200)
        #expect(try await emulator.call("GET", "/api/2.0/workspace/get-status?path=\(lock)").status == 404)
        #expect(try await emulator.call("GET", "/api/2.0/workspace/export?path=\(lock)").errorCode == "RESOURCE_DOES_NOT_EXIST")
        #expect(try await emulator.call("POST", "/api/2.0/workspace/delete", body: #"{"path":"\#(lock)"}"#).status == 404)
    }

    @Test func workspacePrefixIsOptional() async throws {
        let emulator = try await Emulator.start()
        _ = try await emulator.call("POST", "/api/2.0/workspace/mkdirs", body: #"{"path":"/Shared/x"}"#)
        _ = try await importJSON(emulator, "/Workspace/Shared/x/a.json", "[]", overwrite: false)
        let status = try await emulator.call("GET", "/api/2.0/workspace/get-status?path=/Shared/x/a.json")
        #expect(status.status == 200)
        #expect(status.json["path"]?.stringValue == "/Shared/x/a.json")
    }

    @Test func multipartAndRawImports() async throws {
        let emulator = try await Emulator.start()
        _ = try await emulator.call("POST", "/api/2.0/workspace/mkdirs", body: #"{"path":"/Shared/m"}"#)
        let boundary = "lakebase-boundary"
        var body = ""
        for (name, value) in [("path", "/Shared/m/state.json"), ("format", "AUTO"), ("overwrite", "false")] {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"content\"; filename=\"state.json\"\r\n"
        body += "Content-Type: application/octet-stream\r\n\r\n{\"serial\":3}\r\n--\(boundary)--\r\n"
        let multipart = try await emulator.call(
            "POST", "/api/2.0/workspace/import",
            headers: [("Content-Type", "multipart/form-data; boundary=\(boundary)")], raw: Data(body.utf8))
        #expect(multipart.status == 200)
        let exported = try await emulator.call("GET", "/api/2.0/workspace/export?path=/Shared/m/state.json&direct_download=true")
        #expect(String(decoding: exported.raw, as: UTF8.self) == #"{"serial":3}"#)

        let raw = try await emulator.call(
            "POST", "/api/2.0/workspace-files/import-file/Shared/m/state.json?overwrite=false", raw: Data("{}".utf8))
        #expect(raw.status == 409)
        let rawOverwrite = try await emulator.call(
            "POST", "/api/2.0/workspace-files/import-file/Shared/m/state.json?overwrite=true", raw: Data(#"{"serial":4}"#.utf8))
        #expect(rawOverwrite.status == 200)
        let again = try await emulator.call("GET", "/api/2.0/workspace/export?path=/Shared/m/state.json&direct_download=true")
        #expect(String(decoding: again.raw, as: UTF8.self) == #"{"serial":4}"#)
    }

    @Test func concurrentLockWritesHaveExactlyOneWinner() async throws {
        let emulator = try await Emulator.start()
        _ = try await emulator.call("POST", "/api/2.0/workspace/mkdirs", body: #"{"path":"/Shared/lock"}"#)
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<12 {
                group.addTask {
                    try await importJSON(emulator, "/Shared/lock/deploy.lock", #"{"ID":"\#(index)"}"#, overwrite: false).status
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(statuses.filter { $0 == 200 }.count == 1)
        #expect(statuses.filter { $0 == 409 }.count == 11)
    }
}
