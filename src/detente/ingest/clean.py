"""Remove page furniture from plain-text articles.

Consumes raw article text (already extracted from HTML or read from a
``.txt`` file) and returns the text without boilerplate lines, plus the
removed lines (date inference still reads photo captions).  The rules are
general patterns for web furniture (subscription prompts, comment prompts,
teaser lists, photo credits, marketing bullets, "read full article" links);
they do not list any particular article's lines.  A rule only ever removes
whole lines, and only short ones, so reporting text is never cut mid-way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Lines longer than this many words are never treated as furniture: tuned on
# the seed articles, where the longest prompt has 19 words and the shortest
# reporting paragraph that mentions "subscribe"-like words has over 40.
MAX_FURNITURE_WORDS = 30

# Prompts of a page, not of the news: each pattern is one a news line does not use (a news line may well say "sign
# up to the pact", "unlock frozen funds", "state-sponsored", "within a week", "access to the news": those words
# alone removed ledes, so they are read only in a prompt's own form).
_CTA = re.compile(
    r"""(
        \bsubscri(be|ber|bers|ption)\b
      | \blog\s?in\b | ^\W*sign\s(in|up)\b | \bsign\sup\s(to|for)\s(our|free|the\snewsletter)\b
      | \bfree\strial\b | \bnewsletters?\b
      | \bunlock\s(more|this|all|unlimited|full|your|exclusive|premium)\b | \bpaywall\b
      | \bcancel\s(at\s)?any\s?time\b | ^\W*no\scommitment\b
      | \badvert(-|\s)?free\b | \bad(-|\s)free\b | \bunlimited\saccess\b
      | \bloading\spages\b | \bjoin\s(our|the)\s(community|conversation)\b
      | \b(leave|post|add|view|show)\sa?\s?comments?\b | \bno\scomments\b
      | \bskip\sto\s(main\s)?content\b | \bread\s(the\s)?full\sarticle\b
      | \bclick\shere\b | \bfollow\sus\b | ^\W*share\sthis\b
      | \b(use|uses|accept)\s(of\s)?cookies\b | \bcookie\s(policy|settings|preferences|consent)\b
      | [$£€]\s?\d[\d.,]*\s*(per\s|a\s|/\s?)(year|month|week)\b | ^\s*only\s[$£€]
      | \bkeep\sreading\b | \bcontinue\sreading\b | \bread\smore\b | \bmost\sread\b
      | \baccess\s(to\s)?(all\s)?our\s.*(content|news|analysis)\b
      | \byou\scan\strust\b | ^\W*sponsored\b | \bsponsored\s(content|post)\b | ^\W*advertisement\W*$
    )""",
    re.IGNORECASE | re.VERBOSE,
)

# A teaser list's head: "Don't miss…", or a bare "Related", "Recommended", "Trending", "More on this" (with its
# noun, a colon or nothing after it: "Related talks are due next week" is news)
_TEASER_HEAD = re.compile(
    r"^\s*(don[’']?t\smiss\b|(related|recommended|trending|more\son\sthis)"
    r"(\s(articles?|stories|story|news|content|reading|now|for\syou|topics))?\s*([:…]|\.\.\.|$))", re.I)
_TEASER_TAG = re.compile(r"\[[A-Z ]{3,}\]\s*$")
_CREDIT = re.compile(
    r"\((photo|image|picture|credit|pic)s?\b[^)]*\)|\bgetty\s?images\b|\bvia\sgetty\b|/\s?(afp|reuters|ap|epa)\b"
    r"|^\s*(photo|image|picture|credit)s?\s*:",
    re.IGNORECASE,
)
_SOURCE_LINE = re.compile(r"^\s*source\s*:", re.IGNORECASE)
_BULLET = re.compile(r"^\s*[-•*·]\s+")
_REPORTING = re.compile(r"\b(said|says|told|announced|reported|killed|\d+)\b", re.I)
# A verb a bullet of news has and a marketing bullet lacks: an auxiliary or a past form ("• More vaccines would be
# supplied", "- Russia vetoed the text" are news; "- Rocket-fast loading pages" is not)
_FINITE = re.compile(r"\b(is|are|was|were|will|would|can|could|has|have|had|may|might|must|should|\w{3,}ed)\b", re.I)


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The cleaned text and the lines that were removed, with the rule that removed each."""

    text: str
    removed: tuple[tuple[str, str], ...]


def _words(line: str) -> int:
    return len(line.split())


def _furniture_rule(line: str) -> str | None:
    """Name the rule that marks ``line`` as furniture, or None to keep it."""
    stripped = line.strip()
    if not stripped:
        return None
    n = _words(stripped)
    if _TEASER_HEAD.match(stripped):
        return "teaser"
    if _TEASER_TAG.search(stripped):
        return "teaser"
    if _SOURCE_LINE.match(stripped) and n <= 8:
        return "source-link"
    if _CREDIT.search(stripped):
        return "photo-credit"
    if n <= MAX_FURNITURE_WORDS and _CTA.search(stripped):
        return "call-to-action"
    if _BULLET.match(stripped) and n <= 10 and not _REPORTING.search(stripped) and not _FINITE.search(stripped):
        # Short promotional bullets ("- Rocket-fast loading pages."); a bullet
        # that reports (a verb of saying, or a figure) is kept as news.
        return "bullet"
    return None


def clean_text(text: str) -> Cleaned:
    """Return ``text`` without furniture lines; paragraphs stay separated by blank lines.

    Args:
        text: raw article text, lines separated by newlines.

    Returns:
        The cleaned text (paragraphs joined by a blank line, whitespace inside
        a line kept) and the removed lines with the rule that matched.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    kept: list[str] = []
    removed: list[tuple[str, str]] = []
    for line in text.split("\n"):
        rule = _furniture_rule(line)
        if rule:
            removed.append((rule, line.strip()))
        elif line.strip():
            kept.append(" ".join(line.split()))
    return Cleaned("\n\n".join(_dedupe_title(kept)), tuple(removed))


def _dedupe_title(lines: list[str]) -> list[str]:
    """Drop an exact repeat of an earlier line near the top (titles printed twice)."""
    out: list[str] = []
    seen: set[str] = set()
    for i, line in enumerate(lines):
        if i < 6 and line in seen:
            continue
        seen.add(line)
        out.append(line)
    return out
