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

    /// Merging several overrides at once (the included files) gives the node and the diagnostics that merging them
    /// one after another gives.
    @Test(arguments: [
        ["a: 1", "a: 2", "b: 3"],
        ["r: {x: {p: 1}}", "r: {y: {p: 2}}", "r: {x: {q: 3}}", "s: [1]", "s: [2, 3]"],
        ["r: {x: 1}", "r: {x: {p: 1}}", "r: {x: 2}", "r: [1]"],
        ["r: ~", "r: {x: 1}", "r: ~", "r: {y: 2}"],
        ["r: {x: ~}", "r: {x: {p: 1}}", "r: {x: {p: ~, q: 2}}"],
        ["r: [a]", "r: {x: 1}", "r: [b]"],
        ["a: {k: v}", "~", "b: {k: w}"],
    ])
    func mergingManyAtOnceIsMergingOneAfterAnother(documents: [String]) throws {
        let nodes = try documents.enumerated().map { index, text in
            try #require(try YAMLParser.parse(text, file: "f\(index).yml"))
        }
        var oneByOne = Diagnostics()
        let folded = nodes.dropFirst().reduce(nodes[0]) { ConfigMerge.merge($0, $1, path: "", diagnostics: &oneByOne) }
        var atOnce = Diagnostics()
        let merged = ConfigMerge.merge(nodes[0], Array(nodes.dropFirst()), path: "", diagnostics: &atOnce)
        #expect(merged == folded)
        #expect(atOnce.sortedForDisplay.map(\.summary) == oneByOne.sortedForDisplay.map(\.summary))
        #expect(atOnce.sortedForDisplay.map(\.location) == oneByOne.sortedForDisplay.map(\.location))
    }

    @Test func manyFilesIntoOneBigMap() throws {
        let files = try (0..<20).map { try Self.map("resources:\n  tables:\n" + Self.keys($0 * 50..<($0 + 1) * 50, value: "v")
            .split(separator: "\n").map { "    " + $0 }.joined(separator: "\n")) }
        var diagnostics = Diagnostics()
        let merged = ConfigMerge.merge(try Self.map("bundle: {name: x}"), files, path: "", diagnostics: &diagnostics)
        #expect(merged["resources"]?["tables"]?.pairs?.map(\.key) == (0..<1000).map { "k\($0)" })
        #expect(merged["bundle"]?["name"]?.scalarValue == .string("x"))
    }
}
