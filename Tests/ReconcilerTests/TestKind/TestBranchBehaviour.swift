import JSONCore
import ManifestModel
@testable import Reconciler

extension NodeKind {
    /// The test kind's nodes.
    static let testBranch = NodeKind(.testBranches)
}

extension KindBehaviour {
    /// Deleting a branch loses its data: a banner; the id of a created branch is the operation response's `name`.
    static let testBranches = KindBehaviour(
        kind: .testBranch,
        banner: .group(deploy: "This action will result in the deletion or recreation of the following test branches:",
                       destroy: "This action will result in the deletion of the following test branches:"),
        summary: SummarySection(title: "Test branches", url: { id, host in "\(host)/test/\(id)" },
                                liveState: { $0["status"]?["state"]?.stringValue ?? "unknown" }),
        dataLoss: { entry, _ in ["all data of branch \(entry.savedID ?? entry.configuredID) is lost"] },
        idInObject: { $0["name"]?.stringValue })
}
