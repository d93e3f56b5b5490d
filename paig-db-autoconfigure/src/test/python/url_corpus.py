#!/usr/bin/env python3
"""Write the URL corpus that DatabaseUrlSqlAlchemyTests reads: database URLs, well-formed and
malformed, each with SQLAlchemy's own reading of it.

SQLAlchemy is not part of paig-db: this script imports it from a source tree given on the
command line (or in the environment variable SQLALCHEMY_LIB), for example the pure-Python
'lib' folder of the SQLAlchemy 2.0 source distribution:

    python3 paig-db-autoconfigure/src/test/python/url_corpus.py \\
        --sqlalchemy /path/to/sqlalchemy-2.0.52/lib \\
        --out paig-db-autoconfigure/src/test/resources/url-corpus/sqlalchemy-urls.jsonl

The output is deterministic (fixed seed): running it again with the same SQLAlchemy gives
the same file. Each line is a JSON object:

    n        the line's number, from 1
    kind     how the URL was made, for reports (well-formed/..., malformed/...)
    url      the URL
    secrets  the secrets the URL carries, each {"raw": as written, "value": decoded,
             "where": "userinfo" or "query"}; the Java test checks that none of them is
             ever shown
    sa       SQLAlchemy's reading: drivername, username, password, host, port, database,
             query (sorted [key, value] pairs), and from its own URL pattern: consumed
             (whether the pattern read the whole text; what it leaves over, SQLAlchemy
             ignores), port_text and query_text (as written), ipv6 (host in brackets);
             or {"error": "Type: message"} when make_url raises
    sa_stripped  for a URL with spaces around it, SQLAlchemy's reading of the stripped
             URL (paig-db strips them; SQLAlchemy does not)
"""

import argparse
import json
import os
import random
import re
import sys
from urllib.parse import quote, quote_plus, unquote

SEED = 20_260_520
MARKER = "Zq9"
LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
# Characters a password or user may hold, raw or percent-encoded.
SPECIALS = ["@", ":", "/", "?", "#", "[", "]", "%", "+", "=", "&", " ", ";", "!", "$", "*", ",", "~",
            "\u00e9", "\u00fc", "\u4e2d", "\U0001F600"]
# Percent escapes that do not decode to valid UTF-8, or are not escapes at all.
ODD_ESCAPES = ["%zz", "%C3", "%F0%9F%98", "%ED%A0%80", "%C0%80", "%", "%2", "%FF%FE", "%e9"]

POSTGRESQL_DRIVERS = [None, "asyncpg", "psycopg", "psycopg2", "psycopg2cffi", "psycopg_async", "pg8000"]
MYSQL_DRIVERS = [None, "aiomysql", "asyncmy", "pymysql", "mysqldb", "mysqlconnector", "mariadbconnector",
                 "cymysql"]
SQLITE_DRIVERS = [None, "aiosqlite", "pysqlite"]


def schemes():
    result = []
    for dialect, drivers in (("postgresql", POSTGRESQL_DRIVERS), ("mysql", MYSQL_DRIVERS),
                             ("mariadb", MYSQL_DRIVERS)):
        for driver in drivers:
            result.append(dialect if driver is None else dialect + "+" + driver)
    result += ["postgres", "postgres+asyncpg"]
    return result


NETWORK_SCHEMES = schemes()
SQLITE_SCHEMES = ["sqlite" if d is None else "sqlite+" + d for d in SQLITE_DRIVERS]

USERS = ["paig", "u", "admin", "paig%40corp", "user.name", "a%3Ab", "us%2Fer", "\u7528\u6237", "J\u00f6rg",
         "p+q", "x%20y", "", "root", "PAIG_svc", "o%27brien", "%E2%82%AC"]
HOSTS = ["db", "db.example.com", "127.0.0.1", "[::1]", "[2001:db8::1]", "[fe80::1%eth0]", "[fe80::1%25eth0]",
         "localhost", "my-db_1", "DB.Example.COM", "10.0.0.5", "h%20x", "", "xn--bcher-kva.example"]
DATABASES = ["paig", "paig_db", "my%20db", "my db", "a.b", "db-1", "PAIG", "\u5206\u6790", "a/b", "d%2Fb",
             "", None, "%zz", "x+y"]
