extension YAMLScalar {
    /// The typed value: quoted and block scalars are strings; plain scalars follow the YAML 1.2 core schema
    /// (`yes`/`no`/`on`/`off` stay strings, leading zeros are decimal); explicit tags force their type.
    public var resolved: ScalarValue {
        switch tag {
        case YAMLTag.string?, YAMLTag.nonSpecific?, YAMLTag.timestamp?, YAMLTag.binary?:
            return .string(value)
        case YAMLTag.int?:
            return Self.parseInt(value).map(ScalarValue.int) ?? .string(value)
        case YAMLTag.float?:
            if let f = Self.parseFloat(value) { return .float(f) }
            return Self.parseInt(value).map { .float(Double($0)) } ?? .string(value)
        case YAMLTag.bool?:
            return Self.parseBool(value).map(ScalarValue.bool) ?? .string(value)
        case YAMLTag.null?:
            return .null
        default:
            break
        }
        guard style == .plain, tag == nil else { return .string(value) }
        return Self.resolvePlain(value)
    }

    /// Whether an explicit tag, if present, can be applied to this scalar's text.
    public var tagIsApplicable: Bool {
        switch tag {
        case nil, YAMLTag.string?, YAMLTag.nonSpecific?, YAMLTag.timestamp?, YAMLTag.binary?, YAMLTag.null?:
            return true
        case YAMLTag.int?: return Self.parseInt(value) != nil
        case YAMLTag.float?: return Self.parseFloat(value) != nil || Self.parseInt(value) != nil
        case YAMLTag.bool?: return Self.parseBool(value) != nil
        default: return false
        }
    }

    static func resolvePlain(_ text: String) -> ScalarValue {
        // Most plain scalars are names: a first letter other than those of true, false and null makes a string.
        if let first = text.utf8.first, (first | 0x20) >= UInt8(ascii: "a"), (first | 0x20) <= UInt8(ascii: "z"),
           !"tTfFnN".utf8.contains(first) {
            return .string(text)
        }
        if text.isEmpty || text == "~" || text.lowercased() == "null" { return .null }
        if let b = parseBool(text) { return .bool(b) }
        if let i = parseInt(text) { return .int(i) }
        if looksLikeDecimalInteger(text), let big = Double(text) { return .float(big) }
        if let f = parseFloat(text) { return .float(f) }
        return .string(text)
    }

    /// `true`/`false` in any letter case.
    static func parseBool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true": true
        case "false": false
        default: nil
        }
    }

    /// Decimal (leading zeros stay decimal), `0x` hexadecimal and `0o` octal integers with an optional sign.
    static func parseInt(_ text: String) -> Int64? {
        var body = Substring(text)
        var negative = false
        if let first = body.first, first == "-" || first == "+" {
            negative = first == "-"
            body = body.dropFirst()
        }
        guard !body.isEmpty else { return nil }
        var radix = 10
        if body.hasPrefix("0x") { radix = 16; body = body.dropFirst(2) }
        else if body.hasPrefix("0o") { radix = 8; body = body.dropFirst(2) }
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && $0.isHexDigit }) else { return nil }
        guard let magnitude = UInt64(body, radix: radix) else { return nil }
        if negative {
            if magnitude == UInt64(Int64.max) + 1 { return Int64.min }
            return magnitude <= UInt64(Int64.max) ? -Int64(magnitude) : nil
        }
        return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
    }

    /// YAML 1.2 core floats: `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?` and `.inf`/`.nan` forms.
    static func parseFloat(_ text: String) -> Double? {
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: break
        }
        guard isCoreFloatSyntax(text) else { return nil }
        return Double(text)
    }

    private static func looksLikeDecimalInteger(_ text: String) -> Bool {
        var body = Substring(text)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        return !body.isEmpty && body.allSatisfy { $0.isASCII && $0.isNumber }
    }

    private static func isCoreFloatSyntax(_ text: String) -> Bool {
        var chars = Array(text.utf8)[...]
        if let first = chars.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { chars = chars.dropFirst() }
        func digits(_ s: inout ArraySlice<UInt8>) -> Int {
            var n = 0
            while let c = s.first, c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") { s = s.dropFirst(); n += 1 }
            return n
        }
        let intDigits = digits(&chars)
        var fracDigits = 0
        if chars.first == UInt8(ascii: ".") {
            chars = chars.dropFirst()
            fracDigits = digits(&chars)
        }
        guard intDigits > 0 || fracDigits > 0 else { return false }
        if let e = chars.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            chars = chars.dropFirst()
            if let s = chars.first, s == UInt8(ascii: "-") || s == UInt8(ascii: "+") { chars = chars.dropFirst() }
            guard digits(&chars) > 0 else { return false }
        }
        return chars.isEmpty
    }
}
