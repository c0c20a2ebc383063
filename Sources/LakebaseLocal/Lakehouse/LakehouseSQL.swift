/// The SQL that builds the lakehouse from a seed, and its change data feed (pure text, unit-tested).
///
/// Each Unity Catalog catalog is a PostgreSQL database of the same name, so `main.demo.orders_cdf` is a valid
/// three-part name while connected to `main`. Change data feed is a row trigger that gives every transaction
/// its own commit version per table (the `versions` row lock orders concurrent writers, as Delta's commits are
/// ordered) and records `insert`, `update_preimage`, `update_postimage` and `delete` rows in
/// `_lakebase_cdf.changes`.
enum LakehouseSQL {
    /// Schema holding the change data feed.
    static let cdfSchema = "_lakebase_cdf"

    /// `CREATE TABLE` of a source table (not of a view).
    static func createTable(_ table: SourceTable) -> String {
        var definitions = table.columns.map { column in
            "\(SQLText.identifier(column.name)) \(column.type.postgresType)"
                + (table.primaryKey.contains(column.name) || !column.nullable ? " NOT NULL" : "")
        }
        if !table.primaryKey.isEmpty {
            definitions.append("PRIMARY KEY (\(table.primaryKey.map(SQLText.identifier).joined(separator: ", ")))")
        }
        return "CREATE TABLE \(qualified(table)) (\(definitions.joined(separator: ", ")))"
    }

    /// The catalog of the first table of `tables` the statement names as `catalog.schema.table` (backticks and
    /// case ignored), so a statement runs in the database where its tables live; nil when it names none.
    static func catalog(referencedBy statement: String, among tables: [SourceTable]) -> String? {
        let text = statement.replacingOccurrences(of: "`", with: "").lowercased()
        let mentioned = tables.compactMap { table -> (String.Index, String)? in
            guard let range = text.range(of: table.fullName.lowercased()) else { return nil }
            return (range.lowerBound, table.catalog)
        }
        return mentioned.min { $0.0 < $1.0 }?.1
    }

    /// `schema.table`, quoted.
    static func qualified(_ table: SourceTable) -> String {
        "\(SQLText.identifier(table.schema)).\(SQLText.identifier(table.name))"
    }

    /// The `INSERT … SELECT … FROM generate_series` that fills a table with `rowCount` deterministic rows.
    static func generateRows(_ table: SourceTable) -> String {
        let names = table.columns.map { SQLText.identifier($0.name) }.joined(separator: ", ")
        let values = table.columns.map { generator(for: $0, isKey: table.primaryKey.contains($0.name)) }
        return "INSERT INTO \(qualified(table)) (\(names)) SELECT \(values.joined(separator: ", ")) "
            + "FROM generate_series(1, \(table.rowCount)) AS n"
    }

    /// A deterministic value of row `n` for a column: keys are unique, other values vary with `n`.
    static func generator(for column: SourceColumn, isKey: Bool) -> String {
        let type = column.type
        switch type.unityCatalogName {
        case "BYTE", "SHORT": return isKey ? "n::smallint" : "((n * 7) % 100)::smallint"
        case "INT": return isKey ? "n::integer" : "((n * 7919) % 100000)::integer"
        case "LONG": return isKey ? "n::bigint" : "((n * 104729) % 10000000)::bigint"
        case "FLOAT", "DOUBLE": return "(((n * 7919) % 100000) / 100.0)::\(type.postgresType)"
        case "DECIMAL":
            let (precision, scale) = decimalShape(type)
            let whole = max(0, precision - scale)
            let modulus = whole == 0 ? "1" : "(10::numeric ^ \(min(whole, 5)) - 1)"
            let fraction = scale > 0 ? " + ((n * 31) % 100)::numeric / 100" : ""
            return "(((n * 7919) % \(modulus))::numeric\(fraction))::\(type.postgresType)"
        case "BOOLEAN": return "(n % 2 = 0)"
        case "DATE": return "(date '2024-01-01' + (n % 1000)::integer)"
        case "TIMESTAMP", "TIMESTAMP_NTZ": return "(timestamp '2024-01-01 00:00:00' + n * interval '1 minute')::\(type.postgresType)"
        case "BINARY": return "decode(md5(n::text), 'hex')"
        case "ARRAY", "MAP", "STRUCT", "VARIANT": return "jsonb_build_array(n)"
        default: return "(\(SQLText.literal(column.name + "-")) || \(isKey ? "n" : "(n % 97)")::text)"
        }
    }

