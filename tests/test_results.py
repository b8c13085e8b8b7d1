"""Results extraction: each pattern and trap, properties on arbitrary text, real abstracts, vocab checks."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import io
from generator.content import ContentFiles
from generator.enrich.results import Cell, enrich, extract, load_vocab, result_label, result_text, table_cells
from generator.extract.numbers import factors, numbers, percentages
from generator.extract.text import sentences
from generator.extract.vocab import Vocab
from generator.model import Fact, Paper, Result
from generator.pipeline import read_sources

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def content() -> ContentFiles:
    return io.read_content(ROOT / "content")


@pytest.fixture(scope="module")
def vocab(content: ContentFiles) -> Vocab:
    found, diags = load_vocab(content)
    assert diags == []
    return found


@pytest.fixture(scope="module")
def papers(content: ContentFiles) -> dict[str, Paper]:
    corpus, _ = read_sources(content)
    return corpus.by_id


def spans(sentence: str) -> list[tuple[str, float, float]]:
    return [(n.kind, n.low, n.high) for n in factors(sentence)]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Our kernel is 2.49× faster than cuBLAS.", [("speedup", 2.49, 2.49)]),
    ("APE can achieve an end-to-end 4.5times speedup.", [("speedup", 4.5, 4.5)]),
    ("Training is 5-40 times faster.", [("speedup", 5.0, 40.0)]),
    ("It reduces bandwidth usage by 3.7-4.3x.", [("reduction", 3.7, 4.3)]),
    ("This gives a 16-fold reduction in memory.", [("reduction", 16.0, 16.0)]),
    ("We obtain up to 3x higher throughput.", [("speedup", 3.0, 3.0)]),
    ("The model is compressed by up to 7.988x compression.", [("compression", 7.988, 7.988)]),
    ("It supports 4x larger batch sizes.", [("other", 4.0, 4.0)]),
    ("Decoding latency drops by 1.8~2.01x.", [("reduction", 1.8, 2.01)]),
    ("It achieves 2.36sim 8.02times inference speed-up.", [("speedup", 2.36, 8.02)]),
    ("We see 10times-1000times improved learning efficiency.", [("other", 10.0, 1000.0)]),
    # UniMoMo (arXiv abstract, LaTeX dashes kept): one range each, not two values
    ("An aggressive two-expert, top-1 operating point obtains ratios of 98.36%--104.24% and speedups of "
     "1.47times--2.21times.", [("speedup", 1.47, 2.21)]),
    ("It improves the sampling speed by up to 1,746times.", [("speedup", 1746.0, 1746.0)]),
    ("It reduces memory by a factor of 16.", [("reduction", 16.0, 16.0)]),
    ("Our method is two-fold faster.", [("speedup", 2.0, 2.0)]),
    ("NeuPIMs achieves 3times, 2.4times and 1.6times throughput improvement.",
     [("speedup", 3.0, 3.0), ("speedup", 2.4, 2.4), ("speedup", 1.6, 1.6)]),
    ("We outperform the baselines by 10-40% on attention, 8times on SSMs, and 14times on linear attention.",
     [("speedup", 8.0, 8.0), ("speedup", 14.0, 14.0)]),
    # set E of tests/labels/unseen: a title-cased "Times"; LaTeX's \sim with its braces kept
    ("TurboDiffusion: Accelerating Video Diffusion Models by 100-200 Times", [("speedup", 100.0, 200.0)]),
    ("Extensive experiments demonstrate that our method outperforms existing sparse attention in quality (\\eg, "
     "84.5 on VBench) and efficiency (\\eg, 1.2{sim}1.3times end-to-end speedup).", [("speedup", 1.2, 1.3)]),
])
def test_factor_patterns(sentence: str, expected: list[tuple[str, float, float]]) -> None:
    assert spans(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "It generates images of a resolution of 1024x1024 in one step.",
    "The block is composed of 3x3 and 1x1 convolutional layers.",
    "On ImageNet 64times64 our model matches larger ones.",
    "We train a 7B model and a 13B model.",
    "We use two 8xA800 nodes and an 8x A100 server.",
    "We evaluate Mixtral 8x7B on a 16x16 grid of tiles.",
    "This work was published in 2019 and extended in 2021.",
    "It reaches 2.36times speed-up compared to 2.32times achieved by DistriFusion.",
    "The literature has mainly focused on modestly reducing the token count (e.g., 5-10times).",
    "We reach a speedup of 50x compared to a speedup of 23x for 32-bit.",
])
def test_traps_are_not_results(sentence: str) -> None:
    found = spans(sentence)
    assert all(low not in (1024, 3, 1, 64, 7, 13, 8, 16, 2019, 2021, 2.32, 5, 23) for _k, low, _h in found), found


def test_an_exponent_is_not_a_factor() -> None:
    """ConceptMoE (set E): "R^2times" is R squared times; the 2 is an exponent, not a 2x reduction."""
    assert numbers("Beyond performance, ConceptMoE reduces attention computation by up to R^2times and KV cache "
                   "by Rtimes.") == []


def test_percentages_need_a_measure() -> None:
    kinds = [(n.kind, n.low, n.what) for n in percentages("LongGen reduces KV cache memory by 62%. Only 5% of us.")]
    assert kinds == [("reduction", 62.0, "memory")]
    accuracy = percentages("FE-Net achieves 75.0% top-1 accuracy on ImageNet.")
    assert [(n.kind, n.low) for n in accuracy] == [("accuracy", 75.0)]
    assert [(n.low, n.high) for n in percentages("It reaches 50-73\\% of the theoretical maximum FLOPs/s.")] == \
        [(50.0, 73.0)]
    ratios = percentages("the checkpoints obtain mean NDCG@10 ratios of 99.92%--102.30% and A100 speedups of 1.28times--1.63times.")
    assert [(n.low, n.high) for n in ratios] == [(99.92, 102.3)]


@pytest.mark.parametrize(("sentence", "value", "metric"), [
    # sets A and B of tests/labels/unseen: real sentences whose scores name no measure next to the value
    ("Beyond improved stability, GMPO-7B outperforms GRPO by an average of 4.1% on multiple mathematical "
     "benchmarks.", 4.1, "accuracy"),
    ("Across mathematics and science benchmarks, PRISM is competitive with or outperforms existing DEEPTHINK "
     "methods, reaching 90.0%, 75.4%, and 71.4% with gpt-oss-20b on AIME25, HMMT25, and GPQA Diamond, "
     "respectively.", 75.4, "accuracy"),
    ("With RADIO as a backbone, AnomalyVFM achieves an average image-level AUROC of 94.1% across 9 diverse "
     "datasets.", 94.1, "accuracy"),
    ("We obtain Phi-mini-MoE (7.6B total, 2.4B activated parameters) using only 400B tokens--less than 10% of the "
     "original model's training data.", 10.0, "data"),
    ("RL training with 128k-token outputs improves the model's performance on AIME2025 from 70.9\\% to 85.1\\%.",
     85.1, "accuracy"),
    # set C of tests/labels/unseen (tuned on from the second extraction session)
    ("Zetta achieves state-of-the-art success on LIBERO-Pro and RoboCasa under our current rollout budget, "
     "reaching 90.8% and 93.6%, with an 11.1x inference speedup; success continues to scale.", 90.8, "accuracy"),
    ("Concretely, Co-RL yields average gains of 3.0-8.6% across seven text-only benchmarks for LLMs and 2.3-7.2% "
     "across four multimodal benchmarks for VLMs.", 2.3, "accuracy"),
    ("Enabling finetuning further lowers latency to 268s with only a 0.09% drop on VBench.", 0.09, "quality"),
    ("Experiments show that OSP-Next achieves a VBench total score of 83.73%, surpassing the Wan2.1 baseline.",
     83.73, "quality"),
    ("Selective Steering achieves 5.5x higher attack success rates than prior methods while maintaining zero "
     "perplexity violations and approximately 100\\% capability retention on standard benchmarks.", 100.0, "accuracy"),
    ("OVD substantially outperforms existing methods, delivering up to +12.9% absolute improvement in average EM "
     "on Web Q&A tasks and a up to +25.7% gain on math benchmarks (when trained with only one random samples).",
     25.7, "accuracy"),
    ("Nemotron-51B achieves a 2.17x inference throughput speedup, fitting on a single NVIDIA H100 GPU while "
     "preserving 98.4% of the original model's capabilities.", 98.4, "accuracy"),
    ("Our experimental results show that this simple strategy can reduce the KV cache size by 50% on language "
     "modelling and needle-in-a-haystack tasks and 90% on passkey retrieval tasks without losing accuracy.",
     90.0, "KV cache"),
    # sets A and B, second pass: a reward is a score, "average gains of" a list of scores, a list goes on
    # after "and by", "temporal extrapolation" stretches the context
    ("On SkillsBench and ALFWorld, GoS improves average reward by 43.6% over the vanilla full skill-loading "
     "baseline while reducing input tokens by 37.8%.", 43.6, "accuracy"),
    ("Furthermore, our derived ReasonFlux-PRM-7B yields consistent performance improvements, achieving average "
     "gains of 12.1% in supervised fine-tuning, 4.5% in reinforcement learning, and 6.3% in test-time scaling.",
     6.3, "accuracy"),
    ("On the introduced CountBench, NUMINA improves counting accuracy by up to 7.4% on Wan2.1-1.3B, and by 4.9% "
     "and 5.5% on 5B and 14B models, respectively.", 5.5, "accuracy"),
    # GenEval scores whether images show what was asked: accuracy, as set B labels it
    ("Mobile-O attains competitive or superior performance, achieving 74% on GenEval and outperforming Show-O "
     "and JanusFlow by 5% and 11%, while running 6x and 11x faster, respectively.", 74.0, "accuracy"),
    # set E: "pass@1" and "Skill^2-Bench" are one word each, not a count ("1", "2") before the measure
    ("Notably, our Skywork-SWE model achieves 38.0% pass@1 accuracy on the SWE-bench Verified benchmark without "
     "using verifiers or multiple rollouts.", 38.0, "accuracy"),
    ("On Qwen3-4B-Instruct and Qwen3-1.7B, Skill-Entropy RL improves the Skill^2-Bench score from 34.4% to 68.4% "
     "and from 14.6% to 40.1%, respectively, outperforming competitive baselines.", 40.1, "accuracy"),
])
def test_percentages_take_their_measure_from_their_own_words(sentence: str, value: float, metric: str) -> None:
    found = {n.low: n.metric for n in percentages(sentence)}
    assert found.get(value) == metric, found


@pytest.mark.parametrize(("sentence", "kind", "names"), [
    ("We quantize weights to 4-bit and activations to INT8, and compare FP8 and FP6.", "bits",
     ["4-bit", "INT8", "FP8", "FP6"]),
    ("Our W4A16 kernels beat W4A4KV4 ones; ternary and binary neural networks too.", "bits",
     ["W4A16", "W4A4KV4", "ternary", "binary"]),
    ("We curate D-RE10K-iPhone, a paired benchmark, and run on an iPhone 15 Pro.", "hardware", ["iPhone 15 Pro"]),
    ("Measured on an A100-80GB, two 8xA800 nodes, a Jetson Orin and Cloud TPUv3 cores.", "hardware",
     ["A100", "A800", "Jetson Orin", "TPUv3"]),
    ("We run on Arm CPUs, a Snapdragon 888, an RTX 4090 and Xilinx FPGAs.", "hardware",
     ["Arm CPU", "Snapdragon 888", "RTX 4090", "FPGA"]),
    ("Results on ImageNet-1k, MS-COCO, GLUE, LongBench and WikiText-2.", "dataset",
     ["ImageNet", "COCO", "GLUE", "LongBench", "WikiText-2"]),
    ("We fine-tune LLaMA-2 7B, Vicuna-13B, 175B GPT-3 and ResNet-50.", "model",
     ["LLaMA-2 7B", "Vicuna 13B", "GPT-3 175B", "ResNet-50"]),
    ("A LLaMa-like transformer and a GPT-3 style model.", "model", []),
    ("Binary search and binary classification are not formats.", "bits", []),
])
def test_vocabulary_names(vocab: Vocab, sentence: str, kind: str, names: list[str]) -> None:
    assert [name for _s, _e, name in vocab.find(kind, sentence)] == names


def test_urls_are_not_evidence(vocab: Vocab) -> None:
    found = extract("T", "Code: https://github.com/locuslab/llava-token-compression-4x.", vocab)
    assert found == type(found)()


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789.,-~x×X% ABab()timesfoldbit:;\n")) | st.characters(),
               max_size=300))
def test_extraction_properties(text: str) -> None:
    vocab, _ = load_vocab(io.read_content(ROOT / "content"))
    found = extract("A title: " + text[:40], text, vocab)
    for r in found.results:
        assert r.quote in ("A title: " + text[:40]) or r.quote in text
        assert r.low <= r.high
        assert r.unit in ("x", "%")
    for f in found.facts:
        assert f.quote in text or f.quote in "A title: " + text[:40]


@given(st.text(max_size=200))
def test_sentences_are_substrings(text: str) -> None:
    for start, sentence in sentences(text):
        assert text[start:start + len(sentence)] == sentence


def test_real_abstract_cachegen(vocab: Vocab, papers: dict[str, Paper]) -> None:
    paper = next(p for pid, p in papers.items() if pid.startswith("cachegen-fast-context-loading"))
    found = extract(paper.title, paper.abstract, vocab)
    xs = [(r.kind, r.low, r.high) for r in found.results if r.unit == "x"]
    assert ("reduction", 3.7, 4.3) in xs and ("reduction", 2.7, 3.0) in xs
    for r in found.results:
        assert r.quote in (paper.abstract or "")


def test_real_abstract_traps(vocab: Vocab, papers: dict[str, Paper]) -> None:
    """FastVLM: a 1152times1152 resolution next to real 3.2x/85x/3.4x claims."""
    paper = papers["fastvlm-efficient-vision-encoding-for-vision-1912"]
    found = extract(paper.title, paper.abstract, vocab)
    assert [(r.kind, r.high) for r in found.results if r.unit == "x"] == \
        [("speedup", 3.2), ("speedup", 85.0), ("reduction", 3.4)]
    assert {f.value for f in found.facts if f.kind == "dataset"} == {"SeedBench", "MMMU"}


def test_enrich_fills_papers(content: ContentFiles) -> None:
    corpus, _ = read_sources(content)
    enriched, diags = enrich(corpus, content)
    assert diags == []
    with_results = [p for p in enriched.papers if p.results]
    assert len(with_results) > 150
    for paper in enriched.papers:
        assert list(paper.hardware) == sorted(set(paper.hardware))
        assert set(paper.datasets) == {f.value for f in paper.facts if f.kind == "dataset"}
    again, _ = enrich(corpus, content)
    assert again.papers == enriched.papers  # deterministic


def test_table_cells() -> None:
    quote = "q"
    paper = Paper(
        id="p", title="t", abstract=None, sources=(),
        results=(Result("speedup", 3.7, 4.3, "x", quote), Result("speedup", 2.0, 2.0, "x", quote),
                 Result("reduction", 62.0, 62.0, "%", quote, what="memory"), Result("other", 4, 4, "x", quote)),
        facts=(Fact("bits", "INT8", quote), Fact("bits", "4-bit", quote), Fact("hardware", "A100", quote)),
    )
    cells = table_cells(paper)
    assert [(c.text, c.anchor) for c in cells["Speedup ×"]] == [("2×", "result-2"), ("3.7–4.3×", "result-1")]
    assert [c.text for c in cells["Memory %"]] == ["62% less"]  # a note's value: kind and "what" suffice
    assert [(c.text, c.anchor) for c in cells["Bits"]] == [("4-bit", "fact-2"), ("INT8", "fact-1")]
    assert cells["Hardware"] == [Cell("A100", 0.0, 3, "fact")]
    assert cells["Datasets"] == [] and cells["Memory ×"] == []
    assert result_text(Result("speedup", 1746, 1746, "x", quote)) == "1,746×"


def test_a_curated_speedup_with_its_own_words_is_a_speedup() -> None:
    """A note's value names its kind and a free "what" ("attention vs. FlashAttention", FlashAttention-2's
    note), never a metric: a speedup is then a speed factor, shown as one in the table."""
    paper = Paper(id="p", title="t", abstract=None, sources=(), results=(
        Result("speedup", 2, 2, "x", "These yield around 2× speedup compared to FlashAttention", verified=True,
               what="attention vs. FlashAttention"),))
    assert [(c.text, c.anchor) for c in table_cells(paper)["Speedup ×"]] == [("2×", "result-1")]


def test_a_topic_table_leaves_out_the_columns_no_paper_fills() -> None:
    """Eleven value columns on a topic where papers report only speedups and hardware made every row a
    column of blanks (the bundled Efficient attention had an empty Datasets column on all 15 rows)."""
    from generator.model import Corpus
    from generator.views import Views

    q = "q"
    fast = Paper(id="a", title="a", abstract=None, sources=(),
                 results=(Result("speedup", 2, 2, "x", q, metric="speed", direction="gain"),),
                 facts=(Fact("hardware", "A100", q),))
    bare = Paper(id="b", title="b", abstract=None, sources=())
    views = Views.build(Corpus(papers=(fast, bare)))
    columns, rows = views.table([fast, bare])
    assert columns == [("Speedup ×", True), ("Hardware", False)]
    assert [p.id for p, _ in rows] == ["a", "b"] and rows[0][1] == table_cells(fast)
    assert views.table([bare]) == ([], [(bare, table_cells(bare))])


def test_table_columns_keep_factors_percentages_and_accuracy_apart() -> None:
    """Factors and percentages never share a column; percentages of speed sort by the share of time saved
    whatever their wording; values quoted from others stay off the table; unsure ones carry "?"."""
    q = "q"
    paper = Paper(id="p", title="t", abstract=None, sources=(), results=(
        Result("speedup", 3.0, 3.0, "x", q, metric="latency", direction="gain"),
        Result("other", 29.0, 29.0, "%", q, metric="speed", direction="gain"),  # 29% faster: 22.5% of time saved
        Result("reduction", 6.3, 6.3, "%", q, metric="time", direction="reduction", share=True),  # 93.7% saved
        Result("reduction", 20.0, 20.0, "%", q, metric="latency", direction="reduction"),
        Result("reduction", 3.4, 3.4, "x", q, metric="model size", direction="reduction"),
        Result("other", 2.2, 2.2, "%", q, metric="accuracy", direction="reduction"),
        Result("accuracy", 80.4, 80.4, "%", q, metric="accuracy"),
        Result("speedup", 2.0, 4.0, "x", q, metric="speed", own=False),  # the prior work's
        Result("speedup", 5.0, 5.0, "x", q, metric="speed", direction="gain", confidence="unsure"),
    ))
    cells = table_cells(paper)
    assert [c.text for c in cells["Speedup ×"]] == ["3× latency", "5×?"]
    assert [(c.text, round(c.sort, 1)) for c in cells["Speedup %"]] == [
        ("20% less latency", 20.0), ("29% faster", 22.5), ("6.3% of time", 93.7)]
    assert [c.text for c in cells["Memory ×"]] == ["3.4× size"]
    assert [(c.text, c.sort) for c in cells["Accuracy"]] == [("80.4%", -1000.0), ("−2.2%", -2.2)]
    assert all("2–4" not in c.text for column in cells.values() for c in column)


def test_result_labels_say_measure_baseline_and_share() -> None:
    q = "q"
    assert result_label(Result("speedup", 85, 85, "x", q, metric="latency", baseline="LLaVa-OneVision",
                               direction="gain")) == "speedup in latency, vs. LLaVa-OneVision"
    assert result_label(Result("speedup", 2, 2, "x", q, metric="speed", direction="gain")) == "speedup"
    assert result_label(Result("reduction", 1, 1, "%", q, metric="cost", baseline="MovieGen", direction="reduction",
                               share=True)) == "share of cost, vs. MovieGen"
    assert result_label(Result("other", 2.2, 2.2, "%", q, metric="accuracy", direction="reduction")) == \
        "decrease in accuracy"


def _vocab_diags(text: str) -> list[str]:
    _vocab, diags = load_vocab(ContentFiles({"vocab/hardware.yml": text}))
    return [str(d) for d in diags]


def test_vocab_diagnostics_have_lines() -> None:
    text = "\n".join([
        "# comment",
        "- name: A100",
        "  patterns: ['A100(']",
        "- name: A100",
        "- name: X",
        "  aliases: notalist",
        "  colour: red",
        "- just a string",
        "- name: Y{1}",
        "  patterns: ['Y']",
        "- name: Z",
        "  sized: maybe",
        "- name: E",
        "  patterns: ['(?:)?']",
    ])
    diags = _vocab_diags(text)
    assert any(d.startswith("content/vocab/hardware.yml:3: error[vocab-regex]") for d in diags), diags
    assert any(d.startswith("content/vocab/hardware.yml:4: error[vocab-duplicate]") for d in diags), diags
    assert any(d.startswith("content/vocab/hardware.yml:6: error[vocab-schema]") for d in diags), diags
    assert any(d.startswith("content/vocab/hardware.yml:7: warning[vocab-unknown-key]") for d in diags), diags
    assert any(d.startswith("content/vocab/hardware.yml:8: error[vocab-schema]") for d in diags), diags
    assert any(d.startswith("content/vocab/hardware.yml:10: error[vocab-regex]") for d in diags), diags
    assert any(d.startswith("content/vocab/hardware.yml:12: error[vocab-schema]") for d in diags), diags
    assert any(d.startswith("content/vocab/hardware.yml:14: error[vocab-regex]") for d in diags), diags
    assert _vocab_diags("key: value\n") == ["content/vocab/hardware.yml:1: error[vocab-schema]: "
                                            "expected a list of entries (- name: ...)"]
    assert _vocab_diags("- name: [unclosed\n")[0].startswith("content/vocab/hardware.yml:")


def test_bundled_vocab_is_clean(content: ContentFiles) -> None:
    _vocab, diags = load_vocab(content)
    assert [str(d) for d in diags] == []


# ---- what each value measures, against what, and whose (issue 10); sentences quoted from bundled abstracts


def _read(sentence: str) -> list[tuple[float, str, str | None, str | None, str | None, bool]]:
    return [(n.high, n.unit, n.metric, n.baseline, n.direction, n.own) for n in numbers(sentence)]


@pytest.mark.parametrize(("sentence", "expected"), [
    # each value takes the measure of its own clause, not its neighbour's
    ("DeepSpeed Inference reduces latency by up to 7.3X over the state-of-the-art for latency-oriented "
     "scenarios and increases throughput by over 1.5x for throughput-oriented scenarios.",
     [(7.3, "x", "latency", "state-of-the-art", "reduction", True), (1.5, "x", "throughput", None, "gain", True)]),
    ("Compared to LLaVa-OneVision at the highest resolution (1152times1152), FastVLM achieves comparable "
     "performance on key benchmarks like SeedBench and MMMU, using the same 0.5B LLM, but with 85times faster TTFT "
     "and a vision encoder that is 3.4times smaller.",
     [(85.0, "x", "latency", "LLaVa-OneVision", "gain", True),
      (3.4, "x", "model size", "LLaVa-OneVision", "reduction", True)]),
    # "outperforms X by N and Y by M": each value has its own baseline
    ("Furthermore, at the inference level, GQSA outperforms W2 by 1.26times and 2:4 pruning by 2.35times in "
     "terms of speed.",
     [(1.26, "x", "speed", "W2", "gain", True), (2.35, "x", "speed", "2:4 pruning", "gain", True)]),
    # a list shares what its last item says; "respectively" hands out measures one by one
    ("For certain networks, we demonstrate an improvement of up to 4.80x and 3.44x for latency and model size "
     "respectively, without degradation in accuracy compared to the fully quantized INT8 baselines.",
     [(4.8, "x", "latency", "fully quantized INT8 baselines", "gain", True),
      (3.44, "x", "model size", "fully quantized INT8 baselines", "gain", True)]),
    ("Aggregating all techniques, Flex finally delivers huge speedup at any scale -- 4.96x and 5.75x speedup of a "
     "single MoE layer over 16 and 2,048 A100 GPUs, respectively, over the previous state-of-the-art.",
     [(4.96, "x", "speed", "previous state-of-the-art", "gain", True),
      (5.75, "x", "speed", "previous state-of-the-art", "gain", True)]),
    # a share of a cost is a reduction; "model FLOPs utilization" is utilization, not compute
    ("DI*-SDXL-1step model uses only 1.88% inference time and 29.30% GPU memory cost to outperform 12B "
     "FLUX-dev-50step significantly in PickScore, ImageReward, and CLIPScore on Parti prompt benchmark.",
     [(1.88, "%", "time", None, "reduction", True), (29.3, "%", "memory", None, "reduction", True)]),
    ("We empirically validate that when used end-to-end to train GPT-style models, FlashAttention-2 reaches "
     "training speed of up to 225 TFLOPs/s per A100 GPU (72\\% model FLOPs utilization).",
     [(72.0, "%", "utilization", None, None, True)]),
    # the baseline's own numbers are kept, as not this paper's
    ("As a result, PCPP decreases the communication cost by around 70% compared to DistriFusion (the state of the "
     "art implementation of PP) and achieves 2.36sim 8.02times inference speed-up using 4sim 8 GPUs compared to "
     "2.32sim 6.71times achieved by DistriFusion.",
     [(70.0, "%", "bandwidth", "DistriFusion", "reduction", True), (8.02, "x", "speed", None, "gain", True),
      (6.71, "x", "speed", None, "gain", False)]),
    # an inverted comparison: the subject is the baseline
    ("Third, in terms of wall-clock time, PPO is about twice as slow as ReMax per iteration.",
     [(2.0, "x", "time", "PPO", "gain", True)]),    # set C: the computation is what got faster; a FLOP is compute
    ("We demonstrate up to 13.5x acceleration in attention computation.",
     [(13.5, "x", "speed", None, "gain", True)]),
    ("On LLaVA-NeXT-7B, it achieves up to 6.8x prefill speedup and 10x FLOP reduction, while retaining 96.88% of "
     "the original performance.",
     [(6.8, "x", "speed", None, "gain", True), (10.0, "x", "compute", None, "reduction", True),
      (96.88, "%", "accuracy", None, None, True)]),    ("Flux Attention achieves a superior trade-off between performance and inference speed compared with "
     "baseline models, with speed improvements of up to 2.8times and 2.0times in the prefill and decode stages.",
     [(2.8, "x", "speed", None, "gain", True), (2.0, "x", "speed", None, "gain", True)]),
    ("It achieves a bounded KV cache of just 4 GB and enables a remarkable 24x temporal extrapolation (5s to 120s).",
     [(24.0, "x", "context length", None, "gain", True)]),
    # set D (read after its unseen run): rivals' scores in brackets are theirs; an aside between dashes
    # is not the subject; a bracketed condition and the next value's bracket name no measure;
    # GPU-time is compute; "exceeds" gains; "shorter" reduces
    ("In common sense reasoning, fine-tuning LLama 7B on MNLI with SingLoRA achieves 91.3% accuracy - surpassing "
     "LoRA (89.1%) and LoRA+ (90.2%) - while using only 60% of their parameter budget.",
     [(91.3, "%", "accuracy", None, "gain", True), (89.1, "%", "accuracy", None, "gain", False),
      (90.2, "%", None, None, "gain", False), (60.0, "%", "parameters", "LoRA", "reduction", True)]),
    ("Notably, Grass enables half-precision pretraining of a 13B parameter LLaMA model on a single 40GB A100 "
     "GPU--a feat infeasible for previous methods--and yields up to a 2times throughput improvement on an 8-GPU "
     "system.", [(2.0, "x", "throughput", None, "gain", True)]),
    ("Step 3.5 Flash demonstrates strong performance across agent, coding, and math tasks, achieving 88.2% on "
     "tau2-Bench, 69.0% on BrowseComp (with context management), and 51.0% on Terminal-Bench 2.0.",
     [(88.2, "%", "accuracy", None, None, True), (69.0, "%", "accuracy", None, None, True),
      (51.0, "%", "accuracy", None, None, True)]),
    ("On VBench-I2V at 2K resolution, SwiftI2V achieves performance comparable to end-to-end baselines while "
     "reducing total GPU-time by 202x.", [(202.0, "x", "compute", "end-to-end baselines", "reduction", True)]),
    ("On MemBench, EvolveMem exceeds the strongest baseline by 18.9% relative.",
     [(18.9, "%", "accuracy", "strongest baseline", "gain", True)]),
    ("Apriel-Reasoner improves over Apriel-Base on AIME 2025, GPQA, MMLU-Pro, and LiveCodeBench while producing "
     "30-50% shorter reasoning traces.", [(50.0, "%", "tokens", None, "reduction", True)]),
    # a speedup gains whatever an earlier clause dropped; "performance of OSP-Next" at the end of the
    # sentence is the paper's summary, not a baseline (and a phrase is never cut inside a word)
    ("In addition, with only a 0.4% drop in VBench total score, OSP-Next-HiF8 achieves 1.69times and 2.27times "
     "speedups under the two settings on a single Ascend 950PR, demonstrating the efficiency and performance of "
     "OSP-Next across hardware platforms.",
     [(0.4, "%", "quality", None, "reduction", True), (1.69, "x", "speed", None, "gain", True),
      (2.27, "x", "speed", None, "gain", True)]),
])
def test_values_know_their_measure_and_baseline(sentence: str, expected: list[tuple[object, ...]]) -> None:
    assert _read(sentence) == expected


# Daily papers in no labelled set (the dev pool; arXiv ids given) where the bundled abstracts have no example.
def _full(sentence: str) -> list[tuple[float, str, str | None, str | None, bool, bool]]:
    return [(n.high, n.unit, n.metric, n.baseline, n.own, n.share) for n in numbers(sentence)]


@pytest.mark.parametrize(("sentence", "expected"), [
    # "beats X by N%" without a measure: task performance, or speed in a systems abstract (bundled)
    ("Our direct Convolution algorithm reduces memory overhead proportionally to the number of input channels and "
     "outperforms the GEMM-based algorithm by up to 62% on convolution parameters which involve im2col "
     "transformations.",
     [(62.0, "%", "speed", "GEMM-based algorithm", True, False)]),
    ("WPO not only outperforms Direct Preference Optimization (DPO) by up to 5.6% on Alpaca Eval 2 but also "
     "establishes a remarkable length-controlled winning rate.",  # 2406.11827
     [(5.6, "%", "accuracy", "Direct Preference Optimization", True, False)]),
    # a score in brackets after a benchmark (2408.08152)
    ("achieving new state-of-the-art results on the test set of the high school level miniF2F benchmark (63.5%) "
     "and the undergraduate level ProofNet benchmark (25.3%).",
     [(63.5, "%", "accuracy", None, True, False), (25.3, "%", "accuracy", None, True, False)]),
    # "from X% to Y%": the first is where it started, the second a level reached, not a share (2406.07496)
    ("Without modifying the framework, TextGrad improves the zero-shot accuracy of GPT-4o in Google-Proof Question "
     "Answering from 51% to 55%, yields 20% relative performance gain in optimizing LeetCode-Hard coding problem "
     "solutions.",
     [(51.0, "%", "accuracy", None, False, False), (55.0, "%", "accuracy", None, True, False),
      (20.0, "%", "accuracy", None, True, False)]),
    # a bracket restates the value before it (2502.09601)
    ("Applying this method to QwQ-32B-Preview, reducing reasoning chains on GSM8K from 741 to 225 tokens with a "
     "minor performance drop (95.07% to 94.92%) and on AIME from 6827 to 4629 tokens.",
     [(95.07, "%", "accuracy", None, False, False), (94.92, "%", "accuracy", None, True, False)]),
    # a benchmark named up front; "+a% and +b%" is a list against the rival before it (2501.04519)
    ("On the MATH benchmark, it improves Qwen2.5-Math-7B from 58.8% to 90.0% and Phi3-mini-3.8B from 41.4% to "
     "86.4%, surpassing o1-preview by +4.5% and +0.9%.",
     [(58.8, "%", "accuracy", None, False, False), (90.0, "%", "accuracy", None, True, False),
      (41.4, "%", "accuracy", None, False, False), (86.4, "%", "accuracy", None, True, False),
      (4.5, "%", "accuracy", "o1-preview", True, False), (0.9, "%", "accuracy", "o1-preview", True, False)]),
    # across "while", the rival the clause before it names (2407.01492, 2502.18600)
    # a budget is a head noun: the compute budget is compute, as a parameter budget is parameters
    ("Our method achieves results that match or surpass DoReMi, while utilizing only 10% of the compute budget.",
     [(10.0, "%", "compute", "DoReMi", True, True)]),
    ("CoD matches or surpasses CoT in accuracy while using as little as only 7.6% of the tokens, significantly "
     "reducing cost and latency across various reasoning tasks.",
     [(7.6, "%", "tokens", "CoT", True, True)]),
    # a closing bracket is not part of the baseline (2410.05167)
    ("The combined distillation method accelerates our base model by 10-18x (230/435ms latency for 32 second "
     "mono/stereo 44.1kHz, 15x faster than comparable SOTA).",
     [(18.0, "x", "speed", None, True, False), (15.0, "x", "speed", "comparable SOTA", True, False)]),
    # set B (MolmoWeb): a value listed right after a baseline's value is the baseline's too; "pass@4" is
    # one word, so the scores say what they measure
    ("We further demonstrate consistent gains through test-time scaling via parallel rollouts with best-of-N "
     "selection, achieving 94.7% and 60.5% pass@4 (compared to 78.2% and 35.3% pass@1) on WebVoyager and "
     "Online-Mind2Web respectively.",
     [(94.7, "%", "accuracy", None, True, False), (60.5, "%", "accuracy", None, True, False),
      (78.2, "%", "accuracy", None, False, True), (35.3, "%", "accuracy", None, False, False)]),
    # set E (read after its unseen run), what a value measures: "cheaper" is cost; an overhead nothing
    # names is a cost (also set D's "marginal overhead (<10%)"); the length of a written text and
    # shorter outputs are tokens, not context; "computational complexity" is compute, and a clause's
    # far-off measure holds for both values after it
    ("Creating SERA models is 26x cheaper than reinforcement learning and 57x cheaper than previous synthetic data "
     "methods to reach equivalent performance.",
     [(26.0, "x", "cost", "reinforcement learning", True, False),
      (57.0, "x", "cost", "previous synthetic data methods", True, False)]),
    ("We present KVServe, the first service-aware and adaptive KV communication compression framework for "
     "disaggregated LLM serving: KVServe (1) unifies KV compression into a modular strategy space with new "
     "components and cross-method recomposition; (2) introduces Bayesian Profiling Engine that efficiently searches "
     "this space and distills a 3D Pareto candidate set, reducing 50times offline search overhead; and (3) deploys "
     "a Service-Aware Online Controller.",
     [(50.0, "x", "cost", None, True, False)]),
    ("Our method enables faster training of student models with marginal overhead (<10%) compared to "
     "cross-entropy based training, while maintaining competitive performance compared to full distillation.",
     # the overhead of training is its time (set J: Latent Distilling); set D's label takes time, compute or cost
     [(10.0, "%", "time", "cross-entropy based training", True, False)]),
    ("Two teachers, Qwen3.5-397B-A17B and gpt-oss-120B, generate about 283k correct traces each; two "
     "instruction-tuned models then compress them to 8.6-21.0% of their original character length.",
     [(21.0, "%", "tokens", None, True, True)]),
    ("Across a 48-run main grid plus seven Qwen-teacher truncation ablations, compressed traces reduce training "
     "tokens to 12-30% of raw, speed up training by 2.0-7.6x, and shorten inference outputs by 3-19x with smaller "
     "reductions under the shorter gpt-oss teacher.",
     [(30.0, "%", "tokens", None, True, True), (7.6, "x", "speed", None, True, False),
      (19.0, "x", "tokens", None, True, False)]),
    ("Experimental results show that PT-DiT achieves competitive performance while reducing the computational "
     "complexity in both image and video generation tasks (e.g., a 48% reduction compared to DiT and a 35% "
     "reduction compared to Pixart-alpha).",
     [(48.0, "%", "compute", "DiT", True, False), (35.0, "%", "compute", "Pixart-alpha", True, False)]),
    # bundled abstracts the rules above touch: an overhead named by the clause takes that measure
    # (GNNPipe), "as fast as" is speed (ConvFirst), "recall@1" is one accuracy word (SPANN)
    ("Extensive experiments show that our method reduces the per-epoch training time by up to 2.45x (on average "
     "1.58x) and reduces the communication volume and overhead by up to 22.89x and 27.21x (on average 8.69x and "
     "11.60x), respectively, while achieving a comparable level of model accuracy and convergence speed compared "
     "to graph parallelism.",
     [(2.45, "x", "time", None, True, False), (1.58, "x", None, None, True, False),
      (22.89, "x", "bandwidth", None, True, False), (27.21, "x", "bandwidth", None, True, False),
      (8.69, "x", "bandwidth", None, True, False),
      (11.6, "x", "bandwidth", None, True, False)]),
    ("Our ConvFirst model with block-fusion kernels has less arithmetic complexity and greater computational "
     "efficiency than baseline models and kernels, and ran approximately four times as fast as ConvNeXt.",
     [(4.0, "x", "speed", None, True, False)]),
    ("It can reach 90% recall@1 and recall@10 in just around one millisecond with only 32GB memory cost.",
     [(90.0, "%", "accuracy", None, True, False)]),
    # set E, scores: a sentence that opens on a "...Bench" benchmark reports scores; a score's
    # abbreviation may stand between the value and its benchmark ("66.2% SR on R2R-CE"); a points gain
    # restated relative in brackets is a score's gain
    ("On MLE-Bench Lite under a 12-hour per-task budget on one RTX 4090 capped at 12 GB VRAM, Frontis-MA1 (35B) "
     "improves Medal Average from 39.39% to 60.61% over its base model with OpenMLE-Evo, and reaches 71.21% with "
     "OpenMLE-Evo-Max (benchmark-independent experience priors and asynchronous search), exceeding GPT-5.5 + "
     "Codex.",
     [(39.39, "%", "accuracy", None, False, False), (60.61, "%", "accuracy", None, True, False),
      (71.21, "%", "accuracy", None, True, False)]),
    ("On held-out NatureBench Lite, both components transfer: with the framework fixed, swapping in the trained "
     "model raises Match-SOTA from 50% to 70%; with the model fixed, swapping in OpenMLE-Evo raises it from 20% "
     "to 50%.",
     [(50.0, "%", "accuracy", None, False, False), (70.0, "%", "accuracy", None, True, False),
      (20.0, "%", "accuracy", None, False, False), (50.0, "%", "accuracy", None, True, False)]),
    ("Experiments demonstrate that TAMP-Nav achieves state-of-the-art performance (e.g., 66.2% SR on R2R-CE) with "
     "high runtime and sample efficiency (requiring only 90k training trajectories).",
     [(66.2, "%", "accuracy", None, True, False)]),
    ("ReToken yields consistent gains across image and video benchmarks: on Visual Haystacks it improves "
     "Qwen3VL-8B by 13.4 points and InternVL3.5 by 12.4 points (>20% relative), and on LVBench it transfers "
     "zero-shot to long video for an 8.0-point gain with Qwen3VL-8B.",
     [(20.0, "%", "accuracy", None, True, False)]),
    # set E, against what: the rival named just before "with" the value (and the values listed with it,
    # "~20x ... and ~20x"); a share of what a rival spends ("of the training compute used by Z-Image")
    ("On segment anything image tasks, our EfficientTAMs also perform favorably over original SAM with ~20x "
     "speedup on A100 and ~20x parameter reduction.",
     [(20.0, "x", "speed", "original SAM", True, False), (20.0, "x", "parameters", "original SAM", True, False)]),
    ("For example, Lens requires only about 19.3% of the training compute used by Z-Image.",
     [(19.3, "%", "compute", "Z-Image", True, True)]),
])
def test_values_read_from_their_neighbourhood(sentence: str, expected: list[tuple[object, ...]]) -> None:
    assert _full(sentence) == expected


def test_a_name_starting_with_kv_is_not_the_kv_cache() -> None:
    """KVServe (set E): the method's name, read from afar, is not a KV cache measure."""
    found = numbers("KVServe (2) introduces Bayesian Profiling Engine that efficiently searches this space and "
                    "distills a 3D Pareto candidate set, reducing 50times offline search overhead.")
    assert [(n.high, n.metric) for n in found] == [(50.0, "cost")]
    assert [n.metric for n in numbers("It reduces the KV cache by 4x and KV-caches by 2x.")] == ["KV cache", "KV cache"]


