#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSONCore

/// What must be confirmed before a plan runs (planning-rules.md §10.4): `prevent_destroy` refusals first, then one
/// banner per kind of destructive nodes whose behaviour asks for one (`KindBehaviour.banner`), in registry order.
public struct Approval: Sendable {
    /// The `prevent_destroy` errors, one per node; a plan with any must not run.
    public let preventDestroyErrors: [String]
    /// Banner text (blank line, group message, node lines), empty when nothing is destructive.
    public let banners: String
    /// Whether the plan needs a yes.
    public var needsConfirmation: Bool { !banners.isEmpty }


    /// The approval a plan needs; `destroy` words the banners for `reconcile destroy`.
    public init(_ plan: Plan, destroy: Bool = false) {
        let destructive = plan.entries.filter { $0.action.isDestructive && !$0.gone }
        preventDestroyErrors = destructive.filter(\.preventDestroy).map { entry in
            let key = entry.key.stateKey
            return "\(key) has lifecycle.prevent_destroy set, but the plan calls for this resource to be recreated or destroyed. To avoid this error, disable lifecycle.prevent_destroy for \(key)"
        }
        var text = ""
        let kinds = Set(destructive.map(\.key.kind)).sorted { $0.resourceKind < $1.resourceKind }
        for kind in kinds {
            guard case .group(let deploy, let destroyMessage) = kind.behaviour.banner else { continue }
            let members = destructive.filter { $0.key.kind == kind }
            text += "\n" + (destroy ? destroyMessage : deploy) + "\n"
            for entry in members { text += "  \(entry.action.verb) \(entry.key.stateKey)\n" }
        }
        banners = text
    }

    /// The refusal when there is no terminal to ask and no `--auto-approve`.
    public static func noTerminalMessage(destroy: Bool) -> String {
        if destroy {
            return "this command will destroy all resources deployed by this bundle.\nThe data they hold will be lost.\nTo proceed, use --auto-approve."
        }
        return "the deployment requires destructive actions, but the current console does not support prompting.\n"
            + "Deleting data assets such as database instances, catalogs or synced tables may cause permanent data loss and should be carefully reviewed.\n"
            + "To proceed, use --auto-approve after reviewing the plan above."
    }

    /// Whether an answer to `Would you like to proceed? [y/N]:` means yes.
    public static func isYes(_ answer: String?) -> Bool {
        guard let answer else { return false }
        let word = answer.trimmingWhitespace().lowercased()
        return word == "y" || word == "yes"
    }
}
