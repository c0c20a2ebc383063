import Foundation

/// Runs the built `reconcile` executable, as users do.
enum ReconcileBinary {
    /// The executable: `RECONCILE_BIN` if set, else the one built next to the test bundle.
    static var url: URL {
        if let explicit = ProcessInfo.processInfo.environment["RECONCILE_BIN"] { return URL(fileURLWithPath: explicit) }
        var directory = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("reconcile")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return Golden.packageRoot.appendingPathComponent(".build/debug/reconcile")
    }

    /// Runs `reconcile` (or `executable`) with `arguments` in `directory`; returns exit status, stdout and stderr.
    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
                    executable: URL? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = executable ?? url
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        for key in env.keys where key.hasPrefix("DATABRICKS_") || key.hasPrefix("BUNDLE_VAR_") { env[key] = nil }
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    /// `run` on a thread of its own, so waiting for the process never blocks Swift's cooperative pool (other
    /// tests' tasks keep running meanwhile).
    static func runOffPool(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
                           executable: URL? = nil) async throws -> (status: Int32, stdout: String, stderr: String) {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try run(arguments, in: directory, environment: environment, executable: executable) })
            }
        }
    }
}
