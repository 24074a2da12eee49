"""A tile map of France: one square per région, placed roughly where it lies.

The map is drawn from the site's own figures, with no geographic data: the
thirteen régions of mainland France on a grid, the five overseas régions on
a row of their own below.
"""

import math
from dataclasses import dataclass

TILE_SIZE = 64
TILE_GAP = 6

# Official région code: (short label, column, row).
TILES = {
    "32": ("HDF", 3, 0),
    "28": ("NOR", 2, 1),
    "11": ("IDF", 3, 1),
    "44": ("GES", 4, 1),
    "53": ("BRE", 1, 2),
    "52": ("PDL", 2, 2),
    "24": ("CVL", 3, 2),
    "27": ("BFC", 4, 2),
    "75": ("NAQ", 2, 3),
    "84": ("ARA", 3, 3),
    "76": ("OCC", 3, 4),
    "93": ("PACA", 4, 4),
    "94": ("COR", 5, 5),
    "01": ("GLP", 0, 6),
    "02": ("MTQ", 1, 6),
    "03": ("GUF", 2, 6),
    "04": ("REU", 3, 6),
    "06": ("MYT", 4, 6),
}
OVERSEAS_ROW = 6
LEVELS = 4


@dataclass
class RegionTile:
    code: str
    name: str
    label: str
    count: int
    level: int
    x: int
    y: int

    @property
    def text_x(self):
        return self.x + TILE_SIZE // 2


def tiles(regions, counts):
    """Place each région with its count; régions unknown to the grid go last."""
    highest = max(counts.values(), default=0)
    placed, extra_column = [], 5
    for region in regions:
        label, column, row = TILES.get(region.code, (None, None, None))
        if label is None:
            label, column, row = region.code, extra_column, OVERSEAS_ROW
            extra_column += 1
        count = counts.get(region.code, 0)
        placed.append(
            RegionTile(
                code=region.code,
                name=region.name,
                label=label,
                count=count,
                level=math.ceil(LEVELS * count / highest) if count else 0,
                x=column * (TILE_SIZE + TILE_GAP),
                y=row * (TILE_SIZE + TILE_GAP),
            )
        )
    return placed


def map_size(placed):
    """Width and height of the drawing that holds these tiles."""
    if not placed:
        return 0, 0
    width = max(tile.x for tile in placed) + TILE_SIZE
    height = max(tile.y for tile in placed) + TILE_SIZE
    return width, height
