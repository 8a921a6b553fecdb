"""URL fetches keep their promises: refused addresses at every hop, pinned addresses, one total deadline,
a cap on fetches at once, and a size cap that holds while a compressed body is inflated.

Every server here is started by the test on 127.0.0.1 (bench/slow_server.py).  Tests that need the server
to count as "public" replace the address rule with one that lets 127.0.0.1 (only) through.
"""

from __future__ import annotations

import ipaddress
import socket
import sys
import threading
import time
from pathlib import Path

import pytest

from detente.errors import InputError
from detente.ingest import fetch
from detente.ingest.fetch import check_url, fetch_url, refusal

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from bench.slow_server import SlowServer  # noqa: E402

LOCAL = ipaddress.ip_address("127.0.0.1")


@pytest.fixture
def server():
    with SlowServer() as s:
        yield s


@pytest.fixture
def local_is_public(monkeypatch):
    """The address rule, except that 127.0.0.1 (the test server) counts as public."""
    rule = fetch.refusal
    monkeypatch.setattr(fetch, "refusal", lambda address: None if address == LOCAL else rule(address))


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1/x", "http://10.0.0.1/", "http://localhost:8000/a", "http://[::1]/", "http://192.168.1.5/",
     "http://169.254.169.254/latest/meta-data", "ftp://example.org/x", "file:///etc/passwd",
     "http://224.0.0.1/", "http://0.0.0.0/", "http://100.64.0.1/", "http://[::ffff:127.0.0.1]/",
     "http://[::ffff:10.0.0.1]/", "http://240.0.0.1/", "http://255.255.255.255/", "http://[ff02::1]/",
     "http://[fe80::1]/", "http://[fc00::1]/", "http://[2002:7f00:1::]/", "http://[64:ff9b::a00:1]/",
     "http://198.18.0.1/", "http://[::]/"],
)
def test_fetch_refuses_non_public_addresses_and_non_http(url):
    with pytest.raises(InputError) as info:
        fetch_url(url)
    assert info.value.reject == "R08"


@pytest.mark.parametrize("address", ["8.8.8.8", "1.1.1.1", "2606:4700:4700::1111", "2001:4860:4860::8888"])
def test_fetch_public_addresses_pass_the_rule(address):
    assert refusal(ipaddress.ip_address(address)) is None


def test_fetch_multicast_is_refused_by_name():
    assert refusal(ipaddress.ip_address("224.0.0.1")) == "multicast"


def test_fetch_allow_private_is_explicit():
    assert check_url("http://127.0.0.1/x", allow_private=True) == LOCAL  # no error when explicitly allowed


def test_fetch_allow_private_fetches_from_a_local_server(server):
    body, ctype = fetch_url(f"{server.url}/article", allow_private=True)
    assert b"Brazil accused Argentina" in body and ctype.startswith("text/html")


def test_fetch_checks_every_redirect_hop(server, local_is_public):
    # The first hop (the test server) passes; its redirect to a private address is refused before any connect.
    with pytest.raises(InputError) as info:
        fetch_url(f"{server.url}/redirect?to=http://10.0.0.1/admin")
    assert "10.0.0.1" in str(info.value) and "private" in str(info.value)
    with pytest.raises(InputError, match="multicast"):
        fetch_url(f"{server.url}/redirect?to=http://224.0.0.1/")


def test_fetch_follows_a_public_redirect(server, local_is_public):
    body, _ = fetch_url(f"{server.url}/redirect?to={server.url}/article")
    assert b"Brazil" in body


def test_fetch_connects_to_the_address_it_checked(server, local_is_public, monkeypatch):
    """DNS rebinding: the name is resolved once; the connection goes to that address, Host keeps the name."""
    real = socket.getaddrinfo
    lookups = []

    def rebinding(host, *args, **kwargs):
        if host == "rebind.test":
            lookups.append(host)
            address = "127.0.0.1" if len(lookups) == 1 else "10.0.0.1"  # a second answer would be private
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, args[0] if args else 80))]
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    body, _ = fetch_url(f"http://rebind.test:{server.port}/host")
    assert body.decode() == f"rebind.test:{server.port}"
    assert lookups == ["rebind.test"]


