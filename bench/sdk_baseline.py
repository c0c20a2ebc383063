#!/usr/bin/env python3
"""The sequential baseline of the plan benchmark: the official databricks-sdk reads the bundle's resources one by
one, as a deployment script built on the SDK does (the accelerator's own deployment service reads them this way).

Usage: bench/sdk_baseline.py NAMES.json   (DATABRICKS_HOST and DATABRICKS_TOKEN point at the workspace)
NAMES.json: {"instances": [...], "catalogs": [...], "synced_tables": [...], "sources": [...]} for the Provisioned
family, or {"projects": [...], "branches": [...], "postgres_catalogs": [...], "postgres_synced_tables": [...],
"sources": [...]} for Autoscaling (w.postgres; full resource names).
Prints the number of calls and the seconds they took, as JSON.
"""
import json
import sys
import time

from databricks.sdk import WorkspaceClient
from databricks.sdk.errors import NotFound


def read(call, name):
    try:
        call(name)
    except NotFound:
        pass


def main():
    names = json.load(open(sys.argv[1]))
    w = WorkspaceClient()
    if "projects" in names:
        reads = [(w.postgres.get_project, names["projects"]),
                 (w.postgres.get_branch, names["branches"]),
                 (w.postgres.get_catalog, names["postgres_catalogs"]),
                 (w.postgres.get_synced_table, names["postgres_synced_tables"]),
                 (w.tables.get, names["sources"])]
    else:
        reads = [(w.database.get_database_instance, names["instances"]),
                 (w.database.get_database_catalog, names["catalogs"]),
                 (w.database.get_synced_database_table, names["synced_tables"]),
                 (w.tables.get, names["sources"])]
    calls = 0
    started = time.time()
    for call, targets in reads:
        for name in targets:
            read(call, name)
            calls += 1
    print(json.dumps({"calls": calls, "seconds": time.time() - started}))


if __name__ == "__main__":
    main()