def test_counted_words_are_not_factors() -> None:
    """ReMax: "threefold advantages" counts advantages; "threefold speedup" is a factor."""
    assert numbers("ReMax offers threefold advantages over PPO: first, it is simple to implement.") == []
    assert [(n.high, n.kind) for n in numbers("This results in a threefold on-device speedup.")] == [(3.0, "speedup")]


def test_prior_work_in_the_motivation_is_not_the_papers(vocab: Vocab, papers: dict[str, Paper]) -> None:
    """FlashAttention-2 quotes FlashAttention's 2-4x and 25-40% before describing its own 2x and 50-73%."""
    paper = papers["flashattention-2-faster-attention-with-better-c4c4"]
    found = extract(paper.title, paper.abstract, vocab)
    assert [(r.low, r.high, r.own) for r in found.results] == [
        (2.0, 4.0, False), (25.0, 40.0, False), (2.0, 2.0, True), (50.0, 73.0, True), (72.0, 72.0, True)]
    mine = [r for r in found.results if r.own]
    assert [(r.metric, r.baseline) for r in mine] == [("speed", "FlashAttention"), ("utilization", None),
                                                      ("utilization", None)]


def test_extraction_is_linear_in_the_text(vocab: Vocab) -> None:
    """One 200 KB abstract took 198 s: every value re-scanned the text before it. Eight times the text
    must cost about eight times the work, not sixty-four."""
    import time

    unit = "It reduces latency by 2.4x and memory by 62%, achieving 3x throughput over vLLM on A100 GPUs, "

    def cost(n: int) -> float:  # CPU time of this process: other jobs on a shared machine do not count
        start = time.process_time()
        extract("T", unit * n, vocab)
        return time.process_time() - start

    small, large = min(cost(100) for _ in range(3)), min(cost(800) for _ in range(2))
    assert large < 24 * small, (small, large)