SQLITE_PATHS = ["db/database.db", "/var/lib/paig/paig.db", "", ":memory:", "my%20data/paig.db",
                "/home/me@corp/paig.db", "../x.db", "d\u00e9j\u00e0/paig.db", "C:/paig/x.db", "a b/c.db",
                "x%3Fy.db", "./rel/./x.db", "/tmp/%zz.db", "me@corp.db"]
PG_PARAMS = ["sslmode=require", "application_name=paig+server", "connect_timeout=10",
             "options=-c%20search_path%3Dpaig", "target_session_attrs=read-write", "x=1&x=2", "%zz=%",
             "flag", "=v", "k=", "a=1;b=2", "Ke%79=v", "keepalives=1", "sslmode=verify-full&sslrootcert=/ca.pem"]
MYSQL_PARAMS = ["charset=utf8mb4", "ssl_mode=REQUIRED", "connect_timeout=5", "read_timeout=30", "x=1&x=2",
                "local_infile=1", "program_name=paig", "%7A=%41", "a+b=c+d", "flag"]
SQLITE_PARAMS = ["timeout=5", "journal_mode=WAL", "check_same_thread=false", "synchronous=NORMAL",
                 "foreign_keys=false", "x=1", "busy_timeout=100"]
SECRET_KEYS = ["password", "sslpassword", "PASSWORD", "pass%77ord", "db_password", "api+token", "Secret"]


def new_secret(rng, specials=True):
    """A password that is easy to find: the marker, letters, and maybe special characters."""
    text = MARKER + "".join(rng.choice(LETTERS) for _ in range(rng.randint(5, 8)))
    if specials:
        for _ in range(rng.randint(0, 3)):
            at = rng.randint(len(MARKER) + 1, len(text))
            text = text[:at] + rng.choice(SPECIALS) + text[at:]
    return text


def spell(rng, value, style=None):
    """Write a password the way a user might: encoded, partly encoded, or raw."""
    style = style or rng.choice(["encoded", "encoded", "lower-hex", "partly", "raw", "plus"])
    if style == "encoded":
        return quote(value, safe="")
    if style == "lower-hex":
        return re.sub(r"%[0-9A-F]{2}", lambda m: m.group(0).lower(), quote(value, safe=""))
    if style == "partly":
        # the characters that break the grammar encoded, the others raw
        return "".join(quote(c, safe="") if c in "@:/?#[]%" else c for c in value)
    if style == "plus":
        return quote_plus(value, safe="")
    return value


class Corpus:

    def __init__(self, make_url, pattern, rng):
        self.make_url = make_url
        self.pattern = pattern
        self.rng = rng
        self.records = []
        self.seen = set()

    def read(self, url):
        try:
            parsed = self.make_url(url)
        except Exception as ex:  # noqa: BLE001 - any error is SQLAlchemy's answer
            return {"error": type(ex).__name__ + ": " + str(ex)}
        match = self.pattern.match(url)
        groups = match.groupdict()
        host = groups["ipv4host"] or groups["ipv6host"]
        if host != parsed.host:
            raise AssertionError("the pattern and make_url disagree about " + repr(url))
        query = []
        for key, values in parsed.query.items():
            for value in (values if isinstance(values, tuple) else (values,)):
                query.append([key, value])
        return {"drivername": parsed.drivername, "username": parsed.username, "password": parsed.password,
                "host": parsed.host, "port": parsed.port, "database": parsed.database, "query": sorted(query),
                "consumed": match.end() == len(url), "port_text": groups["port"],
                "query_text": groups["query"], "ipv6": groups["ipv6host"] is not None}

    def add(self, kind, url, secrets):
        if url in self.seen:
            return False
        # A secret must occur once: a second copy outside the user information may rightly be shown.
        secrets = [s for s in secrets if s["raw"] and url.count(s["raw"]) == 1]
        # A password with no ':' before it (a mutation took it away) is part of the user name,
        # by any reading.
        start = url.find("://") + 3 if "://" in url else 0
        secrets = [s for s in secrets if s["where"] != "userinfo" or ":" in url[start:url.find(s["raw"])]]
        self.seen.add(url)
        record = {"n": len(self.records) + 1, "kind": kind, "url": url, "secrets": secrets, "sa": self.read(url)}
        if url != url.strip():
            record["sa_stripped"] = self.read(url.strip())
        self.records.append(record)
        return True


