#!/usr/bin/env python3
"""Snapshot sync throughput of lakebase-local, side by side with its physical baseline.

Seeds a source table of N rows of about 1 KB, deploys a SNAPSHOT synced table from it, then times
  1. a pipeline update with full_refresh (lakebase-local's COPY out of the lakehouse, COPY into the
     hash-partitioned synced table), and
  2. the baseline: psql piping COPY TO STDOUT from the lakehouse into COPY FROM STDIN of a plain table
     on the same instance (what the hardware and PostgreSQL allow, with no emulator in between).
Prints rows/s for both and their ratio. It reports; it asserts nothing.

Usage: bench/snapshot_throughput.py [--rows 100000] [--binary .build/debug/lakebase-local]
"""
import argparse
import csv
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

TOKEN = "dapi-bench"


def call(base, method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(base + path, data=data, method=method,
                                     headers={"Authorization": "Bearer " + TOKEN, "Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read() or b"{}")


def wait_for(base, path, test, timeout=600):
    deadline = time.time() + timeout
    while time.time() < deadline:
        answer = call(base, "GET", path)
        if test(answer):
            return answer
        time.sleep(0.1)
    sys.exit("timed out waiting for " + path)


def write_seed(folder, rows):
    csv_path = os.path.join(folder, "wide.csv")
    with open(csv_path, "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id"] + ["c%d" % i for i in range(10)])
        for n in range(1, rows + 1):
            writer.writerow([n] + [("%010d" % (n * (i + 7))) * 10 for i in range(10)])  # 10 x 100 chars
    seed = os.path.join(folder, "seed.yml")
    columns = "\n".join("              c%d: STRING" % i for i in range(10))
    with open(seed, "w") as handle:
        handle.write("catalogs:\n  bench:\n    schemas:\n      data:\n        tables:\n          wide:\n"
                     "            primary_key: [id]\n            csv: wide.csv\n            columns:\n"
                     "              id: BIGINT NOT NULL\n" + columns + "\n")
    return seed


def psql(connection, password, command, **kwargs):
    env = dict(os.environ, PGPASSWORD=password)
    return subprocess.Popen(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", connection, "-c", command], env=env, **kwargs)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def measure(binary, rows, repeat=3):
    """Seconds of the pipeline's full refresh and of the psql baseline, for `rows` rows: the median of `repeat`
    runs of each, taken in turn on the same emulator."""
    folder = tempfile.mkdtemp(prefix="lakebase-bench-")
    os.chmod(folder, 0o755)
    seed = write_seed(folder, rows)
    data_dir = os.path.join(folder, "data")
    pg_port = free_port()
    server = subprocess.Popen([binary, "serve", "--port", "0", "--data-dir", data_dir, "--seed", seed,
                               "--token", TOKEN, "--pg-port", str(pg_port), "--instance-startup-ms", "100",
                               "--synced-table-phase-ms", "50"], stdout=subprocess.PIPE, text=True)
    try:
        base = server.stdout.readline().strip().rsplit(" ", 1)[-1]
        call(base, "POST", "/api/2.0/database/instances", {"name": "bench-db", "capacity": "CU_1"})
        instance = wait_for(base, "/api/2.0/database/instances/bench-db", lambda a: a.get("state") == "AVAILABLE")
        call(base, "POST", "/api/2.0/database/catalogs",
             {"name": "benchcat", "database_instance_name": "bench-db", "database_name": "app",
              "create_database_if_not_exists": True})
        created = call(base, "POST", "/api/2.0/database/synced_tables",
                       {"name": "benchcat.public.wide",
                        "spec": {"source_table_full_name": "bench.data.wide", "primary_key_columns": ["id"],
                                 "scheduling_policy": "SNAPSHOT"}})
        wait_for(base, "/api/2.0/database/synced_tables/benchcat.public.wide",
                 lambda a: a.get("unity_catalog_provisioning_state") == "ACTIVE")
        pipeline = created["data_synchronization_status"]["pipeline_id"]
        admin = open(os.path.join(data_dir, "admin-password")).read().strip()
        lakehouse = json.load(open(os.path.join(data_dir, "lakehouse.json")))
        source = "host=%s port=%d dbname=bench user=lakebase_admin sslmode=require" % (lakehouse["host"], lakehouse["port"])
        target = "host=%s port=%d dbname=app user=lakebase_admin sslmode=require" % (instance["read_write_dns"], pg_port)
        columns = ", ".join(["id bigint primary key"] + ["c%d text" % i for i in range(10)])
        psql(target, admin, "CREATE TABLE baseline (%s)" % columns).wait()
        pipeline_runs, baseline_runs = [], []
        for _ in range(repeat):  # alternated, so that both sides see the same machine
            started = time.time()
            update = call(base, "POST", "/api/2.0/pipelines/%s/updates" % pipeline, {"full_refresh": True})["update_id"]
            wait_for(base, "/api/2.0/pipelines/%s/updates/%s" % (pipeline, update),
                     lambda a: a["update"]["state"] != "RUNNING")
            pipeline_runs.append(time.time() - started)
            psql(target, admin, "TRUNCATE baseline").wait()
            started = time.time()
            reader = psql(source, admin, "COPY data.wide TO STDOUT", stdout=subprocess.PIPE)
            writer = psql(target, admin, "COPY baseline FROM STDIN", stdin=reader.stdout)
            reader.stdout.close()
            writer.wait()
            reader.wait()
            baseline_runs.append(time.time() - started)
        return statistics.median(pipeline_runs), statistics.median(baseline_runs)
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(folder, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100000)
    parser.add_argument("--binary", default=".build/debug/lakebase-local")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each side (the median is shown)")
    options = parser.parse_args()
    pipeline_seconds, baseline_seconds = measure(options.binary, options.rows, options.repeat)
    rows = options.rows
    print("snapshot sync of %d rows of ~1 KB" % rows)
    print("%-38s %10s %12s %8s" % ("", "seconds", "rows/s", "ratio"))
    print("%-38s %10.2f %12.0f %8.2f" % ("lakebase-local pipeline (full refresh)", pipeline_seconds,
                                         rows / pipeline_seconds, pipeline_seconds / baseline_seconds))
    print("%-38s %10.2f %12.0f %8.2f" % ("baseline: psql COPY | COPY", baseline_seconds, rows / baseline_seconds, 1.0))


if __name__ == "__main__":
    main()