# ---- hardware by pattern families (issue 10). Quotes from bundled abstracts and, where the bundled
# set has no example of a family, from Hugging Face daily papers of 2024-06..2025-06 that are in no
# labelled set (arXiv id given).


@pytest.mark.parametrize(("sentence", "names"), [
    # glued and spaced counts name the device (2410.18533, 2406.16793)
    ("By training with only 0.3B data on a single 8timesA800 GPU machine for 16 hours, LOGO allows the "
     "Llama-3-8B-Instruct model", ["A800"]),
    ("Adam-mini achieves 49.6% higher throughput than AdamW when pre-training Llama2-7B on 2times A800-80GB GPUs",
     ["A800"]),
    # a budget in a device's unit is not the device (2504.08685, 2408.12590)
    ("called Seaweed-7B trained from scratch using 665,000 H100 GPU hours.", []),
    ("Training the VidVAE and DiT models required approximately 40 and 642 H100 days, respectively.", []),
    # what the budget is spent on may stand between (set H: Pyramidal Flow Matching); time spent on named devices
    # names them (set H: Diffusion as Shader, NanoQuant)
    ("supports generating high-quality 5-second (up to 10-second) videos at 768p resolution and 24 FPS within 20.7k "
     "A100 GPU training hours.", []),
    ("With just 3 days of fine-tuning on 8 H800 GPUs using less than 10k videos, DaS demonstrates strong control "
     "capabilities across diverse tasks", ["H800"]),
    ("it compresses Llama2-70B by 25.8times in just 13 hours on a single H100, enabling a 70B model to operate on a "
     "consumer 8 GB GPU.", ["H100"]),
    # laptop GPUs and Apple silicon (2411.05007, 2407.00088; kv-prediction is bundled)
    ("achieving 3.0times speedup over the 4-bit weight-only quantized baseline on the 16GB laptop 4090 GPU",
     ["RTX 4090 Laptop"]),
    ("71 tokens/s with eight cores on M2-Ultra, and 11 tokens/s on lower-end devices like Raspberry Pi 5",
     ["Apple M2 Ultra", "Raspberry Pi 5"]),
    ("Additionally, we benchmark models on an Apple M2 Pro CPU and demonstrate that our improvement in FLOPs",
     ["Apple M2 Pro"]),
    # an Apple desktop by name (set H: CADENCE)
    ("All experiments run on a single Apple Mac Studio (M-series, 64GB unified memory), showing principled "
     "distillation", ["Mac Studio"]),
    # boards by name (BottleFit, Efficient N:M sparse DNN training, PP-MobileSeg: bundled)
    ("running on an NVIDIA Jetson Nano board (GPU-based) and a Raspberry PI board (GPU-less).",
     ["Jetson Nano", "Raspberry Pi"]),
    ("the effectiveness of our training scheme is evaluated on a Xilinx VCU1525 FPGA card", ["VCU1525", "FPGA"]),
    # a vendor's model number named as an FPGA (set E: LUT-LLM)
    ("Implemented on an AMD V80 FPGA for a customized Qwen 3 1.7B model, LUT-LLM achieves 1.66x lower latency than "
     "AMD MI210 and 1.72x higher energy efficiency than NVIDIA A100", ["V80", "FPGA", "MI210", "A100"]),
    ("with 32.9% fewer parameters and 42.3% faster acceleration on Qualcomm Snapdragon 855.", ["Snapdragon 855"]),
    # named supercomputers, not "frontier models" (bundled: Optimizing Distributed Training on Frontier,
    # Scaling Large Language Model Training on Frontier, Large Language Monkeys)
    ("to facilitate training a trillion-parameter model on Frontier.", ["Frontier"]),
    ("our work is also the first effort to efficiently optimize LLM workloads on Frontier AMD GPUs.", ["Frontier"]),
    ("outperforming the single-attempt state-of-the-art of 43% which uses more capable frontier models.", []),
    ("we achieved 100% weak scaling efficiency on 1024 and 3072 MI250X GPUs, respectively.", ["MI250X"]),
    # a method named Galaxy is not a phone (TPI-LLM, bundled)
    ("over 90% compared to Transformers and Galaxy, while cutting the peak memory footprint", []),
    # a second model number that drops the family name (set A: Pangu Pro MoE); model numbers with two
    # letters (set C: OSP-Next); a device's name in a list of datasets is a dataset (set B: RGB-Only
    # Supervised Camera Parameter Optimization)
    ("The configuration of Pangu Pro MoE is optimized for Ascend 300I Duo and 800I A2 through extensive system "
     "simulation studies.", ["Ascend 300I Duo", "Ascend 800I A2"]),
    ("OSP-Next-HiF8 achieves 1.69times and 2.27times speedups under the two settings on a single Ascend 950PR",
     ["Ascend 950PR"]),
    ("We perform experiments on 4 real-world datasets (NeRF-DS, DAVIS, iPhone, and TUM-dynamics) and 1 synthetic "
     "dataset (MPI-Sintel)", []),
    # a short name is a device as an item of a list of devices (set F: CUDA-L1), not alone or beside a model
    ("achieving average speedups of x17.8 on H100, x19.0 on RTX 3090, x16.5 on L40, x14.7 on H800, and x13.9 on H20 "
     "despite being optimized specifically for A100.", ["H100", "RTX 3090", "L40", "H800", "H20", "A100"]),
    ("The H20 checkpoint and the T4 tokenizer are released.", []),
    ("We compare T5 and T4 on summarization.", []),
    # an instruction set alone is a class of machine, as "CPU" is (set G: StateSMix); with a processor word it
    # names the family, as Arm CPUs do
    ("The system is implemented in pure C with AVX2 SIMD and processes approximately 2,000 tokens per second on "
     "commodity x86-64 hardware.", []),
    ("We run the same kernels on Arm CPUs and on x86 CPUs.", ["Arm CPU", "x86 CPU"]),
    # RISC-V as the target of a translation is an instruction set (set H: From CISC to RISC); "a RISC-V CPU" is a
    # processor (bundled: Compressed Real Numbers for AI)
    ("achieving 79.25% translation accuracy from x86 to ARMv5 on our comprehensive test suite, and an 88.68% "
     "accuracy from x86 to RISC-V.", []),
    ("Compressed Real Numbers for AI: a case-study using a RISC-V CPU", ["RISC-V"]),
    # set I, read after its one unseen run: the Blackwell workstation card either way round (Scaling DoRA), and a
    # device's name as an item of a list the word after it calls datasets (4DGS360)
    ("Across six 8-32B vision-language models (VLMs) on three NVIDIA GPUs (RTX 6000 PRO, H200, B200) at r = 384 in "
     "bf16", ["RTX 6000 PRO", "H200", "B200"]),
    ("We benchmark the NVIDIA RTX PRO 6000 Blackwell.", ["RTX 6000 PRO"]),
    ("Experiments show that 4DGS360 achieves state-of-the-art performance on the iPhone360, iPhone, and DAVIS "
     "datasets, both qualitatively and quantitatively.", []),
    ("The app runs on an iPhone and the ImageNet dataset is used for training.", ["iPhone"]),
    # GQLA (set J, read after its one unseen run): a bracketed aside after a device does not end the list of devices
    ("The runtime picks the path that matches the target hardware - no retraining, no custom kernels - so a single "
     "set of GQLA weights pins the rooflines of both H100 (MQA-absorb, s_q=1) and H20 (GQA + MTP, s_q=2), while "
     "supporting up to 8-way zero-redundancy tensor parallelism on the GQA path.", ["H100", "H20"]),
    # set K, read after its one unseen run: a model number joined by a hyphen (EdgeDetect); the phones a feature
    # launched to are its users', the TPU serves the model (Proofread)
    ("Raspberry Pi-4 deployment confirms edge feasibility: 4.2~MB memory, 0.8~ms latency, and 12~mJ per inference "
     "with <0.5% accuracy loss.", ["Raspberry Pi 4"]),
    ("We launched the feature to Pixel 8 devices by serving the model on TPU v5 in Google Cloud, with thousands of "
     "daily active users.", ["TPUv5"]),
    # set N, read after its one unseen run: a letter after the model number names another card (Nemotron Nano 2)
    ("we employ the Minitron strategy to compress and distill the model with the goal of enabling inference on up "
     "to 128k tokens on a single NVIDIA A10G GPU (22GiB of memory, bfloat16 precision).", ["A10G"]),
    ("Serving runs on eight A10 GPUs and on L40S GPUs.", ["A10", "L40S"]),
])
def test_hardware_families(vocab: Vocab, sentence: str, names: list[str]) -> None:
    assert [name for _s, _e, name in vocab.find("hardware", sentence)] == names