def userinfo_secret(raw):
    return {"raw": raw, "value": unquote(raw), "where": "userinfo"}


def query_secret(raw):
    return {"raw": raw, "value": unquote(raw.replace("+", " ")), "where": "query"}


def network_url(rng, scheme=None, user=None, password=None, host=None, port="default", database="default",
                params=None, secret_param=None):
    """A PostgreSQL or MySQL URL from parts, and the secrets it carries."""
    scheme = scheme or rng.choice(NETWORK_SCHEMES)
    postgres = scheme.startswith("postgres")
    user = rng.choice(USERS) if user is None else user
    host = rng.choice(HOSTS) if host is None else host
    if port == "default":
        port = rng.choice([None, None, "5432" if postgres else "3306", "1", "65535", "05432", "6543"])
    if database == "default":
        database = rng.choice(DATABASES)
    if params is None:
        params = rng.sample(PG_PARAMS if postgres else MYSQL_PARAMS, rng.randint(0, 2))
    secrets = []
    text = scheme + "://"
    if password is not None or user != "" or rng.random() < 0.3:
        text += user
        if password is not None:
            text += ":" + password
            secrets.append(userinfo_secret(password))
        text += "@"
    text += host
    if port is not None:
        text += ":" + port
    if database is not None:
        text += "/" + database
    params = list(params)
    if secret_param is not None:
        key, raw = secret_param
        params.insert(rng.randint(0, len(params)), key + "=" + raw)
        secrets.append(query_secret(raw))
    if params:
        text += "?" + "&".join(params)
    return text, secrets


def sqlite_url(rng, scheme=None, path=None, params=None, secret_param=None):
    scheme = scheme or rng.choice(SQLITE_SCHEMES)
    path = rng.choice(SQLITE_PATHS) if path is None else path
    text = scheme + "://"
    if path != "" or rng.random() < 0.5:
        text += "/" + path
    if params is None:
        params = rng.sample(SQLITE_PARAMS, rng.randint(0, 2))
    params = list(params)
    secrets = []
    if secret_param is not None:
        key, raw = secret_param
        params.append(key + "=" + raw)
        secrets.append(query_secret(raw))
    if params:
        text += "?" + "&".join(params)
    return text, secrets


def secret_param(rng):
    """A secret query parameter: its value percent-encoded, or raw with characters a value may hold."""
    if rng.random() < 0.6:
        return (rng.choice(SECRET_KEYS), quote(new_secret(rng), safe=""))
    value = new_secret(rng, specials=False)
    for _ in range(rng.randint(1, 3)):
        at = rng.randint(len(MARKER) + 1, len(value))
        value = value[:at] + rng.choice(";/?#=:,!*~") + value[at:]
    return (rng.choice(SECRET_KEYS), value)


def well_formed(corpus, rng, count):
    """URLs every part of which is written as the grammar wants, for every scheme."""
    made = 0
    schemes_cycle = NETWORK_SCHEMES + SQLITE_SCHEMES
    while made < count:
        scheme = schemes_cycle[made % len(schemes_cycle)]
        if scheme.startswith("sqlite"):
            url, secrets = sqlite_url(rng, scheme, secret_param=secret_param(rng) if rng.random() < 0.2 else None)
            kind = "well-formed/sqlite"
        else:
            value = new_secret(rng)
            style = rng.choice(["encoded", "encoded", "lower-hex", "partly", "plus"])
            password = spell(rng, value, style) if rng.random() < 0.85 else None
            url, secrets = network_url(rng, scheme, password=password,
                                       secret_param=secret_param(rng) if rng.random() < 0.2 else None)
            kind = "well-formed/" + ("password-" + style if password is not None else "no-password")
        if corpus.add(kind, url, secrets):
            made += 1


