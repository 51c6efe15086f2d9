#!/usr/bin/env python3
"""Where a floor run's server CPU goes: jdk.ExecutionSample stacks of a JFR recording, per wrk
request and per category (Liberty security, MP Config, EJB container, Weld, RESTEasy, Redis, JDBC,
...).

usage: jfr_shares.py <annals-bench.jfr> <the harness's log> [measured seconds, default 20]

The harness's log (its stderr) has a "FloorRun measure / INFO: wrk: <request>" pair per measured
wrk run; samples in the <measured seconds> after it belong to that request. For each category it
prints the share of samples with a frame of it anywhere on the stack (inclusive) and the share
whose innermost categorised frame is it (exclusive: what that layer itself costs; a filter that
merely continues the chain, or an EJB method's own code, is not counted for the wrapper).
Record with -Dbench.jfr=true -Dbench.floorOnly=true (bench/README.md, "Profiling")."""
import re, subprocess, sys, collections, datetime
jfr, log = sys.argv[1], sys.argv[2]
dur = float(sys.argv[3]) if len(sys.argv) > 3 else 20.0
CATS = [
 ('liberty security (collaborator, TAI, Subject)', r'com\.ibm\.ws\.webcontainer\.security|com\.ibm\.ws\.security|MicroProfileJwt|com\.ibm\.ws\.security\.mp\.jwt|javax\.security\.auth\.Subject'),
 ('our token check (BearerAuthenticator/nimbus)', r'BearerAuthenticator|com\.nimbusds'),
 ('MP Config lookups', r'io\.smallrye\.config|com\.ibm\.ws\.microprofile\.config|org\.eclipse\.microprofile\.config'),
 ('EJB container', r'com\.ibm\.ejs\.container|com\.ibm\.ws\.ejbcontainer'),
 ('Weld (CDI)', r'org\.jboss\.weld'),
 ('RESTEasy', r'org\.jboss\.resteasy'),
 ('Redis (rate check)', r'redis\.clients|RequestRates|RateLimitFilter'),
 ('PostgreSQL JDBC', r'org\.postgresql'),
 ('JSON (parsson/validation)', r'org\.eclipse\.parsson|JsonBody|AppendRequestParser'),
 ('problem rendering / mappers', r'dev\.annals\.web\.error'),
 ('group commit', r'GroupCommit'),
]
# windows
wins = []
for line in open(log):
    m = re.match(r'(\w+ \d+, \d+ \d+:\d+:\d+ [AP]M) dev\.annals\.bench\.FloorRun measure', line)
    if m:
        t = datetime.datetime.strptime(m.group(1), '%b %d, %Y %I:%M:%S %p')
        wins.append([t, None])
    m2 = re.match(r'INFO: wrk: (.*)', line)
    if m2 and wins and wins[-1][1] is None:
        wins[-1][1] = m2.group(1).strip()
wins = [w for w in wins if w[1] is not None]  # warm-up runs are not measured
p = subprocess.Popen(['jfr', 'print', '--events', 'jdk.ExecutionSample', '--stack-depth', '96', jfr], stdout=subprocess.PIPE, text=True)
stats = {w[1]: [0, collections.Counter(), collections.Counter(), collections.Counter(), collections.Counter()] for w in wins}
stats['(all)'] = [0, collections.Counter(), collections.Counter(), collections.Counter(), collections.Counter()]
def flush(ts, frames):
    if ts is None or not frames: return
    keys = ['(all)']
    for t, name in wins:
        if t <= ts <= t + datetime.timedelta(seconds=dur): keys.append(name)
    text = '\n'.join(frames)
    hit = [c for c, rx in CATS if re.search(rx, text)]
    inner = None
    for f in frames:
        if re.search(r'WebAppFilterChain\.doFilter|FilterInstanceWrapper\.doFilter', f):
            break  # inside a filter chain that a wrapper filter continues: not the wrapper's work
        if re.search(r'EJSContainer\.invokeProceed', f):
            inner = '(app code inside an EJB method)'; break
        if f.startswith('dev.annals'):
            for c, rx in CATS:
                if re.search(rx, f):
                    inner = c; break
            if not inner:
                inner = '(other Annals code)'
            break
        for c, rx in CATS:
            if re.search(rx, f):
                inner = c; break
        if inner: break
    top = frames[0]
    app = next((f for f in frames if 'dev.annals' in f), None)
    for k in keys:
        s = stats[k]; s[0] += 1
        for c in hit: s[1][c] += 1
        s[4][inner or '(other: web container, JDK, ...)'] += 1
        if inner and inner.startswith('liberty security'):
            # the outermost security frame: which entry point pays
            outer = [f for f in frames if re.search(CATS[0][1], f)][-1]
            s[3]['SEC@' + outer] += 1
        s[2][top] += 1
ts = None; frames = []
for line in p.stdout:
    line = line.rstrip()
    if line.startswith('jdk.ExecutionSample'):
        flush(ts, frames); ts = None; frames = []
    m = re.match(r'\s+startTime = (\d+):(\d+):(\d+)\.(\d+)', line)
    if m:
        d = wins[0][0] if wins else datetime.datetime(2026,11,30)
        ts = d.replace(hour=int(m.group(1)), minute=int(m.group(2)), second=int(m.group(3)))
        continue
    m = re.match(r'\s{4,}([\w$.<>/]+)\(.*', line)
    if m and ts is not None:
        frames.append(m.group(1))
flush(ts, frames)
for k, s in stats.items():
    n = s[0]
    if not n: continue
    print(f'== {k}: {n} samples')
    print('   inclusive (on stack) / innermost (exclusive)')
    for c in [c for c, _ in CATS] + ['(app code inside an EJB method)', '(other Annals code)', '(other: web container, JDK, ...)']:
        print(f'   {100*s[1][c]/n:5.1f}% / {100*s[4][c]/n:5.1f}%  {c}')
    print('   security entry points:', ', '.join(f'{f[4:].split(".")[-2]}.{f.split(".")[-1]} {100*v/n:.1f}%' for f, v in s[3].most_common(6) if f.startswith('SEC@')))
    print('   top self frames:', ', '.join(f'{f.split(".")[-2]}.{f.split(".")[-1]} {100*v/n:.1f}%' for f, v in s[2].most_common(8)))
