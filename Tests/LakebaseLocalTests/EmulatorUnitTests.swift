import Foundation
import LakebaseLocalHarness
import Testing
import JSONCore
import JSONCore
@testable import LakebaseLocal

/// The emulator's pure parts: routing, paging, input checks, seeds, types, redaction, paths, forms, faults.
@Suite struct EmulatorUnitTests {
    @Test(arguments: [
        ("/api/2.0/database/instances/{name}", "/api/2.0/database/instances/orders-db", ["name": "orders-db"]),
        ("/api/2.0/database/synced_tables/{name}", "/api/2.0/database/synced_tables/c.s.t", ["name": "c.s.t"]),
        ("/api/2.0/workspace-files/import-file/{path...}", "/api/2.0/workspace-files/import-file/Users/a/b.json",
         ["path": "/Users/a/b.json"]),
        ("/api/2.0/database/instances", "/api/2.0/database/instances", [:]),
    ] as [(String, String, [String: String])])
    func routesMatch(pattern: String, path: String, parameters: [String: String]) {
        let request = APIRequest(method: "GET", path: path)
        #expect(RoutePattern(pattern).match(request.segments) == parameters)
    }

    @Test(arguments: [
        ("/api/2.0/database/instances/{name}", "/api/2.0/database/instances"),
        ("/api/2.0/database/instances/{name}", "/api/2.0/database/instances/a/b"),
        ("/api/2.0/database/instances", "/api/2.0/database/instances:findByUid"),
    ])
    func routesDoNotMatch(pattern: String, path: String) {
        #expect(RoutePattern(pattern).match(APIRequest(method: "GET", path: path).segments) == nil)
    }

    @Test func pathSegmentsArePercentDecodedOneByOne() {
        let request = APIRequest(method: "GET", path: "/api/2.1/unity-catalog/tables/main.demo.a%2Fb%20c")
        #expect(request.segments.last == "main.demo.a/b c")
    }

    @Test func queryParsing() {
        #expect(APIRequest.parseQuery("a=1&b=two+words&c=%2F&a=2&flag") == ["a": "1", "b": "two words", "c": "/", "flag": ""])
    }

    @Test func pagesWalkTheWholeListOnce() throws {
        let items = Array(0..<250)
        var seen: [Int] = []
        var token: String?
        repeat {
            let page = try Pagination.page(of: items, size: 120, maximum: 100, token: token)
            #expect(page.items.count <= 100)
            seen += page.items
            token = page.nextToken
        } while token != nil
        #expect(seen == items)
        #expect(throws: LocalAPIError.self) { try Pagination.page(of: items, size: nil, maximum: 100, token: "not-ours") }
        #expect(try Pagination.page(of: [Int](), size: nil, maximum: 100, token: nil).nextToken == nil)
    }

    @Test(arguments: [("orders-db", true), ("a", true), ("Db2", true), ("bad_name", false), ("", false),
                      ("-lead", false), (String(repeating: "a", count: 64), false), ("space name", false)])
    func instanceNames(name: String, valid: Bool) {
        if valid {
            #expect(throws: Never.self) { try InstanceInput.validate(name: name) }
        } else {
            #expect(throws: LocalAPIError.self) { try InstanceInput.validate(name: name) }
        }
    }

    @Test(arguments: [
        ("BIGINT", "LONG", "bigint", "bigint"), ("int", "INT", "int", "integer"), ("STRING", "STRING", "string", "text"),
        ("DECIMAL(10,2)", "DECIMAL", "decimal(10,2)", "numeric(10,2)"), ("DECIMAL", "DECIMAL", "decimal", "numeric(10,0)"),
        ("TIMESTAMP", "TIMESTAMP", "timestamp", "timestamp with time zone"),
        ("TIMESTAMP_NTZ", "TIMESTAMP_NTZ", "timestamp_ntz", "timestamp without time zone"),
        ("ARRAY<STRING>", "ARRAY", "array<string>", "jsonb"), ("BOOLEAN", "BOOLEAN", "boolean", "boolean"),
        ("DATE", "DATE", "date", "date"), ("DOUBLE", "DOUBLE", "double", "double precision"),
    ])
    func databricksTypes(text: String, typeName: String, typeText: String, postgres: String) throws {
        let type = try #require(DatabricksType(text))
        #expect(type.unityCatalogName == typeName)
        #expect(type.unityCatalogText == typeText)
        #expect(type.postgresType == postgres)
    }

    @Test func unknownTypesAreRejected() {
        #expect(DatabricksType("UUID") == nil)
    }

