import Foundation
import JSONCore

/// The kinds of the Autoscaling family below `/api/2.0/postgres/projects`.
enum PostgresKind: String, Codable, Sendable, CaseIterable {
    case project, branch, endpoint, database, role

    /// The collection segment in resource names (`branches`).
    var collection: String { rawValue == "branch" ? "branches" : rawValue + "s" }

    /// The query parameter that names a new resource's id (`branch_id`).
    var idParameter: String { rawValue + "_id" }
}

/// One Autoscaling resource as the emulator stores it: identity, the spec as set by creates and masked updates, times,
/// soft-delete marks, and what the emulator runs for it. GET answers identity and `status` only (§0), computed
/// from the spec, its parents and defaults.
struct PostgresRecord: StoredResource {
    /// Full resource name: `projects/p`, `projects/p/branches/b`, `…/endpoints/e`, `…/databases/d`, `…/roles/r`.
    var name: String
    var kind: PostgresKind
    /// The last segment of the name.
    var id: String
    /// The parent's name (nil for projects).
    var parent: String?
    /// `uid` (projects, branches, endpoints).
    var uid: String?
    var createTime: Date
    var updateTime: Date
    /// The spec as JSON text (what the caller set, merged by update masks).
    var specText: String
    /// Soft delete (projects, branches).
    var deleteTime: Date?
    var purgeTime: Date?
    /// Projects: the creator's `userName`.
    var owner: String?
    /// Branches: the project's root branch.
    var isRoot = false
    /// Branches: where and when their data was copied from.
    var sourceBranch: String?
    var sourceTime: Date?
    /// Branches: the folder of their data; endpoints: the folder of a read-only copy.
    var dataFolder: String?
    /// Endpoints: the loopback address of their PostgreSQL server.
    var address: String?
    /// Endpoints: reconciling (`pending_state`) until then.
    var pendingUntil: Date?
    /// Branches and endpoints: INIT until their PostgreSQL work is done.
    var ready = false

    /// The spec.
    var spec: JSONValue {
        get { (try? JSONParser.parse(specText)) ?? .object([:]) }
        set { specText = newValue.serialized(pretty: false) }
    }
}

/// A long-running operation: done once its work finished and `--operation-ms` passed (autoscaling-api.md §1.3).
struct OperationRecord: StoredResource {
    /// `<resource name>/operations/<id>`.
    var name: String
    /// Not done before this time.
    var notBefore: Date
    /// Whether its work finished.
    var finished: Bool
    /// The `response` as JSON text, when it succeeded.
    var responseText: String?
    /// `{error_code, message}` as JSON text, when it failed.
    var errorText: String?
    /// The metadata type (`type.googleapis.com/databricks.postgres.v1.ProjectOperationMetadata`).
    var metadataType: String
}
