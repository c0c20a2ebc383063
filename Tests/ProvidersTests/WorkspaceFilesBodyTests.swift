import Foundation
import Testing
import JSONCore
@testable import Providers

/// The `workspace/import` body, written with the content's Base64 spliced in: it must read back as the JSON object
/// it stands for, whatever the path and the bytes.
@Suite struct WorkspaceFilesBodyTests {
    struct Case: Sendable, CustomStringConvertible {
        let path: String
        let content: [UInt8]
        let overwrite: Bool
        var description: String { "\(path) (\(content.count) bytes)" }
    }

    static let cases: [Case] = [
        Case(path: "/Workspace/Users/a@b.com/.bundle/x/dev/state/resources.json", content: Array(#"{"serial": 3}"#.utf8), overwrite: true),
        Case(path: "/quoted \"name\" and \\ back", content: [], overwrite: false),
        Case(path: "/ünïcode/\u{1F600}/\n", content: [0, 255, 128, 10, 13, 34, 92], overwrite: true),
        Case(path: "/big", content: (0..<100_000).map { UInt8($0 % 251) }, overwrite: false),
    ]

    @Test(arguments: cases)
    func bodyReadsBackAsTheObjectItStandsFor(_ example: Case) throws {
        let body = WorkspaceFilesAPI.importBody(example.path, content: Data(example.content), overwrite: example.overwrite)
        let object = try #require(try JSONParser.parse(Array(body)).objectValue)
        #expect(Set(object.keys) == ["path", "content", "format", "overwrite"])
        #expect(object["path"]?.stringValue == example.path)
        #expect(object["format"]?.stringValue == "AUTO")
        #expect(object["overwrite"] == .bool(example.overwrite))
        let content = try #require(object["content"]?.stringValue)
        #expect(Data(base64Encoded: content) == Data(example.content))
    }
}
