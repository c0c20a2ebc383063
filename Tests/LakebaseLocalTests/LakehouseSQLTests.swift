import Testing
import JSONCore
@testable import LakebaseLocal

/// The SQL the lakehouse and the synced tables are built with (pure text).
@Suite struct LakehouseSQLTests {
    static func column(_ name: String, _ type: String, nullable: Bool = true) throws -> SourceColumn {
        SourceColumn(name: name, type: try #require(DatabricksType(type)), nullable: nullable)
    }

    @Test(arguments: [
        ("BIGINT", true, "n::bigint"),
        ("BIGINT", false, "((n * 104729) % 10000000)::bigint"),
        ("INT", true, "n::integer"),
        ("DECIMAL(10,2)", false, "(((n * 7919) % (10::numeric ^ 5 - 1))::numeric + ((n * 31) % 100)::numeric / 100)::numeric(10,2)"),
        ("DECIMAL(3,0)", false, "(((n * 7919) % (10::numeric ^ 3 - 1))::numeric)::numeric(3,0)"),
        ("STRING", true, "('c-' || n::text)"),
        ("STRING", false, "('c-' || (n % 97)::text)"),
        ("BOOLEAN", false, "(n % 2 = 0)"),
        ("DATE", false, "(date '2024-01-01' + (n % 1000)::integer)"),
        ("TIMESTAMP", false, "(timestamp '2024-01-01 00:00:00' + n * interval '1 minute')::timestamp with time zone"),
    ])
    func generators(_ type: String, _ isKey: Bool, _ expected: String) throws {
        #expect(LakehouseSQL.generator(for: try Self.column("c", type), isKey: isKey) == expected)
    }

    @Test func sourceTablesAndTheirRows() throws {
        let table = SourceTable(catalog: "main", schema: "demo", name: "t", tableType: "MANAGED",
                                columns: [try Self.column("id", "BIGINT", nullable: false), try Self.column("v", "STRING")],
                                primaryKey: ["id"], properties: [:], rowCount: 3)
        #expect(LakehouseSQL.createTable(table) == #"CREATE TABLE "demo"."t" ("id" bigint NOT NULL, "v" text, PRIMARY KEY ("id"))"#)
        #expect(LakehouseSQL.generateRows(table)
                == #"INSERT INTO "demo"."t" ("id", "v") SELECT n::bigint, ('v-' || (n % 97)::text) FROM generate_series(1, 3) AS n"#)
        #expect(LakehouseSQL.enableChangeDataFeed(table).contains(#"CREATE TRIGGER lakebase_cdf AFTER INSERT OR UPDATE OR DELETE ON "demo"."t""#))
    }

    @Test(arguments: [
        ("SELECT COUNT(*) AS rows FROM samples.tpcds_sf1.store", "samples"),
        ("select count(*) from `Samples`.`tpcds_sf1`.`store`", "samples"),
        ("UPDATE main.demo.orders_cdf SET status = 'X' WHERE order_id IN (SELECT s_store_sk FROM samples.tpcds_sf1.store)", "main"),
        ("SELECT 1", nil),
        ("SELECT * FROM samples.tpcds_sf1.nothing", nil),
    ] as [(String, String?)])
    func statementsRunWhereTheirTablesLive(statement: String, catalog: String?) {
        let tables = [("main", "demo", "orders_cdf"), ("samples", "tpcds_sf1", "store")].map {
            SourceTable(catalog: $0.0, schema: $0.1, name: $0.2, tableType: "MANAGED", columns: [], primaryKey: [], properties: [:], rowCount: 0)
        }
        #expect(LakehouseSQL.catalog(referencedBy: statement, among: tables) == catalog)
    }

    @Test func syncedTablesArePartitionedByHashOfTheKey() throws {
        let destination = DestinationTable(database: "app", schema: "public", table: "orders",
                                           columns: [try Self.column("id", "BIGINT"), try Self.column("a", "DECIMAL(10,2)")],
                                           primaryKey: ["id"], typeOverrides: [])
        #expect(destination.createStatements == [
            #"CREATE TABLE IF NOT EXISTS "public"."orders" ("id" bigint NOT NULL, "a" numeric(10,2), PRIMARY KEY ("id")) PARTITION BY HASH ("id")"#,
            #"CREATE TABLE IF NOT EXISTS "public"."orders_p0" PARTITION OF "public"."orders" FOR VALUES WITH (MODULUS 4, REMAINDER 0)"#,
            #"CREATE TABLE IF NOT EXISTS "public"."orders_p1" PARTITION OF "public"."orders" FOR VALUES WITH (MODULUS 4, REMAINDER 1)"#,
            #"CREATE TABLE IF NOT EXISTS "public"."orders_p2" PARTITION OF "public"."orders" FOR VALUES WITH (MODULUS 4, REMAINDER 2)"#,
            #"CREATE TABLE IF NOT EXISTS "public"."orders_p3" PARTITION OF "public"."orders" FOR VALUES WITH (MODULUS 4, REMAINDER 3)"#,
        ])
    }

    @Test(arguments: [
        (#"1"#, #"2"#, false), (#"3"#, #"2"#, true), (#""2030-01-01""#, #""2029-12-31""#, true), (#"1.5"#, #"1"#, true),
    ])
    func timeseriesOrder(_ lhs: String, _ rhs: String, _ newer: Bool) throws {
        #expect(SyncPipeline.isNewer(try JSONParser.parse(lhs), than: try JSONParser.parse(rhs)) == newer)
    }
}