    @Test func builtInSeedHasTheDemoTables() throws {
        let tables = try SeedLoader.parse(DefaultSeed.text, file: "<built-in seed>")
        let byName = Dictionary(uniqueKeysWithValues: tables.map { ($0.fullName, $0) })
        let cdf = try #require(byName["main.demo.orders_cdf"])
        #expect(cdf.changeDataFeedEnabled)
        #expect(cdf.primaryKey == ["order_id"])
        #expect(cdf.rowCount == 10_000)
        #expect(cdf.columns.map(\.name) == ["order_id", "customer_id", "status", "amount", "updated_at"])
        #expect(byName["main.demo.orders_nocdf"]?.changeDataFeedEnabled == false)
        #expect(byName["main.demo.orders_view"]?.isView == true)
    }

    @Test(arguments: [
        ("catalogs:\n  c:\n    schemas:\n      s:\n        tables:\n          t:\n            columns:\n              id: UUID\n",
         "seed.yml:8:19: error: column 'id' has unknown type 'UUID'"),
        ("catalogs:\n  c:\n    schemas:\n      s:\n        tables:\n          t:\n            table_type: TABLE\n",
         "seed.yml:7:25: error: unknown table_type 'TABLE'"),
        ("catalogs:\n  c:\n    schemas:\n      s:\n        tables:\n          t:\n            columns: {id: INT}\n            primary_key: [key]\n",
         "seed.yml:8:27: error: primary_key names a column the table does not have"),
        ("catalogs: [1]\n", "seed.yml:1:11: error: 'catalogs' must be a mapping"),
    ])
    func seedErrorsNameTheLocation(text: String, prefix: String) {
        do {
            _ = try SeedLoader.parse(text, file: "seed.yml")
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".hasPrefix(prefix), "\(error)")
        }
    }

    @Test func redactionReachesEveryDepth() {
        let body = JSONValue.object([
            "token": .string("t"), "list": .array([.object(["client_secret": .string("s"), "keep": .string("k")])]),
            "Password": .string("p"),
        ])
        let redacted = RequestLog.redact(body)
        #expect(redacted["token"]?.stringValue == "**REDACTED**")
        #expect(redacted["Password"]?.stringValue == "**REDACTED**")
        #expect(redacted["list"]?.arrayValue?.first?["client_secret"]?.stringValue == "**REDACTED**")
        #expect(redacted["list"]?.arrayValue?.first?["keep"]?.stringValue == "k")
    }

    @Test func workspacePaths() throws {
        let path = try WorkspacePath("/Workspace/Users/a@b.c/.bundle/x/")
        #expect(path.normalized == "/Users/a@b.c/.bundle/x")
        #expect(path.prefixed)
        #expect(path.parent == "/Users/a@b.c/.bundle")
        #expect(path.prefixes == ["/Users", "/Users/a@b.c", "/Users/a@b.c/.bundle", "/Users/a@b.c/.bundle/x"])
        #expect(path.display("/Users") == "/Workspace/Users")
        #expect(throws: LocalAPIError.self) { try WorkspacePath("relative/path") }
        #expect(throws: LocalAPIError.self) { try WorkspacePath("/Users/../etc") }
    }

    @Test func multipartParts() throws {
        let body = "--b\r\nContent-Disposition: form-data; name=\"path\"\r\n\r\n/x\r\n"
            + "--b\r\nContent-Disposition: form-data; filename=\"f\"; name=\"content\"\r\n\r\nline1\r\nline2\r\n--b--\r\n"
        let parts = try MultipartForm.parse(body: Array(body.utf8), contentType: "multipart/form-data; boundary=b")
        #expect(parts["path"] == Data("/x".utf8))
        #expect(parts["content"] == Data("line1\r\nline2".utf8))
    }

    @Test func faultsFollowTheSeedAndTheRate() async {
        func draw(_ seed: UInt64, _ rate: Double) async -> [Int] {
            let injector = FaultInjector(rate: rate, seed: seed)
            var statuses: [Int] = []
            for _ in 0..<2000 { statuses.append(await injector.nextFault()?.status ?? 200) }
            return statuses
        }
        let first = await draw(99, 0.1)
        #expect(await draw(99, 0.1) == first)
        let ratio = Double(first.filter { $0 != 200 }.count) / 2000
        #expect(ratio > 0.08 && ratio < 0.12)
        #expect(await draw(5, 0).allSatisfy { $0 == 200 })
    }
}
