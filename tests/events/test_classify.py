"""The sentence event classifier: its committed head, its training-data reader and its predictions."""

from __future__ import annotations

import csv
import importlib.util
import io
import sys
import zipfile
from pathlib import Path

import numpy as np
import pytest

from detente.errors import DataFileError
from detente.events.classify import CAMEO_ROOT_BY_TYPE, Head, SentenceClassifier, cameo_root, load_head
from detente.model import PLOVER_TYPES

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"

# Hand-written for these tests (not from any data set): sentence -> the types we accept.
CASES = [
    ("Troops shelled the village overnight, killing four civilians.", {"ASSAULT"}),
    ("The two foreign ministers met in Geneva for talks on the ceasefire.", {"CONSULT"}),
    ("Thousands of demonstrators marched on parliament demanding the minister resign.", {"PROTEST"}),
    ("The government froze the assets of three banks and banned imports of steel.", {"SANCTION"}),
    ("The charity flew forty tonnes of food and medicine to the flooded province.", {"AID"}),
    ("The president accused his neighbour of meddling in the election.", {"ACCUSE"}),
    ("The army moved two armoured brigades to the border and called up reservists.", {"MOBILIZE"}),
]


def _load_script():
    path = REPO / "scripts" / "train_classifier.py"
    spec = importlib.util.spec_from_file_location("train_classifier", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_classify_head_file_shape():
    head = load_head()
    assert head.labels == PLOVER_TYPES
    assert head.weights.shape == (len(PLOVER_TYPES), 384)
    assert head.bias.shape == (len(PLOVER_TYPES),)
    assert np.isfinite(head.weights).all()
    assert head.model_id == "all-MiniLM-L6-v2-onnx-int8"


def test_classify_head_provenance_excludes_evaluation_data():
    import json
    from importlib import resources

    data = json.loads(resources.files("detente.data").joinpath("event_head.json").read_text(encoding="utf-8"))
    trained = [d["file"] for d in data["training"]["data"]]
    assert trained and all("conflibert" not in f for f in trained)
    assert all(len(d["sha256"]) == 64 for d in data["training"]["data"])


def test_classify_head_rejects_wrong_shape():
    bad = {"format": "detente-event-head/1", "model_id": "m", "model_sha256": "x", "labels": ["AGREE", "AID"],
           "weights": [[0.0] * 384], "bias": [0.0, 0.0]}
    with pytest.raises(DataFileError, match="E201"):
        Head.from_dict(bad)
    with pytest.raises(DataFileError, match="unknown labels"):
        Head.from_dict({**bad, "labels": ["AGREE", "FIGHT"]})


def test_classify_head_probabilities_sum_to_one():
    head = load_head()
    rng = np.random.default_rng(0)
    x = rng.normal(size=(3, 384)).astype(np.float32)
    probs = head.predict_proba(x / np.linalg.norm(x, axis=1, keepdims=True))
    assert probs.shape == (3, len(PLOVER_TYPES))
    assert np.allclose(probs.sum(axis=1), 1.0, atol=1e-5)


def test_classify_cameo_root_covers_every_type():
    assert set(CAMEO_ROOT_BY_TYPE) == set(PLOVER_TYPES)
    assert cameo_root("ASSAULT") == "19" and cameo_root("CONSULT") == "04"


def _silver_zip(path: Path) -> Path:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=["disclaimer", "text", "title", "source", "prompt", "label", "mode"])
    writer.writeheader()
    writer.writerow({"disclaimer": "synthetic", "title": "{country_1} Shells Border Town",
                     "prompt": "Ruritania Shells Border Town\n\n(AFP) --", "label": "ASSAULT", "mode": "",
                     "text": "Artillery hit the town on Monday.  Two people died.\n\nMore followed.", "source": "AFP"})
    writer.writerow({"disclaimer": "synthetic", "title": "{country_1} Leaders Meet", "source": "AP",
                     "prompt": "Freedonia Leaders Meet\n\n(AP) --", "label": "consult", "mode": "",
                     "text": "The leaders met in the capital. They talked."})
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("stories.csv", buf.getvalue())
    return path


def test_train_read_silver_handles_csv_zip(tmp_path: Path):
    train = _load_script()
    path = _silver_zip(tmp_path / "silver.csv.zip")
    title = train.read_silver(path, text="title")
    assert [(e.text, e.label) for e in title] == [("Ruritania Shells Border Town", "ASSAULT"),
                                                  ("Freedonia Leaders Meet", "CONSULT")]
    assert title[0].group == "silver:{country_1} Shells Border Town"
    first = train.read_silver(path, text="first")
    assert first[0].text == "Artillery hit the town on Monday."
    both = train.read_silver(path, text="title+first")
    assert both[1].text == "Freedonia Leaders Meet. The leaders met in the capital."
    assert len(train.read_silver(path, text="both")) == 4


def test_train_read_silver_real_file():
    train = _load_script()
    path = SHARED / train.SILVER
    if not path.exists():
        pytest.skip(f"{path} is not available (../shared must sit beside the repository)")
    examples = train.read_silver(path, text="title")
    assert len(examples) == 4500
    assert {e.label for e in examples} <= set(PLOVER_TYPES)
    assert len({e.group for e in examples}) > 300


def test_train_read_gold_maps_draft_names():
    train = _load_script()
    path = SHARED / train.GOLD
    if not path.exists():
        pytest.skip(f"{path} is not available (../shared must sit beside the repository)")
    examples = train.read_gold(path)
    assert len(examples) == 161
    assert {e.label for e in examples} <= set(PLOVER_TYPES)


def test_train_grouped_folds_keep_groups_together():
    train = _load_script()
    groups = [f"g{i % 7}" for i in range(40)]
    folds = train.grouped_folds(groups, k=5, seed=1)
    assert all(len({f for g2, f in zip(groups, folds) if g2 == g}) == 1 for g in set(groups))
    assert (folds == train.grouped_folds(groups, k=5, seed=1)).all()


@pytest.mark.model
def test_classify_load_is_cached():
    assert SentenceClassifier.load() is SentenceClassifier.load()


@pytest.mark.model
def test_classify_embeddings_are_unit_length():
    clf = SentenceClassifier.load()
    x = clf.encoder.encode(["Short.", "A somewhat longer sentence about talks between two governments."])
    assert x.shape == (2, 384)
    assert np.allclose(np.linalg.norm(x, axis=1), 1.0, atol=1e-4)
    assert clf.predict([]) == []


@pytest.mark.model
@pytest.mark.parametrize(("text", "accepted"), CASES, ids=[c[0][:30] for c in CASES])
def test_classify_predicts_hand_written_sentences(text: str, accepted: set[str]):
    ((label, prob),) = SentenceClassifier.load().predict([text])
    assert label in accepted, (label, prob)
    assert 0.0 < prob <= 1.0
