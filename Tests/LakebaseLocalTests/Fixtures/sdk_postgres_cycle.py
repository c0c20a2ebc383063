"""The official Databricks Python SDK's w.postgres drives a full Autoscaling lifecycle against lakebase-local
(autoscaling-api.md §5): usage: sdk_postgres_cycle.py <base url> <token> <postgres port>. Prints one line per step
and exits non-zero at the first surprise."""
import os
import subprocess
import sys
import time

from databricks.sdk import WorkspaceClient
from databricks.sdk.common.types.fieldmask import FieldMask
from databricks.sdk.errors import DatabricksError, NotFound
from databricks.sdk.service.postgres import (Branch, BranchSpec, Database, DatabaseDatabaseSpec, Endpoint,
                                             EndpointSpec, EndpointType, Project, ProjectSpec, Role, RoleRoleSpec)

base, token, port = sys.argv[1], sys.argv[2], sys.argv[3]
w = WorkspaceClient(host=base, token=token)
p = w.postgres


def check(condition, what):
    if not condition:
        print("FAILED: " + what)
        sys.exit(1)
    print("ok: " + what)


project = p.create_project(Project(spec=ProjectSpec(display_name="SDK shop")), project_id="sdk").wait()
check(project.name == "projects/sdk", "create_project waits for its operation")
check(p.get_project("projects/sdk").status.default_branch == "projects/sdk/branches/production", "default branch")
production = "projects/sdk/branches/production"
check(p.get_branch(production).status.default, "the root branch exists")
primary = p.get_endpoint(production + "/endpoints/primary")
check(primary.status.endpoint_type == EndpointType.ENDPOINT_TYPE_READ_WRITE, "its primary endpoint exists")

dev = p.create_branch("projects/sdk", Branch(spec=BranchSpec(no_expiry=True)), branch_id="dev").wait()
check(dev.status.source_branch == production, "a branch starts from the default branch")
check(p.get_endpoint("projects/sdk/branches/dev/endpoints/primary").status.hosts.host, "every branch gets a primary")

reader = p.create_endpoint(production, Endpoint(spec=EndpointSpec(
    endpoint_type=EndpointType.ENDPOINT_TYPE_READ_ONLY, autoscaling_limit_min_cu=0.5, autoscaling_limit_max_cu=2)),
    endpoint_id="reader").wait()
for _ in range(100):
    if not p.get_endpoint(reader.name).status.pending_state:
        break
    time.sleep(0.1)
check(not p.get_endpoint(reader.name).status.pending_state, "the endpoint's reconciliation ends")
updated = p.update_endpoint(reader.name, Endpoint(spec=EndpointSpec(
    endpoint_type=EndpointType.ENDPOINT_TYPE_READ_ONLY, autoscaling_limit_max_cu=4)),
    update_mask=FieldMask(["spec.autoscaling_limit_max_cu"])).wait()
check(updated.status.autoscaling_limit_max_cu == 4 and updated.status.autoscaling_limit_min_cu == 0.5,
      "update_endpoint changes the masked field only")

role = p.create_role(production, Role(spec=RoleRoleSpec(postgres_role="app_owner")), role_id="app-owner").wait()
check(role.status.postgres_role == "app_owner", "create_role")
database = p.create_database(production, Database(spec=DatabaseDatabaseSpec(
    postgres_database="app_db", role=role.name)), database_id="app").wait()
renamed = p.update_database(database.name, Database(spec=DatabaseDatabaseSpec(postgres_database="renamed_db",
                                                                              role=role.name)),
                            update_mask=FieldMask(["spec.postgres_database"])).wait()
check(renamed.status.postgres_database == "renamed_db", "update_database renames")

credential = p.generate_database_credential(endpoint=primary.name)
me = w.current_user.me().user_name
result = subprocess.run(
    ["psql", f"host={primary.status.hosts.host} port={port} user={me} dbname=databricks_postgres sslmode=require",
     "-tAc", "SELECT datname FROM pg_database WHERE datname = 'renamed_db'"],
    env=dict(os.environ, PGPASSWORD=credential.token), capture_output=True, text=True)
check(result.stdout.strip() == "renamed_db", "psql logs in with the credential and sees the renamed database")

try:
    p.delete_endpoint(primary.name).wait()
    check(False, "deleting a read-write endpoint is refused")
except DatabricksError as error:
    check("read-write endpoint" in str(error), "deleting a read-write endpoint is refused (MANAGED_BY_PARENT)")

p.delete_project("projects/sdk").wait()
check(p.get_project("projects/sdk").delete_time is not None, "a soft-deleted project still answers, with delete_time")
try:
    p.create_project(Project(spec=ProjectSpec()), project_id="sdk").wait()
    check(False, "a soft-deleted project's id stays taken")
except DatabricksError:
    check(True, "a soft-deleted project's id stays taken")
p.undelete_project("projects/sdk").wait()
check(p.get_branch(production).status.current_state is not None, "undelete brings the branches back")
p.delete_project("projects/sdk", purge=True).wait()
try:
    p.get_project("projects/sdk")
    check(False, "a purged project is gone")
except NotFound:
    check(True, "a purged project is gone")
print("postgres cycle: complete")
