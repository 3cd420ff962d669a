"""`python manage.py generate_bulk`: many generated Vietnamese items, for search benchmarks.

Articles of about 3 KB, documents numbered as the registry writes them (`01-NQ/TU`,
`12/2021/NQ-HĐND`, `345/QĐ-UBND`) and conferences, mostly published with some drafts.
Rows go in with `bulk_create` in batches; the fields `save()` would derive (slug, number
keys, search columns, version) are computed here in Python by the models' own functions,
so the rows search exactly as saved ones do. The same `--seed` gives the same content.

A few words are planted at known rates so a benchmark can ask for them: `nông thôn mới`
is in about half of the articles, `Phạm Gia Túc` in about one in five thousand.
"""

import datetime
import random
import secrets
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from demo.documents import SIGNERS, load_reference_data
from demo.news import CATEGORIES
from ndportal import search
from ndportal.publishing import VERSION_LIMIT, Status
from ndportal.text import fold, slugify_vi
from news.models import Article, Category, Tag
from resolutions.models import (
    Committee,
    Conference,
    Document,
    DocumentType,
    Field,
    StudyResult,
    Term,
)
from resolutions.models.committees import ConferenceLevel
from resolutions.numbers import number_search_key, parse_number

HALF_WORD = "nông thôn mới"  # planted in about 50% of the articles
RARE_NAME = "Phạm Gia Túc"  # planted in about 0.02% of the articles
HALF_RATE, RARE_RATE = 0.5, 0.0002
DRAFT_RATE = 0.05

SUBJECTS = [
    "Ban Thường vụ Tỉnh ủy",
    "Ban Chấp hành Đảng bộ tỉnh",
    "Ủy ban nhân dân tỉnh",
    "Hội đồng nhân dân tỉnh",
    "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
    "Ban Tuyên giáo Tỉnh ủy",
    "Huyện ủy Hải Hậu",
    "Huyện ủy Giao Thủy",
    "Thành ủy Nam Định",
    "Đảng ủy xã Xuân Trường",
    "Các cấp ủy, tổ chức đảng",
    "Cán bộ, đảng viên và Nhân dân trong tỉnh",
    "Sở Kế hoạch và Đầu tư",
    "Sở Nông nghiệp và Phát triển nông thôn",
    "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh",
    "Hội Liên hiệp Phụ nữ tỉnh",
]
VERBS = [
    "đã tập trung lãnh đạo, chỉ đạo",
    "triển khai đồng bộ, quyết liệt",
    "tổ chức học tập, quán triệt",
    "đẩy mạnh tuyên truyền về",
    "tăng cường kiểm tra, giám sát việc thực hiện",
    "ban hành kế hoạch thực hiện",
    "sơ kết, đánh giá kết quả",
    "huy động mọi nguồn lực cho",
    "tháo gỡ khó khăn, vướng mắc trong",
    "tiếp tục đổi mới phương thức thực hiện",
    "phát huy vai trò nêu gương trong",
    "rà soát, bổ sung các giải pháp về",
]
OBJECTS = [
    "công tác xây dựng Đảng và hệ thống chính trị",
    "chuyển đổi số trong cơ quan nhà nước",
    "phát triển kinh tế biển gắn với bảo đảm quốc phòng, an ninh",
    "cải cách hành chính và cải thiện môi trường đầu tư",
    "phát triển công nghiệp chế biến, chế tạo",
    "xây dựng đô thị văn minh, hiện đại",
    "bảo tồn và phát huy giá trị di sản văn hóa",
    "chăm lo đời sống vật chất, tinh thần của Nhân dân",
    "phòng, chống tham nhũng, tiêu cực",
    "giảm nghèo bền vững",
    "phát triển nguồn nhân lực chất lượng cao",
    "ứng phó với biến đổi khí hậu",
    "thu hút đầu tư vào các khu công nghiệp",
    "giáo dục chính trị, tư tưởng cho đoàn viên, thanh niên",
    "chăm sóc sức khỏe Nhân dân và y tế cơ sở",
]
COMPLEMENTS = [
    "trong năm {year}",
    "giai đoạn 2021 - 2025",
    "đạt và vượt chỉ tiêu đề ra",
    "góp phần nâng cao đời sống của Nhân dân",
    "theo tinh thần Nghị quyết số {serial:02d}-NQ/TU của Tỉnh ủy",
    "với tổng kinh phí {money}.{thousands:03d} tỷ đồng",
    "nâng tỷ lệ hộ dân hài lòng lên {share},{decimal}%",
    "bảo đảm đúng tiến độ và chất lượng",
    "tạo chuyển biến rõ nét ở cơ sở",
    "với sự tham gia của {people}.{thousands:03d} cán bộ, đảng viên",
    "tại {place}",
]
PLACES = [
    "Trung tâm Hội nghị tỉnh",
    "Hội trường Tỉnh ủy",
    "thành phố Nam Định",
    "huyện Hải Hậu",
    "huyện Giao Thủy",
    "huyện Nghĩa Hưng",
    "huyện Ý Yên",
    "huyện Trực Ninh",
    "huyện Vụ Bản",
    "xã Hải Đông",
]
AUTHORS = ["Minh Anh", "Thu Hà", "Quang Huy", "Lan Phương", "Đức Thắng", "Hoàng Yến", ""]
TAGS = ["chuyển đổi số", "kinh tế biển", "xây dựng Đảng", "an sinh xã hội", "khu công nghiệp"]
TITLE_OPENINGS = [
    "Đẩy mạnh",
    "Tiếp tục thực hiện",
    "Nâng cao hiệu quả",
    "Hội nghị về",
    "Kết quả bước đầu trong",
    "Chung sức",
    "Nhiều kết quả nổi bật về",
    "Tạo đột phá trong",
]
# Type code, issuer key (demo/documents.py), relative weight.
DOCUMENT_KINDS = [
    ("NQ", "bch", 3),
    ("NQ", "btv", 3),
    ("CT", "btv", 2),
    ("KL", "btv", 2),
    ("QĐ", "btv", 2),
    ("QĐi", "tu", 1),
    ("HD", "btg", 2),
    ("KH", "tu", 4),
    ("CTr", "tu", 2),
    ("TB", "tu", 2),
    ("BC", "tu", 2),
    ("TT", "tu", 1),
    ("NQ", "hdnd", 2),
    ("QĐ", "ubnd", 4),
    ("KH", "ubnd", 3),
]
DOCUMENT_SUBJECTS = [
    "về {object}",
    "thực hiện Nghị quyết số {serial:02d}-NQ/TU về {object}",
    "về tăng cường sự lãnh đạo của Đảng đối với {object}",
    "ban hành Quy chế phối hợp trong {object}",
    "kết quả {year} và nhiệm vụ năm {next_year} về {object}",
]