def test_a_named_device_replaces_its_class(vocab: Vocab) -> None:
    """Efficient N:M sparse DNN training (bundled): "a Xilinx VCU1525 FPGA card" is the VCU1525, not also "FPGA"."""
    found = extract("T", "The scheme is evaluated on a Xilinx VCU1525 FPGA card. FPGAs are efficient.", vocab)
    assert [f.value for f in found.facts if f.kind == "hardware"] == ["VCU1525"]
    lut = extract("LUT-LLM: Efficient Large Language Model Inference with Memory-based Computations on FPGAs",
                  "Implemented on an AMD V80 FPGA for a customized Qwen 3 1.7B model, LUT-LLM achieves 1.66x lower "
                  "latency than AMD MI210.", vocab)
    assert [f.value for f in lut.facts if f.kind == "hardware"] == ["V80", "MI210"]


# MOSEv2 (set M): a dataset paper that benchmarks others' methods, then reports how one of them scores
_MOSE = ("We benchmark 20 representative VOS methods under 5 different settings and observe consistent performance "
         "drops. For example, SAM2 drops from 76.4% on MOSEv1 to only 50.9% on MOSEv2. We further evaluate 9 video "
         "object tracking methods and find similar declines, demonstrating that MOSEv2 presents challenges across "
         "tasks.")


