"""Fetch an article by URL, keeping every promise about time, size and address.

- **One total deadline per URL** (``TIMEOUT_SECONDS``): name resolution,
  waiting for a fetch slot, every connect, every redirect and a body that
  trickles in all count against it.  The fetch is asynchronous
  (``httpx.AsyncClient``) under one ``asyncio.timeout``, so the deadline cuts
  a read that is waiting for its next byte; ``fetch_url`` is the blocking
  wrapper for the CLI.
- **A cap on concurrent fetches** (``MAX_CONCURRENT_FETCHES``): per event loop
  for the async path (the API), per process for the blocking one.
- **Addresses checked at every hop and pinned**: each hop's host is resolved
  once; every address it resolves to must be public (``refusal``: loopback,
  private, link-local, CGNAT, multicast, reserved, unspecified, and IPv6
  forms that embed such an IPv4 address), and the request then connects to
  the checked address itself: the URL's host is replaced by the IP, the
  ``Host`` header and the TLS server name (SNI, and the certificate check)
  keep the original name.  No second DNS lookup can hand back another
  address (DNS rebinding).  Environment proxies are ignored for the same
  reason.  ``allow_private`` lifts the address rule, not the pinning.
- **Size capped as the body streams, after decompression**: gzip and deflate
  are inflated here in bounded steps (``zlib`` with ``max_length``), so a
  compression bomb stops at ``MAX_BYTES`` + 1 bytes of output; the raw
  (compressed) bytes are capped too.  Other content encodings are refused.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import threading
import time
import weakref
import zlib
from urllib.parse import urljoin, urlsplit

from ..errors import reject
from .sources import MAX_BYTES

MAX_REDIRECTS = 3
TIMEOUT_SECONDS = 10.0
MAX_CONCURRENT_FETCHES = 8
USER_AGENT = "detente"

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
# Ranges Python's ``is_global`` lets through that a fetch must still not reach.
_EXTRA_REFUSED = [ipaddress.ip_network(n) for n in (
    "100.64.0.0/10",  # CGNAT (shared address space)
    "192.0.0.0/24",  # IETF protocol assignments
    "198.18.0.0/15",  # benchmarking
    "64:ff9b:1::/48",  # local-use NAT64
)]
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_blocking_slots = threading.BoundedSemaphore(MAX_CONCURRENT_FETCHES)
_loop_slots: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore] = weakref.WeakKeyDictionary()


def refusal(address: IPAddress) -> str | None:
    """Why a fetch may not connect to ``address``, or None when it is a public unicast address."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or (address.sixtofour if address.sixtofour else None)
        if embedded is None and address.teredo:
            embedded = address.teredo[1]
        if embedded is None and address in _NAT64:
            embedded = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        if embedded is not None:
            inner = refusal(embedded)
            if inner:
                return f"embeds {embedded}, which is {inner}"
    for label, test in (("unspecified", address.is_unspecified), ("loopback", address.is_loopback),
                        ("multicast", address.is_multicast), ("link-local", address.is_link_local),
                        ("private", address.is_private), ("reserved", address.is_reserved)):
        if test:
            return label
    if any(address in net for net in _EXTRA_REFUSED if net.version == address.version):
        return "a special-purpose range"
    if not address.is_global:
        return "not globally routable"
    return None


def _split(url: str) -> tuple[str, str, int]:
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise reject("R08", detail=f"{url!r} is not an http(s) URL")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:
        raise reject("R08", detail=f"{url!r} has a bad port") from exc
    return parts.scheme, parts.hostname, port


def _checked(host: str, addresses: list[str], allow_private: bool) -> IPAddress:
    """The address to connect to (the first), once every address ``host`` resolved to has passed."""
    if not addresses:
        raise reject("R08", detail=f"cannot resolve {host}")
    parsed = [ipaddress.ip_address(a.split("%", 1)[0]) for a in addresses]
    if not allow_private:
        for address in parsed:
            why = refusal(address)
            if why:
                raise reject("R08", detail=f"{host} resolves to non-public address {address} ({why}); refused")
    return parsed[0]


def check_url(url: str, *, allow_private: bool = False) -> IPAddress:
    """Resolve ``url``'s host once and return the address to pin; raise ``InputError`` (R08) if it is refused."""
    _, host, port = _split(url)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise reject("R08", detail=f"cannot resolve {host}: {exc}") from exc
    return _checked(host, [str(info[4][0]) for info in infos], allow_private)


