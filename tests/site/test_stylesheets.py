"""The site's stylesheets are well formed.

Browsers forgive a rule left open: what follows it is read as nested rules
or dropped, so a single missing brace silently restyles or unstyles half the
site. The site's own stylesheets nest rules only inside at-rules (``@media``
and the like), and close every block they open.
"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STYLESHEETS = sorted((ROOT / "site" / "static" / "css").glob("*.css"))
COMMENT_OR_STRING = re.compile(
    r"/\*.*?\*/"  # a comment
    r"|\"(?:\\.|[^\"\\])*\""  # a string in double quotes
    r"|'(?:\\.|[^'\\])*'",  # a string in single quotes
    re.S,
)


def structure_problems(text):
    """Blocks left open, closed twice, or rules nested in a style rule."""
    # Comments and strings are blanked, newlines kept, so lines still count.
    text = COMMENT_OR_STRING.sub(
        lambda match: re.sub(r"[^\n]", " ", match.group()), text
    )
    problems = []
    open_blocks = []  # (line, prelude) of each block not yet closed
    start = 0
    for match in re.finditer(r"[{}]", text):
        line = text.count("\n", 0, match.start()) + 1
        if match.group() == "{":
            prelude = " ".join(text[start : match.start()].split(";")[-1].split())
            if open_blocks and not open_blocks[-1][1].startswith("@"):
                problems.append(
                    f"line {line}: {prelude!r} is inside the rule "
                    f"{open_blocks[-1][1]!r} of line {open_blocks[-1][0]}"
                )
            open_blocks.append((line, prelude))
        elif open_blocks:
            open_blocks.pop()
        else:
            problems.append(f"line {line}: a brace closes no block")
        start = match.end()
    problems.extend(
        f"line {line}: {prelude!r} is never closed" for line, prelude in open_blocks
    )
    return problems


def test_there_are_stylesheets_to_check():
    assert {path.name for path in STYLESHEETS} >= {"site.css", "print.css"}


@pytest.mark.parametrize("path", STYLESHEETS, ids=lambda path: path.name)
def test_every_block_is_closed_and_no_rule_is_nested(path):
    assert structure_problems(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        (".a { color: red; }\n@media print { .b { color: blue; } }", []),
        (".a { color: red;\n.b { color: blue; }", ["line 2", "line 1"]),
        (".a { color: red; } }", ["line 1"]),
        (".a { content: '{'; } /* } */", []),
    ],
)
def test_the_check_finds_what_browsers_would_misread(text, expected):
    problems = structure_problems(text)
    assert [problem.split(":")[0] for problem in problems] == expected
