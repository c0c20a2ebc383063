import Testing
import JSONCore
@testable import YAMLBridge

@Suite struct YAMLParserTests {
    private func parse(_ text: String) throws -> YAMLNode? {
        try YAMLParser.parse(text, file: "t.yml")
    }

    private func parseError(_ text: String) -> YAMLError? {
        do {
            _ = try YAMLParser.parse(text, file: "t.yml")
            return nil
        } catch {
            return error
        }
    }

    @Test func locationsAreOneBased() throws {
        let root = try #require(try parse("a:\n  b: 1\n"))
        let b = try #require(root["a"]?.pair("b"))
        #expect(b.keyLocation == SourceLocation(file: "t.yml", line: 2, column: 3))
        #expect(b.value.location == SourceLocation(file: "t.yml", line: 2, column: 6))
    }

    @Test func emptyDocumentIsNil() throws {
        #expect(try parse("") == nil)
        #expect(try parse("# only a comment\n") == nil)
    }

    @Test func anchorsAndAliases() throws {
        let root = try #require(try parse("base: &b {x: 1}\nuse: *b\n"))
        #expect(root["use"]?.jsonValue == .object(["x": .int(1)]))
    }

    @Test func mergeKeysExplicitKeysWin() throws {
        let text = """
        a: &a {x: 1, y: 1}
        b: &b {y: 2, z: 2}
        one:
          <<: *a
          x: 9
        many:
          <<: [*a, *b]
          w: 0
        """
        let root = try #require(try parse(text))
        #expect(root["one"]?.jsonValue == .object(["x": .int(9), "y": .int(1)]))
        #expect(root["many"]?.jsonValue == .object(["x": .int(1), "y": .int(1), "z": .int(2), "w": .int(0)]))
    }

    @Test func duplicateKeyPointsAtSecondOccurrence() throws {
        let error = try #require(parseError("a: 1\nb: 2\na: 3\n"))
        #expect(error.location == SourceLocation(file: "t.yml", line: 3, column: 1))
        #expect(error.message.contains("duplicate key 'a'"))
        #expect(error.message.contains("t.yml:1:1"))
    }

    @Test func secondMergeKeyIsAnError() throws {
        let error = try #require(parseError("a: &a {x: 1}\nb:\n  <<: *a\n  <<: *a\n"))
        #expect(error.problem.contains("duplicate YAML merge key"))
        #expect(error.location.line == 4)
    }

    @Test func mergeOfScalarIsAnError() throws {
        let error = try #require(parseError("a: &a 1\nb:\n  <<: *a\n"))
        #expect(error.problem.contains("must be a map"))
    }

    @Test func secondDocumentIsAnError() throws {
        let error = try #require(parseError("a: 1\n---\nb: 2\n"))
        #expect(error.location.line == 2)
        #expect(error.problem.contains("second document"))
    }

    @Test func unknownAnchorIsAnError() throws {
        let error = try #require(parseError("a: *nope\n"))
        #expect(error.problem == "unknown anchor 'nope'")
        #expect(error.location == SourceLocation(file: "t.yml", line: 1, column: 4))
    }

    @Test func tabIndentationIsReportedWithCaret() throws {
        let error = try #require(parseError("a:\n\tb: 1\n"))
        #expect(error.location.line == 2)
        #expect(error.description.hasPrefix("t.yml:2:1: error: found character that cannot start any token"))
        #expect(error.description.contains("^"))
    }

    @Test func unterminatedQuote() throws {
        let error = try #require(parseError("a: \"open\nb: 2\n"))
        #expect(error.problem.contains("end of stream"))
        #expect(error.context?.contains("quoted scalar") == true)
        #expect(error.description.hasPrefix("t.yml:3:1: error: found unexpected end of stream (while scanning a quoted scalar started at t.yml:1:4)"))
    }

    @Test func multiByteCharactersCountAsOneColumn() throws {
        // "é" and "😀" are multi-byte in UTF-8; the error column counts characters.
        let error = try #require(parseError("k: \"é😀\" x\n"))
        #expect(error.location == SourceLocation(file: "t.yml", line: 1, column: 9))
        let snippet = error.description.split(separator: "\n").map(String.init)
        #expect(snippet[1] == " 1 | k: \"é😀\" x")
        #expect(snippet[2] == "   |         ^")
    }

    @Test func cyclicAliasIsAnError() throws {
        let error = try #require(parseError("a: &x [*x]\n"))
        #expect(error.problem.contains("cyclic alias"))
    }

    @Test func billionLaughsIsRejected() throws {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...7 {
            let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            text += "a\(level): &a\(level) [\(refs)]\n"
        }
        let error = try #require(parseError(text))
        #expect(error.problem.contains("aliases expand"))
    }

