/// The seed used when `--seed` is not given: the `main.demo` tables the examples and tests rely on.
enum DefaultSeed {
    /// Seed YAML text.
    static let text = """
        catalogs:
          main:
            schemas:
              demo:
                tables:
                  orders_cdf:
                    table_type: MANAGED
                    properties: {delta.enableChangeDataFeed: "true"}
                    primary_key: [order_id]
                    rows: 10000
                    columns: &order_columns
                      order_id: BIGINT NOT NULL
                      customer_id: BIGINT
                      status: STRING
                      amount: DECIMAL(10,2)
                      updated_at: TIMESTAMP
                  orders_nocdf:
                    table_type: MANAGED
                    primary_key: [order_id]
                    rows: 10000
                    columns: *order_columns
                  orders_view:
                    table_type: VIEW
                    definition: SELECT * FROM demo.orders_cdf
                    columns: *order_columns

        """
}
