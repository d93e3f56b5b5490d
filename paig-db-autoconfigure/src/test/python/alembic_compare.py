#!/usr/bin/env python3
"""Run real Alembic over an eight-revision history, step by step, and record what it did, for
AlembicParity*Tests, which replay the same steps with the db commands on every build (so the
build needs no Python).

Alembic is not part of paig-db. Use Debian's (bookworm: Alembic 1.8.1 on SQLAlchemy 1.4.46)
and its drivers, with the system Python:

    apt-get install -y python3-alembic python3-psycopg2 python3-pymysql
    /usr/bin/python3 paig-db-autoconfigure/src/test/python/alembic_compare.py \\
        --postgresql postgresql://root@127.0.0.1:5432/test \\
        --mariadb mysql+pymysql://root@127.0.0.1:3306/test \\
        --out paig-db-autoconfigure/src/test/resources/alembic-parity/alembic-results.json

(or Alembic from a checkout of sqlalchemy/alembic: put its folder first on PYTHONPATH). The
server URLs name a database the script may create other databases beside; each dialect runs
in a new database, dropped at the end. Leave out --postgresql or --mariadb to skip it.

The output is deterministic for one Alembic version. It holds:

    alembic, sqlalchemy  the versions that produced it
    revisions  the history: id, message, and what the revision does (create a table with
               columns, or add a column to a table); every column but 'id' is VARCHAR(100)
    steps      each step: 'alembic' (the arguments after 'alembic'), 'db' (the arguments
               after 'db', when they differ from Alembic's), 'difference' (when db is meant to
               behave otherwise: 'reason' and 'db', the values db must show instead of
               Alembic's), and per dialect what Alembic left behind:
                 ok       whether the command exited 0
                 current  the revision(s) in alembic_version afterwards, [] at base
                 schema   each table (but alembic_version) with its columns, sorted
                 listed   for history, heads and current: the revision ids the output names,
                          in order
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import sqlalchemy as sa

# The history: the same ids, tables and columns as the Liquibase changelog the Java test
# writes from this file.
REVISIONS = [
    {"id": "1a0c5e7d9b21", "message": "create account", "create": {"table": "account", "columns": ["id", "name"]}},
    {"id": "2b1d6f8eac32", "message": "add account email", "add": {"table": "account", "column": "email"}},
    {"id": "3c2e7a9fbd43", "message": "create project",
     "create": {"table": "project", "columns": ["id", "account_id", "title"]}},
    {"id": "4d3f8bacce54", "message": "add project status", "add": {"table": "project", "column": "status"}},
    {"id": "5e4a9cbddf65", "message": "create tag", "create": {"table": "tag", "columns": ["id", "label"]}},
    {"id": "6f5bacdee076", "message": "add tag color", "add": {"table": "tag", "column": "color"}},
    {"id": "7a6cbdeff187", "message": "create note", "create": {"table": "note", "columns": ["id", "body"]}},
    {"id": "8b7dcef0a298", "message": "add account active", "add": {"table": "account", "column": "active"}},
]

R = [revision["id"] for revision in REVISIONS]

BASE_NEEDS_YES = "db asks for --yes before a downgrade that reverts every revision (it drops every table the " \
                 "revisions made, data included); Alembic does not ask"


def schema_at(revision_id):
    """The tables and columns of a database at a revision."""
    schema = {}
    for revision in REVISIONS:
        if "create" in revision:
            schema[revision["create"]["table"]] = list(revision["create"]["columns"])
        else:
            schema[revision["add"]["table"]].append(revision["add"]["column"])
        if revision["id"] == revision_id:
            break
    return {table: sorted(columns) for table, columns in sorted(schema.items())}


def step(alembic, db=None, reason=None, **db_values):
    entry = {"alembic": alembic}
    if db is not None:
        entry["db"] = db
    if reason is not None:
        entry["difference"] = {"reason": reason, "db": db_values}
    return entry


# The steps, in order, each from where the one before left the database.
STEPS = [
    step(["current"], reason="db current prints 'base' for a database at base, so that its output always "
                             "names where the database is; Alembic prints nothing", listed=["base"]),
    step(["heads"]),
    step(["upgrade", "+1"]),
    step(["upgrade", "+20"]),
    step(["upgrade", "head"]),
    step(["upgrade", "+1"]),
    step(["upgrade", "heads"]),
    step(["current"]),
    step(["downgrade", "-2"]),
    step(["upgrade", "+1"]),
    step(["downgrade", "-9"]),
    step(["downgrade", R[2][:4]]),
    step(["upgrade", R[4][:6]]),
    step(["upgrade", R[1]]),
    step(["downgrade", R[6]]),
    step(["downgrade", "-5"], db=["downgrade", "-5", "--yes"], reason=BASE_NEEDS_YES),
    step(["downgrade", "-1"]),
    step(["upgrade", R[3]]),
    step(["upgrade", "zzzz"]),
    step(["upgrade", "1"]),
    step(["stamp", R[6]]),
    step(["current"]),
    step(["stamp", "base"]),
    step(["stamp", "head"]),
    step(["stamp", R[3]]),
    step(["upgrade", "head"]),
    step(["downgrade", R[4]]),
    step(["history"]),
    step(["history", "-r", R[1] + ":" + R[4]]),
    step(["history", "-r-3:"]),
    step(["history", "-r", "current:+2"]),
    step(["history", "-r-1:current"],
         reason="Alembic 1.8.1 fails on a relative start before 'current' (\"Requested range -1:('...',) does "
                "not refer to ancestor/descendant revisions\": it compares the count with a tuple), though its "
                "documentation shows -r-3:current; db lists the current revision and the one before it",
         ok=True, listed=[R[4], R[3]]),
    step(["history", "-r-9:current"]),
    step(["history", "-r", R[4][:4] + ":" + R[1][:4]]),
    step(["history", "-r", "base:" + R[1][:4]]),
    step(["history", "-r", R[2] + ":"]),
    step(["history", "-r", "current:+9"]),
    step(["heads"]),
    step(["show", R[2]]),
    step(["show", "zzzz"]),
    step(["upgrade", R[0] + ":" + R[2], "--sql"]),
    step(["upgrade", "base:head", "--sql"]),
    step(["downgrade", R[7] + ":" + R[4], "--sql"]),
    step(["upgrade", R[4] + ":" + R[1], "--sql"],
         reason="db refuses (exit 2) an upgrade range whose start comes after its end, and names the downgrade "
                "that was probably meant; Alembic prints an empty script", ok=False),
    step(["downgrade", R[1] + ":" + R[4], "--sql"]),
    step(["downgrade", R[7] + ":base", "--sql"]),
    step(["upgrade", "base:head"]),
    step(["downgrade", "-1", "--sql"],
         reason="db downgrade -N --sql (and <rev>, base) reads where the database is and prints the SQL from "
                "there; Alembic's offline mode reads no database and wants <from>:<to>, which db takes too",
         ok=True),
    step(["upgrade", "+1"]),
    step(["downgrade", "base"], db=["downgrade", "base", "--yes"], reason=BASE_NEEDS_YES),
    step(["downgrade", "-1"]),
    step(["upgrade", "+2"]),
    step(["downgrade", "base"],
         reason="without --yes db refuses (exit 2) a downgrade that reverts every revision; Alembic runs it. "
                "The next step, with --yes, brings db to base as well",
         ok=False, current=[R[1]], schema=schema_at(R[1])),
    step(["downgrade", "base"], db=["downgrade", "base", "--yes"], reason=BASE_NEEDS_YES),
    step(["upgrade", "head"]),
    step(["upgrade"], reason="db upgrade with no target is db upgrade head (here: nothing to do); Alembic's "
                             "command line wants a target", ok=True),
    step(["current"]),
]


def versions(folder):
    os.makedirs(os.path.join(folder, "versions"))
    parent = None
    for n, revision in enumerate(REVISIONS):
        if "create" in revision:
            table = revision["create"]["table"]
            columns = ", ".join(
                ("sa.Column('id', sa.Integer, primary_key=True)" if column == "id"
                 else "sa.Column('%s', sa.String(100))" % column)
                for column in revision["create"]["columns"])
            upgrade = "op.create_table('%s', %s)" % (table, columns)
            downgrade = "op.drop_table('%s')" % table
        else:
            table = revision["add"]["table"]
            column = revision["add"]["column"]
            upgrade = "op.add_column('%s', sa.Column('%s', sa.String(100)))" % (table, column)
            downgrade = "op.drop_column('%s', '%s')" % (table, column)
        with open(os.path.join(folder, "versions", "%02d_%s.py" % (n + 1, revision["id"])), "w") as out:
            out.write('"""%s"""\nfrom alembic import op\nimport sqlalchemy as sa\n\n'
                      'revision = %r\ndown_revision = %r\nbranch_labels = None\ndepends_on = None\n\n\n'
                      'def upgrade():\n    %s\n\n\ndef downgrade():\n    %s\n'
                      % (revision["message"], revision["id"], parent, upgrade, downgrade))
        parent = revision["id"]
    with open(os.path.join(folder, "env.py"), "w") as out:
        out.write("""from alembic import context
