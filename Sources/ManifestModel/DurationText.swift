/// Durations as the Lakebase API writes them: seconds followed by `s` (`"300s"`, `"1.5s"`).
public enum DurationText {
    /// Seconds of `"300s"` / `"1.5s"`, or nil when the text is not a non-negative duration.
    public static func seconds(of text: String) -> Double? {
        guard text.hasSuffix("s"), let seconds = Double(text.dropLast()), seconds >= 0, seconds.isFinite else { return nil }
        return seconds
    }

    /// The canonical text of a duration: `"300s"`, `"1.5s"`.
    public static func text(of seconds: Double) -> String {
        seconds.rounded() == seconds && seconds < 1e15 ? "\(Int64(seconds))s" : "\(seconds)s"
    }
}
