"""extract_facts is a pure function of the article: the same facts in any process (whatever PYTHONHASHSEED)."""
import os
import subprocess
import sys

SCRIPT = """
import hashlib, json, glob
from coalition_graph.loaders.extract import extract_facts
from coalition_graph.schema.models import Article
h = hashlib.sha256()
for p in sorted(glob.glob('tests/fixtures/extract/*.json')):
    d = json.load(open(p, encoding='utf-8'))
    h.update(extract_facts(Article(id=d['id'], text=d['text'], published=d['published'])).model_dump_json().encode())
print(h.hexdigest())
"""


def test_same_facts_under_different_hash_seeds():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    digests = set()
    for seed in ("1", "2"):
        out = subprocess.run([sys.executable, "-c", SCRIPT], cwd=root, capture_output=True, text=True,
                             env={**os.environ, "PYTHONHASHSEED": seed}, timeout=120)
        assert out.returncode == 0, out.stderr
        digests.add(out.stdout.strip())
    assert len(digests) == 1
