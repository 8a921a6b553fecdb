"""A feed server for the tests, on 127.0.0.1 only: RSS/Atom feeds and a sitemap with ETag/Last-Modified
answers (304 on a match), article pages, robots.txt, and a log of every request."""

from __future__ import annotations

import hashlib
import html
import threading
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class FeedSite:
    def __init__(self) -> None:
        self.feeds: dict[str, list[tuple[str, str, str]]] = {}  # path -> [(article path, title, pubDate)]
        self.articles: dict[str, str] = {}  # path -> article text
        self.sitemaps: dict[str, list[tuple[str, str]]] = {}  # path -> [(article path, lastmod)]
        self.robots = "User-agent: *\nDisallow: /private/\n"
        self.log: list[tuple[str, int, dict[str, str]]] = []  # (path, status, request headers)
        self.fail: set[str] = set()  # paths answering 500
        self.lock = threading.Lock()
        self.server: ThreadingHTTPServer | None = None

    @property
    def base(self) -> str:
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def feed_body(self, path: str) -> bytes:
        items = "".join(
            f"<item><title>{html.escape(t)}</title><link>{self.base}{a}</link><pubDate>{d}</pubDate></item>"
            for a, t, d in self.feeds[path])
        return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>{path}</title>'
                f"<link>{self.base}/</link>{items}</channel></rss>").encode()

    def sitemap_body(self, path: str) -> bytes:
        urls = "".join(f"<url><loc>{self.base}{a}</loc><lastmod>{m}</lastmod></url>" for a, m in self.sitemaps[path])
        return (f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}'
                f"</urlset>").encode()

    def article_body(self, path: str) -> bytes:
        paras = "".join(f"<p>{html.escape(p)}</p>" for p in self.articles[path].split("\n\n") if p.strip())
        return (f"<!doctype html><html lang=en><head><title>Article {html.escape(path)}</title></head><body>"
                f"<nav><a href='/'>Home</a></nav><article><h1>Article</h1>{paras}</article>"
                f"<footer>Copyright</footer></body></html>").encode()

    def fetches(self, path: str, status: int | None = None) -> int:
        return sum(1 for p, s, _ in self.log if p.split("?")[0] == path and (status is None or s == status))

    def start(self) -> "FeedSite":
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802
                path = self.path.split("?")[0]
                headers = {k.lower(): v for k, v in self.headers.items()}
                status, body, ctype, extra = 404, b"not found", "text/plain", {}
                if path in site.fail:
                    status, body = 500, b"boom"
                elif path == "/robots.txt":
                    status, body = 200, site.robots.encode()
                elif path in site.feeds or path in site.sitemaps:
                    body = site.feed_body(path) if path in site.feeds else site.sitemap_body(path)
                    etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
                    extra = {"ETag": etag, "Last-Modified": formatdate(1_700_000_000, usegmt=True)}
                    ctype = "application/rss+xml" if path in site.feeds else "application/xml"
                    if headers.get("if-none-match") == etag:
                        status, body = 304, b""
                    else:
                        status = 200
                elif path in site.articles:
                    status, body, ctype = 200, site.article_body(path), "text/html; charset=utf-8"
                with site.lock:
                    site.log.append((self.path, status, headers))
                self.send_response(status)
                for k, v in extra.items():
                    self.send_header(k, v)
                if status != 304:
                    self.send_header("Content-Type", ctype)
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if status != 304:
                    self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
