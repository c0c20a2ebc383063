#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ManifestModel
import JSONCore
import YAMLBridge

/// The Lakebase figures the advisor computes with, versioned, each with its source (accelerator-facts.md: the
/// Lakebase Accelerator README and LAKEBASE_BENCHMARK, late 2024 – mid 2025). Any of them can be overridden in
/// `lakebase-advisor.yml` at the bundle root, or a file given with `--advisor-facts`.
public struct LakebaseFacts: Sendable, Equatable {
    /// Version of the default table.
    public static let version = "2026-12"
    /// Where the defaults come from.
    public static let source = "Lakebase Accelerator README / LAKEBASE_BENCHMARK"

    /// Memory per capacity unit, GB.
    public var memoryGBPerCU = 16.0
    /// Initial (snapshot, full refresh) write rate per CU, rows/s of ~1 KB rows.
    public var initialRowsPerSecondPerCU = 15_000.0
    /// Incremental (triggered, continuous) write rate per CU, rows/s.
    public var incrementalRowsPerSecondPerCU = 1_200.0
    /// How much bigger data gets in PostgreSQL than in Delta: low and high factor.
    public var growthLow = 10.0
    public var growthHigh = 20.0
    /// Storage limit per instance, bytes (2 TB).
    public var instanceStorageLimitBytes = 2.0 * 1_099_511_627_776
    /// Connections per instance.
    public var connectionsPerInstance = 1000.0
    /// Point-lookup reads per second one CU serves (2k–30k depending on cache hits; ~10k typical).
    public var readQueriesPerSecondPerCU = 10_000.0
    /// Compute list price per CU and month, USD (per node; readable secondaries cost like the primary): $3,500 a
    /// year, which the accelerator rounds to $291.67 for 1 CU, $583.33 for 2, $1,166.67 for 4, $2,333.33 for 8.
    /// Kept unrounded, so sums of CUs round to the published prices (2 × $291.67 would be $583.34).
    public var computePricePerCUMonth = 3500.0 / 12
    /// Storage list price per GB and month, USD.
    public var storagePricePerGBMonth = 0.35
    /// A continuous sync pipeline per month at minimum size, USD.
    public var continuousPipelinePricePerMonth = 548.0
    /// Triggered sync per hour of sync time, USD.
    public var triggeredPricePerHour = 0.75

    // Lakebase Autoscaling (docs.databricks.com, "Lakebase Autoscaling pricing" and "Manage computes").
    /// Where the Autoscaling figures come from.
    public static let autoscalingSource = "Lakebase Autoscaling pricing and Manage computes pages of the Databricks docs"
    /// Compute price per CU-hour, USD: the indicative Enterprise-tier list price for AWS us-east-1 that the pricing
    /// page publishes; it varies by cloud and region.
    public var autoscalingComputePricePerCUHour = 0.111
    /// Database storage per GB-month, USD (same page).
    public var autoscalingStoragePricePerGBMonth = 0.35
    /// Hours in a month, for CU-hours (365 × 24 / 12).
    public var hoursPerMonth = 730.0
    /// Memory per Autoscaling CU, GB (a Provisioned CU has 16).
    public var autoscalingMemoryGBPerCU = 2.0
    /// Platform defaults of a project's `default_endpoint_settings` (autoscaling-api.md §1.4): 1–1 CU, suspends
    /// after 86400 s idle.
    public var autoscalingDefaultMinCU = 1.0
    public var autoscalingDefaultMaxCU = 1.0
    public var autoscalingDefaultSuspendSeconds = 86_400.0
    /// Synced-table write rates per Autoscaling CU, rows/s: ours, not published — the Provisioned figures above scaled
    /// by memory per CU (2 GB against 16 GB), for a first copy and for incremental syncs.
    public var autoscalingInitialRowsPerSecondPerCU = 15_000.0 / 8
    public var autoscalingIncrementalRowsPerSecondPerCU = 1_200.0 / 8
    /// A branch's logical size limit, bytes (8 TiB: `branch_logical_size_limit_bytes` as the CLI's test server
    /// reports it).
    public var autoscalingBranchSizeLimitBytes = 8.0 * 1_099_511_627_776

    /// The defaults.
    public init() {}

    /// The overridable keys, as written in a facts file, with their setters.
    static var keys: [(name: String, path: WritableKeyPath<LakebaseFacts, Double>)] {
        [
        ("memory_gb_per_cu", \.memoryGBPerCU),
        ("initial_rows_per_second_per_cu", \.initialRowsPerSecondPerCU),
        ("incremental_rows_per_second_per_cu", \.incrementalRowsPerSecondPerCU),
        ("growth_low", \.growthLow),
        ("growth_high", \.growthHigh),
        ("instance_storage_limit_bytes", \.instanceStorageLimitBytes),
        ("connections_per_instance", \.connectionsPerInstance),
        ("read_queries_per_second_per_cu", \.readQueriesPerSecondPerCU),
        ("compute_price_per_cu_month", \.computePricePerCUMonth),
        ("storage_price_per_gb_month", \.storagePricePerGBMonth),
        ("continuous_pipeline_price_per_month", \.continuousPipelinePricePerMonth),
        ("triggered_price_per_hour", \.triggeredPricePerHour),
        ("autoscaling_compute_price_per_cu_hour", \.autoscalingComputePricePerCUHour),
        ("autoscaling_storage_price_per_gb_month", \.autoscalingStoragePricePerGBMonth),
        ("hours_per_month", \.hoursPerMonth),
        ("autoscaling_memory_gb_per_cu", \.autoscalingMemoryGBPerCU),
        ("autoscaling_initial_rows_per_second_per_cu", \.autoscalingInitialRowsPerSecondPerCU),
        ("autoscaling_incremental_rows_per_second_per_cu", \.autoscalingIncrementalRowsPerSecondPerCU),
        ("autoscaling_branch_size_limit_bytes", \.autoscalingBranchSizeLimitBytes),
        ]
    }

    /// Why a facts file cannot be used.
    public struct FileError: Error, Sendable, Equatable, CustomStringConvertible {
        /// What is wrong, and how to fix it.
        public let message: String
        /// Where, when known.
        public let location: SourceLocation?

        /// An error at `location`.
        public init(_ message: String, at location: SourceLocation?) {
            self.message = message
            self.location = location
        }

        /// `file:line:col: …`.
        public var description: String { location.map { "\($0): \(message)" } ?? message }
    }

    /// Applies one `key: number` pair.
    mutating func apply(_ pair: YAMLPair) throws(FileError) {
        guard let key = Self.keys.first(where: { $0.name == pair.key }) else {
            throw FileError("unknown advisor figure '\(pair.key)'" + Suggestion.phrase(for: pair.key, among: Self.keys.map(\.name) + ["workload"]),
                            at: pair.value.location)
        }
        self[keyPath: key.path] = try AdvisorSettings.number(pair, allowingZero: false)
    }
}
