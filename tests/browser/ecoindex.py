"""The EcoIndex of a page, from its DOM size, its requests and its weight.

EcoIndex is the public indicator of the Collectif Conception Numérique
Responsable (ecoindex.fr; reference implementation and methodology in the
``cnumr/ecoindex_reference`` and ``cnumr/ecoindex_python`` repositories). Each
of three measures of a page is placed within quantiles of the HTTP Archive's
pages, as a position between 0 (smaller than every page) and 20 (larger than
every page), by linear interpolation within its quantile::

    Q(value) = i + (value - quantiles[i]) / (quantiles[i + 1] - quantiles[i])
               where quantiles[i] <= value < quantiles[i + 1]

and the score weighs the DOM thrice, the requests twice and the weight once::

    score = 100 - 5 * (3 * Q(dom) + 2 * Q(requests) + Q(kilobytes)) / 6

A score above 80 is grade A, above 70 B, above 55 C, above 40 D, above 25 E,
above 10 F, and anything else G. The DOM size is the number of elements of the
document, without those inside an inline SVG picture; the weight is what went
over the network (headers, and bodies as sent, compressed or not), in
kilobytes of 1,024 bytes.
"""

from dataclasses import dataclass

# The quantiles of the reference implementation, from the HTTP Archive.
DOM_QUANTILES = (
    0, 47, 75, 159, 233, 298, 358, 417, 476, 537, 603,
    674, 753, 843, 949, 1076, 1237, 1459, 1801, 2479, 594601,
)  # fmt: skip
REQUEST_QUANTILES = (
    0, 2, 15, 25, 34, 42, 49, 56, 63, 70, 78,
    86, 95, 105, 117, 130, 147, 170, 205, 281, 3920,
)  # fmt: skip
KILOBYTE_QUANTILES = (
    0, 1.37, 144.7, 319.53, 479.46, 631.97, 783.38, 937.91, 1098.62, 1265.47,
    1448.32, 1648.27, 1876.08, 2142.06, 2465.37, 2866.31, 3401.59, 4155.73,
    5400.08, 8037.54, 223212.26,
)  # fmt: skip

# The lowest score of each grade is strictly above these limits.
GRADE_LIMITS = (("A", 80), ("B", 70), ("C", 55), ("D", 40), ("E", 25), ("F", 10))


def quantile_position(quantiles, value):
    """Where ``value`` stands among ``quantiles``, from 0 to their last index."""
    if value < 0:
        raise ValueError(f"A page measure cannot be negative: {value}")
    for index in range(1, len(quantiles)):
        if value < quantiles[index]:
            low, high = quantiles[index - 1], quantiles[index]
            return index - 1 + (value - low) / (high - low)
    return len(quantiles) - 1


def score(dom_elements, requests, kilobytes):
    """The EcoIndex score, from 0 (worst) to 100 (best), not rounded."""
    return (
        100
        - 5
        * (
            3 * quantile_position(DOM_QUANTILES, dom_elements)
            + 2 * quantile_position(REQUEST_QUANTILES, requests)
            + quantile_position(KILOBYTE_QUANTILES, kilobytes)
        )
        / 6
    )


def grade(value):
    """The letter, A to G, of an EcoIndex score."""
    for letter, limit in GRADE_LIMITS:
        if value > limit:
            return letter
    return "G"


@dataclass(frozen=True)
class EcoIndex:
    dom_elements: int
    requests: int
    kilobytes: float

    @property
    def score(self):
        return score(self.dom_elements, self.requests, self.kilobytes)

    @property
    def grade(self):
        return grade(self.score)
