from .contributions import ProjectProposal, UpdateSuggestion
from .opendata import OpenDataPage
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
    "OpenDataPage",
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
