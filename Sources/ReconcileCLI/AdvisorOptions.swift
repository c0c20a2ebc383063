import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ManifestModel
import Reconciler

/// `--warehouse-id` and `--advisor-facts`: where source sizes and the advisor's figures come from.
struct AdvisorOptions: ParsableArguments {
    @Option(name: .customLong("warehouse-id"), help: "SQL warehouse that measures source tables (DESCRIBE DETAIL, COUNT(*)) for size estimates.")
    var warehouseID: String?

    @Option(name: .customLong("advisor-facts"), help: ArgumentHelp("Lakebase figures to use instead of the defaults (default: lakebase-advisor.yml at the bundle root, if present).", valueName: "file"))
    var factsFile: String?

    /// The figures and workload: the file given, else `lakebase-advisor.yml` at the bundle root, else the defaults.
    func settings(bundleRoot: String) throws -> AdvisorSettings {
        let path = factsFile ?? bundleRoot + "/" + AdvisorSettings.fileName
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            if let factsFile { throw CommandFailure("cannot read the advisor facts file \(factsFile)") }
            return AdvisorSettings()
        }
        do {
            return try AdvisorSettings.parse(text, file: factsFile ?? AdvisorSettings.fileName)
        } catch {
            throw CommandFailure(error.description)
        }
    }

    /// The advisor's report for `plan`; its findings are printed like diagnostics, and an error (an instance
    /// over its storage limit) ends the command before anything is written.
    func report(_ plan: Plan, connection: BundleConnection, session: DeploymentSession) async throws -> AdvisorReport {
        let settings = try settings(bundleRoot: connection.bundle.rootDirectory)
        let (sizes, unavailable) = await SourceSizeReader(workspace: session.workspace, warehouseID: warehouseID, sources: session.sourceTables).sizes(for: plan)
        let report = Advisor.report(plan: plan, sizes: sizes, unavailable: unavailable, facts: settings.facts, workload: settings.workload)
        var findings = Diagnostics()
        for finding in report.findings {
            let resource = finding.instanceKey.flatMap(ResourceKey.init(parsing:)).flatMap(connection.bundle.resource)
            let location = resource.map { Preflight.location($0, ["capacity"]) }
            if finding.isError {
                findings.error(finding.message, detail: "figures: LakebaseFacts \(LakebaseFacts.version); override them in lakebase-advisor.yml", at: location)
            } else {
                findings.warning(finding.message, at: location)
            }
        }
        if !findings.items.isEmpty {
            Terminal.writeStandardError(DiagnosticRenderer(sources: connection.loaded.sources).render(findings))
        }
        if findings.hasErrors { throw CommandFailure("the advisor found an instance over its limits; nothing was changed") }
        return report
    }
}
