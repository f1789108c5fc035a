"""Money amounts in every common written form, and their value in euros.

"€2bn", "2 billion euros", "EUR 2 billion", "$400m", "£1.6bn", "C$2 billion", "NOK 85 billion",
"SEK 13.5 billion", "¥471.9 billion", "1.5 billion dollars", "143,4 million US dollars",
"ten billion euros". A plain "$" is left as currency "$" for the caller to settle from the
donor (Canadian, Australian, New Zealand dollars), else USD.

Euro values use the European Central Bank reference rates shipped with the
`currencyconverter` package (offline): the rate of the announcement date, or the
nearest earlier day with a rate, and that rate date is kept.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from coalition_graph.errors import CoalitionError

SCALES = {
    "trillion": 1e12, "tn": 1e12, "trn": 1e12,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "bln": 1e9,
    "million": 1e6, "mn": 1e6, "m": 1e6, "mln": 1e6, "mil": 1e6,
    "thousand": 1e3, "k": 1e3,
    "crore": 1e7, "crores": 1e7, "lakh": 1e5, "lakhs": 1e5,  # Indian English: "Rs 500 crore"
}
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "fifty": 50,
    "a hundred": 100, "hundred": 100, "a": 1, "half a": 0.5,
}
SYMBOLS = {
    "€": "EUR", "£": "GBP", "¥": "JPY", "US$": "USD", "U.S.$": "USD", "USD$": "USD",
    "C$": "CAD", "CA$": "CAD", "CAD$": "CAD", "Can$": "CAD",
    "A$": "AUD", "$A": "AUD", "AU$": "AUD", "AUD$": "AUD", "NZ$": "NZD", "$": "$", "₹": "INR", "Rs.": "INR", "Rs": "INR", "R$": "BRL",
    "HK$": "HKD", "S$": "SGD", "SG$": "SGD", "NT$": "TWD", "MX$": "MXN",
}
ISO_CODES = ("EUR", "USD", "GBP", "NOK", "SEK", "DKK", "CAD", "AUD", "NZD", "JPY", "PLN", "CHF", "CZK",
             "HUF", "RON", "KRW", "UAH", "TRY", "ISK", "BGN", "CNY", "INR", "SAR", "AED", "QAR", "ZAR", "BRL",
             "RUB", "EGP")
# Currency words after a number, longest first; "kroner" is settled by the donor (NOK or DKK).
CURRENCY_WORDS = [
    ("canadian dollars", "CAD"), ("canadian dollar", "CAD"), ("australian dollars", "AUD"),
    ("australian dollar", "AUD"), ("new zealand dollars", "NZD"), ("us dollars", "USD"), ("u.s. dollars", "USD"),
    ("american dollars", "USD"), ("swedish kronor", "SEK"), ("swedish krona", "SEK"), ("swedish crowns", "SEK"),
    ("norwegian kroner", "NOK"), ("norwegian krone", "NOK"), ("norwegian crowns", "NOK"),
    ("danish kroner", "DKK"), ("danish krone", "DKK"), ("danish crowns", "DKK"), ("japanese yen", "JPY"),
    ("british pounds", "GBP"), ("pounds sterling", "GBP"), ("swiss francs", "CHF"), ("polish zlotys", "PLN"),
    ("zlotys", "PLN"), ("zloty", "PLN"), ("hryvnias", "UAH"), ("hryvnia", "UAH"),
    ("euros", "EUR"), ("euro", "EUR"), ("dollars", "$"), ("dollar", "$"), ("pounds", "GBP"), ("pound", "GBP"),
    ("sterling", "GBP"), ("kronor", "SEK"), ("krona", "SEK"), ("kroner", "KRONER"), ("krone", "KRONER"),
    ("czech crowns", "CZK"), ("czech korunas", "CZK"), ("koruna", "CZK"), ("crowns", "KRONER"),
    ("yen", "JPY"), ("francs", "CHF"),
    ("chinese yuan", "CNY"), ("yuan", "CNY"), ("renminbi", "CNY"), ("indian rupees", "INR"), ("rupees", "INR"),
    ("saudi riyals", "SAR"), ("riyals", "SAR"), ("qatari riyals", "QAR"), ("uae dirhams", "AED"),
    ("dirhams", "AED"), ("south african rand", "ZAR"), ("rand", "ZAR"), ("brazilian reais", "BRL"),
    ("reais", "BRL"), ("south korean won", "KRW"), ("turkish lira", "TRY"), ("russian roubles", "RUB"),
    ("russian rubles", "RUB"), ("roubles", "RUB"), ("rubles", "RUB"), ("egyptian pounds", "EGP"),
]
DOLLAR_COUNTRIES = {"CAN": "CAD", "AUS": "AUD", "NZL": "NZD"}
KRONER_COUNTRIES = {"NOR": "NOK", "DNK": "DKK", "SWE": "SEK", "CZE": "CZK"}  # ("crowns": the donor's own)

_NUM = r"\d{1,3}(?:[,\s]\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?"
_WORDNUM = r"(?:" + "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True)) + r")"
_SCALE = r"(?:trillion|billion|million|thousand|crores?|lakhs?|bn|trn|tn|bln|mln|mn|mil|b|m|k)\b"
_SYM = "|".join(sorted((re.escape(s) for s in SYMBOLS), key=len, reverse=True))
_CUR_WORDS = "|".join(re.escape(w) for w, _ in CURRENCY_WORDS)

_SYMBOL_FORM = re.compile(rf"(?<![A-Za-z])(?P<sym>{_SYM})\s?(?P<num>{_NUM})(?:\s?-?(?P<scale>{_SCALE}))?")
_ISO_FORM = re.compile(rf"\b(?P<iso>{'|'.join(ISO_CODES)})\s?(?P<num>{_NUM})(?:\s?(?P<scale>{_SCALE}))?")
_WORD_FORM = re.compile(
    rf"(?<![\w$€£¥])(?P<num>{_NUM}|{_WORDNUM})\s?(?P<scale>{_SCALE})?\s+(?P<cur>{_CUR_WORDS}|{'|'.join(ISO_CODES)})\b", re.I)


@dataclass
class Money:
    start: int
    end: int
    text: str
    amount: float
    currency: str  # ISO 4217, or "$" / "KRONER" until the donor settles it
    conversion: bool = False  # a conversion of a neighbouring amount: "(roughly US$1.25 billion)"


def _number(num: str) -> float:
    num = num.strip().lower()
    if num in NUMBER_WORDS:
        return float(NUMBER_WORDS[num])
    if re.fullmatch(r"\d{1,3}(?:[,\s]\d{3})+(?:\.\d+)?", num):
        return float(re.sub(r"[,\s]", "", num))
    if re.fullmatch(r"\d+,\d{1,2}", num):  # decimal comma: "143,4 million"
        return float(num.replace(",", "."))
    return float(num.replace(",", ""))


def find_money(text: str, offset: int = 0) -> list[Money]:
    found: list[Money] = []
    taken: list[tuple[int, int]] = []
    for rx in (_SYMBOL_FORM, _ISO_FORM, _WORD_FORM):
        for m in rx.finditer(text):
            if any(not (m.end() <= a or m.start() >= b) for a, b in taken):
                continue
            gd = m.groupdict()
            scale = SCALES.get((gd.get("scale") or "").lower(), 1.0)
            try:
                value = _number(gd["num"]) * scale
            except ValueError:
                continue
            if gd.get("sym"):
                cur = SYMBOLS[gd["sym"]]
            elif gd.get("iso"):
                cur = gd["iso"]
            else:
                word = gd["cur"].lower()
                cur = next((c for w, c in CURRENCY_WORDS if w == word), word.upper())
                # "$1.5 billion dollars" is caught by the symbol form first; a bare number word
                # like "a" needs a scale to be money ("a billion euros"), not "a euro"
                if re.fullmatch(_WORDNUM, gd["num"], re.I) and not gd.get("scale"):
                    continue
            if value < 1000 and scale == 1.0 and not gd.get("sym"):
                continue  # "5 euros": not a pledge-size amount
            taken.append((m.start(), m.end()))
            found.append(Money(m.start() + offset, m.end() + offset, m.group(0), value, cur))
    found += _sharing_currency(text, found, offset)
    found.sort(key=lambda x: x.start)
    found += _currency_told_before(text, found, offset)
    found.sort(key=lambda x: x.start)
    _mark_conversions(text, found, offset)
    return found


_BEFORE_SHARED = re.compile(rf"(?<![\w$€£¥.,])(?P<num>{_NUM})\s?(?P<scale>{_SCALE})\s+(?:and|or)\s+$", re.I)


def _sharing_currency(text: str, found: list[Money], offset: int) -> list[Money]:
    """"1 million and 5 million dollars": an amount with a scale and no currency of its own, joined to the
    next amount by "and"/"or", is in that amount's currency."""
    out = []
    for m in found:
        lo = m.start - offset
        b = _BEFORE_SHARED.search(text, max(0, lo - 30), lo)
        if b is None or any(x.start - offset < b.end() and b.start() < x.end - offset for x in found):
            continue
        value = _number(b.group("num")) * SCALES.get(b.group("scale").lower(), 1.0)
        out.append(Money(b.start() + offset, b.end("scale") + offset, text[b.start():b.end("scale")], value, m.currency))
    return out