def raw_in_userinfo(rng, where=None, chars="?/@#:[]"):
    """A user and password with raw special characters where the grammar does not want them."""
    user = rng.choice(["u", "paig", "admin"])
    value = new_secret(rng, specials=False)
    where = where or rng.choice(["user", "password", "both"])
    if where in ("user", "both"):
        at = rng.randint(1, len(user))
        user = user[:at] + rng.choice(chars) + user[at:]
    if where in ("password", "both"):
        for _ in range(rng.randint(1, 2)):
            at = rng.randint(len(MARKER), len(value))
            value = value[:at] + rng.choice(chars) + value[at:]
    return user, value


def bracket_typo(rng, host=None):
    """A host whose brackets are wrong."""
    host = host or rng.choice(["[::1]", "[2001:db8::1]", "db", "[fe80::1%25eth0]", "127.0.0.1"])
    choices = []
    if host.startswith("["):
        choices += [host[1:], host[:-1], host + "]", "[" + host, host + "x", host.replace("]", "]]")]
    else:
        choices += [host + "]", "[" + host, "[" + host + "]]", host + "[x]"]
    choices += ["[]", "[", "]", "[]x"]
    return rng.choice(choices)


def malformed(corpus, rng, count):
    makers = [
        ("malformed/bracket-and-raw-userinfo", bracket_and_raw),
        ("malformed/bracket-and-raw-userinfo", bracket_and_raw),
        ("malformed/bracket", bracket_only),
        ("malformed/raw-userinfo", raw_only),
        ("malformed/raw-userinfo", raw_only),
        ("malformed/missing-part", missing_part),
        ("malformed/port", bad_port),
        ("malformed/at-after-host", at_after_host),
        ("malformed/scheme", bad_scheme),
        ("malformed/odd-escape", odd_escape),
        ("malformed/space-or-control", space_or_control),
        ("malformed/sqlite", bad_sqlite),
        ("malformed/mutated", mutated),
    ]
    made = 0
    while made < count:
        kind, maker = makers[made % len(makers)]
        url, secrets, detail = maker(rng)
        if corpus.add(kind + ("/" + detail if detail else ""), url, secrets):
            made += 1


def bracket_and_raw(rng):
    user, value = raw_in_userinfo(rng, chars=rng.choice(["?", "/", "?/", "?/@#"]))
    url, secrets = network_url(rng, user=user, password=value, host=bracket_typo(rng))
    return url, secrets, None


def bracket_only(rng):
    value = new_secret(rng)
    url, secrets = network_url(rng, password=spell(rng, value), host=bracket_typo(rng))
    return url, secrets, None


def raw_only(rng):
    user, value = raw_in_userinfo(rng)
    url, secrets = network_url(rng, user=user, password=value)
    return url, secrets, None


def missing_part(rng):
    value = quote(new_secret(rng), safe="")
    url, secrets = network_url(rng, user="paig", password=value, host="db", database="paig")
    scheme, rest = url.split("://", 1)
    detail = rng.choice(["no-at", "no-colon", "no-user", "no-host", "no-host-port", "no-database",
                         "slash-database", "one-slash", "three-slashes", "no-slashes", "double-colon",
                         "no-scheme", "empty-password", "colon-host"])
    if detail == "no-at":
        rest = rest.replace("@", "", 1)
    elif detail == "no-colon":
        rest = rest.replace(":", "", 1)
        secrets = []  # the password has become part of the user name, by any reading
    elif detail == "no-user":
        rest = rest.replace("paig:", ":", 1)
    elif detail == "no-host":
        rest = rest.replace("@db", "@", 1)
    elif detail == "no-host-port":
        rest = rest.replace("@db", "@:5432", 1)
    elif detail == "no-database":
        rest = rest.split("/", 1)[0] if "/" in rest.split("?", 1)[0] else rest
    elif detail == "slash-database":
        rest = re.sub(r"/paig", "/", rest, count=1)
    elif detail == "one-slash":
        return scheme + ":/" + rest, secrets, detail
    elif detail == "three-slashes":
        rest = "/" + rest
    elif detail == "no-slashes":
        return scheme + ":" + rest, secrets, detail
    elif detail == "double-colon":
        rest = rest.replace(":", "::", 1)
    elif detail == "no-scheme":
        return rest, secrets, detail
    elif detail == "empty-password":
        rest = rest.replace(value, "", 1)
        secrets = []
    elif detail == "colon-host":
        rest = rest.replace("@db", "@db:", 1)
    return scheme + "://" + rest, secrets, detail


