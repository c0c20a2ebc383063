/// Renders a source line with a caret under a column, compiler style:
/// ```
///    12 |       schedulng_policy: SNAPSHOT
///       |       ^
/// ```
public enum SourceSnippet {
    /// The two snippet lines (without a trailing newline). Tabs before the column are kept so the caret lines up.
    public static func render(line: String, lineNumber: Int, column: Int) -> String {
        let gutter = String(lineNumber)
        let pad = String(repeating: " ", count: gutter.count)
        var caretPrefix = ""
        for (index, ch) in line.enumerated() where index < column - 1 {
            caretPrefix.append(ch == "\t" ? "\t" : " ")
        }
        let shortfall = max(0, column - 1 - line.count)
        caretPrefix += String(repeating: " ", count: shortfall)
        return " \(gutter) | \(line)\n \(pad) | \(caretPrefix)^"
    }

    /// The 1-based line `number` of `text`, without its line break; nil when out of range.
    public static func line(_ number: Int, of text: String) -> String? {
        guard number >= 1 else { return nil }
        var current = 1
        var start = text.startIndex
        while current < number {
            guard let newline = text[start...].firstIndex(of: "\n") else { return nil }
            start = text.index(after: newline)
            current += 1
        }
        let end = text[start...].firstIndex(of: "\n") ?? text.endIndex
        var line = text[start..<end]
        if line.hasSuffix("\r") { line = line.dropLast() }
        return String(line)
    }
}
