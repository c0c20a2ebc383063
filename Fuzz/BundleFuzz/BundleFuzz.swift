import FuzzDriver
import Foundation
import ManifestModel
import Reconciler

/// The folder each input is written to as its `databricks.yml` (one per process).
private let bundleFolder: String = {
    let folder = NSTemporaryDirectory() + "bundle-fuzz-\(ProcessInfo.processInfo.processIdentifier)"
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder
}()

/// libFuzzer entry point: any bytes as a bundle's `databricks.yml` load into a bundle or diagnostics (each error
/// located), render, and plan against an empty workspace, never trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func bundleFuzzInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    guard FileManager.default.createFile(atPath: bundleFolder + "/databricks.yml", contents: bytes) else {
        preconditionFailure("cannot write \(bundleFolder)/databricks.yml")
    }
    let result = BundleLoader.load(LoadOptions(bundleRoot: bundleFolder, workingDirectory: bundleFolder,
                                               environment: ["BUNDLE_VAR_fuzz": "x"]))
    for diagnostic in result.diagnostics where diagnostic.severity == .error {
        precondition(diagnostic.location != nil || diagnostic.path != nil, "an error neither located nor named: \(diagnostic.summary)")
    }
    _ = DiagnosticRenderer(sources: result.sources).render(result.diagnostics)
    if let bundle = result.bundle {
        // What `plan` does offline with a loaded bundle: nodes, graph, and a plan against an empty workspace.
        let nodes = DesiredNode.nodes(of: bundle)
        _ = GraphRenderer.dot(nodes, bundleName: bundle.name)
        _ = Planner.plan(desired: nodes, state: DeploymentState(cliVersion: "fuzz"), live: LiveSnapshot())
    }
    return 0
}

/// The executable's entry point (SwiftPM names it `fuzz_bundle_main`): libFuzzer's loop over `bundleFuzzInput`.
@_cdecl("fuzz_bundle_main")
public func bundleFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { data, size in bundleFuzzInput(data, size) }
}
