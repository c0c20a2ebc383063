import Testing
import JSONCore

/// The strict JSON parser used for request and response bodies.
@Suite struct JSONParserTests {
    @Test(arguments: [
        (#"{"b":1,"a":[true,false,null],"c":"x"}"#, JSONValue.object(JSONObject([
            ("b", .int(1)), ("a", .array([.bool(true), .bool(false), .null])), ("c", .string("x")),
        ]))),
        ("-12", .int(-12)),
        ("1.5e3", .double(1500)),
        ("0.25", .double(0.25)),
        ("9223372036854775808", .double(9223372036854775808)),
        (#""tab\tquote\"slash\/u\u00e9 \ud83d\ude00""#, .string("tab\tquote\"slash/ué 😀")),
        ("  [ ]  ", .array([])),
        ("{}", .object(JSONObject())),
    ])
    func parses(text: String, expected: JSONValue) throws {
        #expect(try JSONParser.parse(text) == expected)
    }

    @Test func keepsKeyOrder() throws {
        let value = try JSONParser.parse(#"{"z":1,"y":2,"x":3}"#)
        #expect(value.objectValue?.keys == ["z", "y", "x"])
        #expect(value.serialized(pretty: false) == #"{"z":1,"y":2,"x":3}"#)
    }

    @Test(arguments: [
        ("", "unexpected end of input"),
        (#"{"a":1,}"#, "expected a string key"),
        ("[1 2]", "expected ',' or ']' in array"),
        ("01", "leading zero in number"),
        ("tru", "invalid literal, expected 'true'"),
        (#""open"#, "unterminated string"),
        ("\"a\u{01}\"", "control character in string"),
        (#""\x""#, "invalid escape '\\x'"),
        (#""\ud800""#, "unpaired surrogate in \\u escape"),
        ("1 2", "unexpected text after the JSON value"),
        ("-", "invalid number"),
        ("1.", "expected digits after '.'"),
    ])
    func rejects(text: String, message: String) {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
        do {
            _ = try JSONParser.parse(text)
        } catch {
            #expect(error.message == message)
        }
    }

    @Test func rejectsDeepNesting() {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(deep) }
    }
}
