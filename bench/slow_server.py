"""A hostile HTTP server on 127.0.0.1 for the fetch tests and the health-under-load benchmark.

Paths:
    /trickle?seconds=S   200 text/html, one byte every 0.2 s for S seconds (a slow body)
    /bomb                200 gzip, 60 MB of zeros compressed to about 60 KB
    /redirect?to=URL     302 to URL
    /article             200 text/html, a short news article
    /host                200 text/plain, the Host header the request carried

It counts requests in flight (``active``, ``peak``) and every request's Host header (``hosts``).
Only ever listens on 127.0.0.1.
"""

from __future__ import annotations

import gzip
import http.server
import threading
import time
from urllib.parse import parse_qs, urlsplit

ARTICLE = ("<html><head><title>Talks in Brasilia</title></head><body><article><p>Brazil accused Argentina of "
           "breaking the trade agreement, officials in Brasilia said on Monday. Argentina rejected the claim and "
           "said the talks would go on.</p></article></body></html>")
TRICKLE_INTERVAL = 0.2


class SlowServer:
    """A threading HTTP server on 127.0.0.1 and a free port; use as a context manager."""

    def __init__(self) -> None:
        self.active = 0
        self.peak = 0
        self.hosts: list[str] = []
        self._lock = threading.Lock()
        self._bomb: bytes | None = None
        self._stop = threading.Event()
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                with outer._lock:
                    outer.active += 1
                    outer.peak = max(outer.peak, outer.active)
                    outer.hosts.append(self.headers.get("Host", ""))
                try:
                    outer._serve(self)
                except (BrokenPipeError, ConnectionResetError):
                    pass
                finally:
                    with outer._lock:
                        outer.active -= 1

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def bomb(self) -> bytes:
        if self._bomb is None:
            self._bomb = gzip.compress(b"\0" * 60_000_000, compresslevel=9)
        return self._bomb

    def _serve(self, h: http.server.BaseHTTPRequestHandler) -> None:
        parts = urlsplit(h.path)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        if parts.path == "/trickle":
            h.send_response(200)
            h.send_header("Content-Type", "text/html")
            h.end_headers()
            end = time.monotonic() + float(query.get("seconds", "60"))
            while time.monotonic() < end and not self._stop.is_set():
                h.wfile.write(b" ")
                h.wfile.flush()
                time.sleep(TRICKLE_INTERVAL)
        elif parts.path == "/bomb":
            body = self.bomb()
            self._reply(h, body, "text/html", {"Content-Encoding": "gzip"})
        elif parts.path == "/redirect":
            h.send_response(302)
            h.send_header("Location", query.get("to", "/"))
            h.send_header("Content-Length", "0")
            h.end_headers()
        elif parts.path == "/article":
            self._reply(h, ARTICLE.encode("utf-8"), "text/html")
        elif parts.path == "/host":
            self._reply(h, h.headers.get("Host", "").encode("utf-8"), "text/plain")
        else:
            self._reply(h, b"not found", "text/plain", status=404)

    @staticmethod
    def _reply(h: http.server.BaseHTTPRequestHandler, body: bytes, ctype: str,
               headers: dict[str, str] | None = None, status: int = 200) -> None:
        h.send_response(status)
        h.send_header("Content-Type", ctype)
        h.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            h.send_header(k, v)
        h.end_headers()
        h.wfile.write(body)

    def __enter__(self) -> SlowServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self._thread.join(timeout=5)
