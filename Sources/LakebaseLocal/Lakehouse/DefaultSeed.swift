/// The seed used when `--seed` is not given: the `main.demo` tables the tests rely on, the `main.sales` tables the
/// bundles under `examples/` read, and the
/// `samples.tpcds_sf1` tables the quickstarts sync (TPC-DS names and keys, few rows, change data feed on so that
/// every sync mode can be tried; on a workspace whose samples lack it, preflight says so and how to fix it).
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
              sales:
                tables:
                  items:
                    table_type: MANAGED
                    properties: {delta.enableChangeDataFeed: "true"}
                    primary_key: [item_id]
                    rows: 200
                    columns: {item_id: BIGINT NOT NULL, title: STRING, price: "DECIMAL(10,2)"}
                  stores:
                    table_type: MANAGED
                    properties: {delta.enableChangeDataFeed: "true"}
                    primary_key: [store_id]
                    rows: 20
                    columns: {store_id: BIGINT NOT NULL, city: STRING}
                  orders:
                    table_type: MANAGED
                    properties: {delta.enableChangeDataFeed: "true"}
                    primary_key: [order_id]
                    rows: 500
                    columns: {order_id: BIGINT NOT NULL, store_id: BIGINT, amount: "DECIMAL(10,2)", updated_at: TIMESTAMP}
          samples:
            schemas:
              tpcds_sf1:
                tables:
                  customer:
                    table_type: MANAGED
                    properties: {delta.enableChangeDataFeed: "true"}
                    primary_key: [c_customer_sk]
                    rows: 1000
                    columns:
                      c_customer_sk: INT NOT NULL
                      c_customer_id: STRING
                      c_current_cdemo_sk: INT
                      c_current_hdemo_sk: INT
                      c_current_addr_sk: INT
                      c_first_shipto_date_sk: INT
                      c_first_sales_date_sk: INT
                      c_salutation: STRING
                      c_first_name: STRING
                      c_last_name: STRING
                      c_preferred_cust_flag: STRING
                      c_birth_day: INT
                      c_birth_month: INT
                      c_birth_year: INT
                      c_birth_country: STRING
                      c_login: STRING
                      c_email_address: STRING
                      c_last_review_date_sk: INT
                  customer_address:
                    table_type: MANAGED
                    properties: {delta.enableChangeDataFeed: "true"}
                    primary_key: [ca_address_sk]
                    rows: 1000
                    columns:
                      ca_address_sk: INT NOT NULL
                      ca_address_id: STRING
                      ca_street_number: STRING
                      ca_street_name: STRING
                      ca_street_type: STRING
                      ca_suite_number: STRING
                      ca_city: STRING
                      ca_county: STRING
                      ca_state: STRING
                      ca_zip: STRING
                      ca_country: STRING
                      ca_gmt_offset: DECIMAL(5,2)
                      ca_location_type: STRING
                  item:
                    table_type: MANAGED
                    properties: {delta.enableChangeDataFeed: "true"}
                    primary_key: [i_item_sk]
                    rows: 500
                    columns:
                      i_item_sk: INT NOT NULL
                      i_item_id: STRING
                      i_rec_start_date: DATE
                      i_rec_end_date: DATE
                      i_item_desc: STRING
                      i_current_price: DECIMAL(7,2)
                      i_wholesale_cost: DECIMAL(7,2)
                      i_brand_id: INT
                      i_brand: STRING
                      i_class_id: INT
                      i_class: STRING
                      i_category_id: INT
                      i_category: STRING
                      i_manufact_id: INT
                      i_manufact: STRING
                      i_size: STRING
                      i_formulation: STRING
                      i_color: STRING
                      i_units: STRING
                      i_container: STRING
                      i_manager_id: INT
                      i_product_name: STRING
                  store:
                    table_type: MANAGED
                    properties: {delta.enableChangeDataFeed: "true"}
                    primary_key: [s_store_sk]
                    rows: 12
                    columns:
                      s_store_sk: INT NOT NULL
                      s_store_id: STRING
                      s_rec_start_date: DATE
                      s_rec_end_date: DATE
                      s_closed_date_sk: INT
                      s_store_name: STRING
                      s_number_employees: INT
                      s_floor_space: INT
                      s_hours: STRING
                      s_manager: STRING
                      s_market_id: INT
                      s_geography_class: STRING
                      s_market_desc: STRING
                      s_market_manager: STRING
                      s_division_id: INT
                      s_division_name: STRING
                      s_company_id: INT
                      s_company_name: STRING
                      s_street_number: STRING
                      s_street_name: STRING
                      s_street_type: STRING
                      s_suite_number: STRING
                      s_city: STRING
                      s_county: STRING
                      s_state: STRING
                      s_zip: STRING
                      s_country: STRING
                      s_gmt_offset: DECIMAL(5,2)
                      s_tax_precentage: DECIMAL(5,2)
                  date_dim:
                    table_type: MANAGED
                    properties: {delta.enableChangeDataFeed: "true"}
                    primary_key: [d_date_sk]
                    rows: 2000
                    columns:
                      d_date_sk: INT NOT NULL
                      d_date_id: STRING
                      d_date: DATE
                      d_month_seq: INT
                      d_week_seq: INT
                      d_quarter_seq: INT
                      d_year: INT
                      d_dow: INT
                      d_moy: INT
                      d_dom: INT
                      d_qoy: INT
                      d_fy_year: INT
                      d_fy_quarter_seq: INT
                      d_fy_week_seq: INT
                      d_day_name: STRING
                      d_quarter_name: STRING
                      d_holiday: STRING
                      d_weekend: STRING
                      d_following_holiday: STRING
                      d_first_dom: INT
                      d_last_dom: INT
                      d_same_day_ly: INT
                      d_same_day_lq: INT
                      d_current_day: STRING
                      d_current_week: STRING
                      d_current_month: STRING
                      d_current_quarter: STRING
                      d_current_year: STRING
                  store_sales:
                    table_type: MANAGED
                    properties: {delta.enableChangeDataFeed: "true"}
                    primary_key: [ss_item_sk, ss_ticket_number]
                    rows: 20000
                    columns:
                      ss_sold_date_sk: INT
                      ss_sold_time_sk: INT
                      ss_item_sk: INT NOT NULL
                      ss_customer_sk: INT
                      ss_cdemo_sk: INT
                      ss_hdemo_sk: INT
                      ss_addr_sk: INT
                      ss_store_sk: INT
                      ss_promo_sk: INT
                      ss_ticket_number: BIGINT NOT NULL
                      ss_quantity: INT
                      ss_wholesale_cost: DECIMAL(7,2)
                      ss_list_price: DECIMAL(7,2)
                      ss_sales_price: DECIMAL(7,2)
                      ss_ext_discount_amt: DECIMAL(7,2)
                      ss_ext_sales_price: DECIMAL(7,2)
                      ss_ext_wholesale_cost: DECIMAL(7,2)
                      ss_ext_list_price: DECIMAL(7,2)
                      ss_ext_tax: DECIMAL(7,2)
                      ss_coupon_amt: DECIMAL(7,2)
                      ss_net_paid: DECIMAL(7,2)
                      ss_net_paid_inc_tax: DECIMAL(7,2)
                      ss_net_profit: DECIMAL(7,2)
                  store_returns:
                    table_type: MANAGED
                    properties: {delta.enableChangeDataFeed: "true"}
                    primary_key: [sr_item_sk, sr_ticket_number]
                    rows: 2000
                    columns:
                      sr_returned_date_sk: INT
                      sr_return_time_sk: INT
                      sr_item_sk: INT NOT NULL
                      sr_customer_sk: INT
                      sr_cdemo_sk: INT
                      sr_hdemo_sk: INT
                      sr_addr_sk: INT
                      sr_store_sk: INT
                      sr_reason_sk: INT
                      sr_ticket_number: BIGINT NOT NULL
                      sr_return_quantity: INT
                      sr_return_amt: DECIMAL(7,2)
                      sr_return_tax: DECIMAL(7,2)
                      sr_return_amt_inc_tax: DECIMAL(7,2)
                      sr_fee: DECIMAL(7,2)
                      sr_return_ship_cost: DECIMAL(7,2)
                      sr_refunded_cash: DECIMAL(7,2)
                      sr_reversed_charge: DECIMAL(7,2)
                      sr_store_credit: DECIMAL(7,2)
                      sr_net_loss: DECIMAL(7,2)
                  inventory:
                    table_type: MANAGED
                    properties: {delta.enableChangeDataFeed: "true"}
                    primary_key: [inv_date_sk, inv_item_sk, inv_warehouse_sk]
                    rows: 10000
                    columns:
                      inv_date_sk: INT NOT NULL
                      inv_item_sk: INT NOT NULL
                      inv_warehouse_sk: INT NOT NULL
                      inv_quantity_on_hand: INT
                  warehouse:
                    table_type: MANAGED
                    properties: {delta.enableChangeDataFeed: "true"}
                    primary_key: [w_warehouse_sk]
                    rows: 5
                    columns:
                      w_warehouse_sk: INT NOT NULL
                      w_warehouse_id: STRING
                      w_warehouse_name: STRING
                      w_warehouse_sq_ft: INT
                      w_street_number: STRING
                      w_street_name: STRING
                      w_street_type: STRING
                      w_suite_number: STRING
                      w_city: STRING
                      w_county: STRING
                      w_state: STRING
                      w_zip: STRING
                      w_country: STRING
                      w_gmt_offset: DECIMAL(5,2)
                  promotion:
                    table_type: MANAGED
                    properties: {delta.enableChangeDataFeed: "true"}
                    primary_key: [p_promo_sk]
                    rows: 30
                    columns:
                      p_promo_sk: INT NOT NULL
                      p_promo_id: STRING
                      p_start_date_sk: INT
                      p_end_date_sk: INT
                      p_item_sk: INT
                      p_cost: DECIMAL(15,2)
                      p_response_target: INT
                      p_promo_name: STRING
                      p_channel_dmail: STRING
                      p_channel_email: STRING
                      p_channel_catalog: STRING
                      p_channel_tv: STRING
                      p_channel_radio: STRING
                      p_channel_press: STRING
                      p_channel_event: STRING
                      p_channel_demo: STRING
                      p_channel_details: STRING
                      p_purpose: STRING
                      p_discount_active: STRING

        """
}
