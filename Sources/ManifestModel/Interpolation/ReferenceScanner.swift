/// Splits string values into literal text and `${...}` references, following the Databricks CLI's
/// grammar: segments start with a letter, then letters and digits, with runs of `-`/`_` only between them,
/// each optionally followed by `[n]` indexes. Anything else inside `${...}` is literal text.
public enum ReferenceScanner {
    /// The tokens of `text`; adjacent literal text is merged. A `cache` parses each distinct `${...}` body once (a
    /// bundle repeats the same few references in thousands of values).
    public static func tokens(_ text: String, cache: ReferencePathCache? = nil) -> [ReferenceToken] {
        guard openingIndex(in: Substring(text)) != nil else { return text.isEmpty ? [] : [.literal(text)] }
        var tokens: [ReferenceToken] = []
        var literal = ""
        var rest = Substring(text)
        while let start = openingIndex(in: rest) {
            literal += rest[..<start]
            let afterOpen = rest[rest.utf8.index(start, offsetBy: 2)...]
            if let close = afterOpen.utf8.firstIndex(of: UInt8(ascii: "}")),
               let path = cache.map({ $0.path(afterOpen[..<close]) }) ?? parsePath(afterOpen[..<close]) {
                if !literal.isEmpty { tokens.append(.literal(literal)); literal = "" }
                tokens.append(.reference(path))
                rest = afterOpen[afterOpen.utf8.index(after: close)...]
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
        openingIndex(in: Substring(text)) != nil && tokens(text).contains { if case .reference = $0 { true } else { false } }
    }

    /// The references in `text`.
    public static func references(in text: String, cache: ReferencePathCache? = nil) -> [ReferencePath] {
        guard openingIndex(in: Substring(text)) != nil else { return [] }
        return tokens(text, cache: cache).compactMap { if case .reference(let p) = $0 { p } else { nil } }
    }

    /// Where the first `${` starts, by a byte scan (most values hold none, and this runs for every string of a
    /// bundle). Scans the contiguous UTF-8 storage directly when the string has one (native strings do).
    static func openingIndex(in text: Substring) -> Substring.Index? {
        let offset = text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            guard bytes.count > 1 else { return nil }
            var position = 0
            while position < bytes.count - 1 {
                if bytes[position] == UInt8(ascii: "$") && bytes[position + 1] == UInt8(ascii: "{") { return position }
                position += 1
            }
            return nil
        }
        if let offset { return offset.map { text.utf8.index(text.startIndex, offsetBy: $0) } }
        var dollar: Substring.Index?
        for index in text.utf8.indices {
            let byte = text.utf8[index]
            if byte == UInt8(ascii: "{"), let dollar { return dollar }
            dollar = byte == UInt8(ascii: "$") ? index : nil
        }
        return nil
    }

    /// Whether `text` holds a `${` at all: the cheap test before tokenizing.
    static func hasOpening(_ text: String) -> Bool {
        openingIndex(in: Substring(text)) != nil
    }

    /// Parses `a.b[0].c`; nil when it does not follow the grammar.
    static func parsePath(_ body: Substring) -> ReferencePath? {
        var segments: [String] = []
        for part in body.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).map({ Substring($0) }) {
            guard let bracket = part.utf8.firstIndex(of: UInt8(ascii: "[")) ?? Optional(part.endIndex) else { return nil }
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
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII, the common case: bytes, not grapheme clusters.
            let bytes = name.utf8
            func letter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
            func digit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
            guard let first = bytes.first, letter(first), let last = bytes.last, letter(last) || digit(last) else { return false }
            return bytes.allSatisfy { letter($0) || digit($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
        }
        guard let first = name.first, first.isLetter else { return false }
        guard let last = name.last, last.isLetter || last.isNumber else { return false }
        return name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
    }
}

/// The parsed paths of `${...}` bodies already seen, for the passes over one bundle (one cache per pass; not shared
/// between threads).
public final class ReferencePathCache {
    private var parsed: [Substring: ReferencePath?] = [:]

    /// An empty cache.
    public init() {}

    /// The path `body` parses to (nil when it does not follow the grammar), parsed on first use.
    func path(_ body: Substring) -> ReferencePath? {
        if let known = parsed[body] { return known }
        let path = ReferenceScanner.parsePath(body)
        parsed[body] = .some(path)
        return path
    }
}