def test_a_named_model_a_benchmark_paper_evaluates_scores_its_own_values_not_the_papers(vocab: Vocab) -> None:
    found = extract("MOSEv2: A More Challenging Dataset for Video Object Segmentation in Complex Scenes", _MOSE, vocab)
    assert [(r.high, r.own) for r in found.results] == [(76.4, False), (50.9, False)]


_SEP = ("We propose semantic entropy probes (SEPs), a cheap and reliable method for uncertainty quantification in Large "
        "Language Models (LLMs). Recent work by Farquhar et al. (2024) proposes semantic entropy (SE), which can detect "
        "hallucinations by estimating uncertainty in the space semantic meaning for a set of model generations. However, "
        "the 5-to-10-fold increase in computation cost associated with SE computation hinders practical adoption. To "
        "address this, we propose SEPs, which directly approximate SE from the hidden states of a single generation.")


def test_the_problem_a_paper_sets_out_to_address_is_not_its_result(vocab: Vocab) -> None:
    """Semantic Entropy Probes (set N): the sentence before "To address this, we propose" states the problem."""
    found = extract("Semantic Entropy Probes: Robust and Cheap Hallucination Detection in LLMs", _SEP, vocab)
    assert [(r.high, r.own) for r in found.results] == [(10.0, False)]


