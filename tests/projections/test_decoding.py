"""The fast body decoder gives exactly what the store's own transcoder gives."""

from datetime import UTC, date, datetime
from decimal import Decimal
from uuid import uuid4

import pytest
from eventsourcing.persistence import TranscodingNotRegisteredError

from infra.serialization import create_transcoder
from projections.engine.decoding import decode_body

_T = create_transcoder()
BODIES = [
    {"plan_id": uuid4(), "day": date(2021, 10, 5), "at": datetime.now(UTC), "amount": Decimal("1.50"),
     "targets": [{"indicator": "x", "amount": Decimal("3")}], "models": {}, "note": "Tổng Liên đoàn"},
    {"nested": [[uuid4(), {"d": date.today()}]], "big": 10**30, "negative": -(10**40), "f": 2.5, "n": None},
    {"max64": 2**63 - 1, "huge_float": 1e300, "ok": True},
]


@pytest.mark.parametrize("body", BODIES)
def test_a_body_decodes_to_the_same_typed_values_as_the_transcoder(body):
    text = _T.encode(body).decode()
    decoded = decode_body(text)
    assert decoded == _T.decode(text.encode()) == body
    assert [type(v) for v in decoded.values()] == [type(v) for v in body.values()]


def test_an_unknown_typed_value_is_refused_as_the_transcoder_refuses_it():
    with pytest.raises(TranscodingNotRegisteredError):
        decode_body('{"x": {"_type_": "nope", "_data_": "1"}}')
