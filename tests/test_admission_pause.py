"""A query refused for load is answered after a pause, so that a client asking again at once is
refused at most once per pause and cannot take the event loop from documents."""

from __future__ import annotations

import asyncio

import pytest

from sakrad_ld.serving.admission import REFUSAL_PAUSE, RETRY_AFTER, QueryGate, QueueFull


async def _enter(gate: QueryGate) -> None:
    async with gate.admitted():
        pass


def test_a_refusal_for_load_waits_out_its_pause_before_it_is_answered() -> None:
    async def run() -> None:
        gate = QueryGate(1, 0, pause=3600)
        async with gate.admitted():
            refused = asyncio.create_task(_enter(gate))
            for _ in range(10):
                await asyncio.sleep(0)
            assert gate.refused == 1  # counted as refused at once ...
            assert not refused.done()  # ... and answered only after the pause
            refused.cancel()
        quick = QueryGate(1, 0, pause=0)
        async with quick.admitted():
            with pytest.raises(QueueFull, match="try again shortly"):
                await _enter(quick)
        async with quick.admitted():  # a refusal takes no place in the gate
            pass

    asyncio.run(run())


def test_the_pause_is_shorter_than_the_wait_the_client_is_asked_for() -> None:
    assert 0 < REFUSAL_PAUSE < RETRY_AFTER