def test_a_problem_sentence_about_what_the_paper_introduced_stays_its_own(vocab: Vocab) -> None:
    """From Prompt Injection to Persistent Control (set I): ClawTrojan is the paper's benchmark, its ASR the paper's."""
    text = ("To reveal this threat, we introduce ClawTrojan, a benchmark designed to identify multi-step trojan attacks in "
            "local agentic harnesses. In an OpenClaw-style simulated workspace with GPT-5.4, ClawTrojan reaches a 95.5% "
            "attack success rate (ASR), while existing single-turn prompt-injection attacks fail with near-zero ASR on "
            "the same model. To address this threat, we propose DASGuard, which scans control-like text.")
    found = extract("From Prompt Injection to Persistent Control", text, vocab)
    assert [(r.high, r.own) for r in found.results] == [(95.5, True)]


def test_the_best_of_many_evaluated_models_scores_its_own_values(vocab: Vocab) -> None:
    """IWR-Bench (set N): a benchmark paper's best model is one of the models it evaluates."""
    text = ("This paper introduces IWR-Bench, a novel benchmark. Extensive experiments on 28 LVLMs reveal a significant "
            "challenge: the best model achieves an overall score of only 36.35%, as functional correctness (24.39% IFS) "
            "lags significantly behind visual fidelity (64.25% VFS).")
    found = extract("IWR-Bench: Can LVLMs reconstruct interactive webpage from a user interaction video?", text, vocab)
    assert [(r.high, r.own) for r in found.results] == [(36.35, False), (24.39, False), (64.25, False)]
    ours = extract("X", text.replace("the best model achieves", "our model achieves"), vocab)
    assert [r.own for r in ours.results] == [True, True, True]