def bad_port(rng):
    value = spell(rng, new_secret(rng))
    port = rng.choice(["abc", "0", "70000", "-1", "+5432", " 5432", "5432 ", "5_432", "\uff15\uff14\uff13\uff12",
                       "\u0665\u0664\u0663\u0662", "54:32", "", "99999999999", "005432", "0005432", "5432x",
                       "%35%34%33%32", "1e3", "65536", "65535"])
    url, secrets = network_url(rng, password=value, port=port)
    return url, secrets, None


def at_after_host(rng):
    value = spell(rng, new_secret(rng))
    detail = rng.choice(["database", "query", "password-with-slash", "password-with-question"])
    if detail == "database":
        url, secrets = network_url(rng, password=value, database=rng.choice(["db@x/y", "a@b", "@x", "p@ss"]))
    elif detail == "query":
        url, secrets = network_url(rng, password=value, params=[rng.choice(["application_name=a@b", "x@y=1",
                                                                            "email=me@corp"])])
    else:
        # a raw '@' in a password that also holds a raw '/' or '?' before it
        raw = new_secret(rng, specials=False)
        first, second = sorted(rng.sample(range(len(MARKER) + 1, len(raw)), 2))
        sep = "/" if detail == "password-with-slash" else "?"
        pair = rng.choice([("@", sep), (sep, "@")])
        raw = raw[:first] + pair[0] + raw[first:second] + pair[1] + raw[second:]
        url, secrets = network_url(rng, password=raw)
    return url, secrets, detail


def bad_scheme(rng):
    value = spell(rng, new_secret(rng), "encoded")
    url, secrets = network_url(rng, password=value)
    scheme = rng.choice(["PostgreSQL", "POSTGRESQL+ASYNCPG", "MySQL+PyMySQL", "oracle", "mysql+", "+pymysql",
                         "postgresql+nope", "postgresql+asyncpg+x", "p\u00f6stgres", "mssql+pyodbc", "Postgres",
                         "sqlite3", "mariadb+asyncpg", "postgresql+PSYCOPG"])
    return scheme + "://" + url.split("://", 1)[1], secrets, None


def odd_escape(rng):
    value = new_secret(rng, specials=False)
    at = rng.randint(len(MARKER), len(value))
    raw = value[:at] + rng.choice(ODD_ESCAPES) + value[at:]
    user = rng.choice(["u", "paig", "u" + rng.choice(ODD_ESCAPES)])
    url, secrets = network_url(rng, user=user, password=raw)
    return url, secrets, None


def space_or_control(rng):
    value = spell(rng, new_secret(rng), "encoded")
    url, secrets = network_url(rng, password=value, database="paig", params=["sslmode=require"])
    detail = rng.choice(["around", "around", "newline-in-query", "tab-in-password", "newline-in-database",
                         "nul"])
    if detail == "around":
        url = rng.choice([" ", "  ", "\t", "\n"]) + url + rng.choice(["", " ", "\n", "\t "])
    elif detail == "newline-in-query":
        url = url + "\nx=1"
    elif detail == "tab-in-password":
        url = url.replace(value, value[:4] + "\t" + value[4:], 1)
        secrets = [userinfo_secret(value[:4] + "\t" + value[4:])]
    elif detail == "newline-in-database":
        url = url.replace("/paig", "/pa\nig", 1)
    else:
        url = url.replace("/paig", "/pa\u0000ig", 1)
    return url, secrets, detail


