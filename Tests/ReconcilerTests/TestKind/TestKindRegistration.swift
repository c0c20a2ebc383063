import LakebaseLocalHarness
import ManifestModel
import Providers
@testable import Reconciler

/// Registers the test kind in every module's registry, once: one line per registry, as for a real kind.
enum TestKindRegistration {
    static let done: Void = {
        KindRegistry.register(.testBranches)
        KindBehaviours.register(.testBranches)
        KindClients.register("test_branches") { TestBranchClient(client: $0, waitOptions: $1) }
    }()
}
