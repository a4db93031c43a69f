#!/usr/bin/env python3
"""Every page of the demo under load, as each demo role sees it (issue 18: "on the demo data and SQLite, every page
p95 <= 100 ms at 32 connections").

    bench/pages.sh [seconds per page] [connections]     (starts the Release product on a fresh SQLite demo database)
    bench/pages.py BASE_URL [--seconds 3] [--connections 32] [--max 400] [--roles officer,manager,...] [--only REGEX] [--pid PID]

For each role it signs in through the login form, follows every same-site GET link (as a user would, never submitting
a form), and groups the pages by their route shape (ids and numbers replaced, query values dropped), keeping the first
page of each shape for the role that reached it first. Each shape is then loaded with wrk at the given connections
with that role's cookie. It prints, slowest first: route shape, role, p50, p95, p99 (ms), req/s, non-2xx answers, and
at the end how many shapes are over the 100 ms p95 goal. Exit status 1 when any shape is over it or answered an error.
With --pid (bench/pages.sh passes the product's) it also prints the product's CPU milliseconds per request (user + system
time from /proc over the wrk run, divided by the requests answered): on a machine shared with other work the latencies
are noisy, the CPU a page costs much less so. --only keeps the shapes whose key matches the regular expression.
"""
import argparse, html.parser, http.cookiejar, os, re, subprocess, sys, urllib.error, urllib.parse, urllib.request

ROLES = {"admin": "admin@clusterpact.demo", "officer": "officer@clusterpact.demo", "reader": "reader@clusterpact.demo",
         "manager": "manager.catalisti@clusterpact.demo", "expert": "expert@clusterpact.demo",
         "applicant": "applicant@clusterpact.demo", "anonymous": None}
PASSWORD = "Clusterpact-2026"
# Links that leave the page flow (sign-out, language switch) or download a file rather than show a page.
SKIP = re.compile(r"(/Account/Logout|/culture|handler=(Pdf|Xlsx|Csv|Export|Download)|\.(pdf|xlsx|csv|zip|json)$|/scalar|/openapi|/api/)", re.I)
GUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.I)
LUA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "wrk-report.lua")


class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(); self.links, self.hidden = [], {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href"): self.links.append(a["href"])
        if tag == "input" and a.get("type") == "hidden" and a.get("name"): self.hidden[a["name"]] = a.get("value", "")


def opener():
    jar = http.cookiejar.CookieJar()

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *a, **k): return None
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect), jar


def get(op, url, data=None):
    try:
        with op.open(urllib.request.Request(url, data=data), timeout=60) as r:
            return r.status, r.read().decode("utf-8", "replace"), r.headers
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace"), e.headers


def sign_in(base, role):
    op, jar = opener()
    email = ROLES[role]
    if email:
        _, body, _ = get(op, base + "/Account/Login")
        form = Links(); form.feed(body)
        data = urllib.parse.urlencode({**form.hidden, "Input.Email": email, "Input.Password": PASSWORD}).encode()
        status, _, _ = get(op, base + "/Account/Login", data)
        if status not in (200, 302): sys.exit(f"sign-in as {role} answered {status}")
    return op, "; ".join(f"{c.name}={c.value}" for c in jar)


def shape(url):
    parts = urllib.parse.urlsplit(url)
    path = re.sub(r"/\d+(?=/|$)", "/{n}", GUID.sub("{id}", parts.path))
    keys = sorted({k for k, _ in urllib.parse.parse_qsl(parts.query, keep_blank_values=True)})
    return path + ("?" + "&".join(keys) if keys else "")


def crawl(base, op, limit):
    seen, queue, pages = set(), ["/"], []
    while queue and len(pages) < limit:
        path = queue.pop(0)
        if path in seen: continue
        seen.add(path)
        status, body, headers = get(op, base + path)
        if status != 200 or "text/html" not in (headers.get("Content-Type") or ""): continue
        pages.append(path)
        found = Links(); found.feed(body)
        for href in found.links:
            url = urllib.parse.urljoin(base + path, href.split("#")[0])
            if not url.startswith(base) or SKIP.search(url): continue
            rel = url[len(base):] or "/"
            if rel not in seen: queue.append(rel)
    return pages


def cpu_seconds(pid):
    if not pid: return 0.0
    with open(f"/proc/{pid}/stat") as f: fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wrk(base, path, cookie, seconds, connections, pid=None):
    args = ["wrk", f"-t{2 if connections > 1 else 1}", f"-c{connections}", f"-d{seconds}s", "--timeout", "30s", "-s", LUA]
    if cookie: args += ["-H", f"Cookie: {cookie}"]
    cpu = cpu_seconds(pid)
    out = subprocess.run(args + [base + path], capture_output=True, text=True).stdout
    cpu = cpu_seconds(pid) - cpu
    line = next((l for l in out.splitlines() if l.startswith("RESULT ")), None)
    if line is None: return None
    p50, p95, p99, rps, requests, errors = line.split()[1:7]
    return float(p50), float(p95), float(p99), float(rps), int(errors), 1000 * cpu / max(int(requests), 1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("base"); ap.add_argument("--seconds", type=int, default=3); ap.add_argument("--connections", type=int, default=32)
    ap.add_argument("--max", type=int, default=400); ap.add_argument("--roles", default=",".join(ROLES)); ap.add_argument("--goal", type=float, default=100)
    ap.add_argument("--only", default=""); ap.add_argument("--pid", type=int, default=0)
    a = ap.parse_args()
    base = a.base.rstrip("/")
    shapes = {}
    for role in a.roles.split(","):
        op, cookie = sign_in(base, role)
        for path in crawl(base, op, a.max):
            if re.search(a.only, shape(path)): shapes.setdefault(shape(path), (path, role, cookie))
    print(f"{len(shapes)} page shapes; wrk {a.seconds} s at {a.connections} connections each", file=sys.stderr)
    rows = []
    for key, (path, role, cookie) in shapes.items():
        r = wrk(base, path, cookie, a.seconds, a.connections, a.pid)
        rows.append((key, role, r))
    rows.sort(key=lambda row: -(row[2][1] if row[2] else 1e9))
    print(f"{'page shape':<60} {'role':<9} {'p50_ms':>8} {'p95_ms':>8} {'p99_ms':>8} {'req_s':>8} {'non2xx':>6}" + (f" {'cpu_ms':>7}" if a.pid else ""))
    over = 0
    for key, role, r in rows:
        if r is None:
            print(f"{key[:60]:<60} {role:<9} wrk gave no result"); over += 1; continue
        p50, p95, p99, rps, errors, cpu = r
        over += p95 > a.goal or errors > 0
        print(f"{key[:60]:<60} {role:<9} {p50:8.1f} {p95:8.1f} {p99:8.1f} {rps:8.0f} {errors:6d}" + (f" {cpu:7.2f}" if a.pid else ""))
    p95s = sorted(r[1] for _, _, r in rows if r)
    print(f"shapes: {len(rows)}; over the {a.goal:.0f} ms p95 goal or with errors: {over}; "
          f"median p95 {p95s[len(p95s) // 2] if p95s else 0:.1f} ms; worst p95 {p95s[-1] if p95s else 0:.1f} ms")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
