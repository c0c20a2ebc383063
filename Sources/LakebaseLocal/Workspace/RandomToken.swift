/// Random identifiers and secrets from the system's cryptographic generator.
enum RandomToken {
    /// `bytes` random bytes as lower-case hex.
    static func hex(bytes: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<bytes).map { _ in
            let byte = UInt8.random(in: 0...255, using: &generator)
            return String(byte, radix: 16).count == 1 ? "0" + String(byte, radix: 16) : String(byte, radix: 16)
        }.joined()
    }

    /// A random version-4 UUID in lower case.
    static func uuid() -> String {
        let h = Array(hex(bytes: 16))
        let variant = String("89ab".randomElement() ?? "8")
        return String(h[0..<8]) + "-" + String(h[8..<12]) + "-4" + String(h[13..<16]) + "-" + variant
            + String(h[17..<20]) + "-" + String(h[20..<32])
    }
}
