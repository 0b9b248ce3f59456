#!/usr/bin/env python3
"""Writes deterministic JSON Lines files of support-reply drafts for
measuring `replywise rewrite --jsonl`.

    python3 benches/gen_drafts.py bench OUT.jsonl [MEGABYTES]
    python3 benches/gen_drafts.py identity OUT.jsonl

`bench`: realistic drafts of 2 to 7 sentences, a greeting and a sign-off
around them, where about one sentence in four carries negative wording (a
draft sentence of tests/fixtures/drafts.toml) and the rest are neutral
(the fixture's controls and the sentences below). Default 20 MB.

`identity`: every fixture sentence and rule example, plain and in variants
(upper and lower case, curly and straight apostrophes, inside quotes, joined
to a neighbour with a space, a line break or no full stop), then bench
drafts: the corpus benches/rewrite_identical.sh compares before and after an
engine change.

A fixed seed makes every run write the same bytes.
"""
import glob
import json
import random
import sys
import tomllib

NAMES = ["Sam", "Priya", "Tom", "Aisha", "Marek", "Chloe", "Dev", "Rosa", "Ben", "Yuki"]

# Replies written with care: nothing here should trip a rule.
NEUTRAL = [
    "Thank you for getting in touch about order #{n}.",
    "Your replacement was dispatched this morning and should arrive within {d} working days.",
    "I have added a note to your account so the team knows the history.",
    "The courier reference is {n}, and you can track it on their website.",
    "We have refunded {p} to the card you paid with.",
    "Our store on High Street is open from 9am to 6pm, Monday to Saturday.",
    "I've passed your comments on to the kitchen team.",
    "The engineer will call you 30 minutes before arriving.",
    "Your booking for {d} guests on Friday at 7pm is confirmed.",
    "We're glad the new blender is working well for you.",
    "I've checked with our warehouse and the parcel left on Tuesday.",
    "The warranty covers parts and labour for two years from the date of purchase.",
    "You can change your delivery address in the app under Settings.",
    "We have credited {p} to your account as a thank you for your patience.",
    "Thanks again for shopping with us.",
    "I have reset the password link, and it is valid for 24 hours.",
    "The price match applies to identical items sold by a UK retailer.",
    "Your return label is attached to this email.",
    "Our team will collect the old fridge when they deliver the new one.",
    "We use recycled packaging for every order.",
    "The size guide on the product page lists measurements in centimetres and inches.",
    "I've upgraded your room to a sea view at no extra cost.",
    "Your feedback helps us improve the service for everyone.",
    "The new opening hours start on 1 June.",
    "We have restocked the blue version in sizes 8 to 14.",
    "Our support line is open 8am to 8pm every day.",
    "I've asked the manager to call you back this afternoon.",
    "The voucher code is valid until the end of the month.",
    "Your subscription renews on the {d}th of each month.",
    "We appreciate you taking the time to write a review.",
]
GREETINGS = ["Hi {name},", "Hello {name},", "Dear {name},", "Hi there,"]
SIGNOFFS = ["Best wishes, {agent}", "Kind regards, {agent}", "Thanks, {agent}", "Speak soon, {agent}"]


def fixture():
    """(negative drafts, controls) from the measurement fixtures."""
    drafts, controls = [], []
    for path in ["tests/fixtures/drafts.toml", "tests/fixtures/drafts_holdout.toml"]:
        with open(path, "rb") as f:
            data = tomllib.load(f)
        drafts += [d["text"] for d in data.get("draft", [])]
        controls += [c["text"] for c in data.get("control", [])]
    return drafts, controls


def rule_examples():
    """Every before, after and keep sentence of the built-in rules."""
    out = []
    for path in sorted(glob.glob("phrasebook/rules/*.toml")):
        with open(path, "rb") as f:
            data = tomllib.load(f)
        for rule in data.get("rule", []):
            for example in rule.get("examples", []):
                out += [example["before"], example["after"]]
            out += rule.get("keep", [])
    return out


def fill(rng, sentence):
    return sentence.format(n=rng.randrange(10000, 99999), d=rng.randrange(2, 9),
                           p=f"£{rng.randrange(5, 300)}.{rng.randrange(100):02d}")


def draft(rng, drafts, neutral):
    body = []
    for _ in range(rng.randrange(2, 8)):
        body.append(rng.choice(drafts) if rng.random() < 0.25 else fill(rng, rng.choice(neutral)))
    name, agent = rng.choice(NAMES), rng.choice(NAMES)
    text = " ".join(body)
    if rng.random() < 0.6:
        text = rng.choice(GREETINGS).format(name=name) + "\n\n" + text
    if rng.random() < 0.6:
        text += "\n\n" + rng.choice(SIGNOFFS).format(agent=agent)
    return text


def records(rng, count, drafts, neutral):
    for i in range(count):
        yield {"id": f"d{i:07d}", "review_id": f"r{rng.randrange(10**8):08d}",
               "rating": rng.choice([1, 1, 2, 3, 4, 5]), "channel": rng.choice(["email", "chat", "review"]),
               "text": draft(rng, drafts, neutral)}


def variants(sentence, neighbour):
    curly = sentence.replace("'", "\u2019")
    straight = sentence.replace("\u2019", "'")
    bare = sentence.rstrip(".!?")
    return [sentence, sentence.upper(), sentence.lower(), curly, straight,
            f"You wrote \"{sentence}\" in your message.",
            f"{sentence} {neighbour}", f"{neighbour} {sentence}", f"{sentence}\n{neighbour}",
            f"{bare} {neighbour[:1].lower()}{neighbour[1:]}", f"Hi Sam,\n\n{sentence}\n\nThanks, Dev"]


def main():
    mode, out = sys.argv[1], sys.argv[2]
    rng = random.Random(20260417)
    drafts, controls = fixture()
    neutral = NEUTRAL + controls
    with open(out, "w", encoding="utf-8") as f:
        if mode == "bench":
            limit = int(float(sys.argv[3] if len(sys.argv) > 3 else 20) * 1024 * 1024)
            written, count = 0, 0
            while written < limit:
                for record in records(rng, 1000, drafts, neutral):
                    line = json.dumps(record, ensure_ascii=False) + "\n"
                    f.write(line)
                    written += len(line.encode("utf-8"))
                    count += 1
        elif mode == "identity":
            sentences = drafts + controls + rule_examples() + [fill(rng, s) for s in NEUTRAL]
            count = 0
            for i, sentence in enumerate(sentences):
                neighbour = sentences[(i * 7 + 3) % len(sentences)]
                for text in variants(sentence, neighbour):
                    f.write(json.dumps({"id": count, "text": text}, ensure_ascii=False) + "\n")
                    count += 1
            for record in records(rng, 5000, drafts, neutral):
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
                count += 1
        else:
            sys.exit(f"unknown mode {mode!r}; use bench or identity")
    print(f"{out}: {count} records", file=sys.stderr)


if __name__ == "__main__":
    main()