def bad_sqlite(rng):
    value = spell(rng, new_secret(rng))
    scheme = rng.choice(SQLITE_SCHEMES)
    detail = rng.choice(["userinfo", "host", "port", "userinfo-three-slashes", "at-in-query", "secret-param",
                         "userinfo-no-host"])
    if detail == "userinfo":
        url, secrets = scheme + "://paig:" + value + "@localhost/x.db", [userinfo_secret(value)]
    elif detail == "userinfo-no-host":
        url, secrets = scheme + "://paig:" + value + "@/x.db", [userinfo_secret(value)]
    elif detail == "host":
        url, secrets = scheme + "://host/x.db", []
    elif detail == "port":
        url, secrets = scheme + "://:8080/x.db", []
    elif detail == "userinfo-three-slashes":
        url, secrets = scheme + ":///paig:" + value + "@db/x.db", [userinfo_secret(value)]
    elif detail == "at-in-query":
        url, secrets = sqlite_url(rng, scheme, params=["journal_mode=a@b"])
    else:
        url, secrets = sqlite_url(rng, scheme, secret_param=secret_param(rng))
    return url, secrets, detail


def mutated(rng):
    """A well-formed URL with a character deleted or a special character inserted at random."""
    value = new_secret(rng)
    url, secrets = network_url(rng, password=spell(rng, value))
    for _ in range(rng.randint(1, 2)):
        at = rng.randint(0, len(url))
        if rng.random() < 0.5 and at < len(url):
            url = url[:at] + url[at + 1:]
        else:
            url = url[:at] + rng.choice("@:/?#[]%&=+ ") + url[at:]
    return url, secrets, None


def issue_examples(corpus):
    """The examples of issue #20, word for word."""
    for url in ["mysql://u?x:Zq9=secret@[::1/paig", "mysql://u:Zq9?ssl=secret@db]/paig"]:
        raw = url.split(":", 2)[2].rsplit("@", 1)[0]
        corpus.add("issue-20", url, [userinfo_secret(raw)])
    for url in ["sqlite:///my%20data/paig.db", "postgresql://u:pw@h/db@x/y", "mysql://[]/paig",
                "postgresql://paig:p@ss/word@db/paig", "postgresql://paig:p@ss@db/paig",
                "postgresql://u@corp:p@db/app", "postgresql://u@[fe80::1%25eth0]/db",
                "sqlite:////home/me@corp/paig.db", "postgresql://u@[::1]x/app"]:
        corpus.add("issue-20", url, [])


def load_sqlalchemy(path):
    sys.path.insert(0, path)
    import sqlalchemy
    from sqlalchemy.engine import url as sa_url
    if not sqlalchemy.__version__.startswith("2.0."):
        raise SystemExit("SQLAlchemy 2.0 is needed, found " + sqlalchemy.__version__)
    # SQLAlchemy's own URL pattern, taken from the function that uses it: it tells how much
    # of the text make_url read, and how the port and query were written.
    patterns = [c for c in sa_url._parse_url.__code__.co_consts if isinstance(c, str) and "(?P<name>" in c]
    if len(patterns) != 1:
        raise SystemExit("cannot find SQLAlchemy's URL pattern in _parse_url")
    return sqlalchemy.__version__, sa_url.make_url, re.compile(patterns[0], re.X)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sqlalchemy", default=os.environ.get("SQLALCHEMY_LIB"),
                        help="folder that holds the 'sqlalchemy' package (default: $SQLALCHEMY_LIB)")
    parser.add_argument("--out", required=True, help="the JSON-lines file to write")
    parser.add_argument("--well-formed", type=int, default=2600)
    parser.add_argument("--malformed", type=int, default=3400)
    args = parser.parse_args()
    if not args.sqlalchemy:
        parser.error("give --sqlalchemy or set SQLALCHEMY_LIB")
    version, make_url, pattern = load_sqlalchemy(args.sqlalchemy)
    rng = random.Random(SEED)
    corpus = Corpus(make_url, pattern, rng)
    issue_examples(corpus)
    well_formed(corpus, rng, args.well_formed)
    malformed(corpus, rng, args.malformed)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="\n") as out:
        out.write(json.dumps({"sqlalchemy": version, "seed": SEED, "urls": len(corpus.records)}) + "\n")
        for record in corpus.records:
            out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
    errors = sum(1 for r in corpus.records if "error" in r["sa"])
    print(f"{len(corpus.records)} URLs ({errors} refused by SQLAlchemy {version}) -> {args.out}")


if __name__ == "__main__":
    main()