def test_a_model_the_paper_introduces_is_its_own_even_after_it_evaluates_others(vocab: Vocab) -> None:
    text = _MOSE.replace("For example, SAM2", "We also present SAM2, a stronger tracker. SAM2")
    found = extract("MOSEv2: A More Challenging Dataset", text, vocab)
    assert [(r.high, r.own) for r in found.results] == [(76.4, True), (50.9, True)]


# MuirBench (set O): the evaluation said passively, the best models named after "like", the paper reporting what it saw
# ("our results reveal that"), and its benchmark as what they are scored on; then a class of the evaluated models
_MUIR = ("We introduce MuirBench, a comprehensive benchmark that focuses on robust multi-image understanding "
         "capabilities of multimodal LLMs. Evaluated upon 20 recent multi-modal LLMs, our results reveal that even the "
         "best-performing models like GPT-4o and Gemini Pro find it challenging to solve MuirBench, achieving 68.0% and "
         "49.3% in accuracy. Open-source multimodal LLMs trained on single images can hardly generalize to multi-image "
         "questions, hovering below 33.3% in accuracy.")


def test_the_scores_of_the_models_a_benchmark_evaluates_are_theirs(vocab: Vocab) -> None:
    found = extract("MuirBench: A Comprehensive Benchmark for Robust Multi-image Understanding", _MUIR, vocab)
    assert [(r.high, r.own) for r in found.results] == [(68.0, False), (49.3, False), (33.3, False)]
    # the paper's own model, named by the title, stays its own
    ours = extract("MuirNet: A Model", _MUIR.replace("Open-source multimodal LLMs trained", "MuirNet trained"), vocab)
    assert [(r.high, r.own) for r in ours.results][-1] == (33.3, True)


