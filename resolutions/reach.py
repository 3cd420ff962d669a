"""How far the study of each thematic resolution has reached, level by level, in one term.

Only published conferences that have already started count: a scheduled conference
has not reached anyone yet, and a draft is not a public fact. The whole overview
takes three queries whatever the number of documents and conferences.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum
from django.utils import timezone

from resolutions.models import CommitteeCount, Conference, ConferenceLevel, Document


def _share(part, whole):
    if not whole or part is None:
        return None
    return part / whole


def percent(share):
    """'73%' for 0.731, '<1%' for 1/226; a dash when the share is unknown."""
    if share is None:
        return "—"
    # "0%" would say nobody was reached when somebody was.
    if 0 < share < 0.005:
        return "<1%"
    return f"{share * 100:.0f}%"


@dataclass
class LevelReach:
    """The study of one document at one level: conferences held and committees reached."""

    level: str
    label: str
    conferences: int = 0
    committees_held: int = 0
    committees_total: int | None = None
    attendance: int = 0
    # Attendance and invited counts of the conferences where both are known, so that
    # the share compares like with like.
    attended_of_known: int = 0
    invited_known: int = 0

    @property
    def committees_share(self):
        return _share(self.committees_held, self.committees_total)

    @property
    def committees_percent(self):
        return percent(self.committees_share)

    @property
    def target_percent(self):
        return percent(self.target_share)

    @property
    def committees_missing(self):
        if self.committees_total is None:
            return None
        return max(self.committees_total - self.committees_held, 0)

    @property
    def target_share(self):
        return _share(self.attended_of_known, self.invited_known)


@dataclass
class DocumentReach:
    """The study of one document across all levels."""

    document: Document
    levels: list[LevelReach] = field(default_factory=list)

    @property
    def conferences(self):
        return sum(level.conferences for level in self.levels)

    @property
    def attendance(self):
        return sum(level.attendance for level in self.levels)

    @property
    def target_percent(self):
        return percent(self.target_share)

    @property
    def target_share(self):
        return _share(
            sum(level.attended_of_known for level in self.levels),
            sum(level.invited_known for level in self.levels),
        )


def term_reach(term, documents=None):
    """Reach of each of `documents` (default: the term's published thematic resolutions)."""
    if documents is None:
        documents = Document.objects.published().filter(term=term, is_thematic=True)
        documents = list(documents.select_related("doc_type").order_by("issued_on", "number"))
    counts = dict(CommitteeCount.objects.filter(term=term).values_list("level", "count"))
    known = Q(attendance__isnull=False, invited_count__isnull=False)
    rows = (
        Conference.objects.published()
        .filter(starts_at__lte=timezone.now(), documents__in=documents)
        .values("documents", "level")
        .annotate(
            conferences=Count("id", distinct=True),
            committees_held=Count("committee", distinct=True),
            attendance_total=Sum("attendance"),
            attended_of_known=Sum("attendance", filter=known),
            invited_known=Sum("invited_count", filter=known),
        )
        .order_by()
    )
    by_key = {(row["documents"], row["level"]): row for row in rows}
    result = []
    for document in documents:
        reach = DocumentReach(document=document)
        for level, label in ConferenceLevel.choices:
            row = by_key.get((document.pk, level), {})
            reach.levels.append(
                LevelReach(
                    level=level,
                    label=label,
                    conferences=row.get("conferences", 0),
                    committees_held=row.get("committees_held", 0),
                    committees_total=counts.get(level),
                    attendance=row.get("attendance_total") or 0,
                    attended_of_known=row.get("attended_of_known") or 0,
                    invited_known=row.get("invited_known") or 0,
                )
            )
        result.append(reach)
    return result
