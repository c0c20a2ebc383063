#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Finds the bundle root: `-C DIR`, else `DATABRICKS_BUNDLE_ROOT`, else the working directory and its parents.
public enum BundleRootLocator {
    /// The file names that make a directory a bundle root, in the order they are tried.
    public static let rootFileNames = ["databricks.yml", "databricks.yaml", "bundle.yml", "bundle.yaml"]

    /// The root directory and its configuration file name, or an error diagnostic.
    public static func locate(
        explicitRoot: String?, environment: [String: String], workingDirectory: String
    ) -> Result<(directory: String, file: String), Diagnostic> {
        if let explicit = explicitRoot ?? environment["DATABRICKS_BUNDLE_ROOT"].flatMap({ $0.isEmpty ? nil : $0 }) {
            let directory = absolute(explicit, relativeTo: workingDirectory)
            let source = explicitRoot != nil ? "--bundle-root" : "DATABRICKS_BUNDLE_ROOT"
            return rootFile(in: directory).flatMap { file in
                guard let file else {
                    return .failure(Diagnostic(
                        .error, "\(source) \(directory) does not contain a bundle configuration",
                        detail: "expected one of \(rootFileNames.joined(separator: ", "))"))
                }
                return .success((directory, file))
            }
        }
        var directory = URL(fileURLWithPath: workingDirectory).standardizedFileURL.path
        while true {
            switch rootFile(in: directory) {
            case .failure(let diagnostic): return .failure(diagnostic)
            case .success(let file?): return .success((directory, file))
            case .success(nil): break
            }
            let parent = PathText.parent(of: directory)
            if parent == directory || parent.isEmpty { break }
            directory = parent
        }
        return .failure(Diagnostic(
            .error, "databricks.yml not found",
            detail: "run the command inside a bundle directory, pass -C/--bundle-root DIR, or set DATABRICKS_BUNDLE_ROOT"))
    }

    private static func rootFile(in directory: String) -> Result<String?, Diagnostic> {
        let found = rootFileNames.filter { FileManager.default.fileExists(atPath: directory + "/" + $0) }
        if found.count > 1 {
            return .failure(Diagnostic(
                .error, "multiple bundle root configuration files found in \(directory)",
                detail: "keep one of \(found.joined(separator: ", "))"))
        }
        return .success(found.first)
    }

    static func absolute(_ path: String, relativeTo base: String) -> String {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : URL(fileURLWithPath: base).appendingPathComponent(path)
        return url.standardizedFileURL.path
    }
}
