"""What the search page shows of each thing found."""

from dataclasses import dataclass

from .kinds import SINGULAR, Kind


@dataclass
class Result:
    """One thing found: a page, a promoted link or a signatory."""

    title: str
    url: str
    kind: Kind
    excerpt: str = ""
    promoted: bool = False

    @property
    def kind_label(self):
        return SINGULAR[self.kind]
