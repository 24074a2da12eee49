"""The site as the browser meets it: gunicorn on 127.0.0.1, with data of its own.

The server runs in a process of its own, from a database made for it beside
the test suite's (a SQLite file, or a PostgreSQL database named after the one
``DATABASE_URL`` names) and filled by ``tests.browser.prepare``. The suite's
own database is never touched, so the browser tests neither depend on the
other tests' data nor leave anything behind for them; and what the browser
sees is what production serves: gunicorn, whitenoise, compressed static files.
"""

import ctypes
import email
import email.policy
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import dj_database_url

ROOT = Path(__file__).resolve().parents[2]
PREPARE_TIMEOUT = 300
START_TIMEOUT = 60
EMAIL_SEPARATOR = "\n" + "-" * 79 + "\n"
LINK = re.compile(r"https?://[^\s<>\"']+")


class ServerError(RuntimeError):
    pass


def stop_with_parent():
    """In the child process: be terminated when the process that started it dies.

    A test run that is killed (a timeout, Ctrl-C twice) cannot stop the
    server itself: Linux does it, so that no server is left running.
    """
    set_parent_death_signal = 1  # PR_SET_PDEATHSIG
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(set_parent_death_signal, signal.SIGTERM)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class SiteDatabase:
    """A database for the served site, made and dropped around the tests."""

    def __init__(self, folder, suite_database_url):
        self.config = dj_database_url.parse(
            suite_database_url or "sqlite:///unused.sqlite3"
        )
        self.is_postgresql = "postgresql" in self.config["ENGINE"]
        if self.is_postgresql:
            self.name = f"test_{self.config['NAME']}_browser"
            self.url = self._postgresql_url(self.name)
        else:
            self.name = str(Path(folder) / "site.sqlite3")
            self.url = f"sqlite:///{self.name}"

    def _postgresql_url(self, name):
        user = self.config.get("USER") or "postgres"
        password = self.config.get("PASSWORD")
        credentials = f"{user}:{password}" if password else user
        host = self.config.get("HOST") or "127.0.0.1"
        port = self.config.get("PORT") or 5432
        return f"postgres://{credentials}@{host}:{port}/{name}"

    def _administer(self, *statements):
        import psycopg

        with psycopg.connect(
            self._postgresql_url("postgres"), autocommit=True
        ) as connection:
            for statement in statements:
                connection.execute(statement)

    def create(self):
        if self.is_postgresql:
            self._administer(
                f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)',
                f'CREATE DATABASE "{self.name}"',
            )

    def drop(self):
        if self.is_postgresql:
            self._administer(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


class BrowserSite:
    """Prepare, serve and stop the site; read the emails it sent."""

    def __init__(self, folder):
        self.folder = Path(folder)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.email_folder = self.folder / "emails"
        self.log_path = self.folder / "server.log"
        self.database = SiteDatabase(self.folder, os.environ.get("DATABASE_URL"))
        self.process = None

    def __str__(self):
        return self.url

    def address(self, path):
        """The absolute address of a path of the site."""
        return f"{self.url}{path}"

    def environment(self):
        for name in ("emails", "static", "media"):
            (self.folder / name).mkdir(exist_ok=True)
        environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.browser.settings",
            "DATABASE_URL": self.database.url,
            "BROWSER_SITE_URL": self.url,
            "BROWSER_EMAIL_PATH": str(self.email_folder),
            "BROWSER_STATIC_ROOT": str(self.folder / "static"),
            "BROWSER_MEDIA_ROOT": str(self.folder / "media"),
            "PYTHONPATH": str(ROOT),
        }
        environment.pop("REDIS_URL", None)
        return environment

    def start(self):
        self.database.create()
        with self.log_path.open("ab") as log:
            prepared = subprocess.run(
                [sys.executable, "-m", "tests.browser.prepare"],
                cwd=ROOT,
                env=self.environment(),
                stdout=log,
                stderr=subprocess.STDOUT,
                timeout=PREPARE_TIMEOUT,
                check=False,
            )
        if prepared.returncode != 0:
            raise ServerError(f"Preparing the site failed:\n{self.log_tail()}")

        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "config.wsgi",
                f"--bind=127.0.0.1:{self.port}",
                "--workers=2",
                "--threads=4",
                "--timeout=60",
                "--graceful-timeout=5",
            ],
            cwd=ROOT,
            env=self.environment(),
            stdout=log,
            stderr=subprocess.STDOUT,
            preexec_fn=stop_with_parent if sys.platform == "linux" else None,
        )
        log.close()
        self._wait_until_ready()

    def _wait_until_ready(self):
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise ServerError(f"The server stopped:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(self.address("/robots.txt"), timeout=5):
                    return
            # A worker still booting on a busy machine answers late: the
            # socket times out, which urllib does not wrap in a URLError.
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.2)
        self.stop()
        raise ServerError(f"The server did not answer in time:\n{self.log_tail()}")

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None
        self.database.drop()

    def log_tail(self, lines=60):
        if not self.log_path.exists():
            return ""
        text = self.log_path.read_text(encoding="utf-8", errors="replace")
        return "\n".join(text.splitlines()[-lines:])

    # ----- Emails -----

    def emails(self):
        """Every email sent so far, oldest first, as ``email.message`` objects."""
        messages = []
        for path in sorted(self.email_folder.glob("*.log"), key=os.path.getmtime):
            text = path.read_text(encoding="utf-8")
            for part in text.split(EMAIL_SEPARATOR):
                if part.strip():
                    messages.append(
                        email.message_from_string(
                            part.lstrip("\n"), policy=email.policy.default
                        )
                    )
        return messages

    def emails_to(self, address):
        return [m for m in self.emails() if address in m.get("To", "")]

    def wait_for_email(self, address, count=1, timeout=10):
        """The ``count``-th email to ``address``, once it has been written."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            messages = self.emails_to(address)
            if len(messages) >= count:
                return messages[count - 1]
            time.sleep(0.1)
        raise AssertionError(f"No email number {count} was sent to {address}.")


def email_text(message):
    return message.get_body(preferencelist=("plain",)).get_content()


def links_in(message, prefix=""):
    """The addresses in an email's text that start with ``prefix``."""
    return [link for link in LINK.findall(email_text(message)) if prefix in link]