# Sets G and I, relabelled on 2026-12-08 to the convention of sets M-P: the field's best models a benchmark paper
# scores, named after "even" (with the models in brackets, after "such as" with dotted version numbers, or as the
# "top-performing models" of a sentence whose subject is the benchmark that challenges them), are not its own results
@pytest.mark.parametrize(("title", "sentence", "value"), [
    ("What Users Leave Unsaid: Under-Specified Queries Limit Vision-Language Models",
     "Evaluating 39 VLMs, we find that even state-of-the-art models (GPT-5, Gemini 2.5 Pro) achieve under 50% on the "
     "original queries.", 50.0),
    ("ProfBench: Multi-Domain Rubrics requiring Professional Knowledge to Answer and Judge",
     "Our findings reveal that ProfBench poses significant challenges even for state-of-the-art LLMs, with "
     "top-performing models like GPT-5-high achieving only 65.9% overall performance.", 65.9),
    ("GenExam: A Multidisciplinary Text-to-Image Exam",
     "Experiments show that even state-of-the-art models such as GPT-Image-1 and Gemini-2.5-Flash-Image achieve less "
     "than 15% strict scores, and most models yield almost 0%, suggesting the great challenge of our benchmark.", 15.0),
])
def test_the_fields_best_models_a_benchmark_scores_are_theirs(vocab: Vocab, title: str, sentence: str,
                                                              value: float) -> None:
    found = extract(title, "We introduce a benchmark. " + sentence, vocab)
    assert [r.own for r in found.results if r.high == value] == [False]
    # the paper's own model said the same way stays its own
    ours = extract(title, "We introduce a benchmark. " + sentence.replace(" even ", " our model and even "), vocab)
    assert [r.own for r in ours.results if r.high == value] == [True]


# GUI vs. CLI (set Q): a paper that announces a benchmark scores others' agents on it; the clause that turns after
# a semicolon reports what the paper itself adds
_GUI_CLI = ("We introduce a matched execution-layer benchmark of 440 desktop tasks across 18 applications and 12 "
            "workflow categories, where screen-only GUI agents and skill-mediated CLI agents receive identical goals, "
            "states, and final-state verifiers while being restricted to modality-native actions. In this controlled "
            "setting, the strongest GUI agent reaches a 59.1% full pass rate, outperforming the strongest "
            "original-skill CLI agent at 48.2%; however, verifier-guided skill augmentation raises CLI success to "
            "69.3%, showing that much of the CLI deficit comes from incomplete skill coverage rather than model "
            "capability alone.")


def test_a_paper_that_announces_a_benchmark_keeps_the_best_agents_score_out_of_its_own(vocab: Vocab) -> None:
    found = extract("GUI vs. CLI: Execution Bottlenecks in Screen-Only and Skill-Mediated Computer-Use Agents",
                    _GUI_CLI, vocab)
    own = {r.low: r.own for r in found.results}
    assert own[59.1] is False and own[48.2] is False
    assert own[69.3] is True


# PlanBench-XL (set Q): the sentence that says it ran many models names one of them, after a colon, as its subject
_PLANBENCH = ("To address this gap, we introduce PlanBench-XL, an interactive benchmark of 327 retail tasks over 1,665 "
              "tools. Experiments on ten leading LLMs show that massive-tool planning remains challenging: while "
              "GPT-5.4 achieves 51.90% accuracy in block-free settings, it collapses to 11.36% under the most severe "
              "blocking condition.")


def test_a_model_leading_the_clause_after_a_colon_in_a_sentence_on_many_models_scores_its_own(vocab: Vocab) -> None:
    title = "PlanBench-XL: Evaluating Long-Horizon Planning of LLM Tool-Use Agents in Large-Scale Tool Ecosystems"
    found = extract(title, _PLANBENCH, vocab)
    assert [(r.high, r.own) for r in found.results if r.unit == "%"] == [(51.9, False), (11.36, False)]


def test_a_best_score_credited_to_a_named_model_is_that_models(vocab: Vocab) -> None:
    """Two-Level Meta-Rubrics (set Q): "best score 58.7% from Gemini 3.1 Pro" is Gemini's, not the paper's."""
    text = ("We introduce a two-level meta-rubric framework for evaluating open-ended generation. Evaluating 14 frontier "
            "and open-weight models, we find the benchmark genuinely challenging (best score 58.7% from Gemini 3.1 "
            "Pro), highly discriminative, and robust to the choice of judge.")
    title = "Two-Level Meta-Rubrics for Evaluating Open-Ended Generation: GAMUT, a Benchmark for Factual Completeness"
    assert [(r.high, r.own) for r in extract(title, text, vocab).results] == [(58.7, False)]
    # a best score credited to the paper's own model stays its own
    ours = extract("Gemini: A Model", text, vocab)
    assert [(r.high, r.own) for r in ours.results] == [(58.7, True)]


def test_the_clause_a_whereas_sets_against_the_claim_is_not_the_papers(vocab: Vocab) -> None:
    """Sample-Efficient Learning from Agent Experience (set Q): the "whereas" clause reports the rival's value."""
    text = ("We term this problem Experience Distillation and develop an implementation that requires no further "
            "environment interaction beyond the collected experience. Experiments on 749 curated software-engineering "
            "tasks and six text-adventure games show that it retains at least 64.8\\% of the gains from in-context "
            "learning across both domains, whereas direct supervised fine-tuning on the collected experience recovers "
            "only 3.8\\%.")
    found = extract("Sample-Efficient Learning from Agent Experience", text, vocab)
    assert [(r.high, r.own) for r in found.results] == [(64.8, True), (3.8, False)]
