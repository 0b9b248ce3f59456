#!/usr/bin/env python3
"""The dev/held-out split of `replywise eval --split`, for other tools.

    python3 scripts/split.py dev|holdout FILE.jsonl... > part.jsonl

Prints the lines of labelled JSON Lines files whose id falls in the given
part: FNV-1a (64 bit) of the id's UTF-8 bytes, mod 100; below 70 is dev,
the rest held out. Must agree with `Split::of` in src/eval.rs.
Standard library only.
"""
import json
import sys


def fnv1a(data: bytes) -> int:
    h = 0xCBF29CE484222325
    for b in data:
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def part(record_id: str) -> str:
    return "dev" if fnv1a(record_id.encode("utf-8")) % 100 < 70 else "holdout"


def main() -> None:
    if len(sys.argv) < 3 or sys.argv[1] not in ("dev", "holdout"):
        sys.exit(__doc__)
    assert fnv1a(b"a") == 0xAF63DC4C8601EC8C
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip() and part(json.loads(line)["id"]) == sys.argv[1]:
                    sys.stdout.write(line)


if __name__ == "__main__":
    main()
