"""Diagnostic for issue 11 item 3: ingest one corpus in several splits and orders and count the graph differences.

Not a test yet: it shows that the graph depends on arrival order (a meeting or pledge gets the id of the first
article that reported it, and matching is against whatever came first). Run: python scripts/order_check.py
"""
import sys, time, json, shutil, tempfile
from pathlib import Path
from coalition_graph.loaders.readers import read_inputs
from coalition_graph.loaders.extract import extract_facts
from coalition_graph.graph.store import Store
root = Path(__file__).resolve().parent.parent
files = sorted((root/"coalition_graph/sample").glob("*.json")) + sorted((root/"tests/fixtures/extract").glob("*.json")) + sorted((root/"tests/fixtures/eval_own").glob("*.json"))
arts = [it.article for it in read_inputs(files) if it.article]
print(len(arts))
cache = {}
def ex(a):
    k = a.id
    if k not in cache: cache[k] = extract_facts(a)
    return cache[k]
t=time.time()
for a in arts: ex(a)
print("extract", time.time()-t)
def graph(splits):
    d = Path(tempfile.mkdtemp())/"s"
    with Store.create(d) as s:
        for part in splits:
            s.ingest(part, extractor=ex, progress=False)
        nodes = {n.id: (n.label, json.dumps(n.props, sort_keys=True, default=str)) for n in s.iter_nodes()}
        edges = {e.id: (e.type, e.src, e.dst, json.dumps(e.props, sort_keys=True, default=str)) for e in s.iter_edges()}
        assert not s.verify(), s.verify()
    return nodes, edges
t=time.time()
base = graph([arts])
print("ingest", time.time()-t)
def diff(name, g):
    bn, be = base; n, e = g
    dn = set(bn.items()) ^ set(n.items()); de = set(be.items()) ^ set(e.items())
    print(name, len(dn), len(de))
    for x in sorted(dn)[:6]: print("  N", x[0], x[1][1][:150] if x[0] in bn and x[0] in n else "(only one side)")
    for x in sorted(de)[:6]: print("  E", x[0], "" if (x[0] in be and x[0] in e) else "(only one side)")
h = len(arts)//2
diff("halves", graph([arts[:h], arts[h:]]))
diff("reversed", graph([arts[::-1]]))
diff("one-per-run", graph([[a] for a in arts]))
diff("rev-one-per-run", graph([[a] for a in arts[::-1]]))
