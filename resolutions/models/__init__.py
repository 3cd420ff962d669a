from resolutions.models.committees import (
    Committee,
    CommitteeCount,
    CommitteeReporter,
    ConferenceLevel,
)
from resolutions.models.conferences import (
    AgendaItem,
    Conference,
    ConferenceFile,
    ConferenceFileRole,
    ConferenceFormat,
    ConferencePhoto,
    ConferenceReport,
    ConnectedSite,
)
from resolutions.models.documents import (
    REVERSE_RELATION_LABELS,
    VALIDITY_SLUGS,
    Document,
    DocumentAlias,
    DocumentFile,
    DocumentRelation,
    RelationKind,
    Validity,
)
from resolutions.models.study import StudyCampaign, StudyResult
from resolutions.models.vocabularies import DocumentType, Field, IssuingBody, Term

__all__ = [
    "AgendaItem",
    "Committee",
    "CommitteeCount",
    "CommitteeReporter",
    "Conference",
    "ConferenceFile",
    "ConferenceFileRole",
    "ConferenceFormat",
    "ConferenceLevel",
    "ConferencePhoto",
    "ConferenceReport",
    "ConnectedSite",
    "Document",
    "DocumentAlias",
    "DocumentFile",
    "DocumentRelation",
    "DocumentType",
    "Field",
    "IssuingBody",
    "REVERSE_RELATION_LABELS",
    "VALIDITY_SLUGS",
    "RelationKind",
    "StudyCampaign",
    "StudyResult",
    "Term",
    "Validity",
]
