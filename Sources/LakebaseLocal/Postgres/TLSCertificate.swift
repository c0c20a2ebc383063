import Foundation

/// The self-signed certificate every instance's PostgreSQL serves, so that clients can (and must) use
/// `sslmode=require` as they do on the platform. Made once per data directory with the `openssl` program.
struct TLSCertificate: Sendable {
    /// PEM certificate.
    let certificateFile: URL
    /// PEM private key (mode 0600, owned by the server's user).
    let keyFile: URL

    /// The certificate in `directory`, created when missing.
    static func ensure(in directory: URL, runner: CommandRunner) async throws -> TLSCertificate {
        let certificate = TLSCertificate(
            certificateFile: directory.appendingPathComponent("server.crt"),
            keyFile: directory.appendingPathComponent("server.key"))
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: certificate.certificateFile.path),
            fileManager.fileExists(atPath: certificate.keyFile.path)
        {
            return certificate
        }
        try fileManager.createDirectory(at: directory, withIntermediateDirectories: true)
        guard let openssl = ["/usr/bin/openssl", "/usr/local/bin/openssl", "/opt/homebrew/bin/openssl"]
            .first(where: fileManager.isExecutableFile(atPath:))
        else {
            throw LocalServerError("the openssl program is needed to make the instances' TLS certificate; install it: apt-get install -y openssl")
        }
        try await CommandRunner(runAsUser: nil).run(
            openssl,
            [
                "req", "-new", "-x509", "-days", "3650", "-nodes", "-subj", "/CN=lakebase-local",
                "-newkey", "rsa:2048", "-keyout", certificate.keyFile.path, "-out", certificate.certificateFile.path,
            ],
            logFile: directory.appendingPathComponent("openssl.log"), workingDirectory: directory)
        try fileManager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: certificate.keyFile.path)
        try fileManager.setAttributes([.posixPermissions: 0o644], ofItemAtPath: certificate.certificateFile.path)
        try runner.handOver(certificate.keyFile)
        try runner.handOver(certificate.certificateFile)
        return certificate
    }
}
