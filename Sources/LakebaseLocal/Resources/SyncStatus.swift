import Foundation

/// What a synced table's pipeline has done: the commit version it has applied, its last sync, and the row
/// counts of the sync under way (reported as progress).
struct SyncStatus: Codable, Sendable, Equatable {
    /// Source commit version applied last (nil for sources without change data feed).
    var lastProcessedVersion: Int64?
    /// When that version was committed.
    var lastCommitTime: Date?
    /// Start and end of the last completed sync.
    var syncStart: Date?
    var syncEnd: Date?
    /// Rows copied so far, and rows to copy, in the current (or last) full copy.
    var syncedRows: Int = 0
    var totalRows: Int = 0
    /// Pipeline updates run so far (update ids are derived from it).
    var updateCount: Int = 0
    /// For CONTINUOUS: when the feed was last polled.
    var lastPoll: Date?
}
