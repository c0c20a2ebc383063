import Testing
@testable import Providers

@Suite struct WorkspaceHostTests {
    @Test(arguments: [
        ("dbc-1234.cloud.databricks.com", "https://dbc-1234.cloud.databricks.com"),
        ("https://DBC-1234.cloud.databricks.com/", "https://dbc-1234.cloud.databricks.com"),
        ("https://adb-1.2.azuredatabricks.net/?o=1", "https://adb-1.2.azuredatabricks.net"),
        ("  https://x.com:8443/path  ", "https://x.com:8443"),
        ("http://127.0.0.1:8990", "http://127.0.0.1:8990"),
        ("http://localhost:8990/", "http://localhost:8990"),
        ("http://[::1]:8990", "http://[::1]:8990"),
        ("http://127.1.2.3", "http://127.1.2.3"),
    ])
    func normalizes(input: String, expected: String) throws {
        #expect(try WorkspaceHost(parsing: input).description == expected)
    }

    @Test(arguments: [
        ("http://dbc-1234.cloud.databricks.com", WorkspaceHost.Problem.plainHTTPNotLoopback("dbc-1234.cloud.databricks.com")),
        ("http://10.0.0.1:8990", .plainHTTPNotLoopback("10.0.0.1")),
        ("http://127.0.0.1.evil.com", .plainHTTPNotLoopback("127.0.0.1.evil.com")),
        ("ftp://x.com", .unsupportedScheme("ftp")),
        ("", .empty),
        ("https://user@x.com", .invalid("https://user@x.com")),
        ("https://x.com:99999", .invalid("https://x.com:99999")),
        ("https://x.com:abc", .invalid("https://x.com:abc")),
    ])
    func refuses(input: String, problem: WorkspaceHost.Problem) {
        #expect(throws: problem) { try WorkspaceHost(parsing: input) }
    }

    @Test func plainHTTPRefusalExplainsWhy() {
        let text = WorkspaceHost.Problem.plainHTTPNotLoopback("x.com").description
        #expect(text.contains("unencrypted") && text.contains("loopback"))
    }
}
