#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Numbers formatted by C's printf conversions (`%.1f`, `%09ld`), for output that must read as it always did.
public enum CFormat {
    /// `arguments` formatted by `format`; integers take the `l` length modifier (`%ld`), as Swift's `Int` is 64-bit.
    public static func string(_ format: String, _ arguments: CVarArg...) -> String {
        var capacity = 64
        while true {
            var buffer = [CChar](repeating: 0, count: capacity)
            let needed = withVaList(arguments) { list in
                buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, capacity, format, list) }
            }
            if needed < 0 { return "" }
            if Int(needed) < capacity {
                return String(decoding: buffer.prefix(Int(needed)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
            capacity = Int(needed) + 1
        }
    }
}

/// Percent-encoding (RFC 3986) of text for URLs and form bodies.
public enum PercentEncoding {
    /// `text` with every UTF-8 byte except ASCII letters, digits and the ASCII characters of `kept` written `%XX`.
    public static func encode(_ text: String, keeping kept: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in text.utf8 {
            let isAlphanumeric = (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
            if isAlphanumeric || kept.utf8.contains(byte) {  // a handful of characters: no set to build per call
                out.append(byte)
            } else {
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
