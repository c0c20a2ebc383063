import Foundation

/// IMF-fixdate parsing (`Wed, 21 Oct 2015 07:28:00 GMT`), as `Retry-After` may carry.
enum HTTPDate {
    /// Seconds since 1970 for an IMF-fixdate, or nil.
    static func parse(_ text: String) -> Double? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text)?.timeIntervalSince1970
    }
}
