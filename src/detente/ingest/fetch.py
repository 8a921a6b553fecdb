"""Fetch an article by URL, safely.

Refuses URLs whose host resolves to a private, loopback, link-local or
reserved address (unless ``allow_private``), caps the body size and the
time taken, and follows at most ``MAX_REDIRECTS`` redirects, checking each
hop's address again.  Uses httpx.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urljoin, urlsplit

from ..errors import reject
from .sources import MAX_BYTES

MAX_REDIRECTS = 3
TIMEOUT_SECONDS = 10.0


def check_url(url: str, *, allow_private: bool = False) -> None:
    """Raise ``InputError`` (R08) unless ``url`` is http(s) to a public address."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise reject("R08", detail=f"{url!r} is not an http(s) URL")
    if allow_private:
        return
    host = parts.hostname
    try:
        infos = socket.getaddrinfo(host, parts.port or (443 if parts.scheme == "https" else 80))
    except (socket.gaierror, UnicodeError) as exc:
        raise reject("R08", detail=f"cannot resolve {host}: {exc}") from exc
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if not address.is_global:
            raise reject("R08", detail=f"{host} resolves to non-public address {address}; refused")


def fetch_url(url: str, *, allow_private: bool = False) -> tuple[bytes, str]:
    """Return the body and content type of ``url``.

    Raises:
        InputError: refused address, too many redirects, too large, timeout or HTTP error.
    """
    import httpx

    current = url
    with httpx.Client(timeout=TIMEOUT_SECONDS, follow_redirects=False) as client:
        for _ in range(MAX_REDIRECTS + 1):
            check_url(current, allow_private=allow_private)
            try:
                with client.stream("GET", current, headers={"User-Agent": "detente"}) as resp:
                    if resp.is_redirect:
                        current = urljoin(current, resp.headers.get("location", ""))
                        continue
                    if resp.status_code >= 400:
                        raise reject("R08", detail=f"HTTP {resp.status_code} for {current}")
                    body = bytearray()
                    for chunk in resp.iter_bytes():
                        body.extend(chunk)
                        if len(body) > MAX_BYTES:
                            raise reject("R04", size=len(body), limit=MAX_BYTES)
                    return bytes(body), resp.headers.get("content-type", "")
            except httpx.HTTPError as exc:
                raise reject("R08", detail=f"{type(exc).__name__} for {current}") from exc
    raise reject("R08", detail=f"more than {MAX_REDIRECTS} redirects from {url}")


# -- conditional fetch (feeds) -------------------------------------------------------------------
class Fetched:
    """What a conditional fetch returns: status 200 with a body, or 304 (not modified) with none."""

    __slots__ = ("status", "body", "content_type", "etag", "last_modified", "url")

    def __init__(self, status: int, body: bytes, content_type: str, etag: str | None, last_modified: str | None,
                 url: str) -> None:
        self.status, self.body, self.content_type = status, body, content_type
        self.etag, self.last_modified, self.url = etag, last_modified, url


def fetch_conditional(url: str, *, allow_private: bool = False, etag: str | None = None,
                      last_modified: str | None = None, user_agent: str = "detente",
                      timeout: float = TIMEOUT_SECONDS) -> Fetched:
    """``fetch_url`` with a conditional GET (``If-None-Match``/``If-Modified-Since``): the same address checks at
    every hop, the same size cap; a 304 comes back as ``Fetched(status=304, body=b"")``.

    Raises:
        InputError: as ``fetch_url`` (refused address, too many redirects, too large, timeout, HTTP >= 400).
    """
    import httpx

    headers = {"User-Agent": user_agent}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    current = url
    with httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False) as client:
        for _ in range(MAX_REDIRECTS + 1):
            check_url(current, allow_private=allow_private)
            try:
                with client.stream("GET", current, headers=headers) as resp:
                    if resp.status_code == 304:  # before is_redirect, which counts every 3xx
                        return Fetched(304, b"", "", resp.headers.get("etag") or etag,
                                       resp.headers.get("last-modified") or last_modified, current)
                    if resp.is_redirect:
                        current = urljoin(current, resp.headers.get("location", ""))
                        continue
                    if resp.status_code >= 400:
                        raise reject("R08", detail=f"HTTP {resp.status_code} for {current}")
                    body = bytearray()
                    for chunk in resp.iter_bytes():
                        body.extend(chunk)
                        if len(body) > MAX_BYTES:
                            raise reject("R04", size=len(body), limit=MAX_BYTES)
                    return Fetched(resp.status_code, bytes(body), resp.headers.get("content-type", ""),
                                   resp.headers.get("etag"), resp.headers.get("last-modified"), current)
            except httpx.HTTPError as exc:
                raise reject("R08", detail=f"{type(exc).__name__} for {current}") from exc
    raise reject("R08", detail=f"more than {MAX_REDIRECTS} redirects from {url}")
