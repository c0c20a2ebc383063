#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSONCore

/// Byte counts as people read them: `812 bytes`, `1.3 MB`, `2.0 TB` (powers of 1024).
public enum ByteCount {
    /// The text of `value` bytes.
    public static func text(_ value: Double) -> String {
        let units = ["bytes", "KB", "MB", "GB", "TB", "PB"]
        var number = value
        var unit = 0
        while number >= 1024, unit < units.count - 1 {
            number /= 1024
            unit += 1
        }
        if unit == 0 { return "\(Int(value)) bytes" }
        return CFormat.string(number < 10 ? "%.1f" : "%.0f", number) + " " + units[unit]
    }
}
