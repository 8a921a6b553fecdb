"""Boilerplate removal: general rules, checked on the seeds and on hand-made lines."""

import pytest

from detente.ingest.clean import clean_text

FURNITURE = [
    "Already a subscriber? Log in",
    "Subscribe and get your first month of online access for free.",
    "Keep reading with a free trial",
    "Join the conversation with other readers. Subscribe to leave a comment.",
    "Don't miss… Something else happened today",
    "Don’t miss…",
    "- Advert-free experience without interruptions.",
    "Source: Read Full Article",
    "Post a comment for this article",
    "There are no comments for this article",
    "Skip to main content",
    "Only $100 per year.",
    "Ten hostages released in overnight deal[LATEST]",
    "Two leaders at the summit (Credit: Getty images)",
    "Sign up to our daily newsletter",
    "Click here to read more",
    "Only £1 a week for your first year",
    "Unlock more articles",
    "Sign up for free",
    "We use cookies to improve your experience.",
    "Advertisement",
    "Related articles",
    "Trending now",
    "More on this story:",
]
NEWS = [
    "The minister said the subscription to the treaty was a matter for parliament, and that the government would "
    "decide after consulting its partners and the opposition over the coming weeks in a series of meetings.",
    "Russia and China however have stopped short of condemning the group.",
    "- 47 people were killed in the strikes, officials said.",
    "He said: “We will not accept this.”",
    # words of page prompts used as news words (short ledes were removed whole)
    "BERLIN - Germany on Monday ordered four Russian diplomats to leave the country within a week.",
    "Pakistan reopened the crossing on Friday after a week-long closure.",
    "The deal would unlock $6 billion in frozen Iranian funds.",
    "Washington accused Tehran of state-sponsored terrorism.",
    "Twelve countries have signed up to the pact, which Brazil sponsored.",
    "There was no commitment to a ceasefire, the envoy said.",
    "France tabled a resolution sponsored by twelve states.",
    "Russia blocked access to the BBC's news website.",
    "Trade rose to $5 billion a year after the deal.",
    "Related talks are due next week in Geneva.",
    "- Russia vetoed the resolution.",
    "• More aid would be sent.",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_clean_removes_furniture_lines(line):
    cleaned = clean_text(f"A first real sentence about diplomacy.\n{line}\nA last real sentence.")
    assert line.strip() not in cleaned.text
    assert "A first real sentence" in cleaned.text and "A last real sentence" in cleaned.text


@pytest.mark.parametrize("line", NEWS)
def test_clean_keeps_news_lines(line):
    assert line in clean_text(line).text


def test_clean_seeds_lose_their_furniture(seed_texts):
    prompts = ("Already a subscriber", "Keep reading with a free trial", "Advert-free", "Source: Read Full Article",
               "Post a comment", "Skip to main content", "[LATEST]", "Unlock more articles")
    for name, raw in seed_texts.items():
        cleaned = clean_text(raw).text
        for prompt in prompts:
            assert prompt not in cleaned, (name, prompt)
        # reporting survives: every seed keeps most of its words
        assert len(cleaned.split()) > 0.75 * len(raw.split()) - 120, name


def test_clean_records_removed_lines_with_rule():
    cleaned = clean_text("News here.\nSkip to main content\n(Photo by A / AFP)")
    rules = {rule for rule, _ in cleaned.removed}
    assert rules == {"call-to-action", "photo-credit"}
