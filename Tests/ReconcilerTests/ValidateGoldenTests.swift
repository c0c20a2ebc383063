import Foundation
import Testing
@testable import ManifestModel
@testable import Reconciler

/// Golden text and JSON output of `validate` for every bundle under `examples/` and the test fixtures.
@Suite struct ValidateGoldenTests {
    /// Folders under `root` holding a bundle, and one level deeper where a folder holds bundles (`before/`, `after/`).
    static func bundleDirectories(under root: URL) -> [String] {
        func isBundle(_ path: String) -> Bool {
            BundleRootLocator.rootFileNames.contains { FileManager.default.fileExists(atPath: root.appendingPathComponent("\(path)/\($0)").path) }
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.sorted().flatMap { name -> [String] in
            if isBundle(name) { return [name] }
            let inner = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(name).path)) ?? []
            return inner.sorted().map { "\(name)/\($0)" }.filter(isBundle)
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
