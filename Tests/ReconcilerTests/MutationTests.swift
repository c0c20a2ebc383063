import Foundation
import LakebaseLocal
import ManifestModel
import Testing
@testable import Reconciler

/// Seeded mutations of every example, fixture and quickstart manifest (bytes dropped, repeated, swapped, YAML
/// punctuation inserted, lines shuffled, files cut short): loading, checking and rendering never trap, and every
/// error is located (`file:line:col` or a configuration path). A few go through the real `validate` binary, which
/// exits 0 or 1 and writes nothing. SplitMix64 makes the same seed give the same mutations on every machine.
@Suite struct MutationTests {
    static let pieces: [String] = ["[", "]", "{", "}", ":", ": ", ",", "- ", "&a ", "*a", "<<: ", "!!int ", "|", ">", "'", "\"",
                                   "\n", "\t", "  ", "${", "}", "${var.", "${resources.", "#", "%", "@", "\u{0}", "é", "---\n"]

    /// The manifests to mutate.
    static func seeds() throws -> [String] {
        let roots = [Golden.packageRoot.appendingPathComponent("examples"), Golden.packageRoot.appendingPathComponent("quickstarts"),
                     Golden.testsDirectory.appendingPathComponent("Fixtures"), Golden.testsDirectory.appendingPathComponent("KindFixtures")]
        var texts: [String] = []
        for root in roots {
            guard let walker = FileManager.default.enumerator(atPath: root.path) else { continue }
            for case let path as String in walker where path.hasSuffix(".yml") {
                if let text = try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8) { texts.append(text) }
            }
        }
        return texts.sorted()
    }

    /// A value in `0..<bound` (0 for an empty range).
    static func below(_ bound: Int, _ random: inout SplitMix64) -> Int { bound <= 1 ? 0 : Int(random.next() % UInt64(bound)) }

    static func mutate(_ text: String, _ random: inout SplitMix64) -> String {
        var bytes = Array(text.utf8)
        for _ in 0...below(3, &random) {
            let at = below(bytes.count + 1, &random)
            switch below(6, &random) {
            case 0: bytes.removeSubrange(at..<min(bytes.count, at + 1 + below(40, &random)))
            case 1: bytes.insert(contentsOf: Array(pieces[below(pieces.count, &random)].utf8), at: at)
            case 2:
                let end = min(bytes.count, at + 1 + below(60, &random))
                bytes.insert(contentsOf: Array(bytes[at..<end]), at: at)
            case 3:
                var lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                if lines.count > 1 { lines.swapAt(below(lines.count, &random), below(lines.count, &random)) }
                bytes = Array(lines.joined(separator: "\n").utf8)
            case 4: bytes = Array(bytes.prefix(at))
            default:
                if at < bytes.count { bytes[at] = UInt8(below(256, &random)) }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func threeHundredMutatedManifestsLoadWithLocatedErrorsAndNoTrap() throws {
        let seeds = try Self.seeds()
        try #require(seeds.count >= 10)
        var random = SplitMix64(seed: 20_261_202)
        var withErrors = 0
        for round in 0..<300 {
            let text = Self.mutate(seeds[round % seeds.count], &random)
            let bundle = try TemporaryBundle(["databricks.yml": text])
            defer { try? FileManager.default.removeItem(atPath: bundle.directory) }
            let result = bundle.load()
            let report = ValidationReport(result)
            _ = report.text()
            _ = report.json().serialized()
            if let loaded = result.bundle {
                let nodes = DesiredNode.nodes(of: loaded)
                _ = GraphRenderer.dot(nodes, bundleName: loaded.name)
                _ = Planner.plan(desired: nodes, state: DeploymentState(cliVersion: "t"), live: LiveSnapshot())
            }
            let errors = result.diagnostics.items.filter { $0.severity == .error }
            if !errors.isEmpty { withErrors += 1 }
            for error in errors {
                #expect(error.location != nil || error.path != nil, "round \(round): unlocated error \(error.summary)")
            }
        }
        #expect(withErrors > 50, "the mutations reach the checks (\(withErrors) of 300 had errors)")
    }

    @Test func mutatedManifestsThroughTheBinaryExitZeroOrOneAndWriteNothing() throws {
        let seeds = try Self.seeds()
        var random = SplitMix64(seed: 7)
        for round in 0..<20 {
            let bundle = try TemporaryBundle(["databricks.yml": Self.mutate(seeds[round % seeds.count], &random)])
            defer { try? FileManager.default.removeItem(atPath: bundle.directory) }
            let run = try ReconcileBinary.run(["validate", "-C", bundle.directory, "-o", "json"])
            #expect(run.status == 0 || run.status == 1, "round \(round): exit \(run.status)\n\(run.stderr)")
            let written = try FileManager.default.contentsOfDirectory(atPath: bundle.directory)
            #expect(written == ["databricks.yml"], "round \(round): validate wrote \(written)")
        }
    }
}
