"""How far the study of each thematic resolution has reached, level by level, in one term.

Two sources: the conferences (only published ones that have already started: a
scheduled conference has not reached anyone yet, and a draft is not a public fact), and
the committees' own results (only approved ones). Where the term has a committee tree,
the number of committees and of party members at each level come from it; otherwise
from the older per-level counts. The whole overview takes five queries whatever the
number of documents, committees, conferences and results.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum
from django.utils import timezone

from resolutions.models import (
    Committee,
    CommitteeCount,
    Conference,
    ConferenceLevel,
    Document,
    StudyResult,
)
from resolutions.models.study import ABSENCES, GRADES


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
    # From the committees' approved results.
    committees_reported: int = 0
    members_studied: int = 0
    # Party members at this level: the tree's figures, and for a committee without one
    # the figure on its report; committees with neither are counted apart.
    members_total: int | None = None
    committees_without_members: int = 0
    reports_written: int = 0
    grades: dict = field(default_factory=dict)
    absences: dict = field(default_factory=dict)

    @property
    def reported_share(self):
        return _share(self.committees_reported, self.committees_total)

    @property
    def reported_percent(self):
        return percent(self.reported_share)

    @property
    def members_share(self):
        return _share(self.members_studied, self.members_total)

    @property
    def members_percent(self):
        return percent(self.members_share)

    @property
    def grade_list(self):
        return [(label, self.grades.get(name, 0)) for name, label in GRADES]

    @property
    def absent_total(self):
        return sum(self.absences.values())

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
    def committees_reported(self):
        return sum(level.committees_reported for level in self.levels)

    @property
    def members_studied(self):
        return sum(level.members_studied for level in self.levels)

    @property
    def target_share(self):
        return _share(
            sum(level.attended_of_known for level in self.levels),
            sum(level.invited_known for level in self.levels),
        )


def tree_figures(term):
    """{level: (committees, members entered, committees without members)} of the term's tree."""
    rows = (
        Committee.objects.filter(term=term)
        .values("level")
        .annotate(
            committees=Count("id"),
            members=Sum("party_members"),
            without_members=Count("id", filter=Q(party_members__isnull=True)),
        )
        .order_by()
    )
    return {row["level"]: row for row in rows}


def result_figures(term, documents):
    """{(document, level): sums} of the approved results of the term's committees."""
    sums = {name: Sum(name) for name in ("members_studied", "reports_written")} | {
        name: Sum(name) for name, _ in (*GRADES, *ABSENCES)
    }
    rows = (
        StudyResult.objects.published()
        .filter(committee__term=term, document__in=documents)
        .values("document", "committee__level")
        .annotate(
            committees_reported=Count("committee", distinct=True),
            # Members on the report of a committee whose tree row has no figure.
            members_unknown_in_tree=Sum("members", filter=Q(committee__party_members__isnull=True)),
            reported_without_members=Count(
                "committee", filter=Q(committee__party_members__isnull=True), distinct=True
            ),
            **sums,
        )
        .order_by()
    )
    return {(row["document"], row["committee__level"]): row for row in rows}


def term_reach(term, documents=None):
    """Reach of each of `documents` (default: the term's published thematic resolutions)."""
    if documents is None:
        documents = Document.objects.published().filter(term=term, is_thematic=True)
        documents = list(documents.select_related("doc_type").order_by("issued_on", "number"))
    counts = dict(CommitteeCount.objects.filter(term=term).values_list("level", "count"))
    tree = tree_figures(term)
    results = result_figures(term, documents)
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
    used = {*tree, *counts, *(level for _, level in by_key), *(lv for _, lv in results)}
    if tree:
        # The term's own levels (khóa XXI has no district level), and any level that
        # conferences or counts still speak of.
        levels = [choice for choice in ConferenceLevel.choices if choice[0] in used]
    else:
        # Without a tree, the levels every term had; grassroots only once it has data.
        levels = [
            choice
            for choice in ConferenceLevel.choices
            if choice[0] != ConferenceLevel.GRASSROOTS or choice[0] in used
        ]
    result = []
    for document in documents:
        reach = DocumentReach(document=document)
        for level, label in levels:
            row = by_key.get((document.pk, level), {})
            reach.levels.append(
                level_reach(
                    level,
                    label,
                    row,
                    tree.get(level),
                    counts.get(level),
                    results.get((document.pk, level), {}),
                )
            )
        result.append(reach)
    return result


def level_reach(level, label, row, tree_row, count, result_row):
    if tree_row:
        committees_total = tree_row["committees"]
        without = tree_row["without_members"] - (result_row.get("reported_without_members") or 0)
        members_total = (tree_row["members"] or 0) + (
            result_row.get("members_unknown_in_tree") or 0
        )
    else:
        committees_total, without, members_total = count, 0, None
    return LevelReach(
        level=level,
        label=label,
        conferences=row.get("conferences", 0),
        committees_held=row.get("committees_held", 0),
        committees_total=committees_total,
        attendance=row.get("attendance_total") or 0,
        attended_of_known=row.get("attended_of_known") or 0,
        invited_known=row.get("invited_known") or 0,
        committees_reported=result_row.get("committees_reported", 0),
        members_studied=result_row.get("members_studied") or 0,
        members_total=members_total or None,
        committees_without_members=without,
        reports_written=result_row.get("reports_written") or 0,
        grades={name: result_row.get(name) or 0 for name, _ in GRADES},
        absences={name: result_row.get(name) or 0 for name, _ in ABSENCES},
    )
