/// Quoting helpers for identifiers and literals in the administrative SQL the emulator writes.
enum SQLText {
    /// `name` as a double-quoted identifier.
    static func identifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `text` as a single-quoted literal (standard_conforming_strings is on in every server we start).
    static func literal(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
