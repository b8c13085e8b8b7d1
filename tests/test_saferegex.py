"""Curated patterns are time-bounded, and a sound pattern is never dropped for a stall of the machine."""

from __future__ import annotations

from typing import Any

import pytest

from generator import saferegex
from generator.saferegex import RegexTimeout, compile_curated


@pytest.fixture(autouse=True)
def _forget_runaways():
    """Each test starts with no pattern known as runaway, and leaves none behind."""
    kept = set(saferegex._RUNAWAY)
    saferegex._RUNAWAY.clear()
    yield
    saferegex._RUNAWAY.clear()
    saferegex._RUNAWAY.update(kept)


class Stalling:
    """A compiled pattern whose first ``stalls`` calls run out of time, as on a machine too loaded to
    give the process the CPU; the calls after that run the real pattern."""

    def __init__(self, real: Any, stalls: int) -> None:
        self.real, self.stalls, self.bounds = real, stalls, []

    def _call(self, name: str, text: str, timeout: float) -> Any:
        self.bounds.append(timeout)
        if len(self.bounds) <= self.stalls:
            raise TimeoutError("regex timed out")
        return getattr(self.real, name)(text, timeout=timeout)

    def finditer(self, text: str, timeout: float) -> Any:
        return self._call("finditer", text, timeout)

    def findall(self, text: str, timeout: float) -> Any:
        return self._call("findall", text, timeout)

    def search(self, text: str, timeout: float) -> Any:
        return self._call("search", text, timeout)


TEXT = "Trained on 8 A100 GPUs, it runs on one H100."


def stalled(stalls: int) -> tuple[Any, Stalling]:
    pattern = compile_curated(r"[AH]100", where=("content/vocab/hardware.yml", 3))
    fake = Stalling(pattern._compiled, stalls)
    pattern._compiled = fake
    return pattern, fake


@pytest.mark.parametrize("method", ["finditer", "findall", "search"])
def test_one_stall_is_tried_again_with_a_longer_bound_and_gives_the_same_answer(method):
    """A loaded CI run once dropped a sound signal pattern at its first time-out, and the site came out
    different; the second try, with five times the bound, makes a stall cost a retry, not a pattern."""
    pattern, fake = stalled(1)
    plain = compile_curated(r"[AH]100")
    got, want = getattr(pattern, method)(TEXT), getattr(plain, method)(TEXT)
    if method == "finditer":
        got, want = [m.group() for m in got], [m.group() for m in want]
    elif method == "search":
        got, want = got.group(), want.group()
    assert got == want and got
    assert len(fake.bounds) == 2 and fake.bounds[1] == pytest.approx(saferegex.CONFIRM_FACTOR * fake.bounds[0])


def test_a_pattern_past_both_bounds_is_a_timeout_naming_its_file_and_line():
    pattern, fake = stalled(2)
    with pytest.raises(RegexTimeout) as caught:
        pattern.findall(TEXT)
    assert caught.value.bounded is pattern and pattern.where == ("content/vocab/hardware.yml", 3)
    assert len(fake.bounds) == 2


def test_a_runaway_pattern_still_stops_and_costs_its_bounds_once():
    """Catastrophic backtracking on a short text: stopped by the second bound, about 1 s. The same
    curated text compiled again (another stage, the export's second pass) gives up at once: the
    bad-input case of a runaway vocabulary pattern took 7.9 s when every stage paid both bounds."""
    import time

    runaway = r"(?:.*?e){10}z"  # the taxonomy case of tests/badinput/f06
    with pytest.raises(RegexTimeout):
        compile_curated(runaway).search("e" * 60)
    again = compile_curated(runaway)
    start = time.perf_counter()
    with pytest.raises(RegexTimeout) as caught:
        again.search("e" * 60)
    assert time.perf_counter() - start < 0.1 and caught.value.bounded is again
    assert compile_curated(r"[AH]100").search(TEXT)  # another pattern is not affected