async def _resolve(url: str, allow_private: bool) -> IPAddress:
    _, host, port = _split(url)
    try:
        address = ipaddress.ip_address(host)
        return _checked(host, [str(address)], allow_private)
    except ValueError:
        pass
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise reject("R08", detail=f"cannot resolve {host}: {exc}") from exc
    return _checked(host, [str(info[4][0]) for info in infos], allow_private)


class _Inflater:
    """Decode a gzip or deflate body in steps that never produce more than the bytes still allowed.

    Hand-written because httpx decodes each received chunk whole: one 64 KB chunk of a gzip bomb
    becomes tens of megabytes before any cap could look at it.
    """

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding
        self._d = self._new() if encoding in {"gzip", "x-gzip", "deflate"} else None

    def _new(self) -> zlib._Decompress:  # type: ignore[name-defined]
        return zlib.decompressobj(zlib.MAX_WBITS | 32)  # gzip or zlib header, detected

    def feed(self, data: bytes, budget: int) -> bytes:
        """Up to ``budget`` bytes decoded from ``data`` (exactly ``budget`` means the cap was reached)."""
        if self._d is None:
            return data[:budget]
        out = bytearray()
        while data and len(out) < budget:
            try:
                out += self._d.decompress(data, budget - len(out))
            except zlib.error as exc:
                raise reject("R08", detail=f"bad {self.encoding} body: {exc}") from exc
            if self._d.unconsumed_tail:
                data = self._d.unconsumed_tail
            elif self._d.eof and self._d.unused_data:  # a further gzip member
                data = self._d.unused_data
                self._d = self._new()
            else:
                data = b""
        return bytes(out)


def _slots() -> asyncio.Semaphore:
    loop = asyncio.get_running_loop()
    slots = _loop_slots.get(loop)
    if slots is None:
        slots = _loop_slots[loop] = asyncio.Semaphore(MAX_CONCURRENT_FETCHES)
    return slots


async def fetch_url_async(url: str, *, allow_private: bool = False, timeout: float = TIMEOUT_SECONDS,
                          limit: asyncio.Semaphore | None = None, _stated: float | None = None) -> tuple[bytes, str]:
    """Return the body (decoded, at most ``MAX_BYTES``) and content type of ``url``, within ``timeout`` seconds.

    ``limit`` is the concurrency cap to take a slot of (default: this event loop's ``MAX_CONCURRENT_FETCHES``);
    the wait for a slot counts against the deadline.

    Raises:
        InputError: refused address, too many redirects, too large (R04), deadline passed, or HTTP error (R08).
    """
    fetched = await _fetch_within(url, allow_private=allow_private, timeout=timeout, limit=limit, stated=_stated)
    return fetched.body, fetched.content_type


async def _fetch_within(url: str, *, allow_private: bool, timeout: float, limit: asyncio.Semaphore | None,
                        stated: float | None = None, headers: dict[str, str] | None = None) -> "Fetched":
    started = time.monotonic()
    try:
        async with asyncio.timeout(timeout):
            async with limit or _slots():
                return await _fetch(url, allow_private, headers or {})
    except TimeoutError:
        raise reject("R08", detail=f"{url} took longer than {stated or timeout:g} s (the total limit per URL; "
                                   f"stopped after {time.monotonic() - started:.1f} s here)") from None


async def _fetch(url: str, allow_private: bool, extra: dict[str, str]) -> "Fetched":
    import httpx

    current = url
    # trust_env=False: an HTTP(S)_PROXY from the environment would connect somewhere other than the checked address.
    async with httpx.AsyncClient(follow_redirects=False, trust_env=False, timeout=None) as client:
        for _ in range(MAX_REDIRECTS + 1):
            scheme, host, port = _split(current)
            address = await _resolve(current, allow_private)
            pinned = httpx.URL(current).copy_with(host=str(address))
            netloc = urlsplit(current).netloc.rsplit("@", 1)[-1]
            request = client.build_request(
                "GET", pinned,
                headers={"User-Agent": USER_AGENT, **extra, "Host": netloc, "Accept-Encoding": "gzip, deflate"},
                extensions={"sni_hostname": host} if scheme == "https" else {},
            )
            try:
                response = await client.send(request, stream=True)
                try:
                    if response.status_code == 304:  # a conditional GET's "not modified" (before is_redirect: any 3xx)
                        return Fetched(304, b"", "", response.headers.get("etag"),
                                       response.headers.get("last-modified"), current)
                    if response.is_redirect:
                        current = urljoin(current, response.headers.get("location", ""))
                        continue
                    if response.status_code >= 400:
                        raise reject("R08", detail=f"HTTP {response.status_code} for {current}")
                    return Fetched(response.status_code, await _read_body(response),
                                   response.headers.get("content-type", ""), response.headers.get("etag"),
                                   response.headers.get("last-modified"), current)
                finally:
                    await response.aclose()
            except httpx.HTTPError as exc:
                raise reject("R08", detail=f"{type(exc).__name__} for {current}") from exc
    raise reject("R08", detail=f"more than {MAX_REDIRECTS} redirects from {url}")