from sqlalchemy import engine_from_config, pool

config = context.config
if context.is_offline_mode():
    context.configure(url=config.get_main_option("sqlalchemy.url"), literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    engine = engine_from_config(config.get_section(config.config_ini_section), prefix="sqlalchemy.",
                                poolclass=pool.NullPool)
    with engine.connect() as connection:
        context.configure(connection=connection, transactional_ddl=None)
        with context.begin_transaction():
            context.run_migrations()
""")
    with open(os.path.join(folder, "script.py.mako"), "w") as out:
        out.write("")


def ini(folder, url):
    path = os.path.join(folder, "alembic.ini")
    with open(path, "w") as out:
        out.write("[alembic]\nscript_location = %s\nsqlalchemy.url = %s\n" % (folder, url.replace("%", "%%")))
    return path


def listed(args, output):
    """The revision ids that history, heads and current name, in order."""
    if args[0] == "history":
        return [m.group(1) for m in re.finditer(r"-> (\w+)", output)]
    if args[0] in ("heads", "current"):
        return [line.split()[0] for line in output.splitlines() if line.strip()]
    return None


def snapshot(url):
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    try:
        inspector = sa.inspect(engine)
        schema = {}
        for table in inspector.get_table_names():
            if table.lower() == "alembic_version":
                continue
            schema[table.lower()] = sorted(column["name"].lower() for column in inspector.get_columns(table))
        current = []
        if "alembic_version" in [t.lower() for t in inspector.get_table_names()]:
            with engine.connect() as connection:
                current = sorted(row[0] for row in connection.execute(sa.text("select version_num from alembic_version")))
        return current, dict(sorted(schema.items()))
    finally:
        engine.dispose()


def run(dialect, url, folder):
    config = ini(folder, url)
    results = []
    for entry in STEPS:
        args = entry["alembic"]
        process = subprocess.run([sys.executable, "-m", "alembic", "-c", config] + args, capture_output=True,
                                 text=True, cwd=folder)
        current, schema = snapshot(url)
        result = {"ok": process.returncode == 0, "current": current, "schema": schema}
        names = listed(args, process.stdout) if process.returncode == 0 else None
        if names is not None:
            result["listed"] = names
        print("%-10s %-40s exit %d current %s%s" % (dialect, " ".join(args), process.returncode, current,
                                                   ("" if process.returncode == 0
                                                    else "  (" + ((process.stderr + process.stdout).strip().splitlines() or [""])[-1] + ")")),
              file=sys.stderr)
        results.append(result)
    return results


def scratch(server, dialect):
    """A new database on the server, and a function that drops it."""
    name = "alembic_compare_%d" % os.getpid()
    engine = sa.create_engine(server, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)
    with engine.connect() as connection:
        connection.execute(sa.text("DROP DATABASE IF EXISTS " + name))
        connection.execute(sa.text("CREATE DATABASE " + name))
    url = sa.engine.make_url(server).set(database=name)

    def drop():
        with engine.connect() as connection:
            connection.execute(sa.text("DROP DATABASE IF EXISTS " + name
                                       + (" WITH (FORCE)" if dialect == "postgresql" else "")))
        engine.dispose()

    return url.render_as_string(hide_password=False), drop


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgresql", help="a PostgreSQL server, e.g. postgresql://root@127.0.0.1:5432/test")
    parser.add_argument("--mariadb", help="a MariaDB server, e.g. mysql+pymysql://root@127.0.0.1:3306/test")
    parser.add_argument("--out", required=True)
    options = parser.parse_args()
    import alembic
    data = {"alembic": alembic.__version__, "sqlalchemy": sa.__version__, "revisions": REVISIONS, "steps": []}
    per_dialect = {}
    work = tempfile.mkdtemp(prefix="alembic-compare-")
    try:
        targets = [("sqlite", None)]
        if options.postgresql:
            targets.append(("postgresql", options.postgresql))
        if options.mariadb:
            targets.append(("mariadb", options.mariadb))
        for dialect, server in targets:
            folder = os.path.join(work, dialect)
            versions(folder)
            if server is None:
                per_dialect[dialect] = run(dialect, "sqlite:///" + os.path.join(work, "sqlite.db"), folder)
            else:
                url, drop = scratch(server, dialect)
                try:
                    per_dialect[dialect] = run(dialect, url, folder)
                finally:
                    drop()
    finally:
        shutil.rmtree(work)
    for n, entry in enumerate(STEPS):
        recorded = dict(entry)
        recorded["n"] = n + 1
        for dialect, results in per_dialect.items():
            recorded[dialect] = results[n]
        data["steps"].append(recorded)
    os.makedirs(os.path.dirname(os.path.abspath(options.out)), exist_ok=True)
    with open(options.out, "w") as out:
        json.dump(data, out, indent=1, sort_keys=True)
        out.write("\n")


if __name__ == "__main__":
    main()
