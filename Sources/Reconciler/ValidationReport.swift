import ManifestModel
import JSONCore

/// What `reconcile validate` shows: the diagnostics and the resolved bundle, as text or JSON.
public struct ValidationReport: Sendable {
    /// The load outcome being reported.
    public let result: LoadResult

    /// A report of `result`.
    public init(_ result: LoadResult) { self.result = result }

    /// Whether validation failed: any error, or no bundle at all.
    public var failed: Bool { result.diagnostics.hasErrors || result.bundle == nil }

    /// `Validation OK!`, or `Found 2 errors` / `Found 1 error and 3 warnings`.
    public var summaryLine: String {
        let errors = result.diagnostics.count(.error)
        guard failed else { return "Validation OK!" }
        let warnings = result.diagnostics.count(.warning)
        var line = "Found \(max(errors, 1)) \(plural(max(errors, 1), "error"))"
        if warnings > 0 { line += " and \(warnings) \(plural(warnings, "warning"))" }
        return line
    }

    private func plural(_ count: Int, _ word: String) -> String { count == 1 ? word : word + "s" }
}
