"""Hostile rich text (docs/security.md §2, R1–R14) posted in the admin, read on the public page."""

import datetime
import re
from html.parser import HTMLParser

from django.contrib.auth.models import User
from django.core import serializers
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from ndportal.publishing import Status
from news.models import Article
from tests.admin_forms import form_data
from tests.factories import make_article, make_category

HOSTILE = [
    ("R1", "<p>hi</p><script>alert(1)</script><ScRiPt>alert(2)</sCrIpT>"),
    ("R2", '<img src=x onerror="alert(1)"><details open ontoggle=alert(1)>x</details>'),
    ("R2", "<body onload=alert(1)>x</body><p onclick=alert(1) onmouseover=alert(1)>y</p>"),
    ("R3", '<a href="javascript:alert(1)">a</a><a href="jav&#x09;ascript:alert(1)">b</a>'),
    ("R3", '<a href="&#106;avascript:alert(1)">c</a><a href=" javascript:alert(1)">d</a>'),
    ("R3", '<a href="vbscript:msgbox(1)">e</a><a href="JaVaScRiPt:alert(1)">f</a>'),
    ("R4", '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>'),
    ("R4", '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+" alt="x">'),
    ("R5", '<svg onload=alert(1)><script>alert(1)</script><a xlink:href="javascript:alert(1)">'),
    ("R6", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>"),
    ("R6", '<noscript><p title="</noscript><img src=x onerror=alert(1)>">'),
    ("R7", '<style>body{display:none}</style><p style="position:fixed;z-index:9999">x</p>'),
    ("R7", '<p style="width:expression(alert(1))">x</p><p style="width:url(javascript:x)">y</p>'),
    ("R8", '<iframe src="https://evil.example/"></iframe>'
           '<iframe srcdoc="<script>alert(1)</script>">'),
    ("R9", '<object data="x.swf"></object><embed src="x.swf"><meta http-equiv=refresh content=0>'),
    ("R9", '<form action="https://evil.example/"><input type=password>'
           '<button formaction="javascript:alert(1)">go</button></form>'),
    ("R9", '<base href="https://evil.example/"><link rel=stylesheet href="https://evil.example/x.css">'),
    ("R10", "<!--[if gte IE 4]><script>alert(1)</script><![endif]-->"
            "<![CDATA[<script>alert(1)</script>]]>"),
    ("R11", '<figure class="image image-left" onclick=alert(1)>'
            '<img src="/media/a.jpg" alt="a" onerror=alert(1)><figcaption>c</figcaption></figure>'),
]  # fmt: skip

DANGEROUS_TAGS = {
    "script", "style", "svg", "math", "iframe", "object", "embed", "form", "input", "button",
    "meta", "base", "link", "noscript", "details", "body",
}  # fmt: skip
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:")


class _Inspector(HTMLParser):
    """Collects what would execute in a browser: dangerous tags, handlers, script URLs."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []

    def handle_starttag(self, tag, attrs):
        if tag in DANGEROUS_TAGS:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{tag}[{name}]")
            compact = "".join((value or "").split()).lower()
            if name in {"href", "src", "xlink:href", "action", "formaction"} and compact.startswith(
                DANGEROUS_SCHEMES
            ):
                self.found.append(f"{tag}[{name}={value}]")
            if name == "style" and ("expression" in compact or "url(" in compact):
                self.found.append(f"{tag}[style={value}]")


def dangers(html):
    inspector = _Inspector()
    inspector.feed(html)
    return inspector.found


def rich_text_of(page_html):
    """The part of a public page from the rich-text div to the share links below it."""
    start = page_html.index('<div class="rich-text">')
    end = page_html.index('<nav class="share-links"', start)
    return page_html[start:end]


class HostileRichTextThroughAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = User.objects.create_superuser("quantri", password="pw")
        cls.category = make_category()

    def setUp(self):
        self.client.force_login(self.admin)

    def post_article(self, body, title="Bài thử"):
        add_url = reverse("admin:news_article_add")
        data = form_data(self.client.get(add_url), "article_form")
        data.update(
            title=title,
            slug="",
            category=str(self.category.pk),
            lead="Sapo.",
            body=body,
            status=Status.DRAFT,
        )
        response = self.client.post(add_url, data)
        self.assertEqual(response.status_code, 302, getattr(response, "context", None) and
                         response.context["adminform"].form.errors)  # fmt: skip
        return Article.objects.get(title=title)

    def assertRefusedAsPastedImage(self, payload, title):
        add_url = reverse("admin:news_article_add")
        data = form_data(self.client.get(add_url), "article_form")
        data.update(title=title, category=str(self.category.pk), lead="Sapo.", body=payload)
        response = self.client.post(add_url, data)
        self.assertContains(response, "Ảnh thứ 1")
        self.assertFalse(Article.objects.filter(title=title).exists())

    def publish_and_read(self, article):
        # Published straight in the database: this test is about what the page shows.
        Article.objects.filter(pk=article.pk).update(
            status=Status.PUBLISHED, published_at=timezone.now() - datetime.timedelta(minutes=1)
        )
        article.refresh_from_db()
        self.client.logout()
        response = self.client.get(article.get_absolute_url())
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def test_hostile_inputs_are_harmless_when_saved_and_shown(self):
        """Each R1–R11 payload posted in the admin is stored and shown with nothing executable."""
        for index, (ref, payload) in enumerate(HOSTILE):
            with self.subTest(ref=ref, payload=payload):
                self.client.force_login(self.admin)
                if re.search(r"<img[^>]+data:", payload):
                    # A data-URI image is decoded and checked like an upload; these are
                    # not valid JPEG/PNG/GIF/WebP, so the form refuses them, naming them.
                    self.assertRefusedAsPastedImage(payload, title=f"Bài thử {index}")
                    continue
                article = self.post_article(f"<p>Mở đầu</p>{payload}", title=f"Bài thử {index}")
                self.assertEqual(dangers(article.body), [], article.body)
                self.assertIn("Mở đầu", article.body)
                page = self.publish_and_read(article)
                self.assertEqual(dangers(rich_text_of(page)), [])

    def test_editor_output_survives(self):
        """R11: what the toolbar produces (image2 figure, alignment, table, link) is kept."""
        body = (
            '<h2>Tiêu đề</h2><p style="text-align:center"><strong>Đậm</strong> <em>nghiêng</em></p>'
            '<figure class="image image-right"><img alt="Toàn cảnh" height="300" '
            'src="/media/editor/1/a.jpg" width="400">'
            "<figcaption>Chú thích ảnh</figcaption></figure>"
            '<p class="image-center"><img alt="Giữa" src="/media/editor/1/b.png"></p>'
            '<table><tbody><tr><td colspan="2">Ô</td></tr></tbody></table>'
            "<blockquote><p>Trích dẫn</p></blockquote><ul><li>Một</li></ul>"
            '<p><a href="https://namdinh.dcs.vn/">Liên kết</a></p>'
        )
        article = self.post_article(body, title="Bài chuẩn")
        for fragment in [
            '<figure class="image image-right">',
            "<figcaption>Chú thích ảnh</figcaption>",
            'alt="Toàn cảnh"',
            '<p class="image-center">',
            '<td colspan="2">',
            '<p style="text-align:center">',
            "<blockquote>",
            'href="https://namdinh.dcs.vn/"',
        ]:
            self.assertIn(fragment, article.body)

    def test_word_classes_and_styles_are_dropped(self):
        """Paste from Word: its classes and font styles do not reach the database."""
        body = (
            '<p class="MsoNormal" style="font-family:Times New Roman;mso-line-height-rule:exactly;'
            'text-align:justify"><span style="font-size:14pt;color:red">Nội dung</span></p>'
        )
        article = self.post_article(body, title="Bài Word")
        self.assertNotIn("Mso", article.body)
        self.assertNotIn("font-", article.body)
        self.assertNotIn("color", article.body)
        self.assertIn("text-align:justify", article.body)

    def test_r12_plain_fields_are_escaped(self):
        """R12: a script in the title and lead is shown as text."""
        article = self.post_article("<p>x</p>", title="<script>alert(1)</script> Tiêu đề")
        Article.objects.filter(pk=article.pk).update(lead='"><svg onload=alert(1)>')
        page = self.publish_and_read(article)
        self.assertNotIn("<script>alert(1)</script>", page)
        self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt; Tiêu đề", page)
        self.assertNotIn("<svg onload", page)

    def test_r12_search_term_is_escaped(self):
        """R12: a search term is echoed escaped."""
        page = self.client.get("/tim-kiem/", {"q": '"><svg onload=alert(1)>'}).content.decode()
        self.assertNotIn("<svg onload", page)


class HostileRichTextOutsideTheAdminTests(TestCase):
    def test_r13_queryset_update_is_sanitised(self):
        """R13: QuerySet.update() cannot store a handler either."""
        article = make_article()
        Article.objects.filter(pk=article.pk).update(body="<img src=x onerror=alert(1)>")
        article.refresh_from_db()
        self.assertEqual(dangers(article.body), [])

    def test_r13_loaddata_is_sanitised(self):
        """R13: rows loaded from a fixture are sanitised on save."""
        article = make_article()
        payload = serializers.serialize("json", [article]).replace(
            "Nội dung bài viết.", '<a href=\\"javascript:alert(1)\\">x</a>'
        )
        for obj in serializers.deserialize("json", payload):
            obj.save()
        article.refresh_from_db()
        self.assertIn(">x</a>", article.body)
        self.assertEqual(dangers(article.body), [])

    def test_r14_meta_description_is_plain(self):
        """R14: the page description built from the lead carries no markup."""
        article = make_article(lead='<img src=x onerror=alert(1)> Sapo "trích"')
        page = self.client.get(article.get_absolute_url()).content.decode()
        head = page[: page.index("</head>")]
        # The head has its own <meta> and <link> tags; what matters is what the lead adds.
        self.assertEqual([d for d in dangers(head) if not d.startswith("<")], [])
        self.assertNotIn("<img", head)
        self.assertIn("&lt;img", head)
