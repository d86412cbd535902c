"""`make eval-formats`: the MedQuAD held-out gold scored again with each article rendered in another input format.

The hidden articles the product is scored on come in other formats too, so the same text must give the same
profile whatever carries it. Each gold article (a MedQuAD XML document) is rendered as:
- html: `<h1>` focus, `<h2>` per question, `<p>` per answer line, `<ul><li>` for its "- " bullets, a navigation bar
  and a footer as boilerplate;
- docx: Heading 1 / Heading 2 / body paragraphs / "List Bullet" paragraphs (python-docx);
- txt: the focus, then each question and its answer text as MedQuAD has it (bullets run into one line).
The gold files are copied with their `article` pointing at the rendition and scored with `pipeline.evaluation.score`
(`xml` scores the originals). No rendition carries the page URL, so the must-item "reference" of each article can
only be found from the XML: the table reports must items with and without references. Never imported by the runtime
pipeline.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import tempfile
from pathlib import Path

from defusedxml import ElementTree as SafeET

from pipeline.evaluation import score

FORMATS = ("xml", "html", "docx", "txt")
_BULLET = re.compile(r"(?:^|\s)- ")


def medquad_pairs(path: Path) -> tuple[str, list[tuple[str, str]]]:
    """(focus, [(question, answer)]) of a MedQuAD XML document."""
    root = SafeET.parse(path).getroot()
    pairs = [(qa.findtext("Question") or "", qa.findtext("Answer") or "") for qa in root.iter("QAPair")]
    return root.findtext(".//Focus") or path.stem, pairs


def _blocks(answer: str) -> list[tuple[str, list[str]]]:
    """("p", [text]) paragraphs and ("ul", [items]) lists of an answer, one per line."""
    blocks = []
    for line in (ln.strip() for ln in answer.splitlines()):
        if line.startswith("- "):
            blocks.append(("ul", [item.strip() for item in _BULLET.split(line) if item.strip()]))
        elif line:
            blocks.append(("p", [line]))
    return blocks


def render_html(focus: str, pairs: list[tuple[str, str]]) -> str:
    parts = [f"<html><head><title>{html.escape(focus)}</title></head><body>",
             "<nav><a href='/'>Home</a> | <a href='/a-z'>Health topics A-Z</a></nav>",
             f"<article><h1>{html.escape(focus)}</h1>"]
    for question, answer in pairs:
        parts.append(f"<h2>{html.escape(question)}</h2>")
        for kind, texts in _blocks(answer):
            if kind == "ul":
                parts.append("<ul>" + "".join(f"<li>{html.escape(t)}</li>" for t in texts) + "</ul>")
            else:
                parts.append(f"<p>{html.escape(texts[0])}</p>")
    parts.append("</article><footer>Page last reviewed 2016. Contact us.</footer></body></html>")
    return "\n".join(parts)


def render_docx(focus: str, pairs: list[tuple[str, str]], out: Path) -> None:
    from docx import Document

    document = Document()
    document.add_heading(focus, level=1)
    for question, answer in pairs:
        document.add_heading(question, level=2)
        for kind, texts in _blocks(answer):
            for text in texts:
                document.add_paragraph(text, style="List Bullet" if kind == "ul" else None)
    document.save(out)


def render_txt(focus: str, pairs: list[tuple[str, str]]) -> str:
    return "\n\n".join([focus] + [f"{question}\n{answer.strip()}" for question, answer in pairs]) + "\n"


def render(path: Path, fmt: str, folder: Path) -> Path:
    focus, pairs = medquad_pairs(path)
    out = folder / f"{path.stem}.{fmt}"
    if fmt == "html":
        out.write_text(render_html(focus, pairs), encoding="utf-8")
    elif fmt == "docx":
        render_docx(focus, pairs, out)
    elif fmt == "txt":
        out.write_text(render_txt(focus, pairs), encoding="utf-8")
    else:
        raise ValueError(fmt)
    return out


def _must_counts(results: dict, golds: list[dict]) -> tuple[int, int, int]:
    """(must items found, must items, reference must items) over the gold files, from per-field recalls."""
    found = must = references = 0
    for gold in golds:
        fields = results["gold"].get(gold["doc_id"], {}).get("fields", {})
        for name, items in gold["fields"].items():
            count = sum(1 for item in items if item.get("must"))
            recall = fields.get(name, {}).get("recall") or 0
            must += count
            found += round(recall * count)
            references += count if name == "references" else 0
    return found, must, references


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=Path("gold/medquad"))
    parser.add_argument("--results", type=Path, default=Path("results/eval-formats.json"))
    parser.add_argument("--formats", default=",".join(FORMATS))
    args = parser.parse_args(argv)
    golds = [json.loads(p.read_text()) for p in sorted(args.gold.glob("*.gold.json"))]
    table = {}
    with tempfile.TemporaryDirectory(prefix="eval-formats-") as tmp:
        for fmt in args.formats.split(","):
            folder = Path(tmp) / fmt
            (folder / "gold").mkdir(parents=True)
            for gold in golds:
                copy = dict(gold)
                if fmt != "xml":
                    copy["article"] = str(render(Path(gold["article"]), fmt, folder))
                (folder / "gold" / f"{gold['doc_id']}.gold.json").write_text(json.dumps(copy))
            results_path = folder / "results.json"
            score.main(["--gold", str(folder / "gold"), "--out", str(folder / "out"), "--results", str(results_path)])
            found, must, references = _must_counts(json.loads(results_path.read_text()), golds)
            table[fmt] = {"must_found": found, "must_items": must, "reference_must_items": references}
    print(f"\n{'format':8} {'must items':>14}   (the renditions carry no page URL: reference items)")
    for fmt, row in table.items():
        print(f"{fmt:8} {row['must_found']:>5}/{row['must_items']:<5} = {row['must_found'] / row['must_items']:.3f}"
              f"   ({row['reference_must_items']} reference items)")
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text(json.dumps(table, indent=2, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