async def _read_body(response: object) -> bytes:
    encodings = [e.strip().lower() for e in response.headers.get("content-encoding", "").split(",")  # type: ignore[attr-defined]
                 if e.strip() and e.strip().lower() != "identity"]
    if len(encodings) > 1 or (encodings and encodings[0] not in {"gzip", "x-gzip", "deflate"}):
        raise reject("R08", detail=f"unsupported content encoding {', '.join(encodings)!r}")
    inflater = _Inflater(encodings[0] if encodings else "identity")
    body = bytearray()
    raw_size = 0
    async for chunk in response.aiter_raw():  # type: ignore[attr-defined]
        raw_size += len(chunk)
        body += inflater.feed(chunk, MAX_BYTES + 1 - len(body))
        if len(body) > MAX_BYTES or raw_size > MAX_BYTES:
            raise reject("R04", size=max(len(body), raw_size), limit=MAX_BYTES)
    return bytes(body)


def _blocking(url: str, *, allow_private: bool, timeout: float, headers: dict[str, str] | None = None) -> "Fetched":
    started = time.monotonic()
    if not _blocking_slots.acquire(timeout=timeout):
        raise reject("R08", detail=f"no fetch slot free within {timeout:g} s ({MAX_CONCURRENT_FETCHES} running)")
    try:
        remaining = max(0.0, timeout - (time.monotonic() - started))
        return asyncio.run(_fetch_within(url, allow_private=allow_private, timeout=remaining,
                                         limit=asyncio.Semaphore(1), stated=timeout, headers=headers))
    finally:
        _blocking_slots.release()


def fetch_url(url: str, *, allow_private: bool = False, timeout: float = TIMEOUT_SECONDS) -> tuple[bytes, str]:
    """The blocking form of ``fetch_url_async`` (for the CLI), capped per process at ``MAX_CONCURRENT_FETCHES``.

    Raises:
        InputError: as ``fetch_url_async``.
    """
    fetched = _blocking(url, allow_private=allow_private, timeout=timeout)
    return fetched.body, fetched.content_type


# -- conditional fetch (feeds) -------------------------------------------------------------------
class Fetched:
    """What a fetch returns: status 200 with a body, or 304 (not modified, after a conditional GET) with none."""

    __slots__ = ("status", "body", "content_type", "etag", "last_modified", "url")

    def __init__(self, status: int, body: bytes, content_type: str, etag: str | None, last_modified: str | None,
                 url: str) -> None:
        self.status, self.body, self.content_type = status, body, content_type
        self.etag, self.last_modified, self.url = etag, last_modified, url


def fetch_conditional(url: str, *, allow_private: bool = False, etag: str | None = None,
                      last_modified: str | None = None, user_agent: str = USER_AGENT,
                      timeout: float = TIMEOUT_SECONDS) -> Fetched:
    """``fetch_url`` with a conditional GET (``If-None-Match``/``If-Modified-Since``): the same checked and pinned
    address at every hop, the same total deadline and size cap; a 304 comes back as ``Fetched(status=304, body=b"")``
    keeping the validators it was asked with.

    Raises:
        InputError: as ``fetch_url`` (refused address, too many redirects, too large, deadline, HTTP >= 400).
    """
    headers = {"User-Agent": user_agent}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    fetched = _blocking(url, allow_private=allow_private, timeout=timeout, headers=headers)
    if fetched.status == 304:
        fetched.etag = fetched.etag or etag
        fetched.last_modified = fetched.last_modified or last_modified
    return fetched
