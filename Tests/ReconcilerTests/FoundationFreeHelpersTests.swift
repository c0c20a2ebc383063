import Foundation
import Testing
import JSONCore
import ManifestModel
@testable import Providers
@testable import Reconciler

/// The helpers that replaced full Foundation in `reconcile` (which links only FoundationEssentials), each checked
/// against a table and, where Foundation has the same operation, against Foundation's answer.
@Suite struct FoundationFreeHelpersTests {
    /// The table holds what `NSString.deletingLastPathComponent` answers (checked outside the tests: inside them,
    /// Foundation's own function crashes on Linux for some of these paths).
    @Test(arguments: [
        ("/a/b", "/a"), ("/a", "/"), ("/", "/"), ("a", ""), ("a/b/", "a"), ("/a/b//", "/a"), ("", ""),
        ("a//b", "a"), ("/Workspace/Users/me/.bundle/x/default/state/terraform.tfstate", "/Workspace/Users/me/.bundle/x/default/state"),
    ])
    func parentPaths(path: String, parent: String) {
        #expect(PathText.parent(of: path) == parent)
    }

    @Test(arguments: [("%.1f", 0.05), ("%.1f", 0.25), ("%.1f", 12.35), ("%.0f", 2.5), ("%.0f", 1023.6), ("%.3f", 0.1115),
                      ("%.1f%%", 99.95), ("%.3f", -1.0005)])
    func decimalsAsPrintfWritesThem(format: String, value: Double) {
        #expect(CFormat.string(format, value) == String(format: format, value))
    }

    @Test func integersAndLongOutput() {
        #expect(CFormat.string("%09ld", 123_456) == "000123456")
        #expect(CFormat.string("%02ld", 7) == "07")
        #expect(CFormat.string("%.1f", 1e300) == String(format: "%.1f", 1e300))  // longer than the first buffer
    }

    @Test(arguments: ["plain", "a b", "cat.schema.table", "x/y?z=1&w", "100%", "~user@host", "a*b,c", "quote\"d", ""])
    func percentEncodingMatchesFoundationForASCII(text: String) {
        for kept in ["-._~", "-._~@", "-._~/*,"] {
            var allowed = CharacterSet.alphanumerics
            allowed.insert(charactersIn: kept)
            #expect(PercentEncoding.encode(text, keeping: kept) == text.addingPercentEncoding(withAllowedCharacters: allowed))
        }
    }

    @Test func percentEncodingEncodesEveryNonASCIIByte() {
        #expect(PercentEncoding.encode("café", keeping: "") == "caf%C3%A9")
        #expect(PercentEncoding.encode("表", keeping: "-") == "%E8%A1%A8")
    }

    @Test(arguments: [
        ("Wed, 21 Oct 2015 07:28:00 GMT", 1_445_412_480.0 as Double?), ("Thu, 01 Jan 1970 00:00:00 GMT", 0),
        ("Tue, 29 Feb 2028 23:59:59 GMT", 1_835_481_599), ("Wed, 21 Oct 2015 07:28:00 UTC", nil), ("21 Oct 2015", nil),
        ("Wed, 21 Foo 2015 07:28:00 GMT", nil), ("Wed, 21 Oct 2015 7:28:00 GMT", nil), ("Wed, 21 Oct 2015 24:00:00 GMT", nil),
    ])
    func imfFixdates(text: String, seconds: Double?) {
        #expect(HTTPDate.parse(text) == seconds)
    }

    @Test func imfFixdatesAgreeWithFoundation() {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let seconds = Double(Int.random(in: 0...4_102_444_800, using: &generator))
            let text = formatter.string(from: Date(timeIntervalSince1970: seconds))
            #expect(HTTPDate.parse(text) == seconds, "\(text)")
        }
    }

    @Test(arguments: ["  a b \n", "\t\r\nx", "y\u{00A0}", "", "   ", "no-space"])
    func trimmingMatchesFoundation(text: String) {
        #expect(text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(text[...].trimmingWhitespace() == text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test(arguments: [("plain", "\"plain\""), ("a\"b", "\"a\"\"b\""), ("\"\u{301}", "\"\"\"\u{301}\"")])
    func quotedIdentifiers(name: String, quoted: String) {
        #expect(InstanceInspector.quotedIdentifier(name) == quoted)
        #expect(InstanceInspector.quotedIdentifier(name).unicodeScalars.filter { $0 == "\"" }.count
                == 2 + 2 * name.unicodeScalars.filter { $0 == "\"" }.count)
    }

    @Test func commandOutputCollectsBothStreamsAndTheStatus() async {
        let run = await CommandOutput.run("sh", ["-c", "printf out; printf err >&2; exit 3"])
        #expect(run.status == 3)
        #expect(run.output == "out")
        #expect(run.errors == "err")
    }

    @Test func commandOutputDrainsLargeOutputOnBothStreams() async {
        // 200 KB on each stream: more than a pipe holds, so reading one stream to its end first would deadlock.
        let run = await CommandOutput.run("sh", ["-c", "head -c 200000 /dev/zero | tr '\\0' e >&2; head -c 200000 /dev/zero | tr '\\0' o"])
        #expect(run.status == 0)
        #expect(run.output.count == 200_000 && run.output.allSatisfy { $0 == "o" })
        #expect(run.errors.count == 200_000 && run.errors.allSatisfy { $0 == "e" })
    }

    @Test func commandOutputReportsAMissingProgram() async {
        let run = await CommandOutput.run("no-such-program-\(UInt32.random(in: 0...UInt32.max))", [])
        #expect(run.status == 127)
        #expect(run.errors.hasPrefix("cannot run no-such-program-"))
    }

    @Test func commandOutputReportsASignal() async {
        let run = await CommandOutput.run("sh", ["-c", "kill -TERM $$"])
        #expect(run.status == 128 + 15)
    }

    @Test func writableFileWritesAndNamesTheSystemError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("f").path
        let file = try WritableFile(path, flags: O_WRONLY | O_CREAT | O_TRUNC)
        try file.writeAndSync("hello\n".utf8)
        try file.writeAndSync(Array(repeating: UInt8(ascii: "x"), count: 100_000))
        file.closeFile()
        file.closeFile()
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).count == 100_006)
        do {
            _ = try WritableFile(path, flags: O_WRONLY | O_CREAT | O_EXCL)
            Issue.record("expected EEXIST")
        } catch {
            #expect(error.code == EEXIST)
            #expect(error.description == "File exists")
        }
    }
}
