#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSONCore

/// The advisor's figures in the text and markdown plans, and as the `advisor` object of the JSON plan.
public enum AdvisorRenderer {
    /// `$1,210.09`: rounded to the cent (Foundation's NumberFormatter on Linux does not honour its fraction digits).
    static func money(_ value: Double) -> String {
        let cents = Int64((abs(value) * 100).rounded())
        let fraction = String(cents % 100)
        return (value < 0 && cents > 0 ? "−$" : "$") + grouped(cents / 100) + "." + String(repeating: "0", count: 2 - fraction.count) + fraction
    }

    /// `1,234,567`.
    static func grouped(_ value: Int64) -> String {
        let digits = Array(String(abs(value)))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return (value < 0 ? "-" : "") + out
    }

    static func duration(_ seconds: Double) -> String {
        if seconds < 1 { return "under 1 s" }
        if seconds < 120 { return "about \(Int(seconds.rounded())) s" }
        if seconds < 7200 { return "about \(Int((seconds / 60).rounded())) min" }
        return "about " + CFormat.string("%.1f", seconds / 3600) + " h"
    }

    /// A whole number with thousands separators.
    static func count(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 9e18 else { return String(value) }
        return grouped(Int64(value.rounded()))
    }

    /// The lines (without a trailing blank line), each prefixed with `indent`.
    public static func lines(_ report: AdvisorReport, indent: String = "") -> [String] {
        var out = ["Lakebase advisor (facts \(LakebaseFacts.version), \(LakebaseFacts.source); list prices, USD):"]
        if let unavailable = report.unavailable { out.append("  size estimates unavailable: \(unavailable)") }
        for instance in report.instances {
            out.append("  \(instance.name): CU_\(instance.capacityUnits) × \(instance.nodes) node\(instance.nodes == 1 ? "" : "s")")
            if let low = instance.sizeLowBytes, let high = instance.sizeHighBytes {
                let share = high / report.facts.instanceStorageLimitBytes * 100
                out.append("    PostgreSQL size: \(ByteCount.text(low)) – \(ByteCount.text(high)) of \(ByteCount.text(report.facts.instanceStorageLimitBytes)) (up to \(CFormat.string(share < 1 ? "%.1f" : "%.0f", share))%)")
            } else if !instance.unknownSources.isEmpty {
                out.append("    PostgreSQL size: unknown (no source size for \(instance.unknownSources.joined(separator: ", ")))")
            }
            for sync in instance.initialSyncs {
                out.append("    initial sync of \(sync.key): \(duration(sync.seconds)) (\(count(sync.rows)) rows at \(count(report.facts.initialRowsPerSecondPerCU * Double(instance.capacityUnits))) rows/s)")
            }
            out.append("    incremental sync ceiling: \(count(instance.incrementalCeiling)) rows/s")
        }
        let now = report.costNow, after = report.costAfter
        let change = after.total - now.total
        if report.hasProvisioned || !report.hasAutoscaling {
            out.append("  monthly cost: \(money(now.total)) now → \(money(after.total)) after apply (\(change >= 0 ? "+" : "−")\(money(abs(change)))): "
                       + "compute \(money(after.compute)), continuous pipelines \(money(after.continuousPipelines)), storage \(money(after.storage))"
                       + " (triggered syncs cost \(money(report.facts.triggeredPricePerHour)) per hour of sync on top)")
        }
        out += AutoscalingAdvice.lines(report)
        if !report.workload.isEmpty { out.append("  workload (lakebase-advisor.yml) against the planned capacity:") }
        for fit in report.workload {
            out.append("    \(fit.figure): \(fit.expectedText) expected, \(fit.capacityText) planned (\(fit.basis))\(fit.fits ? "" : ": does not fit")")
        }
        for finding in report.findings { out.append("  \(finding.isError ? "error" : "warning"): \(finding.message)") }
        return out.map { indent + $0 }
    }

    /// The text section.
    public static func text(_ report: AdvisorReport) -> String {
        "\n" + lines(report).joined(separator: "\n") + "\n"
    }

