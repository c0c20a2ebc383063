"""A full create / read / update / delete cycle of every Lakebase kind through the official Databricks
Python SDK, which knows nothing of lakebase-local. Usage: sdk_cycle.py HOST pat|oauth-m2m CLIENT_ID SECRET.
Prints one line per step; any exception fails the run."""
import io
import sys
import time

from databricks.sdk import WorkspaceClient
from databricks.sdk.errors import NotFound, ResourceAlreadyExists
from databricks.sdk.service.database import (DatabaseCatalog, DatabaseInstance, NewPipelineSpec,
                                             SyncedDatabaseTable, SyncedTableSchedulingPolicy, SyncedTableSpec)
from databricks.sdk.service.workspace import ImportFormat, ObjectType

host, mode = sys.argv[1], sys.argv[2]
if mode == "pat":
    w = WorkspaceClient(host=host, token=sys.argv[3], auth_type="pat")
else:
    w = WorkspaceClient(host=host, client_id=sys.argv[3], client_secret=sys.argv[4], auth_type="oauth-m2m")
suffix = mode.replace("-", "")


def step(name, value):
    print(f"{name}: {value}", flush=True)


me = w.current_user.me()
step("me", me.user_name)

name = f"sdk-{suffix}"
instance = w.database.create_database_instance_and_wait(DatabaseInstance(name=name, capacity="CU_1"))
assert instance.state.value == "AVAILABLE" and instance.read_write_dns, instance
assert instance.creator == me.user_name, instance.creator
step("instance", instance.state.value)
assert name in [i.name for i in w.database.list_database_instances()]
updated = w.database.update_database_instance(name, DatabaseInstance(name=name, capacity="CU_2"), update_mask="capacity")
assert updated.capacity == "CU_2"
again = w.database.wait_get_database_instance_database_available(name)
assert again.effective_capacity == "CU_2"
step("updated", again.effective_capacity)

catalog = f"sdk_{suffix}"
w.database.create_database_catalog(DatabaseCatalog(
    name=catalog, database_instance_name=name, database_name="app", create_database_if_not_exists=True))
assert w.database.get_database_catalog(catalog).database_name == "app"
try:
    w.database.create_database_catalog(DatabaseCatalog(name=catalog, database_instance_name=name, database_name="app"))
    raise AssertionError("duplicate catalog accepted")
except ResourceAlreadyExists:
    step("catalog", "created, duplicate refused")

table = f"{catalog}.public.orders"
w.database.create_synced_database_table(SyncedDatabaseTable(name=table, spec=SyncedTableSpec(
    source_table_full_name="main.demo.orders_cdf", primary_key_columns=["order_id"],
    scheduling_policy=SyncedTableSchedulingPolicy.TRIGGERED,
    new_pipeline_spec=NewPipelineSpec(storage_catalog="main", storage_schema="demo"))))
for _ in range(200):
    synced = w.database.get_synced_database_table(table)
    if synced.unity_catalog_provisioning_state.value == "ACTIVE":
        break
    time.sleep(0.1)
assert synced.data_synchronization_status.detailed_state.value == "SYNCED_TABLE_ONLINE_NO_PENDING_UPDATE", synced
step("synced table", synced.data_synchronization_status.detailed_state.value)

credential = w.database.generate_database_credential(instance_names=[name])
assert credential.token and credential.expiration_time
step("credential", "issued")
source = w.tables.get("main.demo.orders_cdf")
assert [c.name for c in source.columns][0] == "order_id"
assert w.tables.exists("main.demo.orders_cdf").table_exists
step("source table", source.table_type.value)

folder = f"/Users/{me.user_name}/.bundle/sdk/state"
w.workspace.mkdirs(folder)
w.workspace.upload(f"{folder}/resources.json", io.BytesIO(b'{"serial":1}'), format=ImportFormat.AUTO, overwrite=True)
assert w.workspace.download(f"{folder}/resources.json").read() == b'{"serial":1}'
assert w.workspace.get_status(f"{folder}/resources.json").object_type == ObjectType.FILE
step("workspace file", "written and read")

w.database.delete_synced_database_table(table)
w.database.delete_database_catalog(catalog)
w.database.delete_database_instance(name, purge=True)
for _ in range(200):
    try:
        w.database.get_database_instance(name)
        time.sleep(0.1)
    except NotFound:
        break
else:
    raise AssertionError("instance was not deleted")
step("deleted", "all")
