"""The public API listed in detente.__all__ is complete and sorted."""

import detente


def test_public_api_sorted_and_importable():
    assert detente.__all__ == sorted(detente.__all__)
    for name in detente.__all__:
        assert getattr(detente, name) is not None
