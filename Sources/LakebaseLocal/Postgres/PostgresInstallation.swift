import Foundation

/// Where the PostgreSQL server programs (initdb, pg_ctl, postgres) are: `LAKEBASE_LOCAL_PG_BIN`, else the
/// newest `/usr/lib/postgresql/<version>/bin` (Debian's layout), else the folder of `pg_ctl` on PATH.
public struct PostgresInstallation: Sendable {
    /// Folder holding initdb, pg_ctl and postgres.
    let binDirectory: URL

    /// Whether the server programs can be found.
    public static var isAvailable: Bool { (try? locate()) != nil }

    /// The command that installs the server programs, for error messages.
    public static let installHint = "apt-get install -y postgresql (Debian/Ubuntu) or brew install postgresql (macOS)"

    var initdb: String { binDirectory.appendingPathComponent("initdb").path }
    var pgCtl: String { binDirectory.appendingPathComponent("pg_ctl").path }
    var pgBasebackup: String { binDirectory.appendingPathComponent("pg_basebackup").path }

    /// Finds the installation or explains how to install one.
    static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> PostgresInstallation {
        let fileManager = FileManager.default
        var candidates: [URL] = []
        if let explicit = environment["LAKEBASE_LOCAL_PG_BIN"], !explicit.isEmpty {
            candidates.append(URL(fileURLWithPath: explicit))
        }
        let debianRoot = URL(fileURLWithPath: "/usr/lib/postgresql")
        let versions = (try? fileManager.contentsOfDirectory(atPath: debianRoot.path)) ?? []
        for version in versions.sorted(by: { (Int($0) ?? 0) > (Int($1) ?? 0) }) {
            candidates.append(debianRoot.appendingPathComponent(version).appendingPathComponent("bin"))
        }
        for folder in (environment["PATH"] ?? "").split(separator: ":") {
            candidates.append(URL(fileURLWithPath: String(folder)))
        }
        for candidate in candidates
        where fileManager.isExecutableFile(atPath: candidate.appendingPathComponent("initdb").path)
            && fileManager.isExecutableFile(atPath: candidate.appendingPathComponent("pg_ctl").path)
        {
            return PostgresInstallation(binDirectory: candidate)
        }
        throw LocalServerError(
            "PostgreSQL server programs (initdb, pg_ctl) not found in LAKEBASE_LOCAL_PG_BIN, /usr/lib/postgresql/*/bin "
                + "or PATH; install them: \(installHint)")
    }
}

/// A startup or configuration failure of the emulator itself, printed as `lakebase-local: error: …`.
public struct LocalServerError: Error, CustomStringConvertible {
    /// What went wrong and what to do.
    public let description: String

    init(_ description: String) { self.description = description }
}
