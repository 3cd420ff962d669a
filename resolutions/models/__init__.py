from resolutions.models.conferences import (
    Conference,
    ConferenceFile,
    ConferenceLevel,
    ConferencePhoto,
    ConnectedSite,
)
from resolutions.models.documents import (
    Document,
    DocumentFile,
    DocumentRelation,
    DocumentType,
    Field,
    IssuingBody,
    RelationKind,
    Term,
    Validity,
)

__all__ = [
    "Conference",
    "ConferenceFile",
    "ConferenceLevel",
    "ConferencePhoto",
    "ConnectedSite",
    "Document",
    "DocumentFile",
    "DocumentRelation",
    "DocumentType",
    "Field",
    "IssuingBody",
    "RelationKind",
    "Term",
    "Validity",
]
