"""Statements: direct quotes and reported speech attributed to a named person.

Direct quotes: straight or curly quotation marks, a quote split by "he said" and continued,
a quote that runs over paragraphs (an unclosed quote, or a closing mark with no opening one
in its paragraph), attributed by "…," X said / said X / X said: "…" / X told reporters "…".
A quote that nobody is named for right after another statement continues that speaker.
Reported speech: "X said (that) …", "X stressed/urged/thanked/called for …", "…, X said.",
"According to him, …".
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from coalition_graph.loaders.extract.context import Doc
from coalition_graph.loaders.extract.people import PersonMention
from coalition_graph.loaders.extract.syntax import Syntax
from coalition_graph.schema.models import Evidence

SPEECH_VERBS = (
    r"said|says|say|told|tells|added|adds|noted|notes|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|underlined|"
    r"underscored|highlighted|highlights|reiterated|reiterates|warned|warns|urged|urges|called on|calls on|"
    r"called for|calls for|thanked|thanks|invited|accused|condemned|hailed|praised|demanded|demands|confirmed|"
    r"confirms|stated|states|declared|declares|explained|explains|argued|argues|insisted|insists|believes|"
    r"believed|wrote|writes|reminded|acknowledged|acknowledges|promised|vowed|expressed|suggested|recalled|"
    r"revealed|assured|pointed out|announced that|announces that|mentioned that|mentions that|reported that|reports that|reported:|"
    r"reports:|welcomed|welcomes|outlined|characteri[sz]ed|described|noting|stressing|adding|saying|"
    r"called|cautioned|admitted|claimed|claims|emphasised|observed|commented|remarked|answered|replied|telling|"
    r"posted on|wrote on|told reporters|told journalists|asked for|asked partners|asked allies|"
    r"on (?:Telegram|X|Twitter|Facebook|Instagram|Truth Social|social media)(?=\s*:)"
)
VERB_RX = re.compile(rf"\b(?:{SPEECH_VERBS})(?![\w])", re.I)
# verbs that may come before their speaker: '…," said Healey.' / "declared Finnish President Alexander Stubb"
INVERTABLE = {"said", "says", "added", "adds", "declared", "explained", "stated", "noted", "wrote", "asked", "replied",
              "emphasized", "emphasised", "stressed", "continued", "told"}
# verbs that only report speech with a clause or quote after them (not "announced a package")
NEEDS_CONTENT = {"outlined", "described", "called", "welcomed", "welcomes", "praised", "expressed", "revealed"}
QUOTE_VERB_AFTER = re.compile(
    rf"^\s*[,—–-]?\s*(?:(?P<pre>(?:{SPEECH_VERBS}))\s+)?(?P<who>[^,.;“”\"]{{1,80}}?)?\s*(?P<post>(?:{SPEECH_VERBS}))?\b",
    re.I)
NON_PERSON_SOURCE = re.compile(
    r"\b(statement|ministry|office|government|text|report|reads|read|spokes\w*|agency|website|council|commission|"
    r"white house|kremlin|pentagon|communiqu\w*|declaration|document|letter|post)\b", re.I)


@dataclass
class Quote:
    start: int  # content start (inside the marks)
    end: int  # content end
    open_mark: int | None
    close_mark: int | None
    paragraph: int


@dataclass
class StatementDraft:
    speaker: str
    parts: list[tuple[int, int]]  # content spans
    direct: bool
    sentences: list[int] = field(default_factory=list)
    rule: str = ""

    @property
    def start(self) -> int:
        return self.parts[0][0]


def find_quotes(doc: Doc) -> list[Quote]:
    text = doc.text
    out: list[Quote] = []
    for pi, (ps, pe) in enumerate(doc.paragraph_bounds()):
        para = text[ps:pe]
        marks = [(m.start() + ps, m.group(0)) for m in re.finditer(r"[“”\"]", para)]
        # curly quotes pair by direction; straight quotes toggle
        i = 0
        open_at: int | None = None
        for pos, ch in marks:
            if ch == "“" or (ch == '"' and open_at is None and _opens(text, pos)):
                if open_at is None:
                    open_at = pos
                continue
            # a closing mark
            if open_at is None:
                # closing mark with no opening one in the paragraph: the quote began at the paragraph start
                if pos - ps > 15 and not out_has(out, ps):
                    out.append(Quote(ps, pos, None, pos, pi))
                continue
            out.append(Quote(open_at + 1, pos, open_at, pos, pi))
            open_at = None
            i += 1
        if open_at is not None and pe - open_at > 15:
            out.append(Quote(open_at + 1, pe, open_at, None, pi))  # runs on (over the paragraph end)
    return [q for q in out if q.end > q.start]


def out_has(out: list[Quote], start: int) -> bool:
    return any(q.start == start for q in out)


def _opens(text: str, pos: int) -> bool:
    """A straight quote opens when it follows a space/start/bracket and precedes a word."""
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    return (before.isspace() or before in "([—–-:") and not after.isspace()


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


class StatementFinder:
    def __init__(self, doc: Doc):
        self.doc = doc
        self.drafts: list[StatementDraft] = []

    def run(self) -> list[StatementDraft]:
        reported = self._reported()
        self._direct(reported)
        direct_spans = [(s, e, d.speaker) for d in self.drafts if d.direct for s, e in d.parts]
        text = self.doc.text
        for d in reported:
            s, e = d.parts[0]
            # a phrase quoted inside the reported clause ('Washington would withhold funding until Gavi could
            # "re-earn the public trust"') is part of that statement, not the statement
            inner = [x for x in self.drafts if x.direct and x.speaker == d.speaker and len(x.parts) == 1 and
                     s <= x.parts[0][0] and x.parts[0][1] <= e + 1 and
                     _words(text[x.parts[0][0]:x.parts[0][1]]) < 0.6 * _words(text[s:e]) and
                     self._clause_before_quote(s, x.parts[0][0])]
            for x in inner:
                self.drafts.remove(x)
            if inner:
                direct_spans = [(a, b, spk) for a, b, spk in direct_spans
                                if not any((a, b) == x.parts[0] for x in inner)]
            # a direct quote of this speaker in the sentence already is the statement
            if any(a < e and s < b and spk == d.speaker for a, b, spk in direct_spans):
                continue
            # a sentence that is someone's direct quote is not reported speech as well
            if any(a <= s + 2 and b >= e - 3 for a, b, _ in direct_spans):
                continue
            self.drafts.append(d)
        self.drafts.sort(key=lambda d: d.start)
        return self.drafts

    def _clause_before_quote(self, s: int, q: int) -> bool:
        """Between the last verb of saying and the quote stands a clause of its own ("said Washington would
        withhold funding until Gavi could "…""), not only an object ("called the decision "…"")."""
        a = self.doc.analysis
        said = [m for m in VERB_RX.finditer(self.doc.text, s, q)]
        if a is None or not said:
            return False
        return any(t.pos in ("VERB", "AUX") for t in a.tokens_in(said[-1].end(), q))

    # ------------------------------------------------------------ speakers
    def _speaker_in(self, start: int, end: int, last: bool = False) -> PersonMention | None:
        ms = [p for p in self.doc.persons if start <= p.start and p.end <= end]
        if not ms:
            return None
        return ms[-1] if last else ms[0]

    # ------------------------------------------------------------ direct quotes
    def _direct(self, reported: list[StatementDraft]) -> None:
        doc, text = self.doc, self.doc.text
        quotes = find_quotes(doc)
        prev: StatementDraft | None = None
        prev_para = -9
        prev_end = -1
        for q in quotes:
            content = text[q.start:q.end]
            sent_q = doc.sentence_at(q.start)
            whole = sent_q is not None and (q.open_mark or q.start) - sent_q.start <= 1
            if _words(content) < 5 and not whole:
                continue  # a phrase quoted inside a sentence ("a key question") belongs to reported speech
            # the latest statement before this quote, direct or reported, for continuations
            for r in reported:
                if r.parts[0][1] <= q.start and (prev is None or r.parts[0][1] > prev_end):
                    prev, prev_para = r, (doc.sentence_at(r.parts[0][0]).paragraph if doc.sentence_at(r.parts[0][0]) else -9)
                    prev_end = r.parts[0][1]
            speaker, how = self._attribute(q)
            if speaker is None and how == "blocked":
                prev = None
                continue
            if speaker is None:
                # no attribution: continues the statement just before it (split quote, next paragraph)
                if prev is not None and q.paragraph - prev_para <= 1 and q.start - prev_end < 600:
                    if prev.direct:
                        prev.parts.append((q.start, q.end))
                    else:
                        prev = self._new(prev.speaker, q, True, "statement.quote.continued")
                    prev_para, prev_end = q.paragraph, q.end
                continue
            if prev is not None and prev.direct and prev.speaker == speaker.key and how == "same_sentence_before":
                prev.parts.append((q.start, q.end))  # 'She said “…” so that “…”'
            else:
                prev = self._new(speaker.key, q, True, f"statement.quote.{how}")
            prev_para, prev_end = q.paragraph, q.end

    def _new(self, speaker: str, q: Quote, direct: bool, rule: str) -> StatementDraft:
        d = StatementDraft(speaker, [(q.start, q.end)], direct, rule=rule)
        self.drafts.append(d)
        return d

    def _attribute(self, q: Quote) -> tuple[PersonMention | None, str]:
        doc, text = self.doc, self.doc.text
        # after the closing mark: '," Starmer said.' / '," said Healey.' / '” the president outlined.'
        if q.close_mark is not None:
            sent = doc.sentence_at(q.close_mark) or doc.sentence_at(q.close_mark + 1)
            tail_end = min(len(text), q.close_mark + 120)
            if sent:
                tail_end = min(tail_end, max(sent.end, q.close_mark + 1))
            tail = text[q.close_mark + 1:tail_end]
            m = re.match(r"\s*[,—–-]?\s*(?P<body>[^“\"]{0,90})", tail)
            body = m.group("body") if m else ""
            vm = VERB_RX.search(body)
            if vm and vm.start() < 70:
                # speaker between the mark and the verb, or right after the verb
                a = q.close_mark + 1 + m.start("body")
                sp = self._speaker_in(a, a + vm.start(), last=True)
                if sp is None:
                    sp = self._speaker_in(a + vm.end(), a + vm.end() + 60)
                    if sp and re.search(r"[,.;]", text[a + vm.end():sp.start]):
                        sp = None
                if sp is not None:
                    return sp, "after"
                if NON_PERSON_SOURCE.search(body[:vm.end() + 20]):
                    return None, "blocked"
            elif body.strip() and NON_PERSON_SOURCE.search(body[:40]) and re.search(r"\b(reads|said|says|stated)\b", body[:60]):
                return None, "blocked"
        # before the opening mark, in the same sentence: 'He added: "…"', 'X told reporters that the missiles "…"'
        start = q.open_mark if q.open_mark is not None else q.start
        sent = doc.sentence_at(start)
        if sent and start > sent.start:
            head = text[sent.start:start]
            vms = list(VERB_RX.finditer(head))
            if vms:
                vm = vms[-1]
                sp = self._speaker_in(sent.start, sent.start + vm.start(), last=True)
                if sp is not None and not re.search(r"[.;]", text[sp.end:sent.start + vm.start()]):
                    return sp, "same_sentence_before" if self._quote_before(q, sent) else "before"
                if NON_PERSON_SOURCE.search(head):
                    return None, "blocked"
        # 'Macron: "Europe must rearm."' (a live blog's or a caption's form): the person named just before a colon
        if sent and start > sent.start and re.search(r":\s*$", text[sent.start:start]):
            sp = self._speaker_in(sent.start, start, last=True)
            if sp is not None and re.fullmatch(r"\s*:\s*", text[sp.end:start]):
                return sp, "colon_named"
        # a quote that is its own sentence right after "X said:" at the end of the previous one
        if sent and start == sent.start and sent.index > 0:
            prev = doc.sentences[sent.index - 1]
            if re.search(rf"\b(?:{SPEECH_VERBS})\b[^.]*:\s*$", prev.text, re.I):
                sp = self._speaker_in(prev.start, prev.end)
                if sp:
                    return sp, "colon"
        return None, "none"

    def _quote_before(self, q: Quote, sent) -> bool:
        """Another quote of the same sentence comes before this one."""
        return any(d.direct and sent.start <= d.parts[-1][0] < q.start for d in self.drafts[-1:])

    # ------------------------------------------------------------ reported speech
    def _reported(self) -> list[StatementDraft]:
        doc, text = self.doc, self.doc.text
        out: list[StatementDraft] = []
        for sent in doc.sentences:
            st = sent.text
            found: list[tuple[PersonMention, str]] = []
            # "According to him/Healey, …"
            am = re.match(r"(?:According to|As per)\s+", st) or re.search(r",\s+according to\s+", st)
            if am:
                sp = self._speaker_in(sent.start + am.end(), sent.start + am.end() + 60)
                if sp and re.fullmatch(r"[\w\s.’'\-]*", text[sent.start + am.end():sp.span_start]):
                    found.append((sp, "statement.reported.according_to"))
            for vm in VERB_RX.finditer(st):
                verb = vm.group(0).lower()
                vs = sent.start + vm.start()
                ve = sent.start + vm.end()
                rest = text[ve:sent.end]
                if verb in NEEDS_CONTENT and not re.match(r"\s+(?:that|the|[\"“]|\w+\s+[\"“])", rest):
                    continue
                if verb == "called" and (not re.search(r"[\"“]", rest[:80]) or
                                         re.search(r"\bwhat\s+(?:he|she|they|it)\s+$", text[max(sent.start, vs - 20):vs])):
                    continue  # 'what he called a "historic donation"' names something, it reports no statement
                sp = None
                rule = ""
                if verb.endswith("ing") and re.search(r",\s*$", text[max(sent.start, vs - 3):vs]):
                    # ", noting that …", ", telling him …": the sentence's subject speaks
                    subj = [p for p in doc.persons if sent.start <= p.start < vs and p.via != "pronoun" or
                            (p.via == "pronoun" and sent.start <= p.start < vs and p.text.lower() in ("he", "she"))]
                    if subj:
                        sp, rule = subj[0], "statement.reported.participle"
                if sp is None:
                    cand = self._speaker_in(max(sent.start, vs - 120), vs, last=True)
                    if cand is not None and self._clean_gap(text[cand.end:vs]) and \
                            (len(re.findall(r"\w+", rest)) >= 3 or self._clause_before(sent, cand)):
                        sp, rule = self._parsed_subject(vs, ve) or cand, "statement.reported.subject_verb"
                if sp is None and len(re.findall(r"\w+", rest)) >= 3:
                    # the nearest name is inside the speaker's apposition ("Yermak, the head of the president's
                    # office, said …"): the parse's subject of the verb speaks
                    parsed = self._parsed_subject(vs, ve, active_only=True)
                    if parsed is not None and parsed.end <= vs:
                        sp, rule = parsed, "statement.reported.parsed_subject"
                if sp is None and verb in INVERTABLE:
                    cand = self._speaker_in(ve, min(sent.end, ve + 60))
                    aside = cand is not None and re.search(r",\s*$", text[max(sent.start, vs - 3):vs]) and \
                        re.match(r"\s*,", text[cand.end:cand.end + 3])  # "France, said Macron, will deliver …"
                    if cand is not None and re.fullmatch(r"\s*", text[ve:cand.span_start]) and \
                            (vs - sent.start > 20 or aside):
                        sp, rule = cand, "statement.reported.verb_subject"
                if sp is not None and all(sp.key != f.key for f, _r in found):
                    found.append((sp, rule))
            for sp, rule in found:
                out.append(StatementDraft(sp.key, [(sent.start, sent.end)], False, [sent.index], rule))
        return out

    def _parsed_subject(self, vs: int, ve: int, active_only: bool = False) -> PersonMention | None:
        """The person the parse makes the subject of the reporting verb at vs..ve, where the nearest name
        before it is someone else ("Lavrov, who led the delegation in place of Putin, told reporters")."""
        a = self.doc.analysis
        verbs = [t for t in a.tokens_in(vs, ve) if t.pos == "VERB"] if a is not None else []
        if not verbs:
            return None
        if active_only and any(c.dep in ("auxpass", "nsubjpass") for c in a.children(verbs[0].i)):
            return None  # "were invited as partners the prime ministers …": the subject is not the speaker
        syn = Syntax(a)
        for s in syn.subjects(verbs[0]):
            if s.pos == "PRON":
                continue
            act = syn.actors(self.doc, s)
            if act and act[0] == "person":
                return next((p for p in self.doc.persons if p.key == act[1] and p.span_start <= s.start < p.end),
                            None)
        return None

    @staticmethod
    def _clean_gap(gap: str) -> bool:
        """What may stand between a speaker and the speech verb: an appositive, an adverb, a time."""
        g = gap.strip()
        if not g:
            return True
        if re.fullmatch(r"(?:\[[^\]]+\]|\([^)]*\)|\]|\)|,)", g):
            return True  # "He [Macron] says", "the President of the Commission, Ursula von der Leyen, say"
        if re.fullmatch(r",[^.;]{0,100},", g):
            return True
        if re.fullmatch(r",\s*who(?:\s+\w+ly|\s+also|\s+later)?", g, re.I):
            return True  # "India's prime minister, Narendra Modi, who said India would …"
        if re.fullmatch(r"\w+(?:ed)?\s+(?:but|and)", g) and not re.fullmatch(r"(?:but|and)", g):
            return True  # "Hegseth attended but said …"
        if re.fullmatch(r"and (?:other|fellow|several|many)\s+[\w ]{0,40}?(?:leaders|officials|ministers)"
                        r"(?:\s+on \w+)?", g, re.I):
            return True  # "Merz and other European leaders on Monday hailed …"
        if re.fullmatch(r"(?:,\s*)?(?:for (?:his|her) part,?\s*|also\s*|has\s*|have\s*|had\s*|then\s*|later\s*|"
                        r"further\s*|again\s*|\w+ly\s*|on \w+(?: \d+)?,?\s*|in a statement,?\s*|in \w+,?\s*|"
                        r"at (?:a|the) [\w ]{1,30},?\s*|who [^,]{1,60},\s*)+", g, re.I):
            return True
        return False

    def _clause_before(self, sent, sp: PersonMention) -> bool:
        """'…, Commission President Ursula von der Leyen said.': a clause, a comma, then the speaker."""
        head = self.doc.text[sent.start:sp.span_start]
        return sp.span_start - sent.start > 25 and bool(re.search(r",\s*(?:[\w.’'\-]+\s+){0,4}$", head))


def to_evidence(doc: Doc, d: StatementDraft) -> list[Evidence]:
    out = []
    seen = set()
    for s, _e in d.parts:
        sent = doc.sentence_at(s) or doc.sentence_at(max(0, s - 1))
        if sent and sent.index not in seen:
            seen.add(sent.index)
            out.append(doc.evidence(sent, d.rule))
    return out


def statement_text(doc: Doc, d: StatementDraft) -> str:
    return " … ".join(doc.text[s:e].strip() for s, e in d.parts)
