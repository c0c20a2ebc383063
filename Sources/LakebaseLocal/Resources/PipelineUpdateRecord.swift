import Foundation
import JSONCore

/// One run of a synced tables' pipeline, started by `POST /api/2.0/pipelines/{id}/updates`.
struct PipelineUpdateRecord: Codable, Sendable {
    var updateID: String
    var pipelineID: String
    var fullRefresh: Bool
    /// `RUNNING`, `COMPLETED` or `FAILED`.
    var state: String
    var createdAt: Date
    var message: String?

    /// The `GET …/updates/{update_id}` answer.
    var wire: JSONValue {
        var update: JSONObject = [
            "pipeline_id": .string(pipelineID), "update_id": .string(updateID), "state": .string(state),
            "full_refresh": .bool(fullRefresh), "creation_time": .int(Int64(createdAt.timeIntervalSince1970 * 1000)),
        ]
        if let message { update["cause"] = .string(message) }
        return .object(["update": .object(update)])
    }
}
