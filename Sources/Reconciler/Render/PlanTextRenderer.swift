/// The text plan: the Databricks CLI's grammar first (action lines sorted by key, a blank line, the summary), then
/// one detail block per changed node (planning-rules.md §10.1, issue 5).
public enum PlanTextRenderer {
    /// The whole text, ending in a newline.
    public static func render(_ plan: Plan) -> String {
        let changed = plan.entries.filter { $0.action != .skip }
        var out = ""
        for entry in changed { out += "\(entry.action.verb) \(entry.key.planLabel)\n" }
        if !changed.isEmpty { out += "\n" }
        out += summaryLine(plan.summary) + "\n"
        for entry in changed {
            out += "\n" + block(PlanNarrative(entry, in: plan))
        }
        return out
    }

    /// `Plan: A to add, C to change, D to delete, U unchanged`.
    public static func summaryLine(_ summary: PlanSummary) -> String {
        "Plan: \(summary.add) to add, \(summary.change) to change, \(summary.delete) to delete, \(summary.unchanged) unchanged"
    }

    static func block(_ narrative: PlanNarrative) -> String {
        var out = "  # \(narrative.headline)\n"
        let width = narrative.fields.map(\.path.count).max() ?? 0
        for line in narrative.fields {
            let padded = line.path + String(repeating: " ", count: width - line.path.count)
            out += "  \(line.marker) \(padded) = \(line.text)" + (line.note.map { "   # \($0)" } ?? "") + "\n"
        }
        for note in narrative.notes { out += "  ! \(note)\n" }
        for warning in narrative.warnings { out += "  ! data loss: \(warning)\n" }
        return out
    }
}
