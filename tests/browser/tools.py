"""The browser and checkers the browser tests use, and where they are found.

Chromium comes from Debian (``apt-get install chromium``), driven by the
``playwright`` Python package; axe-core and the Nu HTML Checker come from the
npm registry (``npm ci --prefix tests/browser``); the checker needs Java.
"""

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

BROWSER_DIR = Path(__file__).resolve().parent
ROOT = BROWSER_DIR.parents[1]
NODE_MODULES = BROWSER_DIR / "node_modules"
AXE_SCRIPT = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
ARTIFACTS = Path(os.environ.get("BROWSER_ARTIFACTS", ROOT / "ci-artifacts"))
SCREENSHOTS = ARTIFACTS / "screenshots"

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
# No sandbox: the tests run as root in CI. The others keep Chromium from
# calling home (updates, sync, field trials), so that every request it makes
# is one the page asked for.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-quic",
    "--disable-sync",
    "--no-first-run",
    "--disable-default-apps",
    "--disable-domain-reliability",
    "--metrics-recording-only",
]

# The rules of WCAG 2.0 and 2.1, levels A and AA, on which the RGAA is built.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def missing_browser():
    """Why the browser cannot run here, or an empty string."""
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "needs the playwright package: make install-test"
    if not CHROMIUM.exists():
        return f"needs Chromium at {CHROMIUM}: apt-get install chromium"
    return ""


def missing_axe():
    if not AXE_SCRIPT.exists():
        return "needs axe-core: npm ci --prefix tests/browser"
    return ""


def missing_html_checker():
    if not VNU_JAR.exists():
        return "needs the Nu HTML Checker: npm ci --prefix tests/browser"
    if shutil.which("java") is None:
        return (
            "needs Java for the Nu HTML Checker: apt-get install default-jre-headless"
        )
    return ""


# ----- Accessibility -----


def run_axe(page):
    """The WCAG 2.1 A and AA violations that axe-core finds in the page.

    The script is evaluated through the DevTools protocol, which the page's
    Content-Security-Policy does not govern, so the page is checked with its
    real policy in force. axe-core needs the page's JavaScript on: in a
    context without it, its checks would never finish.
    """
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))
    return page.evaluate(
        """tags => axe.run(document, {runOnly: {type: "tag", values: tags}})
            .then(results => results.violations.map(violation => ({
                id: violation.id,
                impact: violation.impact,
                help: violation.help,
                targets: violation.nodes.map(node => node.target.join(" ")),
            })))""",
        AXE_TAGS,
    )


def describe_violations(violations):
    return "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']} at {', '.join(v['targets'][:5])}"
        for v in violations
    )


# ----- HTML validity -----


def check_html(documents):
    """Run the Nu HTML Checker once over ``{name: html}``; errors by name."""
    with tempfile.TemporaryDirectory(prefix="vnu-") as folder:
        names = {}
        for index, (name, html) in enumerate(documents.items()):
            path = Path(folder) / f"page-{index}.html"
            path.write_text(html, encoding="utf-8")
            names[path.name] = name
        completed = subprocess.run(
            [
                "java",
                "-jar",
                str(VNU_JAR),
                "--format",
                "json",
                "--exit-zero-always",
                *(str(Path(folder) / file_name) for file_name in names),
            ],
            capture_output=True,
            text=True,
            timeout=180,
            check=True,
        )
    report = json.loads(completed.stderr)
    errors = {name: [] for name in documents}
    for message in report["messages"]:
        if message.get("type") != "error":
            continue
        # The checker names files "file:/tmp/...", with a single slash.
        file_name = Path(urlsplit(message.get("url", "")).path).name
        if file_name not in names:
            raise RuntimeError(f"The HTML checker failed: {message}")
        errors[names[file_name]].append(message)
    return errors


def describe_html_errors(messages):
    return "\n".join(
        f"- line {m.get('lastLine', '?')}: {m['message']} "
        f"[{(m.get('extract') or '').strip()[:120]}]"
        for m in messages
    )


# ----- Keyboard and layout -----

# Read after the next frame: a field made of parts (a month) matches :focus
# only once the browser has restyled it.
FOCUS_STYLE = """async () => {
    await new Promise(resolve => requestAnimationFrame(() => resolve()));
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    return {
        tag: element.tagName.toLowerCase(),
        text: (element.innerText || element.value || element.name || "")
            .trim().slice(0, 60),
        id: element.id,
        className: typeof element.className === "string" ? element.className : "",
        outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
        shadow: style.boxShadow !== "none",
        outlineStyle: `${style.outlineStyle} ${style.outlineWidth}`,
        width: box.width,
        height: box.height,
        inViewport: box.bottom > 0 && box.right > 0
            && box.top < innerHeight && box.left < innerWidth,
    };
}"""


def focused_element(page):
    """What has the keyboard focus and whether it shows it, or None (body)."""
    return page.evaluate(FOCUS_STYLE)


def horizontal_overflow(page):
    """By how many CSS pixels the page is wider than its window (0 if not)."""
    return page.evaluate(
        "() => Math.max(0, document.documentElement.scrollWidth - innerWidth)"
    )
