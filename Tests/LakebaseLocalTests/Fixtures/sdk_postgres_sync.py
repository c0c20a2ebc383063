"""The official Databricks Python SDK's w.postgres registers a branch's database as a catalog and syncs a Delta table
into it against lakebase-local (autoscaling-api.md §1.2, §1.4): usage: sdk_postgres_sync.py <base url> <token>.
Prints one line per step and exits non-zero at the first surprise."""
import sys
import time

from databricks.sdk import WorkspaceClient
from databricks.sdk.errors import AlreadyExists, NotFound
from databricks.sdk.service.postgres import (Catalog, CatalogCatalogSpec, Project, ProjectSpec, SyncedTable,
                                             SyncedTableSyncedTableSpec,
                                             SyncedTableSyncedTableSpecSyncedTableSchedulingPolicy as Policy)

base, token = sys.argv[1], sys.argv[2]
w = WorkspaceClient(host=base, token=token)
p = w.postgres


def check(condition, what):
    if not condition:
        print("FAILED: " + what)
        sys.exit(1)
    print("ok: " + what)


p.create_project(Project(spec=ProjectSpec(display_name="SDK sync")), project_id="sdksync").wait()
production = "projects/sdksync/branches/production"

catalog = p.create_catalog(Catalog(spec=CatalogCatalogSpec(
    branch=production, postgres_database="serving", create_database_if_missing=True)), catalog_id="sdk_serving").wait()
check(catalog.name == "catalogs/sdk_serving", "create_catalog waits for its operation")
check(p.get_catalog("catalogs/sdk_serving").status.postgres_database == "serving", "get_catalog answers its status")
try:
    p.create_catalog(Catalog(spec=CatalogCatalogSpec(branch=production, postgres_database="other")), catalog_id="sdk_serving")
    check(False, "a second catalog with the same id is refused")
except AlreadyExists:
    check(True, "a second catalog with the same id is refused (ALREADY_EXISTS)")

table = p.create_synced_table(SyncedTable(spec=SyncedTableSyncedTableSpec(
    source_table_full_name="main.sales.items", primary_key_columns=["item_id"], scheduling_policy=Policy.SNAPSHOT)),
    synced_table_id="sdk_serving.public.items").wait()
check(table.name == "synced_tables/sdk_serving.public.items", "create_synced_table waits for its operation")
state = None
for _ in range(300):
    status = p.get_synced_table("synced_tables/sdk_serving.public.items").status
    state = status.detailed_state.value if status.detailed_state else None
    if state and (state.startswith("SYNCED_TABLE_ONLINE") or "FAILED" in state):
        break
    time.sleep(0.1)
check(state == "SYNCED_TABLE_ONLINE_NO_PENDING_UPDATE", "the synced table comes online (%s)" % state)
check(status.unity_catalog_provisioning_state.value == "ACTIVE", "Unity Catalog ACTIVE")
check(status.ongoing_sync_progress is not None, "row progress is reported")

def deleted(delete, get, name, what):
    delete(name).wait()
    try:
        get(name)
        check(False, "a deleted %s is gone" % what)
    except NotFound:
        check(True, "a deleted %s is gone" % what)


deleted(p.delete_synced_table, p.get_synced_table, "synced_tables/sdk_serving.public.items", "synced table")
deleted(p.delete_catalog, p.get_catalog, "catalogs/sdk_serving", "catalog")
print("postgres sync: complete")
