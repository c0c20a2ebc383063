/// Splits string values into literal text and `${...}` references, following the Databricks CLI's
/// grammar: segments start with a letter, then letters and digits, with runs of `-`/`_` only between them,
/// each optionally followed by `[n]` indexes. Anything else inside `${...}` is literal text.
public enum ReferenceScanner {
    /// The tokens of `text`; adjacent literal text is merged.
    public static func tokens(_ text: String) -> [ReferenceToken] {
        var tokens: [ReferenceToken] = []
        var literal = ""
        var rest = Substring(text)
        while let start = rest.range(of: "${") {
            literal += rest[..<start.lowerBound]
            let afterOpen = rest[start.upperBound...]
            if let close = afterOpen.firstIndex(of: "}"), let path = parsePath(afterOpen[..<close]) {
                if !literal.isEmpty { tokens.append(.literal(literal)); literal = "" }
                tokens.append(.reference(path))
                rest = afterOpen[afterOpen.index(after: close)...]
            } else {
                literal += "${"
                rest = afterOpen
            }
        }
        literal += rest
        if !literal.isEmpty { tokens.append(.literal(literal)) }
        return tokens
    }

    /// Whether `text` holds at least one reference.
    public static func containsReference(_ text: String) -> Bool {
        text.contains("${") && tokens(text).contains { if case .reference = $0 { true } else { false } }
    }

    /// The references in `text`.
    public static func references(in text: String) -> [ReferencePath] {
        guard text.contains("${") else { return [] }
        return tokens(text).compactMap { if case .reference(let p) = $0 { p } else { nil } }
    }

    /// Parses `a.b[0].c`; nil when it does not follow the grammar.
    static func parsePath(_ body: Substring) -> ReferencePath? {
        var segments: [String] = []
        for part in body.split(separator: ".", omittingEmptySubsequences: false) {
            guard let bracket = part.firstIndex(of: "[") ?? Optional(part.endIndex) else { return nil }
            let name = part[..<bracket]
            guard isValidSegment(name) else { return nil }
            segments.append(String(name))
            var indexes = part[bracket...]
            while !indexes.isEmpty {
                guard indexes.first == "[", let close = indexes.firstIndex(of: "]") else { return nil }
                let digits = indexes[indexes.index(after: indexes.startIndex)..<close]
                guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
                segments.append("[\(digits)]")
                indexes = indexes[indexes.index(after: close)...]
            }
        }
        return segments.isEmpty ? nil : ReferencePath(segments)
    }

    private static func isValidSegment(_ name: Substring) -> Bool {
        guard let first = name.first, first.isLetter else { return false }
        guard let last = name.last, last.isLetter || last.isNumber else { return false }
        return name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
    }
}
