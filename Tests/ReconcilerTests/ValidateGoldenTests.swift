import Foundation
import Testing
@testable import ManifestModel
@testable import Reconciler

/// Golden text and JSON output of `validate` for every bundle under `examples/` and the test fixtures.
@Suite struct ValidateGoldenTests {
    static func bundleDirectories(under root: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.sorted().filter { name in
            BundleRootLocator.rootFileNames.contains { FileManager.default.fileExists(atPath: root.appendingPathComponent("\(name)/\($0)").path) }
        }
    }

    static let examples = bundleDirectories(under: Golden.packageRoot.appendingPathComponent("examples"))
    static let fixtures = bundleDirectories(under: Golden.testsDirectory.appendingPathComponent("Fixtures"))

    private func report(_ directory: URL) -> ValidationReport {
        ValidationReport(BundleLoader.load(LoadOptions(bundleRoot: directory.path, workingDirectory: directory.path)))
    }

    @Test func examplesExist() {
        #expect(Self.examples.count >= 3)
        #expect(Self.fixtures.count >= 2)
    }

    @Test(arguments: examples)
    func example(name: String) throws {
        let report = report(Golden.packageRoot.appendingPathComponent("examples/\(name)"))
        try Golden.check(report.text(), "validate/examples/\(name).txt")
        try Golden.check(report.json().serialized() + "\n", "validate/examples/\(name).json")
    }

    @Test(arguments: fixtures)
    func fixture(name: String) throws {
        let report = report(Golden.testsDirectory.appendingPathComponent("Fixtures/\(name)"))
        try Golden.check(report.text(), "validate/fixtures/\(name).txt")
        try Golden.check(report.json().serialized() + "\n", "validate/fixtures/\(name).json")
    }

    @Test func rootBundleValidatesForEveryTarget() throws {
        for target in ["dev", "prod", "local"] {
            let result = BundleLoader.load(LoadOptions(bundleRoot: Golden.packageRoot.path, workingDirectory: Golden.packageRoot.path, target: target))
            #expect(!result.diagnostics.hasErrors, "target \(target): \(result.diagnostics.items.map(\.summary))")
        }
    }
}
