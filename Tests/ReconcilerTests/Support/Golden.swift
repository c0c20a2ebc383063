import Foundation
import Testing

/// Golden files under `Tests/ReconcilerTests/Golden`: compares output with the recorded file, or records
/// it when `RECORD_GOLDEN=1` is set.
enum Golden {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let packageRoot = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    static let directory = testsDirectory.appendingPathComponent("Golden")

    /// Checks `actual` against the golden file `name`.
    static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden file \(name); run RECORD_GOLDEN=1 swift test to create it", sourceLocation: sourceLocation)
            return
        }
        #expect(actual == expected, "output differs from golden file \(name); re-record with RECORD_GOLDEN=1 if intended",
                sourceLocation: sourceLocation)
    }
}
