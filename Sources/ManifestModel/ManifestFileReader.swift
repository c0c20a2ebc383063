#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSONCore
import YAMLBridge

/// Reads and parses manifest files (YAML, or JSON, which YAML 1.2 reads too), remembering their text
/// for diagnostics.
struct ManifestFileReader {
    let rootDirectory: String
    var sources = SourceFiles()
    var diagnostics = Diagnostics()

    /// The display name of an absolute path: relative to the bundle root when inside it.
    func displayName(_ path: String) -> String {
        let prefix = rootDirectory.hasSuffix("/") ? rootDirectory : rootDirectory + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// The parsed file (nil for an empty file); nil and an error diagnostic when it cannot be read or parsed.
    mutating func read(_ path: String) -> (node: YAMLNode?, ok: Bool) {
        let name = displayName(path)
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics.error("cannot read \(name)", detail: "check that the file exists and is readable")
            return (nil, false)
        }
        let text = String(decoding: data, as: UTF8.self)
        sources.add(name, text: text)
        do {
            return (try YAMLParser.parse(text, file: name), true)
        } catch {
            diagnostics.append(Diagnostic(.error, error.message, at: error.location))
            return (nil, false)
        }
    }
}
