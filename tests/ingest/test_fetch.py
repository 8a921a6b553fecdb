"""URL ingestion refuses private and loopback addresses (no network needed: refused before any request)."""

import pytest

from detente.errors import InputError
from detente.ingest.fetch import check_url, fetch_url


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1/x", "http://10.0.0.1/", "http://localhost:8000/a", "http://[::1]/", "http://192.168.1.5/",
     "http://169.254.169.254/latest/meta-data", "ftp://example.org/x", "file:///etc/passwd"],
)
def test_fetch_refuses_private_loopback_and_non_http(url):
    with pytest.raises(InputError) as info:
        fetch_url(url)
    assert info.value.reject == "R08"


def test_fetch_allow_private_is_explicit():
    check_url("http://127.0.0.1/x", allow_private=True)  # no error when explicitly allowed
