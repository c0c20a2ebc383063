import Testing
import YAMLBridge
@testable import ManifestModel

/// The configuration merge gives the same map whether it searches (small maps) or indexes keys (big ones, where a
/// search per key made merging many included files quadratic).
@Suite struct ConfigMergeTests {
    static func map(_ text: String) throws -> YAMLNode {
        try #require(try YAMLParser.parse(text, file: "t.yml"))
    }

    /// `k0: {a: 0}`, … for the keys in `range`, as YAML.
    static func keys(_ range: Range<Int>, value: String) -> String {
        range.map { "k\($0): {\(value): \($0)}" }.joined(separator: "\n")
    }

    @Test(arguments: [4, 40])
    func mergeKeepsBaseOrderAppendsNewKeysAndMergesShared(size: Int) throws {
        let base = try Self.map(Self.keys(0..<size, value: "a"))
        let override = try Self.map(Self.keys(size / 2..<(size + size / 2), value: "b"))
        var diagnostics = Diagnostics()
        let merged = ConfigMerge.merge(base, override, path: "resources", diagnostics: &diagnostics)
        #expect(!diagnostics.hasErrors)
        let keys = merged.pairs?.map(\.key) ?? []
        #expect(keys == (0..<(size + size / 2)).map { "k\($0)" }, "base order, then the new keys in override order")
        let shared = merged["k\(size / 2)"]
        #expect(shared?["a"]?.scalarValue == .int(Int64(size / 2)) && shared?["b"]?.scalarValue == .int(Int64(size / 2)),
                "a key in both is merged")
        #expect(merged["k0"]?["b"] == nil && merged["k\(size + size / 2 - 1)"]?["a"] == nil)
    }
}
