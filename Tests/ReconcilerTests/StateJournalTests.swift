import Foundation
import Testing
@testable import Reconciler

/// The journal says what went wrong when it cannot start: a directory it cannot create is not "another apply".
@Suite struct StateJournalTests {
    private func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("journal-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func aStateDirectoryThatCannotBeCreatedIsReportedAsSuch() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        // A file where the `.databricks` directory should be: creating the state directory fails.
        #expect(FileManager.default.createFile(atPath: root + "/.databricks", contents: Data()))
        let file = LocalStateFile(bundleRoot: root, target: "dev", cliVersion: "test")
        do {
            _ = try StateJournal(state: DeploymentState(cliVersion: "test"), file: file, remote: nil)
            Issue.record("the journal opened")
        } catch {
            #expect(error.description.contains("cannot create the state directory \(root)/.databricks/bundle/dev"), "\(error)")
            #expect(!error.description.contains("another apply"))
        }
    }

    @Test func aLogLeftBehindIsReportedAsAnotherApply() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let file = LocalStateFile(bundleRoot: root, target: "dev", cliVersion: "test")
        _ = try StateJournal(state: DeploymentState(cliVersion: "test"), file: file, remote: nil)
        do {
            _ = try StateJournal(state: DeploymentState(cliVersion: "test"), file: file, remote: nil)
            Issue.record("a second journal opened")
        } catch {
            #expect(error.description.contains("another apply is running"), "\(error)")
        }
    }
}
