/// `~/.databrickscfg`: INI sections of `key = value` (lakebase-api.md §16.3). Full-line comments start with
/// `#` or `;`; values are trimmed; `[__settings__]` is reserved and never a profile.
public struct DatabricksConfigFile: Sendable, Hashable {
    /// Profile names in file order (without `__settings__`).
    public private(set) var profileNames: [String] = []
    private var sections: [String: [String: String]] = [:]

    /// A line that is neither a section, a comment, nor `key = value`.
    public struct SyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
        /// The file as given.
        public var file: String
        /// 1-based line.
        public var line: Int
        /// What is wrong.
        public var description: String { "\(file):\(line): expected [section] or key = value" }
    }

    /// Parses `text` read from `file`.
    public init(parsing text: String, file: String) throws(SyntaxError) {
        var current: String?
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw).trimmingWhitespace
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("["), line.hasSuffix("]") {
                let name = String(line.dropFirst().dropLast()).trimmingWhitespace
                current = name
                if sections[name] == nil {
                    sections[name] = [:]
                    if name != "__settings__" { profileNames.append(name) }
                }
                continue
            }
            guard let current, let equals = line.firstIndex(of: "=") else {
                throw SyntaxError(file: file, line: index + 1)
            }
            let key = String(line[..<equals]).trimmingWhitespace.lowercased()
            sections[current, default: [:]][key] = String(line[line.index(after: equals)...]).trimmingWhitespace
        }
    }

    /// The attributes of a profile, or nil when the file has no such profile.
    public func profile(_ name: String) -> [String: String]? {
        name == "__settings__" ? nil : sections[name]
    }

    /// `[__settings__] default_profile`, if set.
    public var defaultProfile: String? {
        sections["__settings__"]?["default_profile"].flatMap { $0.isEmpty ? nil : $0 }
    }
}
