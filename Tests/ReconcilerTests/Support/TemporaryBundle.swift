import Foundation
import ManifestModel

/// A bundle written into a fresh temporary directory, for loader tests.
struct TemporaryBundle {
    let directory: String

    /// Writes `files` (relative path → content) into a new temporary directory.
    init(_ files: [String: String]) throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("reconcile-test-\(UUID().uuidString)").path
        for (path, content) in files {
            let url = URL(fileURLWithPath: directory).appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try content.write(to: url, atomically: true, encoding: .utf8)
        }
    }

    /// Loads the bundle from its root.
    func load(target: String? = nil, variables: [String] = [], environment: [String: String] = [:],
              currentUser: CurrentUser? = nil, workingDirectory: String? = nil) -> LoadResult {
        BundleLoader.load(LoadOptions(
            bundleRoot: workingDirectory == nil ? directory : nil,
            workingDirectory: workingDirectory ?? directory, target: target, variables: variables,
            environment: environment, currentUser: currentUser))
    }
}

extension LoadResult {
    /// Messages of diagnostics with the given severity, each prefixed by its `file:line:col` when located.
    func messages(_ severity: Severity = .error) -> [String] {
        diagnostics.items.filter { $0.severity == severity }.map { d in
            (d.location.map { "\($0): " } ?? "") + d.summary
        }
    }

    /// The resource with this key, or nil.
    func resource(_ kind: ResourceKind, _ name: String) -> Resource? {
        bundle?.resource(ResourceKey(kind, name))
    }
}