def test_fetch_refuses_a_name_with_any_private_address(monkeypatch):
    def mixed(host, *args, **kwargs):
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("8.8.8.8", 80)),
                (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.1.2.3", 80))]

    monkeypatch.setattr(socket, "getaddrinfo", mixed)
    with pytest.raises(InputError, match="10.1.2.3"):
        fetch_url("http://mixed.test/")


def test_fetch_total_deadline_covers_a_slow_body(server):
    started = time.monotonic()
    with pytest.raises(InputError) as info:
        fetch_url(f"{server.url}/trickle?seconds=30", allow_private=True, timeout=1.0)
    assert info.value.reject == "R08" and "took longer than 1 s" in str(info.value)
    # Functional, not a speed figure: the trickle would run 30 s; the deadline stops it long before.
    assert time.monotonic() - started < 15


def test_fetch_total_deadline_covers_redirects(server, local_is_public):
    target = f"{server.url}/trickle?seconds=30"
    with pytest.raises(InputError, match="took longer than 1 s"):
        fetch_url(f"{server.url}/redirect?to={server.url}/redirect?to={target}", timeout=1.0)


def test_fetch_gzip_bomb_stops_at_the_cap_while_inflating(server, monkeypatch):
    sizes = []
    feed = fetch._Inflater.feed

    def watched(self, data, budget):
        out = feed(self, data, budget)
        sizes.append(len(out))
        return out

    monkeypatch.setattr(fetch._Inflater, "feed", watched)
    with pytest.raises(InputError) as info:
        fetch_url(f"{server.url}/bomb", allow_private=True)
    assert info.value.reject == "R04"
    # No step ever inflated more than the cap allows (the old code inflated 26.9 MB before checking).
    assert sum(sizes) <= fetch.MAX_BYTES + 1 and max(sizes) <= fetch.MAX_BYTES + 1


def test_fetch_caps_fetches_at_once(server, monkeypatch):
    monkeypatch.setattr(fetch, "_blocking_slots", threading.BoundedSemaphore(2))
    running = peak = 0
    lock = threading.Lock()
    inner = fetch._fetch

    async def counted(url, allow_private, *extra):
        nonlocal running, peak
        with lock:
            running += 1
            peak = max(peak, running)
        try:
            return await inner(url, allow_private, *extra)
        finally:
            with lock:
                running -= 1

    monkeypatch.setattr(fetch, "_fetch", counted)
    errors = []

    def one():
        try:
            fetch_url(f"{server.url}/trickle?seconds=30", allow_private=True, timeout=1.5)
        except InputError as exc:
            errors.append(exc)

    threads = [threading.Thread(target=one) for _ in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert peak == 2  # the cap, reached and never passed
    assert len(errors) == 5  # each ended by its own deadline (waiting for a slot counts against it)


def test_fetch_https_keeps_the_name_for_tls_while_connecting_to_the_pinned_address(local_is_public, monkeypatch):
    """The TLS ClientHello to the pinned IP carries the URL's name as SNI (so the certificate is checked for it)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(10)
    port = listener.getsockname()[1]
    hello = []

    def accept():
        try:
            conn, _ = listener.accept()
        except OSError:
            return
        with conn:
            conn.settimeout(5)
            try:
                hello.append(conn.recv(4096))
            except OSError:
                pass

    thread = threading.Thread(target=accept)
    thread.start()
    real = socket.getaddrinfo
    monkeypatch.setattr(socket, "getaddrinfo", lambda host, *a, **k: (
        [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))] if host == "news.test" else real(host, *a, **k)))
    try:
        with pytest.raises(InputError):  # the test server speaks no TLS: the fetch fails after the ClientHello
            fetch_url(f"https://news.test:{port}/article", timeout=5)
    finally:
        thread.join(timeout=10)
        listener.close()
    assert hello and hello[0][:1] == b"\x16"  # a TLS handshake record
    assert b"news.test" in hello[0]  # the server name indication