# a bare "600 million" followed by no noun of its own (not "600 million people"): a sum in a currency told before
_BARE_SUM = re.compile(rf"(?<![\w$€£¥.,])(?P<num>{_NUM})\s?(?P<scale>trillion|billion|million|bn|mn|m)\b"
                       r"(?=\s*(?:[,;:)]|\.(?:\s|$)|$|\s(?:from|for|to|in|each|and|or|was|were|is|are|will|would|has|"
                       r"had|came|comes|went|of which)\b))", re.I)


def _currency_told_before(text: str, found: list[Money], offset: int) -> list[Money]:
    """"pledged a total of $2.1 billion, including 600 million from the United States": an amount with a scale
    and no currency, after an amount in the same sentence, is in that amount's currency."""
    out = []
    for b in _BARE_SUM.finditer(text):
        lo, hi = b.start() + offset, b.end() + offset
        if any(x.start < hi and lo < x.end for x in found):
            continue
        prev = [x for x in found if x.end <= lo and lo - x.end <= 200 and
                not re.search(r"[.!?][\"”’]?(?:\s|$)", text[x.end - offset:b.start()])]
        if not prev:
            continue
        value = _number(b.group("num")) * SCALES[b.group("scale").lower()]
        out.append(Money(lo, hi, b.group(0), value, prev[-1].currency))
    return out


