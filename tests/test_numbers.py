"""What a reported number measures, against what, and whose: rules read from the failures of the unseen
sets (issue 10). Every sentence is quoted from a real abstract, named by its paper's title."""

from __future__ import annotations

import pytest

from generator.extract.numbers import numbers


def _read(sentence: str) -> list[tuple[float, str, str | None, str | None, str | None, bool]]:
    return [(n.high, n.unit, n.metric, n.baseline, n.direction, n.own) for n in numbers(sentence)]


def _baselines(sentence: str) -> list[str | None]:
    return [n.baseline for n in numbers(sentence)]


@pytest.mark.parametrize(("sentence", "expected"), [
    # Latent Spatial Memory for Video World Models (set B): a number glued to a capital is part of a name
    ("Experiments show that latent spatial memory achieves up to 10.57times faster end-to-end video generation and "
     "55times reduction in memory footprint relative to explicit 3D baselines.", "explicit 3D baselines"),
    # S-LoRA (bundled), GORGO (set B): the examples after "such as" are not part of the baseline's name
    ("Compared to state-of-the-art libraries such as HuggingFace PEFT and vLLM (with naive support of LoRA "
     "serving), S-LoRA can improve the throughput by up to 4 times.", "state-of-the-art libraries"),
    # Dynamic Risk Assessments for Offensive Cybersecurity Agents (set D): a dash ends the phrase, and
    # "the baseline" is a baseline
    ("We show that even with a relatively small compute budget (8 H100 GPU Hours in our study), adversaries can "
     "improve an agent's cybersecurity capability on InterCode CTF by more than 40\\% relative to the baseline -- "
     "without any external assistance.", "baseline"),
])
def test_the_baseline_phrase_ends_where_the_name_does(sentence: str, expected: str) -> None:
    assert _baselines(sentence)[-1] == expected
