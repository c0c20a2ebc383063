import Providers
import JSONCore

/// Reads the size of the sources the plan's synced tables read: through a SQL warehouse (`DESCRIBE DETAIL` for
/// bytes, `SELECT COUNT(*)` for rows) when one is given, else from the tables' `spark.sql.statistics.*`
/// properties; says why when neither gives a size.
public struct SourceSizeReader: Sendable {
    let workspace: any LakebaseWorkspace
    let warehouseID: String?
    let sources: SourceTables

    /// A reader; `warehouseID` from `--warehouse-id`; `sources` shares source table reads with preflight.
    public init(workspace: any LakebaseWorkspace, warehouseID: String?, sources: SourceTables? = nil) {
        self.workspace = workspace
        self.warehouseID = warehouseID
        self.sources = sources ?? SourceTables(workspace: workspace)
    }

    /// Sizes by source, and why some are missing.
    public func sizes(for plan: Plan) async -> (sizes: [String: SourceSize], unavailable: String?) {
        let sources = Set(plan.entries.compactMap { entry in
            entry.key.kind.behaviour.syncedTable?.spec(entry.newState ?? entry.remoteState)?["source_table_full_name"]?.stringValue
        }).sorted()
        let reader = self
        let sizes = await Concurrently.map(sources) { source in await reader.size(of: source) }
        let missing = sources.filter { sizes[$0]?.bytes == nil }
        guard !missing.isEmpty else { return (sizes, nil) }
        let how = warehouseID == nil
            ? "pass --warehouse-id ID to measure them with DESCRIBE DETAIL and COUNT(*), or set the spark.sql.statistics.totalSize and numRows table properties"
            : "the warehouse could not measure them"
        return (sizes, "no size for \(missing.joined(separator: ", ")); \(how)")
    }

    private func size(of source: String) async -> SourceSize {
        let workspace = workspace
        if let warehouseID {
            async let detail = try? workspace.sql(warehouseID: warehouseID, statement: "DESCRIBE DETAIL \(source)")
            async let count = try? workspace.sql(warehouseID: warehouseID, statement: "SELECT COUNT(*) AS rows FROM \(source)")
            return SourceSize(bytes: await detail?.first("sizeInBytes").flatMap(Double.init),
                              rows: await count?.rows.first?.first.flatMap { $0.flatMap(Double.init) })
        }
        let info = (try? await sources.table(source).get()) ?? nil
        let properties = info?["properties"]
        return SourceSize(bytes: properties?["spark.sql.statistics.totalSize"]?.stringValue.flatMap(Double.init),
                          rows: properties?["spark.sql.statistics.numRows"]?.stringValue.flatMap(Double.init))
    }
}
