import ManifestModel
import JSONCore
import YAMLBridge

/// The expected workload of the estate (the quickstart's description), which the advisor compares with what
/// the planned capacity serves.
public struct Workload: Sendable, Equatable {
    /// Point-lookup reads per second.
    public var readsPerSecond: Double?
    /// Rows per second written in bulk (snapshots, full refreshes).
    public var bulkWritesPerSecond: Double?
    /// Rows per second written continuously (triggered and continuous syncs).
    public var continuousWritesPerSecond: Double?
    /// Delta data size, GB.
    public var dataSizeGB: Double?
    /// Readable secondaries the workload needs (on one instance).
    public var readableSecondaries: Double?

    /// A workload; figures left out are not checked.
    public init(readsPerSecond: Double? = nil, bulkWritesPerSecond: Double? = nil, continuousWritesPerSecond: Double? = nil,
                dataSizeGB: Double? = nil, readableSecondaries: Double? = nil) {
        self.readsPerSecond = readsPerSecond
        self.bulkWritesPerSecond = bulkWritesPerSecond
        self.continuousWritesPerSecond = continuousWritesPerSecond
        self.dataSizeGB = dataSizeGB
        self.readableSecondaries = readableSecondaries
    }
}

/// `lakebase-advisor.yml`: figures overriding `LakebaseFacts`, and an optional `workload:`.
public struct AdvisorSettings: Sendable, Equatable {
    /// The figures.
    public var facts = LakebaseFacts()
    /// The expected workload, when described.
    public var workload: Workload?

    /// Defaults, no workload.
    public init() {}

    /// Parses the file.
    public static func parse(_ text: String, file: String) throws(LakebaseFacts.FileError) -> AdvisorSettings {
        var settings = AdvisorSettings()
        let root: YAMLNode?
        do { root = try YAMLParser.parse(text, file: file) } catch { throw .init(error.description, at: nil) }
        guard let root else { return settings }
        guard let pairs = root.pairs else {
            throw .init("the advisor file must be a mapping of figures", at: root.location)
        }
        for pair in pairs {
            if pair.key == "workload" {
                settings.workload = try workload(pair.value)
            } else {
                try settings.facts.apply(pair)
            }
        }
        return settings
    }

    static let workloadKeys = ["reads_per_second", "bulk_writes_per_second", "continuous_writes_per_second", "data_size_gb",
                               "readable_secondaries"]

    private static func workload(_ node: YAMLNode) throws(LakebaseFacts.FileError) -> Workload {
        guard let pairs = node.pairs else { throw .init("'workload' must be a mapping", at: node.location) }
        var workload = Workload()
        for pair in pairs {
            let number = try number(pair, allowingZero: true)
            switch pair.key {
            case "reads_per_second": workload.readsPerSecond = number
            case "bulk_writes_per_second": workload.bulkWritesPerSecond = number
            case "continuous_writes_per_second": workload.continuousWritesPerSecond = number
            case "data_size_gb": workload.dataSizeGB = number
            case "readable_secondaries": workload.readableSecondaries = number
            default:
                throw .init("unknown workload figure '\(pair.key)'" + Suggestion.phrase(for: pair.key, among: workloadKeys),
                            at: pair.value.location)
            }
        }
        return workload
    }

    /// The pair's value as a positive number (or zero, when allowed: a workload may expect no writes).
    static func number(_ pair: YAMLPair, allowingZero: Bool) throws(LakebaseFacts.FileError) -> Double {
        let number: Double
        switch pair.value.scalarValue {
        case .int(let value)?: number = Double(value)
        case .float(let value)?: number = value
        default: throw .init("'\(pair.key)' must be a number", at: pair.value.location)
        }
        guard number > 0 || (allowingZero && number == 0) else {
            throw .init("'\(pair.key)' must be \(allowingZero ? "zero or more" : "positive")", at: pair.value.location)
        }
        return number
    }
}

extension AdvisorSettings {
    /// The file `plan` reads at a bundle root.
    public static let fileName = "lakebase-advisor.yml"

    /// Problems of `lakebase-advisor.yml` at `bundleRoot` (none when the file is absent), for `validate`.
    public static func diagnostics(bundleRoot: String) -> Diagnostics {
        var diagnostics = Diagnostics()
        guard let text = try? String(contentsOfFile: bundleRoot + "/" + fileName, encoding: .utf8) else { return diagnostics }
        do {
            _ = try parse(text, file: fileName)
        } catch {
            diagnostics.error(error.message, detail: "lakebase-advisor.yml holds advisor figures (README: The Lakebase advisor) and an optional workload:",
                              at: error.location)
        }
        return diagnostics
    }
}
