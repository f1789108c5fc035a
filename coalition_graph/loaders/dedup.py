"""What makes two articles the same article: their canonical URL, or their text once normalised.

The same report comes as a feed record and as a saved page, with and without tracking parameters, as
.html and as .md: different ids, one article. The store keeps the first and reports the others as
duplicates, so an article counted twice does not count as two sources.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Query parameters that say who sent the reader, not which page it is.
_TRACKING = re.compile(r"^(utm_.*|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|ref|ref_src|cmpid|s_cid|at_medium|at_campaign)$", re.I)
_WORD = re.compile(r"\w+")


def canonical_url(url: str | None) -> str | None:
    """The URL with what does not name the page removed: scheme (http = https), case of the host, `www.`,
    default ports, fragment, tracking parameters, parameter order and a trailing slash. None when there is none."""
    if not url or not url.strip():
        return None
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:  # not a URL we can take apart (a bad port, a stray bracket): compare it as written
        return url.strip()
    if not parts.netloc:
        return url.strip()
    host = (parts.hostname or "").lower().removeprefix("www.")
    if port and not ((parts.scheme == "http" and port == 80) or (parts.scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)))
    path = parts.path.rstrip("/") or "/"
    scheme = "https" if parts.scheme.lower() in ("http", "https") else parts.scheme.lower()
    return urlunsplit((scheme, host, path, query, ""))


def text_key(text: str) -> str:
    """A digest of the article's words, case and punctuation aside: the same text read from HTML, Markdown
    or a feed (different line breaks, emphasis marks, quotes) gives the same key."""
    words = _WORD.findall(unicodedata.normalize("NFKC", text).casefold())
    return hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest()