    /// Precision and scale of `DECIMAL(p,s)` (Databricks' default is `DECIMAL(10,0)`).
    static func decimalShape(_ type: DatabricksType) -> (Int, Int) {
        let arguments = type.text.drop { $0 != "(" }.dropFirst().prefix { $0 != ")" }.split(separator: ",")
        let precision = arguments.first.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? 10
        let scale = arguments.dropFirst().first.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? 0
        return (precision, scale)
    }

    /// The change data feed's tables and trigger function, once per catalog database.
    static let changeDataFeedSetup = """
        CREATE SCHEMA IF NOT EXISTS \(cdfSchema);
        CREATE TABLE IF NOT EXISTS \(cdfSchema).versions (
            table_name text PRIMARY KEY, version bigint NOT NULL, committed_at timestamptz NOT NULL DEFAULT now());
        CREATE TABLE IF NOT EXISTS \(cdfSchema).transactions (
            table_name text NOT NULL, xid bigint NOT NULL, version bigint NOT NULL, PRIMARY KEY (table_name, xid));
        CREATE TABLE IF NOT EXISTS \(cdfSchema).changes (
            seq bigserial PRIMARY KEY, table_name text NOT NULL, version bigint NOT NULL, change_type text NOT NULL,
            row_data jsonb NOT NULL, committed_at timestamptz NOT NULL DEFAULT now());
        CREATE INDEX IF NOT EXISTS changes_by_table ON \(cdfSchema).changes (table_name, version);
        CREATE OR REPLACE FUNCTION \(cdfSchema).capture() RETURNS trigger LANGUAGE plpgsql AS $capture$
        DECLARE
            target text := TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME;
            commit_version bigint;
        BEGIN
            SELECT version INTO commit_version FROM \(cdfSchema).transactions
                WHERE table_name = target AND xid = txid_current();
            IF commit_version IS NULL THEN
                UPDATE \(cdfSchema).versions SET version = version + 1, committed_at = now()
                    WHERE table_name = target RETURNING version INTO commit_version;
                INSERT INTO \(cdfSchema).transactions VALUES (target, txid_current(), commit_version);
            END IF;
            IF TG_OP = 'INSERT' THEN
                INSERT INTO \(cdfSchema).changes (table_name, version, change_type, row_data)
                    VALUES (target, commit_version, 'insert', to_jsonb(NEW));
            ELSIF TG_OP = 'UPDATE' THEN
                INSERT INTO \(cdfSchema).changes (table_name, version, change_type, row_data)
                    VALUES (target, commit_version, 'update_preimage', to_jsonb(OLD)),
                           (target, commit_version, 'update_postimage', to_jsonb(NEW));
            ELSE
                INSERT INTO \(cdfSchema).changes (table_name, version, change_type, row_data)
                    VALUES (target, commit_version, 'delete', to_jsonb(OLD));
            END IF;
            RETURN NULL;
        END
        $capture$;
        """

    /// Starts the feed of a table at version 0 (its seeded content) and attaches the trigger.
    static func enableChangeDataFeed(_ table: SourceTable) -> String {
        let key = SQLText.literal("\(table.schema).\(table.name)")
        return """
            INSERT INTO \(cdfSchema).versions (table_name, version) VALUES (\(key), 0) ON CONFLICT DO NOTHING;
            CREATE TRIGGER lakebase_cdf AFTER INSERT OR UPDATE OR DELETE ON \(qualified(table))
                FOR EACH ROW EXECUTE FUNCTION \(cdfSchema).capture();
            """
    }

    /// The latest commit version of a table with change data feed (0 when nothing changed since seeding).
    static let latestVersion =
        "SELECT version, extract(epoch FROM committed_at)::float8 FROM \(cdfSchema).versions WHERE table_name = $1"

    /// The changes after a version, oldest first, without pre-images: `version, change_type, row_data`.
    static let changesAfter = """
        SELECT version, change_type, row_data::text FROM \(cdfSchema).changes
        WHERE table_name = $1 AND version > $2 AND change_type <> 'update_preimage' ORDER BY version, seq
        """
}