    /// The markdown section.
    public static func markdown(_ report: AdvisorReport) -> String {
        var out = "\n#### Lakebase advisor\n\n"
        if let unavailable = report.unavailable { out += "Size estimates unavailable: \(unavailable)\n\n" }
        if report.hasProvisioned || !report.hasAutoscaling {
            out += "| Instance | Capacity | PostgreSQL size | Of 2 TB | Incremental ceiling |\n|---|---|---|---|---|\n"
        }
        for instance in report.instances {
            let size = instance.sizeLowBytes.flatMap { low in instance.sizeHighBytes.map { "\(ByteCount.text(low)) – \(ByteCount.text($0))" } } ?? "unknown"
            let share = instance.sizeHighBytes.map { CFormat.string("%.1f%%", $0 / report.facts.instanceStorageLimitBytes * 100) } ?? "–"
            out += "| `\(instance.name)` | CU_\(instance.capacityUnits) × \(instance.nodes) | \(size) | \(share) | \(count(instance.incrementalCeiling)) rows/s |\n"
        }
        let syncs = report.instances.flatMap(\.initialSyncs)
        if !syncs.isEmpty {
            out += "\n| New synced table | Rows | Initial sync |\n|---|---|---|\n"
            for sync in syncs { out += "| `\(sync.key)` | \(count(sync.rows)) | \(duration(sync.seconds)) |\n" }
        }
        let now = report.costNow, after = report.costAfter
        if report.hasProvisioned || !report.hasAutoscaling {
            out += "\n**Monthly cost** (list prices, USD): \(money(now.total)) now → **\(money(after.total))** after apply "
                + "(compute \(money(after.compute)), continuous pipelines \(money(after.continuousPipelines)), storage \(money(after.storage)))\n"
        }
        let autoscaling = AutoscalingAdvice.markdown(report)
        if !autoscaling.isEmpty { out += (report.hasProvisioned ? "\n" : "") + autoscaling }
        if !report.workload.isEmpty {
            out += "\n| Workload | Expected | Planned capacity | Fits |\n|---|---|---|---|\n"
            for fit in report.workload {
                out += "| \(fit.figure) | \(fit.expectedText) | \(fit.capacityText) (\(fit.basis)) | \(fit.fits ? "yes" : "**no**") |\n"
            }
        }
        for finding in report.findings { out += "\n> [!\(finding.isError ? "CAUTION" : "WARNING")]\n> \(finding.message)\n" }
        return out
    }

    /// The `advisor` object of the JSON plan.
    /// Money as JSON, rounded to the cent as the text shows it.
    static func cents(_ value: Double) -> JSONValue { .double((value * 100).rounded() / 100) }

    public static func json(_ report: AdvisorReport) -> JSONValue {
        func cost(_ value: MonthlyCost) -> JSONValue {
            .object(["compute": cents(value.compute), "continuous_pipelines": cents(value.continuousPipelines),
                     "storage": cents(value.storage), "total": cents(value.total)])
        }
        var object: JSONObject = ["facts_version": .string(LakebaseFacts.version)]
        if let unavailable = report.unavailable { object["unavailable"] = .string(unavailable) }
        object["instances"] = .array(report.instances.map { instance in
            var entry: JSONObject = [
                "name": .string(instance.name), "capacity_units": .int(Int64(instance.capacityUnits)), "nodes": .int(Int64(instance.nodes)),
                "incremental_rows_per_second": .double(instance.incrementalCeiling),
            ]
            if let low = instance.sizeLowBytes, let high = instance.sizeHighBytes {
                entry["size_bytes"] = .object(["low": .double(low), "high": .double(high),
                                               "limit": .double(report.facts.instanceStorageLimitBytes)])
            }
            entry["initial_syncs"] = .array(instance.initialSyncs.map {
                .object(["node": .string("resources." + $0.key), "rows": .double($0.rows), "seconds": .double($0.seconds)])
            })
            return .object(entry)
        })
        object["monthly_cost"] = .object(["now": cost(report.costNow), "after": cost(report.costAfter)])
        if report.hasAutoscaling { object["autoscaling"] = AutoscalingAdvice.json(report) }
        if !report.workload.isEmpty {
            object["workload"] = .array(report.workload.map { fit in
                var entry: JSONObject = ["figure": .string(fit.key), "expected": .double(fit.expected),
                                         "capacity": .double(fit.capacity), "fits": .bool(fit.fits)]
                if let low = fit.expectedLow { entry["expected_low"] = .double(low) }
                return .object(entry)
            })
        }
        object["findings"] = .array(report.findings.map {
            .object(["severity": .string($0.isError ? "error" : "warning"), "message": .string($0.message)])
        })
        return .object(object)
    }
}
