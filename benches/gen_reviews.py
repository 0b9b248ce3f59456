#!/usr/bin/env python3
"""Writes a deterministic JSON Lines file of synthetic reviews for benchmarks.

    python3 benches/gen_reviews.py OUT.jsonl [MEGABYTES]

Reviews are assembled from phrase fragments with a fixed seed, so every run
produces the same bytes; lengths vary from one sentence to long stories,
like real exports.
"""
import json
import random
import sys

OPENERS = ["We came here for a birthday dinner.", "I ordered on a Tuesday.", "First visit after moving to the area.",
           "Downloaded the app last month.", "Booked a room for two nights.", "My husband and I stopped by for lunch."]
GOOD = ["The staff were friendly and quick.", "Food was delicious and hot.", "Great value for the price.",
        "The room was spotless.", "Delivery arrived a day early.", "Works exactly as described.",
        "Can't recommend it enough!", "The dessert was to die for."]
BAD = ["We waited 45 minutes for our food.", "The waiter was rude when we asked for the bill.",
       "It stopped working after 2 weeks.", "I'm still waiting for my refund.", "The app crashes every time I log in.",
       "The room smelled of smoke and the sheets were stained.", "Wrong item in the box and nobody answers emails.",
       "Not worth the money.", "Won't be back.", "Used to be great, but it went downhill."]
MIDDLE = ["Parking was easy.", "The menu changes every season.", "They have a loyalty card.",
          "It is next to the station.", "Prices are about average for the area."]


def review(rng, i):
    stars = rng.choice([1, 1, 2, 3, 4, 5, 5, 5])
    pool = BAD if stars <= 2 else GOOD if stars >= 4 else GOOD + BAD
    parts = [rng.choice(OPENERS)] if rng.random() < 0.6 else []
    for _ in range(rng.choice([1, 1, 2, 3, 5, 8])):
        parts.append(rng.choice(pool) if rng.random() < 0.7 else rng.choice(MIDDLE))
    return {"review_id": f"bench-{i:08d}", "user_id": f"u{rng.randrange(10**6):06d}",
            "business_id": f"b{rng.randrange(500):03d}", "stars": float(stars),
            "useful": rng.randrange(5), "funny": 0, "cool": 0, "text": " ".join(parts),
            "date": f"2024-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d} 12:{rng.randrange(60):02d}:00"}


def main():
    out = sys.argv[1]
    limit = int(float(sys.argv[2] if len(sys.argv) > 2 else 100) * 1024 * 1024)
    rng = random.Random(20261123)
    written = 0
    i = 0
    with open(out, "w", encoding="utf-8") as f:
        while written < limit:
            line = json.dumps(review(rng, i), ensure_ascii=False) + "\n"
            f.write(line)
            written += len(line.encode("utf-8"))
            i += 1
    print(f"{out}: {i} reviews, {written / 1024 / 1024:.1f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
