#!/usr/bin/env python3
"""Automatic truth checks of drafts on the hand-labelled reviews of ../shared.

For every labelled review (../shared/data/reviews/topics_dev.jsonl), drafts
a reply with `replywise draft` under a profile that fits its source (Yelp:
kind unknown, no offers; Amazon: an online shop offering refunds and
replacements) and counts:

  - sentences without a source, and review sentences whose evidence is not
    the review's own words at the span they give;
  - offers the profile does not list;
  - words of another kind of business the review never used;
  - named complaints (the evidence of each apology) that overlap a labelled
    complaint's evidence, as a share of all named complaints;
  - body sentences other than courtesy blocks repeated in more than 10% of
    drafts.

Figures are printed for the whole set and for its two parts (a stable hash
of the id keeps a third aside). Standard library only; skips with a message
when ../shared is absent.

    python3 benches/draft_truth.py [path/to/replywise]
"""

import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(ROOT, "..", "shared")
GOLD = os.path.join(SHARED, "data", "reviews", "topics_dev.jsonl")
BIN = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target", "release", "replywise")

PROFILES = {
    "yelp_open": 'business_name = "Harbour"\nsigner_name = "Sam"\nsigner_role = "Owner"\n'
    'contact_email = "care@harbour.example"\n',
    "amazon_alexa": 'business_name = "Harbour"\nkind = "online_shop"\nsigner_name = "Sam"\n'
    'signer_role = "Owner"\ncontact_email = "care@harbour.example"\n'
    'offers = ["refund", "replacement"]\nrefund_time = "5 business days"\n',
}
OFFERED = {"yelp_open": set(), "amazon_alexa": {"refund", "replacement"}}
# Words of some kinds of business; a draft for another may use them only
# when the review did (one list with tests/draft_clean.rs).
with open(os.path.join(ROOT, "tests", "fixtures", "kind_words.json"), encoding="utf-8") as f:
    KIND_WORDS = {w: set(k) for w, k in json.load(f)["words"].items()}
KINDS = {"yelp_open": None, "amazon_alexa": "online_shop"}


def norm(s):
    return re.sub(r"\s+", " ", s.lower().replace("\u2019", "'")).strip()


def has_word(text, word):
    return re.search(r"(?<![a-z0-9])" + re.escape(word) + r"s?(?![a-z0-9])", text.lower()) is not None


def held_out(review_id):
    return int(hashlib.sha1(review_id.encode()).hexdigest(), 16) % 3 == 0


def main():
    if not os.path.exists(GOLD):
        print(f"skipped: {GOLD} is absent")
        return
    if not os.path.exists(BIN):
        sys.exit(f"{BIN}: build it first (cargo build --release)")
    gold = {}
    with open(GOLD, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                gold[r["id"]] = r
    with tempfile.TemporaryDirectory() as tmp:
        emitted = os.path.join(tmp, "in.jsonl")
        subprocess.run(
            [
                sys.executable,
                os.path.join(SHARED, "tools", "score_topics.py"),
                "--gold",
                GOLD,
                "--emit-input",
                emitted,
                "--reviews",
                os.path.join(SHARED, "data", "reviews", "yelp_open.jsonl"),
                os.path.join(SHARED, "data", "reviews", "amazon_alexa.jsonl"),
            ],
            check=True,
            capture_output=True,
        )
        rows = []
        by_source = {}
        with open(emitted, encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                by_source.setdefault(r["source"], []).append(line)
        for source, lines in by_source.items():
            path = os.path.join(tmp, f"{source}.jsonl")
            with open(path, "w", encoding="utf-8") as f:
                f.writelines(lines)
            profile = os.path.join(tmp, f"{source}.toml")
            with open(profile, "w", encoding="utf-8") as f:
                f.write(PROFILES[source])
            out = subprocess.run(
                [BIN, "draft", "--all", "--format", "jsonl", "--profile", profile, path],
                capture_output=True,
                text=True,
            )
            for line in out.stdout.splitlines():
                r = json.loads(line)
                r["_source"] = source
                rows.append(r)
    report("all", rows, gold)
    report("tuned part", [r for r in rows if not held_out(r["id"])], gold)
    report("held out", [r for r in rows if held_out(r["id"])], gold)


def report(name, rows, gold):
    no_source = bad_evidence = offers_outside = wrong_kind = 0
    named = matched = 0
    sentences = 0
    body = Counter()
    for r in rows:
        g = gold.get(r["id"], {})
        whole = f"{r.get('title') or ''}\n{r['text']}"
        labelled = [norm(c["evidence"]) for c in g.get("complaints", [])]
        seen = set()
        for s in r.get("reply_sentences", []):
            sentences += 1
            if not s.get("block") or s.get("from") not in ("review", "profile", "courtesy"):
                no_source += 1
            if s["from"] == "review" and not s["evidence"]:
                no_source += 1
            for e in s["evidence"]:
                field = r.get(e["field"]) if e["field"] != "author" else r.get("author")
                # Spans are UTF-8 byte offsets.
                if (field or "").encode()[e["start"] : e["end"]].decode("utf-8", "replace") != e["text"]:
                    bad_evidence += 1
            for key in s["profile_keys"]:
                if key.startswith("offers.") and key[7:] not in OFFERED[r["_source"]]:
                    offers_outside += 1
            kind = KINDS[r["_source"]]
            for word, kinds in KIND_WORDS.items():
                if kind not in kinds and has_word(s["text"], word) and not has_word(whole, word):
                    wrong_kind += 1
            if s["block"].startswith("apology.") and s["from"] == "review":
                gold_topics = {c["topic"] for c in g.get("complaints", [])}
                for e in s["evidence"]:
                    named += 1
                    words = norm(e["text"])
                    # A complaint named by its topic's plain name claims only
                    # the topic; one quoted claims its words.
                    said = {w for w in re.findall(r"[a-z]{4,}", words)}
                    quoted = len(said & set(re.findall(r"[a-z]{4,}", norm(s["text"])))) >= min(2, len(said))
                    topic = next(
                        (c["topic"] for c in r.get("complaints", []) if c["field"] == e["field"] and c["start"] == e["start"]),
                        None,
                    )
                    if not quoted and topic in gold_topics:
                        matched += 1
                    elif any(words in l or l in words or overlap(words, l) for l in labelled):
                        matched += 1
                    elif os.environ.get("SHOW_MISSES"):
                        print(f"  miss {r['id']}: {e['text']!r} | {s['text']}")
            greeting = s["block"].startswith(("greeting.", "sign_off."))
            if not greeting and s["from"] != "courtesy" and s["text"] not in seen:
                seen.add(s["text"])
                body[s["text"]] += 1
    repeated = sum(1 for n in body.values() if n > max(1, len(rows)) * 0.10)
    print(f"## {name}: {len(rows)} drafts, {sentences} sentences")
    print(f"  sentences without a source      {no_source}")
    print(f"  evidence not the review's words {bad_evidence}")
    print(f"  offers outside the profile      {offers_outside}")
    print(f"  words of the wrong kind         {wrong_kind}")
    share = matched / named if named else 0.0
    print(f"  named complaints matching a labelled one  {matched}/{named} = {share:.3f}")
    print(f"  body sentences (not courtesy) in >10% of drafts  {repeated}")


def overlap(a, b):
    """Whether two normalised spans share a run of at least three words."""
    wa, wb = a.split(), b.split()
    grams = {tuple(wa[i : i + 3]) for i in range(len(wa) - 2)}
    return any(tuple(wb[i : i + 3]) in grams for i in range(len(wb) - 2))


if __name__ == "__main__":
    main()
