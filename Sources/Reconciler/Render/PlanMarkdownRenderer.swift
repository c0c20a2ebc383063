/// `plan -o markdown`, for a pull-request comment: destructive actions flagged first, a summary table, then the
/// detail blocks in a diff code block.
public enum PlanMarkdownRenderer {
    /// The markdown text.
    public static func render(_ plan: Plan, title: String) -> String {
        let changed = plan.entries.filter { $0.action != .skip }
        var out = "### \(title)\n\n**\(PlanTextRenderer.summaryLine(plan.summary))**\n"
        guard !changed.isEmpty else { return out + "\nNo changes. The workspace matches the bundle.\n" }
        let destructive = changed.filter { $0.action.isDestructive && !$0.gone }
        if !destructive.isEmpty {
            out += "\n> [!CAUTION]\n> This plan deletes or replaces resources that hold data:\n"
            for entry in destructive {
                let narrative = PlanNarrative(entry, in: plan)
                out += "> - **\(entry.action.verb)** `\(entry.key.planLabel)`: \(narrative.warnings.joined(separator: "; "))\n"
            }
        }
        out += "\n| Action | Resource | Why |\n|---|---|---|\n"
        for entry in changed {
            out += "| \(entry.action.verb) | `\(entry.key.planLabel)` | \(why(entry)) |\n"
        }
        out += "\n<details><summary>Details</summary>\n\n```\n"
        for (index, entry) in changed.enumerated() {
            if index > 0 { out += "\n" }
            out += PlanTextRenderer.block(PlanNarrative(entry, in: plan))
        }
        return out + "```\n\n</details>\n"
    }

    static func why(_ entry: PlanEntry) -> String {
        let causes = entry.changes.filter { $0.action == entry.action }.map { change -> String in
            "`\(change.path)`" + (change.reason.map { " (\($0))" } ?? "")
        }
        let reasons = entry.reasons.map { $0.replacing("|", with: "\\|") }
        let text = (causes + reasons).joined(separator: ", ")
        if !text.isEmpty { return text }
        return entry.action == .create ? "new" : ""
    }
}