def _mark_conversions(text: str, found: list[Money], offset: int) -> None:
    """An amount in parentheses or between dashes right after another one restates it."""
    for prev, cur in zip(found, found[1:]):
        between = text[prev.end - offset: cur.start - offset]
        if len(between) <= 30 and re.fullmatch(
                r"\s*(?:\(|–|—|-|,)\s*(?:roughly|about|around|approximately|approx\.?|some|nearly|almost|"
                r"more than|over|or|equal to|equivalent to|worth)?\s*", between, re.I):
            cur.conversion = True


def settle_currency(currency: str, donor_iso3: str | None) -> str:
    """A plain '$' or 'kroner' read with the donor: Canada's '$' is CAD; otherwise USD / NOK."""
    if currency == "$":
        return DOLLAR_COUNTRIES.get(donor_iso3 or "", "USD")
    if currency == "KRONER":
        return KRONER_COUNTRIES.get(donor_iso3 or "", "NOK")
    return currency


@functools.lru_cache(maxsize=1)
def _converter():
    try:
        from currency_converter import CurrencyConverter
    except ImportError as e:  # pragma: no cover - a declared dependency
        raise MissingCurrencyData("the currencyconverter package is needed for euro values: pip install currencyconverter") from e
    # no interpolation: a date without an ECB rate raises, and we step back to the last real one
    return CurrencyConverter()


class MissingCurrencyData(CoalitionError):
    pass


def to_eur(amount: float, currency: str, day: dt.date | None) -> tuple[float | None, dt.date | None]:
    """(amount in EUR, the ECB rate date used); (None, None) where no rate is known."""
    if currency == "EUR":
        return amount, day
    if day is None:  # no announcement date: no rate to choose (never "today's", extraction is deterministic)
        return None, None
    from currency_converter import RateNotFoundError

    conv = _converter()
    if currency not in conv.currencies:
        return None, None
    first, last = conv.bounds[currency]
    d = min(day, last)
    for _ in range(31):
        if d < first:
            break
        try:
            return conv.convert(amount, currency, "EUR", date=d), d
        except RateNotFoundError:  # weekend or bank holiday: no ECB fixing that day
            d -= dt.timedelta(days=1)
    return None, None
