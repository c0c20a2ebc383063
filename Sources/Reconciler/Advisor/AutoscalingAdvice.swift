#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSONCore

/// The Autoscaling part of the advisor's text, markdown and JSON: per project its branches and every endpoint's
/// CU range, suspension and monthly cost range, then the family's cost now and after apply.
enum AutoscalingAdvice {
    /// `$0.111 per CU-hour × 730 h (indicative list price …)`.
    static func basis(_ facts: LakebaseFacts) -> String {
        "$\(number(facts.autoscalingComputePricePerCUHour)) per CU-hour × \(number(facts.hoursPerMonth)) h a month, "
            + "storage \(AdvisorRenderer.money(facts.autoscalingStoragePricePerGBMonth)) per GB-month "
            + "(indicative list prices, AWS us-east-1; \(LakebaseFacts.autoscalingSource))"
    }

    /// Text lines, indented like the rest of the advisor section.
    static func lines(_ report: AdvisorReport) -> [String] {
        guard report.hasAutoscaling else { return [] }
        let facts = report.facts
        var out = ["  Autoscaling: \(basis(facts))"]
        for project in report.projects {
            out.append("  project \(project.projectID): \(branches(project))")
            for endpoint in project.endpoints {
                out.append("    \(endpoint.label), \(describe(endpoint, facts: facts)): \(range(endpoint.costLow, endpoint.costHigh)) a month")
            }
        }
        for table in report.autoscalingSyncs {
            out.append("  synced table \(table.key) → \(table.branch ?? "a branch outside the bundle") (\(number(table.maxCU)) CU ceiling): "
                       + syncFacts(table, facts: facts))
        }
        let now = report.autoscalingCostNow, after = report.autoscalingCostAfter
        out.append("  Autoscaling monthly cost: \(range(now.totalLow, now.totalHigh)) now → \(range(after.totalLow, after.totalHigh)) after apply: "
                   + "compute \(range(after.computeLow, after.computeHigh)), storage \(AdvisorRenderer.money(after.storage))"
                   + (after.continuousPipelines > 0 ? ", continuous pipelines \(AdvisorRenderer.money(after.continuousPipelines))" : "")
                   + " (idle at the floor, 0 when it can suspend, to busy at the ceiling all month)")
        return out
    }

    /// The markdown table and cost line.
    static func markdown(_ report: AdvisorReport) -> String {
        guard report.hasAutoscaling else { return "" }
        let facts = report.facts
        var out = "| Project | Branches | Endpoint | Compute | Suspends | Monthly compute |\n|---|---|---|---|---|---|\n"
        for project in report.projects {
            for (index, endpoint) in project.endpoints.enumerated() {
                let first = index == 0
                out += "| \(first ? "`\(project.projectID)`" : "") | \(first ? branches(project) : "") | `\(endpoint.label)`\(endpoint.implicit ? " (implicit)" : "") "
                    + "| \(cuRange(endpoint, facts: facts)) | \(suspension(endpoint)) | \(range(endpoint.costLow, endpoint.costHigh)) |\n"
            }
        }
        if !report.autoscalingSyncs.isEmpty {
            out += "\n| Synced table | Branch | CU ceiling | Sizing |\n|---|---|---|---|\n"
            for table in report.autoscalingSyncs {
                out += "| `\(table.key)` | \(table.branch.map { "`\($0)`" } ?? "outside the bundle") | \(number(table.maxCU)) | \(syncFacts(table, facts: facts)) |\n"
            }
        }
        let now = report.autoscalingCostNow, after = report.autoscalingCostAfter
        out += "\n**Autoscaling monthly cost** (\(basis(facts))): \(range(now.totalLow, now.totalHigh)) now → "
            + "**\(range(after.totalLow, after.totalHigh))** after apply (compute \(range(after.computeLow, after.computeHigh)), "
            + "storage \(AdvisorRenderer.money(after.storage))"
            + (after.continuousPipelines > 0 ? ", continuous pipelines \(AdvisorRenderer.money(after.continuousPipelines))" : "") + ")\n"
        return out
    }

