from .contributions import ProjectProposal, UpdateSuggestion
from .pages import (
    LibraryIndexPage,
    ProjectDocument,
    ProjectLink,
    ProjectPage,
    ProjectPartner,
    ProjectPartnerCollectivity,
)
from .taxonomies import AICapability, PartnerOrganisation, Theme

__all__ = [
    "AICapability",
    "LibraryIndexPage",
    "PartnerOrganisation",
    "ProjectDocument",
    "ProjectLink",
    "ProjectPage",
    "ProjectPartner",
    "ProjectPartnerCollectivity",
    "ProjectProposal",
    "Theme",
    "UpdateSuggestion",
]
