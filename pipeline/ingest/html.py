"""HTML → Markdown-like text with trafilatura (main content only: navigation, footers and ads are dropped).

Headings come out as `# ...` lines and list items as `- ...` lines, so `layout` reads HTML and Markdown alike.
The extracted text is what the profile's offsets index into; export writes it next to the profiles.
"""

from __future__ import annotations

import trafilatura

from pipeline.ingest.article import IngestError


def html_to_text(html: str, name: str) -> tuple[str, dict]:
    text = trafilatura.extract(html, output_format="markdown", include_tables=True, include_comments=False,
                               include_links=False, favor_recall=True, with_metadata=False)
    if not text or not text.strip():
        raise IngestError(f"{name}: no article text found in the HTML")
    meta = trafilatura.extract_metadata(html)
    metadata = {}
    if meta is not None:
        metadata = {"title": meta.title, "date": meta.date, "publisher": meta.sitename, "url": meta.url}
    title = metadata.get("title")
    if title and not text.lstrip().startswith(("#", title)):
        text = f"# {title}\n\n{text}"  # keep the page title as the article's first heading
    return text.strip() + "\n", metadata
