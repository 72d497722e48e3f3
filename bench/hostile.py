"""Hostile-input bench: is the whole pipeline (parse, segment, extract quotes) linear?

Run from the repo root:  python bench/hostile.py [--sizes 1 2 4] [--runs 3] [--cases ...]

For each hostile input it times ``newsquotes.pipeline.process_raw`` at 1, 2 and 4 MB (1 MB =
10^6 characters; the inputs are ASCII or nearly so) and prints the median of several runs, the
speed in MB/s and the ratio to the previous size: for a linear pipeline the time doubles when
the size doubles (ratio ~2.0); ~4.0 means quadratic. One core, no Prefect, no files.
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsquotes.pipeline import process_raw  # noqa: E402

HEADER = "# Hostile input\n\nMarch 3, 2024\n\n"
WORDS = "the committee met again on tuesday to discuss budget plans for the coming year and beyond".split()


def _fill(unit: str, n: int) -> str:
    """``unit`` repeated to exactly ``n`` characters."""
    return (unit * (n // len(unit) + 1))[:n]


def no_punctuation(n: int) -> str:
    return _fill(" ".join(WORDS) + " ", n)


def hundred_thousand_periods(n: int) -> str:
    """100,000 sentence-ending periods spread evenly over the text, whatever its size."""
    step = max(3, n // 100_000)
    sentence = _fill("Word " * step, step - 2).rstrip() + ". "
    return _fill(sentence, n)


def period_runs(n: int) -> str:
    return _fill("." * 1000 + " and ", n)


def straight_quote_runs(n: int) -> str:
    return _fill('"' * 1000 + " word ", n)


def curly_quote_runs(n: int) -> str:
    return _fill("\u201c" * 1000 + " word ", n)


def unbalanced_with_speech_verbs(n: int) -> str:
    """Opening marks never closed, each next to a cue and a speaker: worst case for attribution."""
    return _fill("\u201cThe plan is fine, the minister said. He told reporters that \"it works, Smith added. ", n)


def long_paragraphs_unbalanced(n: int) -> str:
    """Paragraphs that each open a quote and never close it (continuation across paragraphs)."""
    return _fill("\u201cWe will see, said Mayor Jane Smith on Monday in the city\n\n", n)


def very_long_words(n: int) -> str:
    return _fill("x" * 100_000 + " ", n)


CASES: dict[str, Callable[[int], str]] = {
    "no punctuation": no_punctuation,
    "100,000 periods": hundred_thousand_periods,
    "runs of periods": period_runs,
    'runs of "': straight_quote_runs,
    "runs of \u201c": curly_quote_runs,
    "unbalanced quotes + said": unbalanced_with_speech_verbs,
    "unclosed quote per paragraph": long_paragraphs_unbalanced,
    "100,000-letter words": very_long_words,
}


def time_once(raw: str) -> tuple[float, int, int]:
    start = time.perf_counter()
    processed = process_raw(raw)
    return time.perf_counter() - start, len(processed.sentences), len(processed.quotes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 2, 4], help="sizes in MB (default: 1 2 4)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per size; the median is shown (default: 3)")
    parser.add_argument("--cases", nargs="+", choices=list(CASES), default=list(CASES), metavar="CASE")
    args = parser.parse_args()

    time_once(HEADER + "Warm up: the minister said \u201cyes\u201d.")  # import-time regex compilation
    print(f"process_raw on hostile inputs, median of {args.runs} runs (1 MB = 10^6 characters)\n")
    print(f"{'case':<30} {'MB':>5} {'seconds':>9} {'MB/s':>7} {'x prev':>7} {'sentences':>10} {'quotes':>8}")
    worst = 0.0
    for name in args.cases:
        previous = None
        for size in args.sizes:
            n = int(size * 1_000_000)
            raw = HEADER + CASES[name](n - len(HEADER))
            runs = [time_once(raw) for _ in range(args.runs)]
            seconds = statistics.median(r[0] for r in runs)
            ratio = ""
            if previous is not None:
                # growth of the time per doubling of the size: 2.0 is linear, 4.0 quadratic
                per_doubling = 2 ** (math.log(seconds / previous[1]) / math.log(size / previous[0]))
                ratio = f"{per_doubling:.2f}"
                worst = max(worst, per_doubling)
            _, n_sentences, n_quotes = runs[0]
            print(
                f"{name:<30} {size:>5g} {seconds:>9.3f} {len(raw) / 1e6 / seconds:>7.2f} {ratio:>7} "
                f"{n_sentences:>10,} {n_quotes:>8,}",
                flush=True,
            )
            previous = (size, seconds)
    print(f"\nx prev: time ratio per doubling of the size (2.0 = linear, 4.0 = quadratic); worst {worst:.2f}")


if __name__ == "__main__":
    main()
