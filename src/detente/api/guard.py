"""The API's outer gate: a pure ASGI middleware that answers before any route or body parsing runs.

In order, for every HTTP request:

1. **Host allow-list** (DNS rebinding): the ``Host`` header's name must be on
   the list (default ``localhost``, ``127.0.0.1``, ``[::1]`` and the bound
   host; ``--allowed-host`` adds more, ``*`` turns the check off).  Otherwise 400.
2. **Authentication before the body**: a write route (``POST /api/ingest``)
   without the right bearer token is refused (403 when ingest is off, 401
   for a missing or wrong token) before one byte of its body is read.
3. **Body size before the body**: a declared ``Content-Length`` over
   ``MAX_BODY_BYTES`` is refused with 413 at once; a chunked body is counted
   as it arrives and cut off with 413 when it passes the limit.
4. **Security headers** on every response, errors included.

Why hand-written: Starlette's ``TrustedHostMiddleware`` answers in plain
text (the API promises one JSON error shape), and neither Starlette nor
FastAPI has a body-size limit or an auth check that runs before the body is
parsed (FastAPI reads the body before it resolves dependencies).

Tokens are compared as bytes.  HTTP header values are bytes; a token with
non-ASCII characters arrives UTF-8 encoded from curl and httpx (given
bytes), and Latin-1 encoded from ``requests`` and browsers (whose ``fetch``
takes only Latin-1 characters in a header); both encodings of
the configured token are accepted, compared in constant time.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any

from fastapi import HTTPException

from ..errors import error_body

# A JSON body over this is refused before it is read: an article is capped at 5 MB by the ingest stage
# (MAX_BYTES); JSON escaping of non-ASCII text can make its body larger, hence the margin.
MAX_BODY_BYTES = 8 * 1024 * 1024
DEFAULT_HOSTS = ("localhost", "127.0.0.1", "[::1]", "::1")
# Routes that need the token: (method, path).
WRITE_ROUTES = {("POST", "/api/ingest")}

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
INGEST_OFF = ("ingest over HTTP is off: start 'detente serve' with --token or the environment variable "
              "DETENTE_TOKEN to enable POST /api/ingest")
BAD_TOKEN = "missing or wrong bearer token: send 'Authorization: Bearer <token>'"

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


def token_matches(given: bytes, token: str) -> bool:
    """True when ``given`` (the raw bytes after 'Bearer ') is ``token`` in UTF-8 or Latin-1."""
    candidates = [token.encode("utf-8")]
    try:
        latin = token.encode("latin-1")
    except UnicodeEncodeError:
        latin = None
    if latin is not None and latin != candidates[0]:
        candidates.append(latin)
    ok = False
    for expected in candidates:  # every candidate compared, in constant time each
        ok |= hmac.compare_digest(given, expected)
    return ok


def bearer(raw: bytes | None) -> bytes:
    """The credentials of an ``Authorization: Bearer <token>`` header value, or b''."""
    if not raw:
        return b""
    scheme, _, rest = raw.strip().partition(b" ")
    return rest.strip() if scheme.lower() == b"bearer" else b""


def host_name(raw: bytes) -> str:
    """The host of a ``Host`` header without its port, lower case (``[::1]:8000`` -> ``[::1]``)."""
    text = raw.decode("latin-1").strip().lower()
    if text.startswith("["):
        end = text.find("]")
        return text[: end + 1] if end > 0 else text
    return text.rsplit(":", 1)[0] if text.count(":") == 1 else text


def allowed_hosts(bound: str | None, extra: Iterable[str] = ()) -> frozenset[str]:
    """The Host allow-list: the defaults, the bound address (unless a wildcard) and ``extra``."""
    hosts = set(DEFAULT_HOSTS)
    for h in (bound, *extra):
        if not h or h in {"0.0.0.0", "::"}:
            continue
        h = h.strip().lower()
        hosts.add(f"[{h}]" if ":" in h and not h.startswith("[") and h != "*" else h)
    return frozenset(hosts)


class Guard:
    """The ASGI middleware described in the module docstring."""

    def __init__(self, app: Any, *, hosts: frozenset[str], token: str | None,
                 max_body: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.hosts = hosts
        self.token = token
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        send = _with_headers(send)
        if "*" not in self.hosts and host_name(headers.get(b"host", b"")) not in self.hosts:
            await _reply(send, 400, "Host header not on this server's allow-list (DNS rebinding protection); "
                                    "start 'detente serve' with --allowed-host NAME to add a name", "H400")
            return
        if (scope["method"], scope["path"]) in WRITE_ROUTES:
            if self.token is None:
                await _reply(send, 403, INGEST_OFF, "H403")
                return
            if not token_matches(bearer(headers.get(b"authorization")), self.token):
                await _reply(send, 401, BAD_TOKEN, "H401", {"WWW-Authenticate": "Bearer"})
                return
        length = headers.get(b"content-length")
        if length is not None:
            try:
                declared = int(length)
            except ValueError:
                await _reply(send, 400, "Content-Length is not a number", "H400")
                return
            if declared > self.max_body:
                await _reply(send, 413, f"request body over {self.max_body} bytes", "H413")
                return
        await self.app(scope, _capped(receive, self.max_body), send)


class BodyTooLarge(HTTPException):
    """Raised into the app when a streamed body passes the limit; answered with 413.

    An ``HTTPException`` because FastAPI turns any other error while it reads a body into a 400.
    """

    def __init__(self, message: str) -> None:
        super().__init__(413, message)


def _capped(receive: Receive, limit: int) -> Receive:
    seen = 0

    async def wrapped() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise BodyTooLarge(f"request body over {limit} bytes")
        return message

    return wrapped


def _with_headers(send: Send) -> Send:
    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            present = {k.lower() for k, _ in message.get("headers", [])}
            extra = [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()
                     if k.lower().encode() not in present]
            message["headers"] = list(message.get("headers", [])) + extra
        await send(message)

    return wrapped


async def _reply(send: Send, status: int, message: str, code: str, headers: dict[str, str] | None = None) -> None:
    body = json.dumps(error_body(status, message, code)).encode("utf-8")
    raw = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    raw += [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})
