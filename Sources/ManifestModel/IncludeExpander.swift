#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSONCore
import YAMLBridge

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Expands `include:` globs relative to the bundle root as Go's `filepath.Glob` does: `*`, `?` and `[...]`
/// within one path segment; `**` is not recursive.
enum IncludeExpander {
    static let allowedExtensions = [".yml", ".yaml", ".json"]

    /// The files to load, in order, without duplicates and without the root file.
    static func expand(_ includeNode: YAMLNode?, rootDirectory: String, rootFile: String,
                       diagnostics: inout Diagnostics) -> [String] {
        guard let includeNode, !includeNode.isNull else { return [] }
        guard let entries = includeNode.items else {
            diagnostics.error("include must be a list of paths", detail: "write include:\n  - resources/*.yml",
                              at: includeNode.location, path: "include")
            return []
        }
        var seen: Set<String> = [rootDirectory + "/" + rootFile]
        var files: [String] = []
        for (index, entry) in entries.enumerated() {
            let path = "include[\(index)]"
            guard let pattern = entry.stringValue, !pattern.isEmpty else {
                diagnostics.error("include entries must be strings", at: entry.location, path: path)
                continue
            }
            if pattern.hasPrefix("/") {
                diagnostics.error("\(pattern): includes must be relative paths",
                                  detail: "write the path relative to the bundle root", at: entry.location, path: path)
                continue
            }
            let matches = glob(pattern, in: rootDirectory).sorted()
            if matches.isEmpty, !hasGlobCharacters(pattern) {
                diagnostics.error("\(pattern) defined in 'include' section does not match any files",
                                  detail: "check the path; it is relative to \(rootDirectory)", at: entry.location, path: path)
            }
            for match in matches where !seen.contains(match) {
                seen.insert(match)
                guard allowedExtensions.contains(where: { match.hasSuffix($0) }) else {
                    diagnostics.error("\(match.dropFirst(rootDirectory.count + 1)): only .yml, .yaml and .json files can be included",
                                      at: entry.location, path: path)
                    continue
                }
                files.append(match)
            }
        }
        return files
    }

    static func hasGlobCharacters(_ pattern: String) -> Bool {
        pattern.contains { "*?[\\".contains($0) }
    }

    /// Absolute paths of existing files matching `pattern` under `directory`.
    static func glob(_ pattern: String, in directory: String) -> [String] {
        var candidates = [directory]
        let segments = pattern.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        for (index, segment) in segments.enumerated() {
            let isLast = index == segments.count - 1
            var next: [String] = []
            for base in candidates {
                if segment == "." { next.append(base); continue }
                if !hasGlobCharacters(segment) {
                    let path = base + "/" + segment
                    if exists(path, directory: !isLast) { next.append(path) }
                    continue
                }
                let names = (try? FileManager.default.contentsOfDirectory(atPath: base)) ?? []
                for name in names.sorted() where fnmatch(segment, name, 0) == 0 {
                    let path = base + "/" + name
                    if exists(path, directory: !isLast) { next.append(path) }
                }
            }
            candidates = next
        }
        return candidates.filter { $0 != directory && exists($0, directory: false) }
    }

    private static func exists(_ path: String, directory: Bool) -> Bool {
        var isDirectory = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return false }
        return directory ? isDirectory : !isDirectory
    }
}