    @Test func complexKeysAreRejected() throws {
        let error = try #require(parseError("? [a, b]\n: 1\n"))
        #expect(error.problem.contains("mapping keys must be scalars"))
    }

    @Test(arguments: [
        ("true", ScalarValue.bool(true)), ("False", .bool(false)), ("TRUE", .bool(true)), ("tRuE", .bool(true)),
        ("yes", .string("yes")), ("no", .string("no")), ("on", .string("on")), ("off", .string("off")),
        ("y", .string("y")), ("42", .int(42)), ("-7", .int(-7)), ("0123", .int(123)), ("0x1F", .int(31)),
        ("0o17", .int(15)), ("1.5", .float(1.5)), ("-2e3", .float(-2000)), (".5", .float(0.5)),
        (".inf", .float(.infinity)), ("-.Inf", .float(-.infinity)), ("null", .null), ("~", .null),
        ("", .null), ("NULL", .null), ("1_000", .string("1_000")), ("0x", .string("0x")),
        ("2024-01-02", .string("2024-01-02")), ("CU_1", .string("CU_1")), ("1e", .string("1e")),
        ("9223372036854775807", .int(Int64.max)), ("9223372036854775808", .float(9223372036854775808)),
    ])
    func plainScalarTyping(text: String, expected: ScalarValue) throws {
        let root = try #require(try parse("v: \(text)\n"))
        #expect(root["v"]?.scalarValue == expected)
    }

    @Test func nanIsAFloat() throws {
        let root = try #require(try parse("v: .nan\n"))
        guard case .float(let f)? = root["v"]?.scalarValue else {
            Issue.record("expected a float")
            return
        }
        #expect(f.isNaN)
    }

    @Test(arguments: ["'true'", "\"42\"", "'null'", "!!str 7", "\"\""])
    func quotedOrStrTaggedScalarsAreStrings(text: String) throws {
        let root = try #require(try parse("v: \(text)\n"))
        guard case .string? = root["v"]?.scalarValue else {
            Issue.record("\(text) should be a string")
            return
        }
    }

    @Test func explicitTagsForceTypes() throws {
        let root = try #require(try parse("a: !!int \"12\"\nb: !!float 3\nc: !!bool 'TRUE'\n"))
        #expect(root["a"]?.scalarValue == .int(12))
        #expect(root["b"]?.scalarValue == .float(3))
        #expect(root["c"]?.scalarValue == .bool(true))
    }

    @Test func inapplicableTagIsAnError() throws {
        let error = try #require(parseError("a: !!int abc\n"))
        #expect(error.problem.contains("cannot read 'abc'"))
    }

    @Test func blockScalarsAreStrings() throws {
        let root = try #require(try parse("a: |\n  42\n"))
        #expect(root["a"]?.scalarValue == .string("42\n"))
    }

    @Test func jsonConversionKeepsOrderAndTypes() throws {
        let root = try #require(try parse("z: 1\na: [true, null, x, 1.5]\nm: {k: 'v'}\n"))
        #expect(root.jsonValue.serialized(pretty: false) == #"{"z":1,"a":[true,null,"x",1.5],"m":{"k":"v"}}"#)
    }

    @Test func jsonStringEscaping() {
        let value = JSONValue.string("a\"b\\c\nd\u{01}é")
        #expect(value.serialized() == #""a\"b\\c\nd\u0001é""#)
    }

    /// Nesting is bounded (10,000 levels of `[` or `{a: ` crashed the recursive tree walks): a located error,
    /// at the level that goes too deep, never a crash.
    @Test(arguments: [
        (String(repeating: "[", count: 10_000), 1 + YAMLParser.maxDepth),
        ("x: " + String(repeating: "{a: ", count: 10_000), 4 + YAMLParser.maxDepth * 4 - 4),
    ])
    func deepNestingIsRefusedWhereItGoesTooDeep(text: String, column: Int) throws {
        let error = try #require(parseError(text))
        #expect(error.problem.contains("nested more than \(YAMLParser.maxDepth) levels deep"))
        #expect(error.location.line == 1)
        #expect(error.location.column == column)
    }

    @Test func nestingUpToTheLimitIsFine() throws {
        let text = String(repeating: "[", count: YAMLParser.maxDepth) + String(repeating: "]", count: YAMLParser.maxDepth)
        #expect(try parse(text) != nil)
    }

    @Test func aliasesCannotNestPastTheLimit() throws {
        var lines = ["a0: &a0 [x]"]
        for index in 1...300 { lines.append("a\(index): &a\(index) [*a\(index - 1)]") }
        let error = try #require(parseError(lines.joined(separator: "\n") + "\n"))
        #expect(error.problem.contains("levels deep"))
    }
}
