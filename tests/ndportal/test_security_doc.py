"""Code comments cite docs/security.md by section, and every cited section exists."""

import re
from pathlib import Path

from django.test import SimpleTestCase

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "security.md"
CITATION = re.compile(r"docs/security\.md §(\d+)")


def source_files():
    for folder in ("ndportal", "news", "resolutions", "demo", "tests", "templates"):
        yield from (p for p in (ROOT / folder).rglob("*") if p.suffix in {".py", ".html"})


class SecurityDocTests(SimpleTestCase):
    def test_cited_sections_exist(self):
        """Each "docs/security.md §N" in the code names a numbered section of the document."""
        sections = set(re.findall(r"^## (\d+)\. ", DOC.read_text(), flags=re.MULTILINE))
        cited = {
            (path.relative_to(ROOT).as_posix(), number)
            for path in source_files()
            for number in CITATION.findall(path.read_text(encoding="utf-8"))
        }
        self.assertTrue(cited)
        missing = sorted(item for item in cited if item[1] not in sections)
        self.assertEqual(missing, [])

    def test_no_citation_of_a_document_outside_the_repository(self):
        """No comment points to SECURITY.md, a catalogue that is not in the repository."""
        citing = [
            path.relative_to(ROOT).as_posix()
            for path in source_files()
            if path != Path(__file__).resolve()
            and "SECURITY.md" in path.read_text(encoding="utf-8")
        ]
        self.assertEqual(citing, [])