    /// The `autoscaling` object of the JSON plan.
    static func json(_ report: AdvisorReport) -> JSONValue {
        func cost(_ value: MonthlyCostRange) -> JSONValue {
            .object(["compute_low": AdvisorRenderer.cents(value.computeLow), "compute_high": AdvisorRenderer.cents(value.computeHigh),
                     "storage": AdvisorRenderer.cents(value.storage), "continuous_pipelines": AdvisorRenderer.cents(value.continuousPipelines),
                     "total_low": AdvisorRenderer.cents(value.totalLow), "total_high": AdvisorRenderer.cents(value.totalHigh)])
        }
        let projects: [JSONValue] = report.projects.map { project in
            var object: JSONObject = ["project_id": .string(project.projectID), "branches": .int(Int64(project.branches)),
                                      "expiring_branches": .int(Int64(project.expiringBranches))]
            if let bytes = project.storageBytes { object["storage_bytes"] = .double(bytes) }
            object["endpoints"] = .array(project.endpoints.map { endpoint in
                var entry: JSONObject = [
                    "endpoint": .string(endpoint.label), "read_only": .bool(endpoint.readOnly), "implicit": .bool(endpoint.implicit),
                    "min_cu": .double(endpoint.minCU), "max_cu": .double(endpoint.maxCU), "computes": .int(Int64(endpoint.computes)),
                    "disabled": .bool(endpoint.disabled),
                    "monthly_cost_low": AdvisorRenderer.cents(endpoint.costLow), "monthly_cost_high": AdvisorRenderer.cents(endpoint.costHigh),
                ]
                entry["suspend_seconds"] = endpoint.suspendSeconds.map(JSONValue.double) ?? .null
                return .object(entry)
            })
            return .object(object)
        }
        let tables: [JSONValue] = report.autoscalingSyncs.map { table in
            var object: JSONObject = ["node": .string("resources." + table.key), "max_cu": .double(table.maxCU),
                                      "incremental_rows_per_second": .double(table.incrementalCeiling), "continuous": .bool(table.continuous)]
            if let branch = table.branch { object["branch"] = .string(branch) }
            if let low = table.sizeLowBytes, let high = table.sizeHighBytes {
                object["size_bytes"] = .object(["low": .double(low), "high": .double(high), "limit": .double(report.facts.autoscalingBranchSizeLimitBytes)])
            }
            if let rows = table.initialRows, let seconds = table.initialSeconds {
                object["initial_sync"] = .object(["rows": .double(rows), "seconds": .double(seconds)])
            }
            return .object(object)
        }
        return .object(["price_per_cu_hour": .double(report.facts.autoscalingComputePricePerCUHour),
                        "hours_per_month": .double(report.facts.hoursPerMonth),
                        "projects": .array(projects), "synced_tables": .array(tables),
                        "monthly_cost": .object(["now": cost(report.autoscalingCostNow), "after": cost(report.autoscalingCostAfter)])])
    }

    /// `PostgreSQL 5.7 MB – 11 MB, initial sync about 2 s (500 rows at 1,875 rows/s), incremental ceiling 150 rows/s`.
    static func syncFacts(_ table: AutoscalingSyncedTableEstimate, facts: LakebaseFacts) -> String {
        var parts: [String] = []
        if let low = table.sizeLowBytes, let high = table.sizeHighBytes {
            parts.append("PostgreSQL \(ByteCount.text(low)) – \(ByteCount.text(high))")
        } else {
            parts.append("PostgreSQL size unknown (no source size)")
        }
        if let rows = table.initialRows, let seconds = table.initialSeconds {
            let rate = facts.autoscalingInitialRowsPerSecondPerCU * table.maxCU
            parts.append("initial sync \(AdvisorRenderer.duration(seconds)) (\(AdvisorRenderer.count(rows)) rows at \(AdvisorRenderer.count(rate)) rows/s)")
        }
        parts.append("incremental ceiling \(AdvisorRenderer.count(table.incrementalCeiling)) rows/s")
        if table.continuous { parts.append("a continuous pipeline") }
        return parts.joined(separator: ", ")
    }

    /// `3 branches (1 expires)`.
    static func branches(_ project: AutoscalingProjectEstimate) -> String {
        if project.branches == 0 { return "no branch in the bundle" }
        let count = "\(project.branches) branch\(project.branches == 1 ? "" : "es")"
        return project.expiringBranches == 0 ? count : "\(count) (\(project.expiringBranches) expire\(project.expiringBranches == 1 ? "s" : ""))"
    }

    /// `read-write (implicit): 1–1 CU (2–2 GB), suspends after 24 h idle`.
    static func describe(_ endpoint: AutoscalingEndpointEstimate, facts: LakebaseFacts) -> String {
        let role = (endpoint.readOnly ? "read-only" : "read-write") + (endpoint.implicit ? " (implicit)" : "")
        if endpoint.disabled { return "\(role): disabled" }
        return "\(role): \(cuRange(endpoint, facts: facts)), \(suspension(endpoint))"
    }

    /// `0.5–2 CU (1–4 GB)`, `× 2 computes` for a group.
    static func cuRange(_ endpoint: AutoscalingEndpointEstimate, facts: LakebaseFacts) -> String {
        let memory = "\(number(endpoint.minCU * facts.autoscalingMemoryGBPerCU))–\(number(endpoint.maxCU * facts.autoscalingMemoryGBPerCU)) GB"
        let group = endpoint.computes > 1 ? " × \(endpoint.computes) computes" : ""
        return "\(number(endpoint.minCU))–\(number(endpoint.maxCU)) CU (\(memory))\(group)"
    }

    /// `suspends after 5 min idle`, `never suspends`.
    static func suspension(_ endpoint: AutoscalingEndpointEstimate) -> String {
        guard let seconds = endpoint.suspendSeconds else { return "never suspends" }
        let text: String
        if seconds >= 86_400, seconds.truncatingRemainder(dividingBy: 86_400) == 0 {
            text = "\(number(seconds / 86_400)) d"
        } else if seconds >= 3_600, seconds.truncatingRemainder(dividingBy: 3_600) == 0 {
            text = "\(number(seconds / 3_600)) h"
        } else if seconds >= 60, seconds.truncatingRemainder(dividingBy: 60) == 0 {
            text = "\(number(seconds / 60)) min"
        } else {
            text = "\(number(seconds)) s"
        }
        return "suspends after \(text) idle"
    }

    /// `$0.00 – $81.03`, or one figure when both ends agree.
    static func range(_ low: Double, _ high: Double) -> String {
        let lowText = AdvisorRenderer.money(low), highText = AdvisorRenderer.money(high)
        return lowText == highText ? lowText : "\(lowText) – \(highText)"
    }

    /// `0.5`, `2`, `0.111`: a figure without trailing zeros.
    static func number(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) }
        var text = CFormat.string("%.3f", value)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}
