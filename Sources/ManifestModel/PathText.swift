/// Slash-separated paths as text, for local files and workspace paths alike (no file system access).
public enum PathText {
    /// The path without its last component, as `NSString.deletingLastPathComponent` gives it: `/a/b` → `/a`,
    /// `/a` → `/`, `/` → `/`, `a` → ``, `a/b/` → `a`.
    public static func parent(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        if slash == trimmed.startIndex { return "/" }
        var parent = trimmed[..<slash]
        while parent.count > 1, parent.hasSuffix("/") { parent = parent.dropLast() }
        return String(parent)
    }
}
