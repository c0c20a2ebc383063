#!/usr/bin/env python3
"""The sequential baseline of the plan benchmark: the official databricks-sdk reads the bundle's resources one by
one, as a deployment script built on the SDK does (the accelerator's own deployment service reads them this way).

Usage: bench/sdk_baseline.py NAMES.json   (DATABRICKS_HOST and DATABRICKS_TOKEN point at the workspace)
NAMES.json: {"instances": [...], "catalogs": [...], "synced_tables": [...], "sources": [...]}
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
    calls = 0
    started = time.time()
    for name in names["instances"]:
        read(w.database.get_database_instance, name)
        calls += 1
    for name in names["catalogs"]:
        read(w.database.get_database_catalog, name)
        calls += 1
    for name in names["synced_tables"]:
        read(w.database.get_synced_database_table, name)
        calls += 1
    for name in names["sources"]:
        read(w.tables.get, name)
        calls += 1
    print(json.dumps({"calls": calls, "seconds": time.time() - started}))


if __name__ == "__main__":
    main()