class Text:
    """A pool of generated sentences, and paragraphs drawn from it."""

    def __init__(self, rng, size=3000):
        self.rng = rng
        self.sentences = [self.sentence() for _ in range(size)]

    def sentence(self):
        rng = self.rng
        complement = rng.choice(COMPLEMENTS).format(
            year=rng.randint(2015, 2026),
            serial=rng.randint(1, 40),
            money=rng.randint(1, 9),
            thousands=rng.randint(0, 999),
            share=rng.randint(80, 99),
            decimal=rng.randint(0, 9),
            people=rng.randint(1, 30),
            place=rng.choice(PLACES),
        )
        return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {complement}."

    def paragraph(self, count):
        return " ".join(self.rng.choices(self.sentences, k=count))


class Command(BaseCommand):
    help = "Sinh nhanh nhiều bài viết, văn bản, hội nghị tiếng Việt để đo tốc độ tìm kiếm."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=1000)
        parser.add_argument("--documents", type=int, default=100)
        parser.add_argument("--conferences", type=int, default=20)
        parser.add_argument(
            "--committees", type=int, default=0, help="Số cấp ủy sinh thêm (cây khóa XX)."
        )
        parser.add_argument(
            "--study-results",
            type=int,
            default=0,
            help="Số báo cáo kết quả học tập (tối đa 10 văn bản mỗi cấp ủy).",
        )
        parser.add_argument("--seed", type=int, default=1, help="Cùng seed, cùng nội dung.")
        parser.add_argument("--batch", type=int, default=1000)

    def handle(
        self,
        *args,
        articles,
        documents,
        conferences,
        seed,
        batch,
        committees=0,
        study_results=0,
        **options,
    ):
        if min(articles, documents, conferences, committees, study_results) < 0 or batch < 1:
            raise CommandError("Số lượng phải không âm, --batch phải dương.")
        self.rng = random.Random(seed)
        self.text = Text(self.rng)
        self.batch = batch
        self.now = timezone.now()
        started = time.monotonic()
        if connection.vendor == "postgresql":
            # A bulk batch on a busy machine can outlast the public requests' statement
            # timeout (settings.DB_STATEMENT_TIMEOUT_MS); this session is no public request.
            with connection.cursor() as cursor:
                cursor.execute("SET statement_timeout = 0")
        with transaction.atomic():
            self.terms, self.bodies = load_reference_data()
            self.terms["XIX"], _ = Term.objects.get_or_create(
                name="XIX", defaults={"start_year": 2015, "end_year": 2020}
            )
            made_documents = self.make_documents(documents)
        with transaction.atomic():
            self.make_conferences(conferences, made_documents)
        if committees or study_results:
            with transaction.atomic():
                tree = self.make_committees(committees)
                self.make_study_results(study_results, tree)
        self.make_articles(articles)
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            # Fresh statistics and an empty GIN pending list, or the planner skips the index.
            # (VACUUM cannot run inside a transaction: a caller's, or a test's.)
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        elapsed = time.monotonic() - started
        self.stdout.write(
            f"Đã sinh {articles} bài viết, {documents} văn bản, {conferences} hội nghị, "
            f"{committees} cấp ủy, {study_results} kết quả học tập trong {elapsed:.1f} giây."
        )

    # --- shared helpers -----------------------------------------------------------
    def published_state(self, moment):
        """Most items are published at their date; some stay drafts."""
        if self.rng.random() < DRAFT_RATE:
            return Status.DRAFT, None
        return Status.PUBLISHED, min(moment, self.now)

    def moment(self, start_year=2015):
        start = datetime.datetime(start_year, 1, 1, 8, tzinfo=datetime.UTC)
        seconds = int((self.now - start).total_seconds())
        return start + datetime.timedelta(seconds=self.rng.randrange(seconds))

    def finish(self, obj, summary=(), body=()):
        """What save() derives on every Publishable: a version and the search columns.

        `summary` and `body` are what the item's relations (tags, fields, studied
        documents) add to its search source once it has a key, in the order a saved item
        lists them, so the rows need no second pass after their relations are inserted.
        """
        obj.version = secrets.randbelow(VERSION_LIMIT) + 1
        source = obj.search_source()
        source.summary += list(summary)
        source.body += list(body)
        for name, value in source.columns().items():
            setattr(obj, name, value)
        return obj

    def insert(self, model, objects):
        model.objects.bulk_create(objects, batch_size=self.batch)

    # --- documents -------------------------------------------------------------------
    def make_documents(self, count):
        types = {doc_type.code: doc_type for doc_type in DocumentType.objects.all()}
        fields = list(Field.objects.all())
        taken = set(Document.objects.values_list("doc_type_id", "issued_on__year", "slug"))
        serials = {}
        kinds = [(code, body) for code, body, weight in DOCUMENT_KINDS for _ in range(weight)]
        signers = list(SIGNERS.values())
        made, chosen_fields = [], []
        for _ in range(count):
            code, body_key = self.rng.choice(kinds)
            doc_type, body = types[code], self.bodies[body_key]
            issued = self.moment().date()
            year = issued.year
            while True:
                key = (code, body.code, year)
                serials[key] = serial = serials.get(key, 0) + 1
                number = self.document_number(serial, code, body, year)
                slug = parse_number(number).slug
                if (doc_type.pk, year, slug) not in taken:
                    taken.add((doc_type.pk, year, slug))
                    break
            subject = self.rng.choice(DOCUMENT_SUBJECTS).format(
                object=self.rng.choice(OBJECTS),
                serial=self.rng.randint(1, 40),
                year=year,
                next_year=year + 1,
            )
            title = f"{doc_type.name} {subject}"
            signer, signer_title, _ = self.rng.choice(signers)
            status, published_at = self.published_state(
                datetime.datetime.combine(issued, datetime.time(9), tzinfo=datetime.UTC)
            )
            paragraphs = [self.text.paragraph(6) for _ in range(self.rng.randint(4, 10))]
            document = Document(
                number=number,
                slug=slug,
                serial=serial,
                number_key=number_search_key(number)[:80],
                title=title,
                title_key=fold(title)[:500],
                doc_type=doc_type,
                issuing_body=body,
                term=self.term_of(year),
                signer=signer,
                signer_title=signer_title,
                issued_on=issued,
                effective_on=issued,
                summary=self.text.paragraph(2),
                body="".join(f"<p>{paragraph}</p>" for paragraph in paragraphs),
                status=status,
                published_at=published_at,
            )
            picked = self.rng.sample(fields, k=min(len(fields), self.rng.randint(1, 2)))
            picked.sort(key=fields.index)  # the order of document.fields.all()
            chosen_fields.append(picked)
            made.append(self.finish(document, summary=[field.name for field in picked]))
        # PostgreSQL and SQLite both return the new keys from a bulk insert.
        self.insert(Document, made)
        through = Document.fields.through
        links = [
            through(document_id=document.pk, field_id=field.pk)
            for document, picked in zip(made, chosen_fields, strict=True)
            for field in picked
        ]
        through.objects.bulk_create(links, batch_size=self.batch)
        return made

    def document_number(self, serial, code, body, year):
        """The registry's spellings: `01-NQ/TU`, `12/2021/NQ-HĐND`, `345/QĐ-UBND`."""
        if body.kind == "party":
            return f"{serial:02d}-{code}/{body.code}"
        if code == "NQ":
            return f"{serial:02d}/{year}/{code}-{body.code}"
        return f"{serial}/{code}-{body.code}"

    def term_of(self, year):
        if year < 2020:
            return self.terms["XIX"]
        return self.terms["XX"] if year < 2025 else self.terms["XXI"]

    # --- conferences -----------------------------------------------------------------
    def make_conferences(self, count, documents):
        base = (Conference.objects.aggregate(top=Max("pk"))["top"] or 0) + 1
        published_documents = [d for d in documents if d.status == Status.PUBLISHED]
        made, studied = [], []
        for index in range(count):
            starts = self.moment(2020)
            focus = self.rng.choice(published_documents) if published_documents else None
            title = (
                f"Hội nghị học tập, quán triệt {focus.doc_type.name} số {focus.number}"
                if focus
                else f"Hội nghị {self.rng.choice(OBJECTS)}"
            )
            status, published_at = self.published_state(starts)
            conference = Conference(
                title=title,
                slug=f"{slugify_vi(title, 150)}-{base + index}",
                level=self.rng.choice(ConferenceLevel.values),
                place=self.rng.choice(PLACES),
                chair=self.rng.choice(list(SIGNERS.values()))[0],
                target_group="Cán bộ chủ chốt của tỉnh",
                starts_at=starts,
                term=self.term_of(starts.year),
                summary=f"<p>{self.text.paragraph(5)}</p>",
                status=status,
                published_at=published_at,
            )
            made.append(
                self.finish(conference, body=[f"{focus.number} {focus.title}"] if focus else [])
            )
            studied.append(focus)
        self.insert(Conference, made)
        through = Conference.documents.through
        links = [
            through(conference_id=conference.pk, document_id=focus.pk)
            for conference, focus in zip(made, studied, strict=True)
            if focus
        ]
        through.objects.bulk_create(links, batch_size=self.batch)

    # --- committees and their study results -----------------------------------------
    # The share of each level in a generated tree: a few district-level committees,
    # communes under them, cells under the communes (the real shape, in proportion).
    TREE_SHARES = ((ConferenceLevel.DISTRICT, 0.03), (ConferenceLevel.COMMUNE, 0.3))

    def make_committees(self, count):
        """A khóa XX tree of `count` committees under one generated provincial committee."""
        if not count:
            return list(Committee.objects.filter(term=self.terms["XX"]))
        term = self.terms["XX"]
        base = (Committee.objects.aggregate(top=Max("pk"))["top"] or 0) + 1

        def build(name, level, parent):
            committee = Committee(
                name=name,
                level=level,
                parent=parent,
                term=term,
                party_members=self.rng.randint(15, 3000) if level != "cell" else None,
                sort_key=fold(name),
            )
            if level == ConferenceLevel.CELL:
                committee.party_members = self.rng.randint(8, 60)
            committee.search_text = search.search_document(committee.search_source())
            return committee

        root = build(f"Tỉnh ủy (dữ liệu sinh {base})", ConferenceLevel.PROVINCE, None)
        self.insert(Committee, [root])
        made, parents, left = [root], [root], count - 1
        for level, share in (*self.TREE_SHARES, (ConferenceLevel.CELL, 1)):
            size = left if level == ConferenceLevel.CELL else min(left, round(count * share))
            labels = {"district": "Huyện ủy", "commune": "Đảng ủy xã", "cell": "Chi bộ"}
            rows = [
                build(f"{labels[level]} số {base + len(made) + n}", level, self.rng.choice(parents))
                for n in range(size)
            ]
            self.insert(Committee, rows)
            made += rows
            parents, left = rows or parents, left - size
        return made

    def make_study_results(self, count, committees):
        """Results of committees on up to ten of the term's thematic resolutions (published
        resolutions of the term are marked thematic if there are too few)."""
        if not count or not committees:
            return
        term = self.terms["XX"]
        thematic = list(Document.objects.published().filter(term=term, is_thematic=True)[:10])
        if len(thematic) < 10:
            extra = Document.objects.published().filter(
                term=term, is_thematic=False, doc_type__code="NQ"
            )[: 10 - len(thematic)]
            extra = list(extra)
            Document.objects.filter(pk__in=[d.pk for d in extra]).update(is_thematic=True)
            thematic += extra
        pairs = [(c, d) for d in thematic for c in committees]
        taken = set(
            StudyResult.objects.filter(committee__in=committees).values_list(
                "committee", "document"
            )
        )
        rows = []
        for committee, document in pairs:
            if len(rows) >= count:
                break
            if (committee.pk, document.pk) in taken:
                continue
            members = committee.party_members or self.rng.randint(10, 200)
            studied = round(members * self.rng.uniform(0.8, 1))
            written = round(studied * self.rng.uniform(0.7, 1))
            good = round(written * 0.5)
            fair = round(written * 0.3)
            approved = self.rng.random() > DRAFT_RATE
            rows.append(
                StudyResult(
                    committee=committee,
                    document=document,
                    members=members,
                    members_studied=studied,
                    absent_sick=(members - studied) // 2,
                    absent_other=members - studied - (members - studied) // 2,
                    reports_written=written,
                    grade_good=good,
                    grade_fair=fair,
                    grade_average=written - good - fair,
                    is_approved=approved,
                    approved_at=self.now if approved else None,
                    reported_at=self.now,
                )
            )
        self.insert(StudyResult, rows)

    # --- articles --------------------------------------------------------------------
    def make_articles(self, count):
        self.categories = [
            Category.objects.get_or_create(
                slug=slug, defaults={"name": name, "description": description, "order": order}
            )[0]
            for order, (slug, name, description) in enumerate(CATEGORIES, start=1)
        ]
        tags = [Tag.objects.get_or_create(name=name)[0] for name in TAGS]
        base = (Article.objects.aggregate(top=Max("pk"))["top"] or 0) + 1
        for start in range(0, count, self.batch):
            stop = min(count, start + self.batch)
            chunk = []
            for index in range(start, stop):
                chosen = self.rng.sample(tags, k=self.rng.choice((0, 0, 1, 2)))
                chosen.sort(key=lambda tag: tag.name)  # the order of item.tags.all()
                chunk.append((self.article(base + index, chosen), chosen))
            through = Article.tags.through
            with transaction.atomic():
                # The columns already hold the tags' names (finish), so no second pass.
                Article.objects.bulk_create([article for article, _ in chunk])
                through.objects.bulk_create(
                    through(article_id=article.pk, tag_id=tag.pk)
                    for article, chosen in chunk
                    for tag in chosen
                )
            self.stdout.write(f"  {min(count, start + self.batch)}/{count} bài viết", ending="\r")
        self.stdout.write("")

    def article(self, number, tags):
        rng = self.rng
        topic = rng.choice(OBJECTS)
        title = f"{rng.choice(TITLE_OPENINGS)} {topic} ở {rng.choice(PLACES)}"
        paragraphs = [self.text.paragraph(4) for _ in range(6)]
        if rng.random() < HALF_RATE:
            paragraphs.insert(2, f"Phong trào xây dựng {HALF_WORD} tiếp tục lan tỏa ở cơ sở.")
        if rng.random() < RARE_RATE:
            paragraphs.insert(1, f"Đồng chí {RARE_NAME}, Bí thư Tỉnh ủy, phát biểu chỉ đạo.")
        status, published_at = self.published_state(self.moment())
        article = Article(
            title=title,
            slug=f"{slugify_vi(title, 150)}-{number}",
            category=rng.choice(self.categories),
            lead=self.text.paragraph(2),
            body="".join(f"<p>{paragraph}</p>" for paragraph in paragraphs),
            author=rng.choice(AUTHORS),
            status=status,
            published_at=published_at,
        )
        return self.finish(article, summary=[tag.name for tag in tags])
