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


@pytest.mark.parametrize(("sentence", "expected"), [
    # GeneralVLA-2 (set C): ", and KnowledgeBank improves over ReasoningBank" is the next claim's rival; "by reducing
    # ... while increasing ... by 2.36%" are two ways of improving over the same MV-SAM3D baseline
    ("GeoFuse-MV3D improves over the MV-SAM3D baseline by reducing CD and LPIPS by 2.20% and 2.02% while increasing "
     "PSNR and SSIM by 2.36% and 1.03%, and KnowledgeBank improves over ReasoningBank by 4.53% on Terminal-Bench SR.",
     ["MV-SAM3D baseline", "MV-SAM3D baseline", "MV-SAM3D baseline", "MV-SAM3D baseline", "ReasoningBank"]),
    # Distilling Diffusion Models to Efficient 3D LiDAR Scene Completion (set A): "and achieves superior
    # performance compared to X" compares that performance, not the speedup
    ("Extensive experiments demonstrate that ScoreLiDAR significantly accelerates the completion time from 30.55 to "
     "5.37 seconds per frame (>5times) on SemanticKITTI and achieves superior performance compared to "
     "state-of-the-art 3D LiDAR scene completion models.", [None]),
    # Radial Attention (set B): "and accelerating inference" ends the baseline's name
    ("With minimal tuning, it enables video generation up to 4times longer while reducing training costs by up to "
     "4.4times compared to direct fine-tuning and accelerating inference by up to 3.7times compared to dense "
     "attention inference.", [None, "direct fine-tuning", "dense attention inference"]),
    # Llumnix (bundled): a comparison set off by a comma at the end holds for every claim before it
    ("Our evaluations show that Llumnix improves tail latencies by an order of magnitude, accelerates high-priority "
     "requests by up to 1.5x, and delivers up to 36% cost savings while achieving similar tail latencies, compared "
     "against state-of-the-art LLM serving systems.",
     ["state-of-the-art LLM serving systems", "state-of-the-art LLM serving systems"]),
    # NanoVDR (set D), Scalable Autoregressive Image Generation with Mamba (set A), Compute Better Spent
    # (bundled): the rival a verb names just before "with" the value, also across a comma
    ("The resulting NanoVDR-S-Multi (DistilBERT, 69M) retains 95.1\\% of teacher quality and outperforms DSE-Qwen2 "
     "(2B) on v2 and v3 with 32times fewer parameters and 50times lower CPU query latency, at a total training cost "
     "under 13 GPU-hours.", [None, "DSE-Qwen2", "DSE-Qwen2"]),
    ("On the ImageNet1K 256*256 benchmark, our best AiM model achieves a FID of 2.21, surpassing all existing AR "
     "models of comparable parameter counts and demonstrating significant competitiveness against diffusion models, "
     "with 2 to 10 times faster inference speed.", ["diffusion models"]),
    ("BTT matches dense ViT-S/32 performance on ImageNet-1k with 3.8 times less compute and is more efficient than "
     "dense for training small GPT-2 language models.", ["dense ViT-S/32 performance"]),
    # TokenPilot (set K, read after its one unseen run): the comparison inside "while maintaining ..." is of the
    # performance kept, not of the cost reductions before it
    ("Experiments on PinchBench and Claw-Eval under both isolated and continuous modes demonstrate that TokenPilot "
     "reduces costs by 61% and 56% in isolated mode, and 61% and 87% in continuous mode, while maintaining "
     "competitive performance compared to prior systems.", [None, None, None, None]),
])
def test_a_comparison_belongs_to_its_own_claim(sentence: str, expected: list[str | None]) -> None:
    assert _baselines(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # GORGO (set B), Latent Spatial Memory for Video World Models (set B): two claims joined by "and"
    # share the comparison after the second
    ("During held-out evaluation windows, we fix the parameter values learned from tuning and improve p95 TTFT by "
     "6.9-15.5% and p95 end-to-end (E2E) latency by 14.3-30.9% over baseline load-balancing policies such as simple "
     "session affinity and prefix-cache.", ["baseline load-balancing policies", "baseline load-balancing policies"]),
    ("Experiments show that latent spatial memory achieves up to 10.57times faster end-to-end video generation and "
     "55times reduction in memory footprint relative to explicit 3D baselines.",
     ["explicit 3D baselines", "explicit 3D baselines"]),
    # FBNet (bundled): the accuracy before a comma is no part of the "faster than" claim after it
    ("FBNet-B achieves 74.1% top-1 accuracy on ImageNet with 295M FLOPs and 23.1 ms latency on a Samsung S8 phone, "
     "2.4x smaller and 1.5x faster than MobileNetV2-1.3 with similar accuracy.",
     [None, "MobileNetV2-1.3", "MobileNetV2-1.3"]),
])
def test_claims_joined_by_and_share_their_comparison(sentence: str, expected: list[str | None]) -> None:
    assert _baselines(sentence) == expected


def test_only_a_comparison_word_is_shared() -> None:
    """Addition is All You Need for Energy-efficient Language Models (bundled): "energy cost of dot products"
    says whose cost; it compares nothing the value before it could share."""
    assert _baselines("applying the L-Mul operation in tensor processing hardware can potentially reduce 95% energy "
                      "cost by element-wise floating point tensor multiplications and 80% energy cost of dot "
                      "products.")[0] is None


@pytest.mark.parametrize(("sentence", "expected"), [
    # FlashPrefill V2 (set C), Accelerating Deep Learning Model Inference on Arm CPUs (bundled): "respectively"
    # hands out conditions, and the one baseline holds for both values
    ("Extensive evaluations on NVIDIA H20 GPUs demonstrate that FlashPrefill V2 delivers up to 47.26x and 27.19x "
     "speedups over FlashAttention-2 at 128K context length under FP8 and BF16 precision, respectively.",
     ["FlashAttention-2", "FlashAttention-2"]),
    ("We also achieve significant speedups of up to 5x and 3.2x compared to ONNX Runtime for classification and "
     "detection models, respectively.", ["ONNX Runtime", "ONNX Runtime"]),
    # TorchSparse (bundled): a list of names is handed out one by one
    ("TorchSparse achieves 1.6x and 1.5x measured end-to-end speedup over the state-of-the-art MinkowskiEngine and "
     "SpConv, respectively.", ["state-of-the-art MinkowskiEngine", "SpConv"]),
])
def test_respectively_hands_out_names_not_conditions(sentence: str, expected: list[str | None]) -> None:
    assert _baselines(sentence) == expected


@pytest.mark.parametrize(("sentence", "value", "direction"), [
    # RefusalBench (set B): "dropping" drops as "drops" does
    ("Our large-scale study reveals that even frontier models struggle in this setting, with refusal accuracy "
     "dropping below 50% on multi-document tasks.", 50.0, "reduction"),
    # ExVideo (set A), Hierarchical Sparse Attention Done Right (set C): to augment, extend or extrapolate
    # a length by a factor is to gain
    ("Our approach augments the model's capacity to generate up to 5times its original number of frames, requiring "
     "only 1.5k GPU hours of training.", 5.0, "gain"),
    ("Meanwhile, HiLS-Attention extrapolates more than 64times the training context length with 90% retrieval "
     "accuracy, far beyond full attention.", 64.0, "gain"),
    # Motion-Aware Caching for Efficient Autoregressive Video Generation (set C): LaTeX's \downarrow, de-backslashed
    ("MotionCache achieves significant speedups while effectively preserving generation quality (VBench: "
     "1%downarrow).", 1.0, "reduction"),
    # CoDe (set N): to slash is to cut
    ("This collaboration yields remarkable efficiency with minimal impact on quality: CoDe achieves a 1.7x speedup, "
     "slashes memory usage by around 50%, and preserves image quality with only a negligible FID increase from 1.95 to "
     "1.98.", 50.0, "reduction"),
])
def test_direction_words(sentence: str, value: float, direction: str) -> None:
    assert [n.direction for n in numbers(sentence) if n.high == value] == [direction]


def test_a_benchmark_and_a_colon_in_a_bracket_make_a_score() -> None:
    """Motion-Aware Caching for Efficient Autoregressive Video Generation (set C): the values after "VBench:" are
    its scores, a quality (VBench scores generated video), falling."""
    found = numbers("Extensive experiments on state-of-the-art models like SkyReels-V2 and MAGI-1 demonstrate that "
                    "MotionCache achieves significant speedups of 6.28times and 1.64times respectively, while "
                    "effectively preserving generation quality (VBench: 1%downarrow and 0.01%downarrow respectively).")
    assert [(n.high, n.unit, n.metric, n.direction) for n in found] == [
        (6.28, "x", "speed", "gain"), (1.64, "x", "speed", "gain"),
        (1.0, "%", "quality", "reduction"), (0.01, "%", "quality", "reduction")]


def test_a_factor_a_change_starts_from_is_not_the_papers() -> None:
    """FlatQuant (set D): "from 0.26x of QuaRot to merely 0.07x": the first factor is QuaRot's."""
    found = numbers("For inference latency, FlatQuant reduces the slowdown induced by pre-quantization transformation "
                    "from 0.26x of QuaRot to merely 0.07x, bringing up to 2.3x speedup for prefill and 1.7x speedup "
                    "for decoding, respectively.")
    assert [(n.high, n.own) for n in found] == [(0.26, False), (0.07, True), (2.3, True), (1.7, True)]
    assert found[1].direction == "reduction"  # the level reached goes the way the verb says: "reduces"
    # DSP (bundled): a range from a percentage to a factor starts nowhere
    assert all(n.own for n in numbers("DSP's superiority over state-of-the-art embedded sequence parallelism "
                                      "methods by remarkable throughput improvements ranging from 32.2% to 10x."))


def test_a_spelled_out_factor_must_say_what_it_multiplies() -> None:
    """ForgeWM (set C): "three times closer" names no measure; The Languini Kitchen (bundled): "ten-fold
    throughput" does."""
    assert numbers("Replay-time refinement matches four-step reference quality while remaining roughly three times "
                   "closer to the experienced trajectory than regeneration from noise.") == []
    assert [(n.high, n.metric) for n in numbers("a recurrent model in the form of a novel LSTM with ten-fold "
                                                "throughput.")] == [(10.0, "throughput")]


def test_the_step_of_a_rate_is_no_result() -> None:
    """SpecBench (set B): "for every tenfold increase in code size" is the unit of a rate, not a factor gained."""
    assert numbers("The gap also scales sharply with task length: it grows by 28 percentage points for every "
                   "tenfold increase in code size.") == []
    assert [n.high for n in numbers("Throughput grows 3x for each doubling of the batch.")] == [3.0]


@pytest.mark.parametrize(("sentence", "expected"), [
    # ResearchGym (set B): "improves over X ... by" beats X (a decimal point inside is no sentence end); a
    # share of sub-tasks completed is a score; ", and completes" is a new claim with neither the rival nor
    # the way of the one before it
    ("The agent improves over the provided baselines from the repository in just 1 of 15 evaluations (6.7%) by "
     "11.5%, and completes only 26.5% of sub-tasks on average.",
     [(11.5, "%", "accuracy", "provided baselines", "gain", True), (26.5, "%", "accuracy", None, None, True)]),
    # MLE-bench (set A): the share of competitions won
    ("finding that the best-performing setup--OpenAI's o1-preview with AIDE scaffolding--achieves at least the level "
     "of a Kaggle bronze medal in 16.9% of competitions.", [(16.9, "%", "accuracy", None, None, True)]),
    # SemaPLC (set C): a pass rate is a score
    ("On 117 independent-POU tasks matching existing benchmarks, it attains the highest strict verified pass rate on "
     "all seven models (72.6\\% mean).", [(72.6, "%", "accuracy", None, None, True)]),
])
def test_scores_of_agents(sentence: str, expected: list[tuple[object, ...]]) -> None:
    assert _read(sentence) == expected


def test_an_acceptance_rate_is_no_score() -> None:
    """Breaking Entropy Bounds (set C, labelled outside the measures): speculative decoding's acceptance rate."""
    found = numbers("yielding ~10% acceptance rate improvements, achieving up to 95% acceptance rates and up to 25% "
                    "extra inference throughput gains across mathematical reasoning.")
    assert [n.metric for n in found if n.high == 95.0] != ["accuracy"]


@pytest.mark.parametrize(("sentence", "value", "metric"), [
    # Learning Adaptive Parallel Reasoning with Language Models (set D): "at equivalent latency" is a condition
    ("(3) improved accuracy at equivalent latency (75.2% vs. 57.3% at approximately 5,000ms).", 75.2, "accuracy"),
    # Progressive Gradient Flow for Robust N:M Sparsity Training (bundled): "at high sparsity regime" too
    ("Our approach improves the model quality by up to 2% and 5% in vision and language models at high sparsity "
     "regime, respectively.", 5.0, "quality"),
])
def test_a_measure_after_at_is_a_condition(sentence: str, value: float, metric: str) -> None:
    assert [n.metric for n in numbers(sentence) if n.high == value] == [metric]


@pytest.mark.parametrize(("sentence", "value", "metric"), [
    # Least-Loaded Expert Parallelism (set B), Tree Attention (bundled): the peak of a measure is that measure
    ("Across different model scales, LLEP achieves up to 5x speedup and 4x reduction in peak memory usage compared "
     "to standard EP.", 4.0, "memory"),
    ("while also requiring significantly less communication volume and incurring 2x less peak memory.", 2.0, "memory"),
    # FlashAttention-2 (bundled): a share of the peak is utilization
    ("reaching 50-73% of the theoretical maximum FLOPs/s on A100.", 73.0, "utilization"),
])
def test_a_peak_qualifies_the_measure_after_it(sentence: str, value: float, metric: str) -> None:
    assert [n.metric for n in numbers(sentence) if n.high == value] == [metric]


def test_rivals_named_as_examples_keep_their_scores() -> None:
    """Structured Distillation of Web Agent Capabilities Enables Generalization (set B): the scores in brackets
    after "models such as" are the rivals'."""
    found = numbers("The resulting model achieves 41.5% on WebArena, surpassing closed-source models such as Claude "
                    "3.5 Sonnet (36.0%) and GPT-4o (31.5%) under the same evaluation protocol.")
    assert [(n.high, n.own) for n in found] == [(41.5, True), (36.0, False), (31.5, False)]


@pytest.mark.parametrize(("sentence", "expected"), [
    # set N, read after its one unseen run: the level of what the paper beats, in brackets after a longer name
    # (MedMobile) or after "of" and a score noun (Improving Transformer World Models for Data-Efficient RL)
    ("We demonstrate that MedMobile scores 75.7% on the MedQA (USMLE), surpassing the passing mark for physicians "
     "(~60%), and approaching the scores of models 100 times its size.", [(75.7, True), (60.0, False), (100.0, True)]),
    ("With a series of careful design choices aimed at improving sample efficiency, our MBRL algorithm achieves a "
     "reward of 67.4% after only 1M environment steps, significantly outperforming DreamerV3, which achieves 53.2%, and, "
     "for the first time, exceeds human performance of 65.0%.", [(67.4, True), (65.0, False)]),
    # ... but a margin of ours is no rival's level
    ("Our method outperforms the strongest baseline by a margin of 5.2%.", [(5.2, True)]),
])
def test_the_level_of_what_is_beaten_is_the_rivals(sentence: str, expected: list[tuple[float, bool]]) -> None:
    assert [(n.high, n.own) for n in numbers(sentence)] == expected


def test_items_led_by_an_article_share_the_rival_named_before_them() -> None:
    """Light-Omni (set N): the rival the verb beats holds for every item; set B's Jet-RL names its rival after the last
    item, for that item alone."""
    found = numbers("Notably, it outperforms M3-Agent with an average 2.4% accuracy gain, a 12.1times speedup, and a "
                    "2.6times improvement in GPU memory efficiency.")
    assert [(n.high, n.baseline) for n in found] == [(2.4, "M3-Agent"), (12.1, "M3-Agent"), (2.6, "M3-Agent")]
    jet = numbers("Extensive experiments validate the effectiveness of Jet-RL: our method achieves up to 33% speedup in "
                  "the rollout phase, up to 41% speedup in the training phase, and a 16% end-to-end speedup over BF16 "
                  "training, while maintaining stable convergence across all settings.")
    assert [(n.high, n.baseline) for n in jet] == [(33.0, None), (41.0, None), (16.0, "BF16 training")]


@pytest.mark.parametrize(("sentence", "expected"), [
    # set N, read after its one unseen run: a level kept across a "while" (prima.cpp), and what was possible before
    # (Flash-GMM), are against no rival
    ("It outperforms llama.cpp, exo, and dllama on 30B+ models while keeping memory pressure below 6%.", [None]),
    ("By eliminating the need to materialize the full responsibility matrix in GPU memory, Flash-GMM achieves a "
     "20times speedup over existing implementations and enables training on datasets more than 100times larger than "
     "previously feasible on one device.", ["existing implementations", None]),
    # ... while a share across a "while" is still of what was matched (bundled)
    ("Our method matches DeiT-B's accuracy while using only 27% of the parameters.", ["DeiT-B's accuracy"]),
])
def test_no_rival_for_a_kept_level_or_what_was_possible(sentence: str, expected: list[str | None]) -> None:
    assert [n.baseline for n in numbers(sentence)] == expected


def test_a_range_may_be_spanned_by_up_to() -> None:
    """TreePO (set N): "from 22\\% up to 43\\%" is one range of savings."""
    found = numbers("We empirically validate the performance gain of TreePO on a set reasoning benchmarks and the "
                    "efficiency saving of GPU hours from 22\\% up to 43\\% of the sampling design for the trained models, "
                    "meanwhile showing up to 40\\% reduction at trajectory-level and 35\\% at token-level sampling compute "
                    "for the existing models.")
    assert [(n.low, n.high) for n in found] == [(22.0, 43.0), (40.0, 40.0), (35.0, 35.0)]


def test_a_range_may_be_joined_by_hyphens() -> None:
    """Semantic Entropy Probes (set N): "5-to-10-fold" is one range, not a 10x."""
    found = numbers("However, the 5-to-10-fold increase in computation cost associated with SE computation hinders "
                    "practical adoption.")
    assert [(n.low, n.high, n.unit) for n in found] == [(5.0, 10.0, "x")]


def test_a_signed_gain_in_brackets_is_against_the_name_before_it() -> None:
    """SpaceTools (set B): "over X (+12% ...) and Y (+16% ...)": each gain is over the name its bracket follows."""
    assert _baselines("DIRL provides substantial improvements over the vanilla SFT (+12% on RoboSpatial) and RL "
                      "(+16% on RoboSpatial) baselines.") == ["vanilla SFT", "RL"]
    # RAGU (set N): the object of the verb that beats it, then where
    assert _baselines("Accordingly, we train Meno-Lite-0.1, a 7B model optimized for language skills, which outperforms "
                      "Qwen2.5-32B on knowledge-graph construction (+12.5% relative harmonic mean) and matches it on "
                      "English GraphRAG tasks.") == ["Qwen2.5-32B"]


@pytest.mark.parametrize(("sentence", "expected"), [
    # TriAttention, FlashRT (set B): matching X while gaining a factor beats no one
    ("On AIME25 with 32K-token generation, TriAttention matches Full Attention reasoning accuracy while achieving "
     "2.5x higher throughput or 10.7x KV memory reduction.", [None, None]),
    ("On AMD MI355X GPUs, FlashRT matches the peak latency reduction while increasing peak throughput improvement to "
     "3.6x.", [None]),
    # ViG (bundled): a share of what it matched is against it
    ("Notably, ViG-S matches DeiT-B's accuracy while using only 27% of the parameters and 20% of the FLOPs.",
     ["DeiT-B's accuracy", "DeiT-B's accuracy"]),
])
def test_matching_a_rival_is_a_baseline_only_for_a_share(sentence: str, expected: list[str | None]) -> None:
    assert _baselines(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # An Information Theoretic Perspective on Agentic System Design (set B): comparatives listed with commas
    # share the one "than"; "more concise" writes fewer tokens; a compressor is no compression
    ("A 7B Qwen-2.5 compressor, for instance, is 1.6times more accurate, 4.6times more concise, and conveys "
     "5.5times more bits of mutual information per token than its 1.5B sibling.",
     [(1.6, "other", "accuracy", "1.5B sibling"), (4.6, "other", "tokens", "1.5B sibling"),
      (5.5, "other", None, "1.5B sibling")]),
    # DeepSpeed Ulysses (bundled)
    ("Furthermore, experimental evaluations show that DeepSpeed-Ulysses trains 2.5X faster with 4X longer sequence "
     "length than the existing method SOTA baseline.",
     [(2.5, "speedup", "speed", "existing method SOTA baseline"),
      (4.0, "other", "context length", "existing method SOTA baseline")]),
])
def test_listed_comparatives_share_their_than(sentence: str, expected: list[tuple[object, ...]]) -> None:
    assert [(n.high, n.kind, n.metric, n.baseline) for n in numbers(sentence)] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # Stacking Your Transformers (set A), One Timestep is All You Need (bundled): a comparison that leads the
    # sentence after "For example," or "Furthermore,"
    ("For example, compared to a conventionally trained 7B model using 300B tokens, our G_{stack} model converges to "
     "the same loss with 194B tokens, resulting in a 54.6\\% speedup.", ["conventionally trained 7B model"]),
    ("Furthermore, in comparison with standard DNNs, the proposed IIR-SNNs provide25-33X higher energy efficiency, "
     "while being comparable to them in classification performance.", ["standard DNNs"]),
    # SmolVLM (set A): the factor describes the rival it outperforms; Scaling LLM Test-Time Compute (bundled):
    # "a 14x larger model" names no one
    ("Our smallest model, SmolVLM-256M, uses less than 1GB GPU memory during inference and outperforms the "
     "300-times larger Idefics-80B model, despite an 18-month development gap.", ["Idefics-80B model"]),
    ("test-time compute can be used to outperform a 14x larger model.", [None]),
    # Effective and Efficient Masked Image Generation Models (set A): a share in a leading "with" is of what
    # the main clause outperforms; UloRL (set B): a level reached is not
    ("Additionally, on ImageNet 512x512, with only about 60% of the NFE, eMIGM outperforms the state-of-the-art "
     "continuous diffusion models.", ["state-of-the-art continuous diffusion models"]),
    ("improves the model's performance on BeyondAIME from 50.7\\% to 61.9\\%, even surpassing Qwen3-235B-A22B with "
     "remarkable gains.", [None, None]),
])
def test_rivals_named_before_or_around_the_value(sentence: str, expected: list[str | None]) -> None:
    assert _baselines(sentence) == expected


def test_numbers_in_a_bracket_are_counted_in_its_unit() -> None:
    """Mobile Video Diffusion (set A): "(1817.2 vs. 4.34 TFLOPs)" says the factor is of compute."""
    found = numbers("Our model, coined as MobileVD, is 523x more efficient (1817.2 vs. 4.34 TFLOPs) with a slight "
                    "quality drop (FVD 149 vs. 171).")
    assert [(n.high, n.metric, n.confidence, n.direction) for n in found] == [(523.0, "compute", "sure", "reduction")]
    # LUT-LLM (set E): "higher energy efficiency" is labelled a gain
    assert [n.direction for n in numbers("LUT-LLM achieves 1.72x higher energy efficiency than NVIDIA A100")] == ["gain"]


@pytest.mark.parametrize(("sentence", "expected"), [
    # Vision-R1 (set A): ", which is 0.4% lower than" is the same measure as the value it follows; a description
    # then the name ("the leading reasoning model, OpenAI O1") is against the name
    ("Vision-R1-7B achieves a 73.5% accuracy on the widely used MathVista benchmark, which is only 0.4% lower than "
     "the leading reasoning model, OpenAI O1.", [(73.5, "accuracy", None), (0.4, "accuracy", "OpenAI O1")]),
    # Model Rubik's Cube (bundled): "than that of X" is against X
    ("For instance, our TinyNet-E achieves a 59.9% Top-1 accuracy with only 24M FLOPs, which is about 1.9% higher "
     "than that of the previous best MobileNetV3 with similar computational cost.",
     [(59.9, "accuracy", None), (1.9, "accuracy", "previous best MobileNetV3")]),
])
def test_which_is_restates_the_measure(sentence: str, expected: list[tuple[object, ...]]) -> None:
    assert [(n.high, n.metric, n.baseline) for n in numbers(sentence)] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # QeRL (set B): "GSM8K (90.8%) and MATH 500 (77.4%)" is a list of bracketed scores
    ("while matching the performance of full-parameter fine-tuning on mathematical benchmarks such as GSM8K (90.8%) "
     "and MATH 500 (77.4%) in the 7B model.", [(90.8, "accuracy"), (77.4, "accuracy")]),
    # Tiny Time Mixers (bundled): "fine-tuning (65X) and inference time (54X)"
    ("substantial reductions in fine-tuning (65X) and inference time (54X).", [(65.0, "time"), (54.0, "time")]),
    # T3 (bundled): a bracket closed before a new verb starts no list
    ("T3 speeds up communication-heavy sublayers by 30% geomean (max 47%) and reduces data movement by 22% geomean "
     "(max 36%).", [(30.0, "speed"), (47.0, None), (22.0, "data"), (36.0, None)]),
])
def test_names_with_bracketed_values_are_a_list(sentence: str, expected: list[tuple[object, ...]]) -> None:
    assert [(n.high, n.metric) for n in numbers(sentence)] == expected


def test_a_measure_ending_the_baseline_is_the_values() -> None:
    """Hardware and Software Platform Inference (set A): "higher than random guess accuracy" is accuracy;
    MegaHan97K (set E): "more categories than existing datasets" is no data measure."""
    found = numbers("Even in a black-box setting we are able to achieve results that are up to three times higher "
                    "than random guess accuracy.")
    assert [(n.high, n.metric, n.confidence) for n in found] == [(3.0, "accuracy", "sure")]
    found = numbers("(1) MegaHan97K is the first dataset to fully support the latest GB18030-2022 standard, providing "
                    "at least six times more categories than existing datasets.")
    assert [n.confidence for n in found] == ["unsure"]


def test_a_purpose_after_for_is_not_the_measure() -> None:
    """GenoMAS (set B): "89.13% for data preprocessing" scores a task; the data is no measure of it."""
    found = numbers("On the GenoTEX benchmark, GenoMAS reaches a Composite Similarity Correlation of 89.13% for data "
                    "preprocessing and an F_1 of 60.48% for gene identification.")
    assert [(n.high, n.metric) for n in found] == [(89.13, "accuracy"), (60.48, "accuracy")]


def test_unlike_contrasts_without_comparing() -> None:
    """FlashPrefill (set B): the methods "unlike" names are a contrast, not what the speedup is measured over."""
    assert _baselines("Notably, unlike existing methods that incur efficiency degradation on shorter contexts, "
                      "FlashPrefill maintains a 1.71x speedup even at a 4K context length.") == [None]


def test_a_level_reached_is_against_no_rival() -> None:
    """IterResearch (set B): "(from 3.5% to 42.5%)" is a level reached; the "19.2pp over ReAct" later is not its."""
    found = numbers("Remarkably, our paradigm exhibits unprecedented interaction scaling, extending to 2048 interactions "
                    "with dramatic performance gains (from 3.5\\% to 42.5\\%), and serves as an effective prompting "
                    "strategy, improving frontier models by up to 19.2pp over ReAct on long-horizon tasks.")
    assert [(n.high, n.own, n.baseline) for n in found] == [(3.5, False, None), (42.5, True, None)]


@pytest.mark.parametrize(("sentence", "expected"), [
    # FutureSim (set B): the "than" after ", and many having worse ..." compares that worse score
    ("FutureSim reveals a clear separation in their capabilities, with the best agent's accuracy being 25%, and many "
     "having worse Brier skill score than making no prediction at all.", [None]),
    # ProxylessNAS (bundled): ", better than X" right after the value is the value's own comparison
    ("On CIFAR-10, our model achieves 2.08% test error with only 5.7M parameters, better than the previous "
     "state-of-the-art architecture AmoebaNet-B.", ["previous state-of-the-art architecture AmoebaNet-B"]),
])
def test_a_than_after_and_another_comparative_is_not_the_values(sentence: str, expected: list[str | None]) -> None:
    assert _baselines(sentence) == expected


def test_a_speedup_named_from_afar_is_speed() -> None:
    """VOCABTRIM (set C): the clause's "speed-up" is what "by 16%" measures, flagged unsure."""
    found = numbers("We show that our method can boost the memory-bound speed-up for Llama-3 models on Spec-Bench, "
                    "specifically by 16% for Llama-3.2-3B-Instruct.")
    assert [(n.high, n.metric, n.confidence) for n in found] == [(16.0, "speed", "unsure")]


def test_an_aside_measures_what_its_clause_does() -> None:
    """ILLUME (set A): the factor between dashes is of the dataset size the clause before it reduces."""
    found = numbers("This approach reduces the dataset size to just 15M for pretraining -- over four times fewer than "
                    "what is typically needed -- while achieving competitive or even superior performance.")
    assert [(n.high, n.metric, n.direction) for n in found] == [(4.0, "data", "reduction")]


def test_the_efficiency_of_a_stage_is_its_speed() -> None:
    """NorMuon (set D): "better training efficiency" measures how fast training reaches its target."""
    found = numbers("NorMuon consistently outperforms both Adam and Muon, achieving 21.74% better training efficiency "
                    "than Adam and 11.31% improvement over Muon on 1.1 B pretraining setting.")
    assert (found[0].high, found[0].metric, found[0].baseline) == (21.74, "speed", "Adam")


def test_a_models_bracketed_percentage_is_its_score() -> None:
    """ImplicitMemBench (set B): "DeepSeek-R1 (65.3%), Qwen3-32B (64.1%), and GPT-5 (63.0%)" are the models' scores."""
    found = numbers("Evaluation of 17 models reveals severe limitations: no model exceeds 66% overall, with top "
                    "performers DeepSeek-R1 (65.3%), Qwen3-32B (64.1%), and GPT-5 (63.0%) far below human baselines.")
    assert [(n.high, n.metric) for n in found] == [(66.0, "accuracy"), (65.3, "accuracy"), (64.1, "accuracy"),
                                                   (63.0, "accuracy")]  # and "66% overall" is the overall score


@pytest.mark.parametrize(("sentence", "expected"), [
    # AutoCoder (set A), FMViT (bundled): "(ours vs. theirs)" after a verb that beats a rival
    ("We introduce AutoCoder, the first Large Language Model to surpass GPT-4 Turbo (April 2024) and GPT-4o in pass@1 "
     "on the Human Eval benchmark test (90.9% vs. 90.2%).", [(90.9, "GPT-4 Turbo", "gain", True)]),
    ("On the TensorRT platform, FMViT outperforms Resnet101 by 2.5% (83.3% vs. 80.8%) in top-1 accuracy on the "
     "ImageNet dataset.", [(2.5, "Resnet101", "gain", True), (83.3, "Resnet101", "gain", True),
                           (80.8, None, None, False)]),
])
def test_ours_versus_theirs_in_a_bracket(sentence: str, expected: list[tuple[object, ...]]) -> None:
    assert [(n.high, n.baseline, n.direction, n.own) for n in numbers(sentence)] == expected


def test_false_detections_are_errors() -> None:
    """AudioSAE (set D): "false speech detections" counts errors."""
    found = numbers("Feature steering reduces Whisper's false speech detections by 70% with negligible WER increase, "
                    "demonstrating real-world applicability.")
    assert [(n.high, n.metric, n.direction) for n in found] == [(70.0, "error", "reduction")]


@pytest.mark.parametrize(("sentence", "value", "metric"), [
    # HARP (set A): the time right before "twice faster" is what got faster
    ("Notably, HARP achieves these gains while maintaining inference times twice faster than beam search.", 2.0, "time"),
    # Convolutional State Space Models (bundled): samples generated faster are still speed
    ("ConvS5 significantly outperforms Transformers and ConvLSTM on a long horizon Moving-MNIST experiment while "
     "training 3X faster than ConvLSTM and generating samples 400X faster than Transformers.", 400.0, "speed"),
])
def test_a_time_right_before_faster_is_the_measure(sentence: str, value: float, metric: str) -> None:
    assert [n.metric for n in numbers(sentence) if n.high == value] == [metric]


def test_a_multiple_of_a_rivals_gain() -> None:
    """Toward Generalist Autonomous Research via Hypothesis-Tree Refinement (set B): "2.5x the average relative
    held-out gain of Codex and Claude Code" gains over them ("relative" is not "relative to")."""
    found = numbers("Arbor achieves the best held-out result on all six tasks, attaining more than 2.5x the average "
                    "relative held-out gain of Codex and Claude Code under the same task interface and resource budget.")
    assert [(n.high, n.baseline, n.direction) for n in found] == [(2.5, "Codex and Claude Code", "gain")]
    assert [(n.metric, n.confidence) for n in found] == [("accuracy", "unsure")]  # a gain, like an improvement


def test_the_metrics_of_a_task_are_its_scores() -> None:
    """DaMo (set B): "improves the metrics by 12.47%" on a task improves its scores."""
    found = numbers("When used solely for MLLM optimization on the BFCL-v3 task, DaMo improves the metrics by 12.47% "
                    "than other methods.")
    assert [(n.high, n.metric, n.baseline) for n in found] == [(12.47, "accuracy", "other methods")]


def test_improving_by_alone_suggests_a_score() -> None:
    """KnowAct-GUIClaw (set B): "improving by 8.5%" names no measure; the memory far back is the subject, not it."""
    found = numbers("Additionally, the knowledgeable memory and execution skills supported by our framework are "
                    "transferable across diverse base models, improving by 8.5% with Kimi-2.6.")
    assert [(n.high, n.metric, n.confidence) for n in found] == [(8.5, "accuracy", "unsure")]


@pytest.mark.parametrize(("sentence", "value", "metric"), [
    # Radial Attention (set B), Sequence Parallelism (bundled): "N times longer" alone is a length
    ("With minimal tuning, it enables video generation up to 4times longer while reducing training costs by up to "
     "4.4times compared to direct fine-tuning.", 4.0, "context length"),
    ("With sparse attention, sequence can handle sequence with over 114K tokens, which is over 27× longer than "
     "existing sparse attention works holding the whole sequence on each device.", 27.0, "context length"),
    # ... unless something takes that much longer: a time (a constructed guard; no labelled abstract says it)
    ("Training takes 2x longer on this hardware.", 2.0, "time"),
])
def test_longer_alone_is_a_length(sentence: str, value: float, metric: str) -> None:
    assert [n.metric for n in numbers(sentence) if n.high == value] == [metric]


def test_what_a_benchmark_evaluated_is_not_its_result() -> None:
    """MemTrapBench (set C): the drops "even the strongest methods" suffer are theirs; "more than" compares nothing."""
    found = numbers("Experiments across two model families and five representative memory frameworks show that "
                    "MemTrapBench is challenging: all evaluated memory strategies underperform the no-memory setting, "
                    "with even the strongest methods suffering drops of more than 10%.")
    assert [(n.high, n.own) for n in found] == [(10.0, False)]


def test_a_factor_written_with_the_sign_first_is_read_after_a_speedup() -> None:
    """CUDA-L1 (set F, read after its one unseen run): "x17.7" is a speedup of 17.7; every item of the
    list it heads is one, and the peak of a speedup is a speed, not a utilization."""
    sentence = ("CUDA-L1 achieves performance improvements on the CUDA optimization task: trained on NVIDIA A100, "
                "it delivers an average speedup of x17.7 across all 250 CUDA kernels of KernelBench, with peak "
                "speedups reaching x449.")
    assert [(n.high, n.unit, n.metric, n.direction) for n in numbers(sentence)] == [
        (17.7, "x", "speed", "gain"), (449.0, "x", "speed", "gain")]
    listed = ("Furthermore, the model also demonstrates excellent portability across GPU architectures, achieving "
              "average speedups of x17.8 on H100, x19.0 on RTX 3090, x16.5 on L40, x14.7 on H800, and x13.9 on H20 "
              "despite being optimized specifically for A100.")
    assert [n.high for n in numbers(listed)] == [17.8, 19.0, 16.5, 14.7, 13.9]


@pytest.mark.parametrize("sentence", [
    "We compile the kernels for x86 CPUs and measure a speedup on x264 video encoding.",
    "The speedup of our x4 super-resolution model comes from pruning.",
    "Each block is x2 wider than before.",
])
def test_a_sign_first_name_or_setting_is_no_factor(sentence: str) -> None:
    assert [n for n in numbers(sentence) if n.unit == "x"] == []


def test_a_kernel_gain_is_a_speedup_against_the_rival_outperformed() -> None:
    """K-Search (set F, read after its one unseen run): an "improvement" and a "gain" of generated kernels are
    their speed (read from the whole sentence, so unsure), against the methods the sentence outperforms."""
    found = numbers("Our results show that K-Search significantly outperforms state-of-the-art evolutionary search "
                    "methods, achieving an average 2.10x improvement and up to a 14.3x gain on complex MoE kernels.")
    rival = "state-of-the-art evolutionary search methods"
    assert [(n.high, n.kind, n.metric, n.baseline, n.confidence) for n in found] == [
        (2.1, "speedup", "speed", rival, "unsure"), (14.3, "speedup", "speed", rival, "unsure")]


def test_a_level_reached_after_a_comparison_has_no_rival() -> None:
    """Mobile-O (set B): "compared to other unified models, achieving 74% on GenEval" is a score of its own."""
    found = numbers("Despite its efficiency, Mobile-O attains competitive or superior performance compared to other "
                    "unified models, achieving 74% on GenEval and outperforming Show-O and JanusFlow by 5% and 11%, "
                    "while running 6x and 11x faster, respectively.")
    assert (found[0].high, found[0].baseline) == (74.0, None)


def test_a_speedup_that_decreases_to_a_value_is_that_speedup() -> None:
    """Fantastic Pretraining Optimizers (set F, read after its one unseen run): the speedup is the subject of
    "decreases ... to only 1.1x"; the value is a speedup (a gain), not a model size nor a reduction, and its
    rival is the one the subject names."""
    found = numbers("Second, the actual speedup of many proposed optimizers over well-tuned baselines is lower than "
                    "claimed and decreases with model size to only 1.1x for 1.2B parameter models.")
    assert [(n.high, n.kind, n.metric, n.direction, n.baseline) for n in found] == [
        (1.1, "speedup", "speed", "gain", "well-tuned baselines")]
    found = numbers("However, the speedup of matrix-based optimizers is inversely proportional to model scale, "
                    "decreasing from 1.4x over AdamW for 0.1B parameter models to merely 1.1x for 1.2B parameter models.")
    assert [(n.high, n.kind, n.metric, n.direction) for n in found] == [
        (1.4, "speedup", "speed", "gain"), (1.1, "speedup", "speed", "gain")]


def test_what_claims_say_is_not_the_papers_own() -> None:
    """Fantastic Pretraining Optimizers (set F): "numerous claims that ... offer 1.4 to 2x" are others' values."""
    found = numbers("AdamW has long been the dominant optimizer in language model pretraining, despite numerous "
                    "claims that alternative optimizers offer 1.4 to 2x speedup.")
    assert [(n.high, n.own) for n in found] == [(2.0, False)]


def test_time_per_output_token_is_a_latency() -> None:
    """FlashSampling (set F, read after its one unseen run): TPOT spelled out measures time, not tokens."""
    found = numbers("Across H100, H200, B200, and B300 GPUs, FlashSampling speeds up kernel-level decode workloads, "
                    "and in end-to-end vLLM experiments, it reduces time per output token by up to 19% on the models "
                    "we test.")
    assert [(n.high, n.metric, n.direction) for n in found] == [(19.0, "latency", "reduction")]


@pytest.mark.parametrize(("sentence", "metric"), [
    # TingIS (set F, read after its one unseen run): the latency before "and" is the other value's
    ("Deployed in a production environment handling a peak throughput of over 2,000 messages per minute and "
     "300,000 messages per day, TingIS achieves a P90 alert latency of 3.5 minutes and a 95\\% discovery rate for "
     "high-priority incidents.", "accuracy"),
    # a constructed guard: a false detection rate counts errors
    ("The detector lowers the false detection rate to 2%.", "error"),
])
def test_a_rate_of_findings_is_a_score(sentence: str, metric: str) -> None:
    assert [n.metric for n in numbers(sentence)] == [metric]


def test_gains_on_benchmarks_such_as_a_named_one_are_scores() -> None:
    """MM-IFEngine (set F, read after its one unseen run): the first benchmark of a "such as" list names the score
    in its bracket, and the list shares it."""
    found = numbers("We conduct SFT and DPO experiments and demonstrate that fine-tuning MLLMs on MM-IFInstruct-23k "
                    "and MM-IFDPO-23k achieves notable gains on various IF benchmarks, such as MM-IFEval (+10.2%), "
                    "MIA (+7.6%), and IFEval (+12.3%).")
    assert [(n.high, n.metric, n.direction) for n in found] == [
        (10.2, "accuracy", "gain"), (7.6, "accuracy", "gain"), (12.3, "accuracy", "gain")]


@pytest.mark.parametrize(("sentence", "value", "baseline"), [
    # CineMobile (set F, read after its one unseen run): the lead comparison after "results show that"
    ("Experimental results show that compared to the teacher model with the Wan 2.1 architecture, CineMobile "
     "achieves a 40x speedup in generation while maintaining comparable visual quality.", 40.0, "teacher model"),
    # One Token per Multimodal Evidence (set F): what the paper is compared to before "while" is the factor's rival
    ("Latent Memory is evaluated on seven text-only QA benchmarks (e.g., HotpotQA) and multimodal QA benchmarks, "
     "where it achieves competitive QA performance compared to advanced RAG baselines while consuming 3x to 10x "
     "fewer generator tokens.", 10.0, "advanced RAG baselines"),
])
def test_a_comparison_before_the_claim_names_its_rival(sentence: str, value: float, baseline: str) -> None:
    assert [(n.high, n.baseline) for n in numbers(sentence)] == [(value, baseline)]


def test_a_speedup_past_a_percentage_and_a_score_kept_of_the_baseline() -> None:
    """Fast-Decoding Diffusion Language Models (set F, read after its one unseen run): "99.8-100% of the baseline
    score" is what is kept, against no rival; a bare factor after a percentage takes the clause's speedup."""
    kept = numbers("SchED delivers large, stable accelerations: on instruction-tuned models, it achieves "
                   "3.8-4.0times speedups while retaining 99.8-100% of the baseline score on average.")
    assert [(n.high, n.metric, n.baseline) for n in kept] == [(4.0, "speed", None), (100.0, "accuracy", None)]
    found = numbers("On base models, SchED yields consistent speedup gains with 99.1-100% performance retention, "
                    "with up to 2.34times under more aggressive settings.")
    assert [(n.high, n.kind, n.metric, n.confidence) for n in found if n.unit == "x"] == [
        (2.34, "speedup", "speed", "unsure")]


def test_a_speedup_nearer_the_value_than_a_measure_is_speed() -> None:
    """SeerAttention-R (set G, read after its one unseen run): the kernel is sparse, the 9x is its speedup; the
    90% after "at" is the sparsity it runs at."""
    found = numbers("Using TileLang, we develop a highly optimized sparse decoding kernel that achieves near-theoretical "
                    "speedups of up to 9x over FlashAttention-3 on H100 GPU at 90% sparsity.")
    assert [(n.high, n.unit, n.metric, n.baseline) for n in found] == [
        (9.0, "x", "speed", "FlashAttention-3"), (90.0, "%", "sparsity", None)]


def test_the_peak_of_a_named_measure_is_that_measure() -> None:
    """SafeHarbor (set G, read after its one unseen run): "peak" describes the benign utility (the share of
    benign tasks served: a score), not the hardware's peak; a utility is a task score."""
    found = numbers("Extensive experiments demonstrate that SafeHarbor achieves state-of-the-art performance on both "
                    "ambiguous benign tasks and explicit malicious attacks, notably attaining a peak benign utility of "
                    "63.6\\% on GPT-4o while maintaining a robust refusal rate exceeding 93\\% against harmful requests.")
    assert [(n.high, n.metric) for n in found][:1] == [(63.6, "accuracy")]


def test_a_margin_of_a_value_is_what_beats_the_rival() -> None:
    """See, Point, Fly (set G, read after its one unseen run): "by an absolute margin of" is "by": the value
    is a score gained over the previous best method."""
    found = numbers("SPF sets a new state of the art in DRL simulation benchmark, outperforming the previous best "
                    "method by an absolute margin of 63%.")
    assert [(n.high, n.metric, n.baseline, n.direction) for n in found] == [
        (63.0, "accuracy", "previous best method", "gain")]


@pytest.mark.parametrize(("sentence", "metric", "baseline"), [
    # Learning Few-Step Diffusion Models by Trajectory Distribution Matching (set G): the rival by its possessive
    ("This is accomplished with 500 iterations and 2 A800 hours -- a mere 0.01% of the teacher's training cost.",
     "cost", "teacher"),
    # DiffusionGemma Technical Report (set G): the measure too comes after the possessive, past the value's window
    ("Our compute-efficient two-stage training pipeline uses fewer than 10% of the starting AR model's total "
     "training token budget.", "tokens", "starting AR model"),
    # Open-Qwen2VL (set G): the rival after what it spent
    ("The Open-Qwen2VL pre-training is conducted on academic level 8xA100-40G GPUs at UCSB on 5B packed multimodal "
     "tokens, which is 0.36\\% of 1.4T multimodal pre-training tokens of Qwen2-VL.", "tokens", "Qwen2-VL"),
    # LLaDA MoE v2 (set G): "as many ... as" a rival
    ("With approximately 65\\% as many pretraining tokens as Qwen3, LLaDA MoE v2 approaches Qwen3 on several "
     "knowledge, reasoning, and coding benchmarks.", "tokens", "Qwen3"),
    # SlimMoE (set A): the original model is the one compressed, no rival
    ("Using this framework, we compress Phi 3.5-MoE to create Phi-mini-MoE using only 400B tokens--less than 10% of "
     "the original model's training data.", "data", None),
])
def test_a_share_of_what_a_rival_spends_is_against_that_rival(sentence: str, metric: str, baseline: str | None) -> None:
    assert [(n.metric, n.baseline) for n in numbers(sentence) if n.unit == "%"] == [(metric, baseline)]


def test_a_value_restating_a_change_takes_its_measure_and_way() -> None:
    """Learn-by-Wire Training Control Governance (set G, read after its one unseen run): "an 18.7% improvement"
    restates the fall of perplexity just described: perplexity, a reduction; the factor after keeps its speedup."""
    found = numbers("In the 7B reference setting, LBW-Guard reduces final perplexity from 13.21 to 10.74, an 18.7% "
                    "improvement, while reducing end-to-end time from 392.54s to 357.02s, a 1.10x speedup.")
    assert [(n.high, n.metric, n.direction) for n in found] == [(18.7, "perplexity", "reduction"), (1.1, "speed", "gain")]


def test_the_overhead_a_process_incurs_is_time() -> None:
    """Jet-Long (set G, read after its one unseen run): the 4% is what single-batch generation takes longer, not
    the throughput of the prefill before it."""
    found = numbers("An inclusion-exclusion attention merge and an on-the-fly RoPE correction rotation make the bifocal "
                    "construction essentially free at inference; fused into a single CuTe kernel, long-context prefill "
                    "reaches up to 1.39times FA2 throughput on H100 (approaching the Hopper-only FA4), and single-batch "
                    "generation incurs le 4% overhead at every length.")
    assert [(n.high, n.metric) for n in found] == [(1.39, "throughput"), (4.0, "time")]


@pytest.mark.parametrize(("sentence", "baseline"), [
    # Jet-Long (set G, read after its one unseen run): 1.39 times what FA2 reaches
    ("fused into a single CuTe kernel, long-context prefill reaches up to 1.39times FA2 throughput on H100 "
     "(approaching the Hopper-only FA4)", "FA2"),
    # a measure after an ordinary word names no rival
    ("fused into a single CuTe kernel, long-context prefill reaches up to 1.39times higher throughput on H100", None),
])
def test_a_factor_of_a_named_rivals_measure_is_against_it(sentence: str, baseline: str | None) -> None:
    assert [n.baseline for n in numbers(sentence)] == [baseline]


def test_a_gap_between_others_is_a_score_against_no_rival() -> None:
    """MMEvalPro (set G, read after its one unseen run): "an average gap of 8.03%" after "compared to" is the older
    benchmarks' gap, not a rival named "average gap"; the best LLM trailing the best LMM by 23.09% is a score's gap
    between two models the benchmark tests, against no rival of the paper's."""
    found = numbers("Compared with the existing benchmarks, our experiments with the latest LLMs and LMMs demonstrate "
                    "that MMEvalPro is more challenging (the best LMM lags behind human performance by 31.73%, compared "
                    "to an average gap of 8.03% in previous benchmarks) and more trustworthy (the best LLM trails the "
                    "best LMM by 23.09%, whereas the gap for previous benchmarks is just 14.64%).")
    assert [(n.high, n.metric, n.baseline, n.own) for n in found] == [
        (31.73, "accuracy", None, True), (8.03, "accuracy", None, False), (23.09, "accuracy", None, True)]


def test_a_share_with_less_than_after_the_rivals_beaten_is_against_them() -> None:
    """Latent On-Policy Self-Distillation (set G, read after its one unseen run): "with less than 30% of their
    rollout budget" is a share of what the rivals just surpassed spend."""
    found = numbers("Empirically, LOPD demonstrates (I) strong performance, outperforming RLVR and representative OPSD "
                    "methods including OPSD, SDPO, and Skill-SD across both agentic tool use and code generation; and "
                    "(II) high learning efficiency, surpassing GRPO and Skill-SD with less than 30% of their rollout "
                    "budget.")
    assert [(n.high, n.metric, n.baseline) for n in found] == [(30.0, "cost", "GRPO and Skill-SD")]


@pytest.mark.parametrize(("sentence", "metric"), [
    # What Users Leave Unsaid (set G, read after its one unseen run): a level achieved on a set of queries is a score
    ("Evaluating 39 VLMs, we find that even state-of-the-art models (GPT-5, Gemini 2.5 Pro) achieve under 50% on the "
     "original queries.", "accuracy"),
    # A Simple and Effective L_2 Norm-Based Strategy (set C): a reduction listed on tasks keeps the list's measure
    ("Our experimental results show that this simple strategy can reduce the KV cache size by 50% on language "
     "modelling and needle-in-a-haystack tasks and 90% on passkey retrieval tasks without losing accuracy.", "KV cache"),
])
def test_a_level_achieved_on_queries_is_a_score(sentence: str, metric: str) -> None:
    assert numbers(sentence)[-1].metric == metric


def test_a_value_with_its_spread_is_the_value_and_where_it_started_in_brackets_is_not_its_own() -> None:
    """CADENCE (set H, read after its one unseen run): "69.8 pm 0.5%" is 69.8% with a spread of 0.5, not 0.5%; "(from
    48.7% pretrained" in brackets after it is where the student started, not a result."""
    found = numbers("On GSM8K and MATH-500 (corrected 512-token protocol, 5 seeds, reported std), CADENCE distills a 0.5B "
                    "student from a 1.5B teacher to 69.8 pm 0.5% GSM8K pass@1 (from 48.7% pretrained; 63.2% of the "
                    "teacher gap closed) and to 72.1 pm 0.4% with a 3B teacher (76.2% closed), beating the strongest "
                    "matched-compute label-using baseline (DRIFT+binary reward) by +4.4 pm 0.7 points.")
    assert [(n.high, n.metric, n.own) for n in found][:2] == [(69.8, "accuracy", True), (48.7, "accuracy", False)]
    assert 0.5 not in {n.high for n in found}


def test_values_in_a_rivals_brackets_are_all_the_rivals() -> None:
    """Bielik Guard (set H, read after its one unseen run): "(31.55% precision, 4.70% FPR)" after the rival's name are
    both its values, each named by its measure."""
    found = numbers("Notably, Bielik Guard 0.1B v1.1 achieves superior precision (77.65%) and very low false positive "
                    "rate (0.63%) on real user prompts, outperforming HerBERT-PL-Guard (31.55% precision, 4.70% FPR) "
                    "despite identical model size.")
    assert [(n.high, n.own) for n in found] == [(77.65, True), (0.63, True), (31.55, False), (4.7, False)]


def test_the_strongest_agent_a_benchmark_evaluates_is_not_the_papers_own() -> None:
    """GameCraft-Bench (set H, read after its one unseen run): the best of the evaluated agents, named in the singular,
    scores for its makers, not for the benchmark's authors."""
    found = numbers("Evaluations of frontier coding agents show that end-to-end game generation remains highly "
                    "challenging: the strongest agent achieves only 41.46%, and most agents score below 40%.")
    assert all(not n.own for n in found) and 41.46 in {n.high for n in found}


def test_absolute_relative_error_is_an_error() -> None:
    """Any to Full (set H, read after its one unseen run): AbsREL, a depth estimate's absolute relative error, is an
    error as RMSE is, not an accuracy."""
    found = numbers("It outperforms OMNI-DC by 32.2% in average AbsREL and delivers a 1.4times speedup over PriorDA with "
                    "the same MDE backbone, establishing a new paradigm for universal depth completion.")
    assert (found[0].high, found[0].unit, found[0].metric) == (32.2, "%", "error")


def test_latex_times_before_the_number_is_a_factor_when_speed_follows() -> None:
    """Token Sparse Attention (set H, read after its one unseen run): LaTeX's "\\times3.23" arrives as "times3.23", the
    sign before the number; with "attention speedup" after it, it is a 3.23x speedup. A grid ("64times64") is not."""
    found = numbers("Experimental results show that Token Sparse Attention consistently improves accuracy-latency "
                    "trade-off, achieving up to times3.23 attention speedup at 128K context with less than 1% accuracy "
                    "degradation.")
    assert [(n.high, n.unit, n.kind) for n in found][:1] == [(3.23, "x", "speedup")]
    assert not [n for n in numbers("Patches of 64times64 pixels give a speedup.") if n.unit == "x"]


def test_n_times_that_of_a_rival_names_the_rival() -> None:
    """Leveraging Locality to Boost Sample Efficiency in Robotic Manipulation (set H, read after its one unseen run):
    "2.54 times that of SGR" compares with SGR, as "of that of" and "to that of" already did."""
    found = numbers("Furthermore, when evaluated on ManiSkill2 and MimicGen using dense control, SGRv2's success rate "
                    "is 2.54 times that of SGR.")
    assert [(n.high, n.metric, n.baseline) for n in found] == [(2.54, "accuracy", "SGR")]


def test_the_measure_before_a_colon_is_what_the_values_after_it_measure() -> None:
    """OasisKV (set I, read after its one unseen run): "throughput gain:" names what the factors after the colon
    measure and which way they go, the first one opening the clause and the one listed after it alike."""
    found = numbers("This lets OasisKV turn sparsity into throughput gain: 1.69× over dense vLLM on the reasoning workload "
                    "at 0.1 points of accuracy loss, and up to 2.1× on multi-GPU long-context serving.")
    assert [(n.high, n.kind, n.metric, n.direction) for n in found] == [
        (1.69, "speedup", "throughput", "gain"), (2.1, "speedup", "throughput", "gain")]


@pytest.mark.parametrize(("sentence", "value", "direction"), [
    # Wonderful Matrices (set I, read after its one unseen run): the verb is fourteen words before the value
    ("First, we prove the availability of rotary position embedding in the state space duality algorithm, which reduces "
     "the perplexity of the hybrid quadratic causal self-attention and state space duality by more than 4%, to ensure "
     "that the combining sequence transformation unifies position encoding.", 4.0, "reduction"),
    # RoPE-Aware Bit Allocation for KV-Cache Quantization (set I): "cutting ... by"
    ("Under matched K/V bit budgets, Block-GTQ better preserves RoPE query-key logits on a ten-model diagnostic panel, "
     "cutting per-layer MAE by 32-80% at 2 and 3 b/dim K-only quantization and winning all 367/367 layer comparisons "
     "against uniform TQ-MSE.", 80.0, "reduction"),
])
def test_by_ties_a_value_to_its_clauses_verb(sentence: str, value: float, direction: str) -> None:
    assert [n.direction for n in numbers(sentence) if n.high == value] == [direction]


def test_a_claim_repeated_on_further_benchmarks_is_one_list() -> None:
    """Synthetic Data RL (set I, read after its one unseen run): "a 29.2% absolute improvement over the base model on
    GSM8K (...), 8.7% on MATH, ..." states one gain, then the same gain on each further benchmark; the bracketed
    percentage-point asides between them do not end the list."""
    found = numbers("On Qwen-2.5-7B, our method achieves a 29.2% absolute improvement over the base model on GSM8K (+2.9 pp "
                    "vs. instruction-tuned, +6.6 pp vs. Self-Instruct), 8.7% on MATH, 13.1% on GPQA (+7.0 pp vs. "
                    "SynthLLM), 8.9% on MedQA, 17.7% on CQA (law) and 13.7% on CFA (finance).")
    assert [(n.high, n.metric, n.direction) for n in found] == [
        (v, "accuracy", "gain") for v in (29.2, 8.7, 13.1, 8.9, 17.7, 13.7)]


def test_what_the_baseline_models_score_is_theirs() -> None:
    """OmniBench (set I, read after its one unseen run): a benchmark's finding that "the baseline models perform poorly
    (below 50% accuracy)" reports the models it evaluated, not the paper's own result."""
    found = numbers("Our main findings reveal that: i) open-source OLMs exhibit critical limitations in instruction-following "
                    "and reasoning capabilities within tri-modal contexts; and ii) the baseline models perform poorly "
                    "(below 50% accuracy) even when provided with alternative textual representations of images and audio.")
    assert [(n.high, n.metric, n.own) for n in found] == [(50.0, "accuracy", False)]


def test_the_models_a_value_is_ranked_among_are_no_subject() -> None:
    """SLAI T-Rex (set I, read after its one unseen run): "among the evaluated models" says whom the specialized model
    beat; its 71.81% is the paper's own."""
    found = numbers("The specialized model achieves the highest average zero-shot Pass@1 score among the evaluated models, "
                    "reaching 71.81% and outperforming GPT-5.4-Mini and the base DeepSeek-V4-Flash model by 3.98 and 11.27 "
                    "percentage points, respectively.")
    assert [(n.high, n.metric, n.own) for n in found] == [(71.81, "accuracy", True)]


def test_an_improvement_with_a_measured_value_is_of_that_measure() -> None:
    """SLAI T-Rex (set I, read after its one unseen run): "34.22% Model FLOPs Utilization (MFU) with a 2.93x
    improvement" improves the utilization just reported, not a task score."""
    found = numbers("The resulting system achieves 34.22% Model FLOPs Utilization (MFU) with a 2.93x improvement over the "
                    "open-source baseline recipe while maintaining training stability.")
    assert [(n.high, n.metric, n.baseline) for n in found] == [
        (34.22, "utilization", None), (2.93, "utilization", "open-source baseline recipe")]


def test_the_same_comparative_again_is_against_the_same_rival() -> None:
    """Scaling DoRA (set I, read after its one unseen run): "1.5-2.0x faster than X for inference and 1.5-1.9x faster for
    gradient computation" compares both with X; the second has no "than" of its own."""
    found = numbers("Across six 8-32B vision-language models (VLMs) on three NVIDIA GPUs (RTX 6000 PRO, H200, B200) at r = "
                    "384 in bf16, the fused implementation is 1.5-2.0x faster than Hugging Face PEFT's DoRA implementation "
                    "for inference and 1.5-1.9x faster for gradient computation (optimizer step excluded), with up to 7 GB "
                    "lower peak VRAM.")
    assert [(n.high, n.baseline) for n in found if n.unit == "x"] == [
        (2.0, "Hugging Face PEFT's DoRA implementation"), (1.9, "Hugging Face PEFT's DoRA implementation")]


def test_a_level_reached_compared_to_a_named_rival_is_against_it() -> None:
    """Thinking with Map (set I, read after its one unseen run): "from 8.0% to 22.1% compared to Gemini-3-Pro" reaches a
    level against the rival named after it (the 8.0% is that rival's); "from 39.39% to 60.61% over its base model"
    (set E) starts from its own model and names none."""
    found = numbers("Experimental results show that our method outperforms existing open- and closed-source models on most "
                    "metrics, specifically improving Acc@500m from 8.0% to 22.1% compared to Gemini-3-Pro with Google "
                    "Search/Map grounded mode.")
    assert [(n.high, n.own, n.baseline) for n in found] == [(8.0, False, None), (22.1, True, "Gemini-3-Pro")]
    own_base = numbers("On MLE-Bench Lite under a 12-hour per-task budget on one RTX 4090 capped at 12 GB VRAM, Frontis-MA1 "
                       "(35B) improves Medal Average from 39.39% to 60.61% over its base model with OpenMLE-Evo.")
    assert [(n.high, n.baseline) for n in own_base] == [(39.39, None), (60.61, None)]


def test_a_hyphenated_compound_before_a_head_noun_is_named_by_its_last_piece() -> None:
    """DistilVDR (set I, read after its one unseen run): "a 3 times smaller visual-token budget" is a budget of tokens,
    not a cost."""
    found = numbers("We release two variants that share the same encoders and training and differ only in the document "
                    "encoder's visual-tile budget: DistilVDR-HiRes attains 61.74 average NDCG@5 on ViDoRe v1+v2+v3 and "
                    "leads every reproduced sub-1B baseline, while DistilVDR-Fast attains 59.98 at a 3 times smaller "
                    "visual-token budget.")
    assert [(n.high, n.metric, n.direction) for n in found] == [(3.0, "tokens", "reduction")]


def test_corresponding_to_restates_the_change_before_it() -> None:
    """Information-Preserving Reformulation of Reasoning Traces (set I, read after its one unseen run): "decreases from
    54.17 to 46.88 on AIME 2024, corresponding to a 13.5% degradation" restates a performance's change, a score; the
    reformulated traces of the opening clause are not what changed."""
    found = numbers("For instance, when training on reformulated traces, even the performance of a large 32B student model "
                    "decreases from 54.17 to 46.88 on AIME 2024, corresponding to a 13.5% degradation.")
    assert [(n.high, n.metric, n.direction, n.confidence) for n in found] == [(13.5, "accuracy", "reduction", "unsure")]


def test_a_speedup_at_the_value_is_not_a_compression_further_back() -> None:
    """RoPE-Aware Bit Allocation for KV-Cache Quantization (set I, read after its one unseen run): "runs 1.34x faster"
    is a speedup although "3.24x KV-cache compression" stands earlier in the clause."""
    found = numbers("On a single H800 GPU with Qwen2.5-3B-Instruct, packed K3V3 achieves 3.24x KV-cache compression with "
                    "fp16-comparable quality, runs 1.34x faster than fp16 FlashAttention2 at 128K context, reduces peak "
                    "memory from 56.31 GB to 19.85 GB, and remains feasible at 256K and 512K where fp16 OOMs.")
    assert [(n.high, n.kind) for n in found if n.unit == "x"] == [(3.24, "compression"), (1.34, "speedup")]


def test_a_beaten_rival_is_beaten_on_speed_only_when_the_values_own_clause_is_about_systems() -> None:
    """ECHO (set J, read after its one unseen run): "improving RaTE and SemScore by 64.33% and 60.58% respectively"
    beats the rival on scores; the inference speedup belongs to the clause after ", while"."""
    found = numbers("Extensive experiments demonstrate that ECHO surpasses state-of-the-art autoregressive methods, "
                    "improving RaTE and SemScore by 64.33% and 60.58% respectively, while achieving an 8× inference "
                    "speedup without compromising clinical accuracy.")
    assert [(n.high, n.metric) for n in found] == [(64.33, "accuracy"), (60.58, "accuracy"), (8.0, "speed")]


@pytest.mark.parametrize(("sentence", "expected"), [
    # Understand and Accelerate Memory Processing Pipeline (set J, read after its one unseen run): the overhead of
    # "memory processing" is the time the processing takes, not memory
    ("Through systematic profiling, we identify a 22%-97% memory processing overhead in LLM inference and strong "
     "heterogeneity in its computational characteristics.", [(97.0, "time")]),
    # Large Language Models Explore by Latent Distilling (set J, read after its one unseen run): the overhead of a
    # training--inference pipeline, and the bracketed figure of the same overhead, are time
    ("ESamp is implemented with an asynchronous training--inference pipeline, with less than 5% worst case overhead "
     "(1.2% in the optimized release).", [(5.0, "time"), (1.2, "time")]),
])
def test_an_overhead_a_process_incurs_further_off_is_time(sentence: str, expected: list[tuple[float, str]]) -> None:
    assert [(n.high, n.metric) for n in numbers(sentence)] == expected


def test_a_performance_at_the_value_outranks_a_noun_far_back() -> None:
    """QuaDMix (set J, read after its one unseen run): "an average performance improvement of 7.2%" is a score; the
    datasets the experiments ran on, nine words back, are not what improved."""
    found = numbers("Our experiments across diverse models and datasets demonstrate that QuaDMix achieves an average "
                    "performance improvement of 7.2% across multiple benchmarks.")
    assert [(n.high, n.metric, n.confidence) for n in found] == [(7.2, "accuracy", "unsure")]


def test_by_ties_a_value_to_the_object_of_its_clauses_verb() -> None:
    """Ferret (set J, read after its one unseen run): "reduces the time needed to achieve a 90% ASR by 15.2%" reduces
    the time, although another value stands between the measure and its change."""
    found = numbers("Additionally, Ferret reduces the time needed to achieve a 90% ASR by 15.2% compared to the baseline "
                    "and generates adversarial prompts that are transferable i.e. effective on other LLMs of larger size.")
    assert [(n.high, n.metric, n.direction) for n in found if n.high == 15.2] == [(15.2, "time", "reduction")]


def test_computationally_efficient_is_efficient_in_compute() -> None:
    """Fast Best-of-N Decoding via Speculative Rejection (set J, read after its one unseen run): "16 to 32 times more
    computationally efficient" measures compute."""
    found = numbers("It generates high-scoring responses according to a given reward model, like Best-of-N does, while "
                    "being between 16 to 32 times more computationally efficient.")
    assert [(n.low, n.high, n.metric, n.direction) for n in found] == [(16.0, 32.0, "compute", "gain")]


@pytest.mark.parametrize(("sentence", "expected"), [
    # Mixture-of-Transformers (set J, read after its one unseen run): a share of the FLOPs or time the baseline named
    # in its clause spends is against that baseline
    ("In the Chameleon 7B setting (autoregressive text-and-image generation), MoT matches the dense baseline's "
     "performance using only 55.8% of the FLOPs.", [(55.8, "the dense baseline")]),
    ("System profiling further highlights MoT's practical benefits, achieving dense baseline image quality in 47.2% "
     "of the wall-clock time and text quality in 75.6% of the wall-clock time (measured on AWS p4de.24xlarge "
     "instances with NVIDIA A100 GPUs).", [(47.2, "dense baseline"), (75.6, "dense baseline")]),
])
def test_a_share_of_a_cost_is_against_the_baseline_its_clause_names(sentence: str,
                                                                     expected: list[tuple[float, str]]) -> None:
    assert [(n.high, n.baseline) for n in numbers(sentence)] == expected


def test_a_multiple_of_what_a_rival_has_is_more_of_it() -> None:
    """MiniMax-M1 (set J, read after its one unseen run): "8x the context size of DeepSeek R1" is a gain."""
    found = numbers("The M1 model natively supports a context length of 1 million tokens, 8x the context size of "
                    "DeepSeek R1.")
    assert [(n.high, n.metric, n.direction, n.baseline) for n in found] == [
        (8.0, "context length", "gain", "DeepSeek R1")]


def test_a_share_of_what_others_achieved_is_own_and_against_them() -> None:
    """Self-Supervised Visual On-Policy Distillation (set J, read after its one unseen run): "recovers 96% of the
    improvement achieved by methods with privileged information" is the paper's own share of the others' gain, not a
    value the others reported; they are its baseline."""
    found = numbers("While holding training data the same, it recovers 96% of the improvement achieved by methods with "
                    "privileged information.")
    assert [(n.high, n.own, n.baseline) for n in found] == [(96.0, True, "methods")]


def test_what_humans_achieve_is_not_the_papers_own() -> None:
    """LEGO-Puzzles (set J, read after its one unseen run): "whereas human participants achieve over 90% accuracy" is
    the human reference the benchmark reports; "over" bounds the value, it compares nothing."""
    found = numbers("Based on LEGO-Puzzles, we conduct a comprehensive evaluation of state-of-the-art MLLMs and uncover "
                    "significant limitations in their spatial reasoning capabilities: even the most powerful MLLMs can "
                    "answer only about half of the test cases, whereas human participants achieve over 90% accuracy.")
    assert [(n.high, n.own) for n in found] == [(90.0, False)]


def test_percentage_points_written_percent_p_are_not_a_percentage() -> None:
    """Revisiting Residual Connections (set J, read after its one unseen run): "+4.3%p" is 4.3 percentage points."""
    assert numbers("We demonstrate that our orthogonal update strategy improves generalization accuracy and training "
                   "stability across diverse architectures (ResNetV2, Vision Transformers) and datasets (CIFARs, "
                   "TinyImageNet, ImageNet-1k), achieving, for instance, a +4.3%p top-1 accuracy gain for ViT-B on "
                   "ImageNet-1k.") == []


def test_a_which_is_value_restates_the_level_before_it_against_its_own_rival() -> None:
    """Ferret (set J, read after its one unseen run): "to 95%, which is 46% higher than Rainbow Teaming": the 46% is the
    same measure as the 95% it restates, against Rainbow Teaming; the 95% is a level with no rival."""
    found = numbers("Our results demonstrate that Ferret, utilizing a reward model as a scoring function, improves the "
                    "overall attack success rate (ASR) to 95%, which is 46% higher than Rainbow Teaming.")
    assert [(n.high, n.metric, n.baseline) for n in found] == [(95.0, "accuracy", None),
                                                              (46.0, "accuracy", "Rainbow Teaming")]


def test_a_rate_a_verb_moves_from_one_level_to_another_is_a_score() -> None:
    """Honest Lying (set J, read after its one unseen run): "increasing correct object mention from 0% to 86%" is a
    score that rose (unsure); the 0% it started from is not the paper's own."""
    found = numbers("Our mitigation replaces open-ended self-diagnosis with programmatic extraction of trajectory-level "
                    "failure signals, increasing correct object mention from 0% to 86%, reducing RRR from 0.64 to 0.10, "
                    "and solving 3 of 16 frozen ALFWorld environments.")
    assert [(n.high, n.metric, n.own, n.confidence) for n in found] == [(0.0, "accuracy", False, "unsure"),
                                                                       (86.0, "accuracy", True, "unsure")]


def test_a_range_of_rates_is_no_change() -> None:
    """AgentLens (set G): "Lucky rates range from 0.5% to 23.2%" moves nothing, so the rates stay unnamed."""
    assert numbers("Across the eight model backends, Lucky rates range from 0.5% to 23.2%.") == []


def test_within_a_share_of_something_is_against_it() -> None:
    """UniQL (set K, read after its one unseen run): "maintaining accuracy within 5% of the original models" stays close
    to the original models; the 2.7x listed before it shares no such rival."""
    found = numbers("Our experiments show that quantized and pruned models achieve a memory reduction of 4x-5.7x and a "
                    "token-throughput improvement of 2.7x-3.4x, maintaining accuracy within 5% of the original models at "
                    "15% pruning across Transformers (Llama3 and Qwen2.5), SSMs (Mamba2), and hybrid models (Nemotron-H "
                    "and Bamba-v2).")
    assert [(n.high, n.baseline) for n in found] == [(5.7, None), (3.4, None), (5.0, "original models"), (15.0, None)]


def test_the_same_claim_against_each_rival_in_turn_shares_its_measure() -> None:
    """Lightweight Neural App Control (set K, read after its one unseen run): ", and up to 42% compared to ..." repeats
    the accuracy claim against a second rival."""
    found = numbers("More specifically, LiMAC increases the overall action accuracy by up to 19% compared to fine-tuned "
                    "VLMs, and up to 42% compared to prompt-engineering baselines.")
    assert [(n.high, n.metric, n.baseline, n.direction) for n in found] == [
        (19.0, "accuracy", "fine-tuned VLMs", "gain"), (42.0, "accuracy", "prompt-engineering baselines", "gain")]


def test_a_reciprocal_rank_is_a_score_and_up_to_repeats_it_per_task() -> None:
    """LoRACode (set K, read after its one unseen run): Mean Reciprocal Rank is a retrieval score, and ", and up to
    86.69% for Text2Code search tasks" repeats the claim on the next task past the bracketed abbreviation."""
    found = numbers("Experiments demonstrate an increase of up to 9.1% in Mean Reciprocal Rank (MRR) for Code2Code "
                    "search, and up to 86.69% for Text2Code search tasks across multiple programming languages.")
    assert [(n.high, n.metric, n.direction) for n in found] == [(9.1, "accuracy", "gain"), (86.69, "accuracy", "gain")]


def test_a_payload_reduction_at_the_value_outranks_the_compression_behind_it() -> None:
    """EdgeDetect (set K, read after its one unseen run): the uplink payload is communication, and "reducing ... by
    32times" right at the value is a reduction; "compresses local updates" further back is the means."""
    found = numbers("EdgeDetect introduces gradient smartification, a median-based statistical binarization that "
                    "compresses local updates to {+1,-1} representations, reducing uplink payload by 32times while "
                    "preserving convergence.")
    assert [(n.high, n.kind, n.metric, n.direction) for n in found] == [(32.0, "reduction", "bandwidth", "reduction")]


def test_an_accuracy_loss_goes_down() -> None:
    """EdgeDetect (set K, read after its one unseen run): "<0.5% accuracy loss" is a drop in accuracy."""
    found = numbers("Raspberry Pi-4 deployment confirms edge feasibility: 4.2~MB memory, 0.8~ms latency, and 12~mJ per "
                    "inference with <0.5% accuracy loss.")
    assert [(n.high, n.metric, n.direction) for n in found] == [(0.5, "accuracy", "reduction")]


@pytest.mark.parametrize(("sentence", "value"), [
    # UniQL (set K, read after its one unseen run): a hyphenated compound is named by its last piece
    ("Our experiments show that quantized and pruned models achieve a memory reduction of 4x-5.7x and a "
     "token-throughput improvement of 2.7x-3.4x, maintaining accuracy within 5% of the original models at 15% pruning "
     "across Transformers (Llama3 and Qwen2.5), SSMs (Mamba2), and hybrid models (Nemotron-H and Bamba-v2).", 3.4),
    # FlowPrefill (set K, read after its one unseen run): goodput is throughput, and more of it is a speedup
    ("Evaluation on real-world production traces shows that FlowPrefill improves maximum goodput by up to 5.6times "
     "compared to state-of-the-art systems while satisfying heterogeneous SLOs.", 5.6),
])
def test_more_throughput_is_a_speedup(sentence: str, value: float) -> None:
    found = next(n for n in numbers(sentence) if n.high == value and n.unit == "x")
    assert (found.kind, found.metric, found.direction) == ("speedup", "throughput", "gain")


def test_the_subject_of_outperform_by_is_not_the_measure() -> None:
    """DiaSynth (set K, read after its one unseen run): "the synthetic data" describes the models that outperform, the
    16.47% they win by is a score (unsure: only the verb says so)."""
    found = numbers("The pretrained language models fine-tuned on the synthetic data outperform the base models by "
                    "16.47%, while the comparison between models fine-tuned on in-domain data and synthetic data shows "
                    "that the synthetic data is able to capture 90.48% of the distribution of the in-domain data.")
    assert (found[0].high, found[0].metric, found[0].baseline) == (16.47, "accuracy", "base models")


def test_a_good_ratio_is_a_score() -> None:
    """Proofread (set K, read after its one unseen run): "85.56\\% good ratio" is the share of outputs judged good, a
    score as a success rate is (LaTeX's escaped percent sign arrives as written)."""
    found = numbers("Extensive experiments on a human-labeled golden set showed our tuned PaLM2-XS model achieved "
                    "85.56\\% good ratio.")
    assert [(n.high, n.metric) for n in found] == [(85.56, "accuracy")]


def test_a_comparative_after_while_shares_the_rival() -> None:
    """MobileCLIP (bundled): "2.3x faster while more accurate compared to previous best CLIP model" compares both with
    the one rival; only a clause of its own after "while" ("while maintaining ...", set K: TokenPilot) keeps it."""
    found = _baselines("Our MobileCLIP-S2 variant is 2.3× faster while more accurate compared to previous best CLIP "
                       "model based on ViT-B/16.")
    assert len(found) == 1 and (found[0] or "").startswith("previous best CLIP model")


def test_a_score_surpassed_by_a_factor_is_no_speedup() -> None:
    """R2R (set L, read after its one unseen run): surpassing "the average accuracy of R1-7B by 1.6x" outdoes a score,
    so the factor is of another kind than a speedup (set F's kernels outperforming by "8times" name no score)."""
    found = numbers("With an average activated parameter size of 5.6B, R2R surpasses the average accuracy of R1-7B by "
                    "1.6x, outperforming even the R1-14B model.")
    assert [(n.high, n.kind, n.metric) for n in found if n.unit == "x"] == [(1.6, "other", "accuracy")]


def test_a_deviation_is_an_error() -> None:
    """Unveiling Downstream Performance Scaling (set L, read after its one unseen run): a mean deviation of predictions
    from the truth is an error, as RMSE and MAE are, not the "predictive accuracy" the sentence opens with."""
    found = numbers("Notably, COD achieves remarkable predictive accuracy on the 70B LLM by leveraging an ensemble of "
                    "small models, demonstrating an absolute mean deviation of 1.36% across eight important LLM "
                    "evaluation benchmarks.")
    assert [(n.high, n.metric) for n in found] == [(1.36, "error")]


def test_a_compound_with_its_hyphens_lost_does_not_cut_the_words_after_a_value() -> None:
    """Quant VideoGen (set L, read after its one unseen run; the abstract as the daily-papers API gives it, hyphens
    gone): "end to end" is one compound, so its "to" does not end the words that name what the 4% measures."""
    found = numbers("Across LongCat Video, HY WorldPlay, and Self Forcing benchmarks, QVG establishes a new Pareto frontier "
                    "between quality and memory efficiency, reducing KV cache memory by up to 7.0 times with less than 4% "
                    "end to end latency overhead while consistently outperforming existing baselines in generation "
                    "quality.")
    assert [(n.high, n.unit, n.metric) for n in found] == [(7.0, "x", "memory"), (4.0, "%", "latency")]


def test_rivals_named_before_their_values_pair_respectively() -> None:
    """XEUS (set L, read after its one unseen run): "outperforms MMS 1B and w2v-BERT 2.0 v2 by 0.8% and 4.4%
    respectively" beats each rival by its own margin."""
    found = numbers("XEUS sets a new SOTA on the ML-SUPERB benchmark: it outperforms MMS 1B and w2v-BERT 2.0 v2 by 0.8% "
                    "and 4.4% respectively, despite having less parameters or pre-training data.")
    assert [(n.high, n.baseline) for n in found] == [(0.8, "MMS 1B"), (4.4, "w2v-BERT")]


@pytest.mark.parametrize(("sentence", "expected"), [
    # Draft Less, Retrieve More (set M: Graft): the measure improved stands between "improves" and "over"
    ("On short-context benchmarks, it achieves up to 5.41times speedup and improves average speedup over EAGLE-3 by "
     "up to 21.8% on the large-scale Qwen3-235B.", [None, "EAGLE-3"]),
    # SIRI (set B): "improves performance on AIME24 by 43.2%" names a benchmark, not a rival
    ("5B, SIRI-low improves performance on AIME24 by 43.2% while reducing token usage by 46.9% after three "
     "iterations, and SIRI-high achieves the highest accuracy compared to all other methods (Figure 1).",
     [None, None]),
    # UniWorld (set M): "amount of" before the rival's possessive names the share
    ("As a result, we build a strong unified model using only 1% amount of BAGEL's data, which consistently "
     "outperforms BAGEL on image editing benchmarks.", ["BAGEL"]),
    # From Ideal to Real (set M: DenseDiT): a share of the data "of baselines", its first "of" left out
    ("In contrast, DenseDiT achieves superior results using less than 0.01% training data of baselines, underscoring "
     "its practical value for real-world deployment.", ["baselines"]),
])
def test_a_share_or_margin_names_its_rival(sentence: str, expected: list[str | None]) -> None:
    assert _baselines(sentence) == expected


def test_a_pair_of_scores_in_the_rivals_brackets_is_theirs() -> None:
    # Adapting Multilingual Embedding Models to Turkish (set M): an article before the rival, two scores split by a
    # slash; and a correlation with human judgements is a score
    read = _read("Empirically, Pearson/Spearman correlations of 77.55%/77.45% are obtained on STSbTR, surpassing the "
                 "300M-parameter teacher model (73.84%/72.92%).")
    assert [(v, own) for v, _u, _m, _b, _d, own in read] == [(77.55, True), (77.45, True), (73.84, False),
                                                             (72.92, False)]
    assert [m for _v, _u, m, _b, _d, own in read if own] == ["accuracy", "accuracy"]


def test_a_share_of_a_context_that_can_be_removed_is_a_cut_in_tokens() -> None:
    # When Less is Enough (set M): the share removed is the cut, and a context loses tokens
    n, = numbers("We found that on OCR-based tasks, more than 50% of the visual context can be removed with minimal "
                 "performance loss, whereas randomly discarding the same proportion of features significantly affects "
                 "the model capabilities.")
    assert (n.metric, n.direction, n.share) == ("tokens", "reduction", False)


def test_a_share_restating_a_size_in_bytes_is_a_share_of_the_rivals_memory() -> None:
    # Where Should Optimizer State Live? (set M: SkewAdam): the share has no measure word of its own, the size before
    # it says memory, and the possessive ending its clause is the rival's
    first, *_rest = numbers("The resulting state occupies 1.29 GB, 2.6% of AdamW's, and peak training memory falls "
                            "from 81.4 GB to 31.3 GB, within the budget of a 40 GB accelerator.")
    assert (first.high, first.metric, first.baseline) == (2.6, "memory", "AdamW")


def test_a_size_in_a_leading_with_phrase_is_against_the_rival_the_main_clause_names() -> None:
    # StableVLA (set M): "with a 14x smaller backbone (0.5B parameters) ..., our model StableVLA achieves robustness
    # competitive with 7B-scale state-of-the-art VLAs"
    assert _baselines("Furthermore, even with a 14x smaller backbone (0.5B parameters) and no pre-training on the Open "
                      "X-Embodiment dataset, our model StableVLA achieves robustness competitive with 7B-scale "
                      "state-of-the-art VLAs.") == ["7B-scale state-of-the-art VLAs"]


@pytest.mark.parametrize("sentence", [
    # Uni-3DAR (set H)
    "The first is a two-level subtree compression strategy, which reduces the octree token sequence by up to 8x.",
    # Optimizing Length Compression in Large Reasoning Models (set I: LC-R1)
    "Extensive experiments on multiple reasoning benchmarks demonstrate that LC-R1 achieves a significant reduction in "
    "sequence length (~50%) with only a marginal (~2%) drop in accuracy, achieving a favorable trade-off point on the "
    "Pareto frontier that prioritizes high compression.",
])
def test_a_sequence_made_shorter_has_fewer_tokens(sentence: str) -> None:
    first = numbers(sentence)[0]
    assert (first.metric, first.direction) == ("tokens", "reduction")


@pytest.mark.parametrize(("sentence", "own"), [
    # MolmoB0T (set F; "π_{0.5}" as the build's LaTeX cleaning writes it)
    ("On tabletop pick-and-place, MolmoBot achieves a success rate of 79.2% in real world evaluations across 4 "
     "settings, outperforming π_(0.5) at 39.2%.", [True, False]),
    # MobileForge (set F)
    ("Using only automatically generated annotation-free adaptation data, MobileForge adapts Qwen3-VL-8B to 67.2% "
     "Pass@3 on AndroidWorld, close to the closed-data GUI-specialized GUI-Owl-1.5-8B base model at 69.0%.",
     [True, False]),
])
def test_the_level_a_rival_stands_at_is_theirs(sentence: str, own: list[bool]) -> None:
    assert [n.own for n in numbers(sentence)] == own


# set O, read after its one unseen run
def test_each_step_of_a_chain_of_levels_is_a_level_reached() -> None:
    """PhoneBuddy (set O): "rises from A to B to C" moves a rate step by step; every step after the first is a level
    reached, a gain, and the rate the verb moves is a score."""
    found = numbers("On AndroidWorld, the same progression rises from 60.3\\% to 77.2\\% to 83.2\\%.")
    assert [(n.low, n.own, n.direction, n.metric) for n in found] == [
        (60.3, False, "gain", "accuracy"), (77.2, True, "gain", "accuracy"), (83.2, True, "gain", "accuracy")]


def test_a_score_raised_to_a_multiple_of_a_reference() -> None:
    """ShortOPD (set O): "the compressed model" only names the model whose score rises, so the factors are gains, not
    compressions; each is a multiple of the phrase after it."""
    found = numbers("Across math, code, and open-ended generation, \\shortopd\\ raises the compressed model's score to "
                    "about 9times its unrecovered value and 1.6--4.4times standard recovery recipes (SFT w/o KD, KD, "
                    "and SeqKD), and it matches a fixed 8192-token rollout horizon within two points using a quarter "
                    "of the training time (8.5 vs.\\ 35.9 hours) and 71% fewer rollout tokens.")
    assert [(n.low, n.kind, n.direction, n.baseline) for n in found[:2]] == [
        (9.0, "other", "gain", "unrecovered value"), (1.6, "other", "gain", "standard recovery recipes")]


def test_a_second_claim_with_its_own_verb_keeps_its_rival() -> None:
    """Distilling Examples into Task Instructions (set O): "improves ... over traditional ICL" is the second claim's
    comparison; the 99% token cut before "and improves" is compared with nothing the sentence gives."""
    assert _baselines("Our approach achieves a 99\\% reduction in token usage and improves macro-averaged AUC by up to "
                      "7\\% over traditional ICL.") == [None, "traditional ICL"]


def test_a_score_level_kept_while_cutting_costs_has_no_rival() -> None:
    """Pruning the Unsurprising (set O): the cuts are against the strongest baseline, the accuracy level after "while"
    is only kept."""
    assert _baselines("On the challenging LiveCodeBench v4_v5 benchmark, our approach reduces token generation by 23.5% "
                      "and inference latency by 43.5% compared to the strongest baseline, while achieving a competitive "
                      "accuracy of 36.19% in Pass@1.") == ["strongest baseline", "strongest baseline", None]


def test_being_cheaper_than_the_rival_it_matches() -> None:
    """AccelOpt (set O): "while being N times cheaper" compares the subject with what it matched (as set A's
    SANA-Sprint: "outperforming FLUX-schnell ... while being 10x faster"); the rival, not the measure matched, and its
    version number with it."""
    assert _baselines("Moreover, AccelOpt is highly cost-effective: using open-source models, it matches the kernel "
                      "improvements of Claude Sonnet 4 while being 26times cheaper.") == ["Claude Sonnet 4"]


def test_a_version_number_is_part_of_the_rival_name() -> None:
    """Speed by Simplicity (set I): "Ovi 1.1" is a model, not "Ovi" then a value."""
    assert _baselines("In pairwise human evaluation, it achieves win rates of 80.0% against Ovi 1.1 and 60.9% against "
                      "LTX 2.3.")[0] == "Ovi 1.1"


def test_a_share_of_peak_throughput_is_a_utilization_for_every_step() -> None:
    """AccelOpt (set O): "the average percentage of peak throughput" is a utilization; the level reached and the next
    "and from" pair measure what the first value did, named by a noun, so sure."""
    found = numbers("Our evaluation confirms that AccelOpt's capability improves over time, boosting the average "
                    "percentage of peak throughput from 49% to 61% on Trainium 1 and from 45% to 59% on Trainium 2 for "
                    "NKIBench kernels.")
    assert [(n.low, n.metric, n.confidence) for n in found] == [
        (49.0, "utilization", "sure"), (61.0, "utilization", "sure"), (45.0, "utilization", "sure"),
        (59.0, "utilization", "sure")]


@pytest.mark.parametrize(("sentence", "expected"), [
    # Late-to-Early Training (set O): a change "with" another shares the rival named after the second
    ("Notably, when training a 1.4B LLM on the Pile dataset, our method achieves up to 1.6times speedup with nearly 5\\% "
     "improvement in downstream task accuracy compared to standard training, even when using a pretrained model with "
     "10times fewer parameters than the target model.", ["standard training", "standard training", "target model"]),
    # SLAI T-Rex (set I): a level "with" a change keeps no rival
    ("SLAI T-Rex achieves 34.22% Model FLOPs Utilization (MFU) with a 2.93x improvement over the open-source baseline "
     "recipe.", [None, "open-source baseline recipe"]),
])
def test_a_change_with_another_shares_its_rival(sentence: str, expected: list[str | None]) -> None:
    assert _baselines(sentence) == expected


def test_a_claim_said_again_against_the_next_rival_keeps_its_measure() -> None:
    """Q-Sched (set O): "a 15.5% FID improvement over A and a 16.6% improvement over B": the second improvement is of
    FID too; each rival whole, its "4-step" a part of the name, not a value."""
    found = numbers("Q-Sched delivers substantial gains: a 15.5% FID improvement over the FP16 4-step Latent Consistency "
                    "Model and a 16.6% improvement over the FP16 8-step Phased Consistency Model, showing that "
                    "quantization and few-step distillation are complementary for high-fidelity generation.")
    assert [(n.low, n.metric, n.confidence, n.baseline) for n in found] == [
        (15.5, "quality", "sure", "FP16 4-step Latent Consistency Model"),
        (16.6, "quality", "sure", "FP16 8-step Phased Consistency Model")]


def test_a_degradation_with_no_measure_named_is_of_performance() -> None:
    """MSA (set O): a degradation names no measure, so it implies the score (unsure), as "performance" does."""
    found = numbers("Through core innovations including scalable sparse attention and document-wise RoPE, MSA achieves "
                    "linear complexity in both training and inference while maintaining exceptional stability, "
                    "exhibiting less than 9% degradation when scaling from 16K to 100M tokens.")
    assert [(n.low, n.metric, n.confidence) for n in found] == [(9.0, "accuracy", "unsure")]


def test_a_result_of_these_scores_is_the_change_just_described() -> None:
    """Achieving Tokenizer Flexibility (set O): ", yielding at least a 2-fold improvement in these aggregate scores"
    points back to the perplexity ratio reduced compared to ReTok."""
    found = numbers("TokenAdapt typically reduced the overall perplexity ratio significantly compared to ReTok, yielding "
                    "at least a 2-fold improvement in these aggregate scores.")
    assert [(n.low, n.metric, n.baseline) for n in found] == [(2.0, "perplexity", "ReTok")]


def test_more_efficiency_is_a_gain() -> None:
    """Compact 3D Gaussian Splatting (set O): "more than 12x storage efficiency" is more of an efficiency."""
    found = numbers("For dynamic scenes, our approach achieves more than 12x storage efficiency and retains a "
                    "high-quality reconstruction compared to the existing state-of-the-art methods.")
    assert [(n.low, n.direction) for n in found] == [(12.0, "gain")]


def test_a_share_of_the_demonstrations_is_of_data() -> None:
    """Adversarial Data Collection (set O): demonstrations are the data a robot policy is trained on."""
    found = numbers("Strikingly, models trained with merely 20% of the demonstration volume collected through ADC "
                    "significantly outperform traditional approaches using full datasets.")
    assert [(n.low, n.metric) for n in found] == [(20.0, "data")]


@pytest.mark.parametrize(("sentence", "expected"), [
    # EpiCache (set P, tuned on after its one unseen run): two measures joined before "by", two values after, in order
    ("Across three LongConvQA benchmarks, EpiCache improves accuracy by up to 40% over recent baselines, sustains "
     "near-full KV accuracy under 4-6x compression, and reduces latency and memory by up to 2.4x and 3.5x, thereby "
     "enabling efficient multi-turn interaction under strict resource constraints.",
     [(2.4, "latency", "reduction", "reduction"), (3.5, "memory", "reduction", "reduction")]),
    # BottleFit (bundled): the same, with "respectively" between the measures and "by"
    ("We show that BottleFit decreases power consumption and latency respectively by up to 49% and 89% with respect to "
     "(w.r.t.) local computing and by 37% and 55% w.r.t. edge offloading.",
     [(49.0, "energy", "reduction", "reduction"), (89.0, "latency", "reduction", "reduction")]),
])
def test_measures_joined_before_by_name_the_values_joined_after_it_in_order(
        sentence: str, expected: list[tuple[float, str, str, str]]) -> None:
    wanted = {high for high, *_ in expected}
    assert [(n.high, n.metric, n.kind, n.direction) for n in numbers(sentence) if n.high in wanted] == expected


def test_a_process_after_during_says_when_not_that_the_gain_is_speed() -> None:
    """Reasoning via Video (set P, tuned on after its one unseen run): "during inference" says when sampling ran; the
    improved reliability is a score, not a speed."""
    found = numbers("We further discover a test-time scaling effect, where diverse sampling during inference improves "
                    "reasoning reliability by 10--20%.")
    assert [(n.low, n.high, n.metric) for n in found] == [(10.0, 20.0, "accuracy")]


def test_what_ranges_from_one_value_to_another_spans_both() -> None:
    """EvoMaster (set P, tuned on after its one unseen run): "ranging from +159% to +316%" is one range, as "159-316%"
    would be, not two gains."""
    found = numbers("It comprehensively outperforms the general-purpose baseline OpenClaw with relative improvements "
                    "ranging from +159% to +316%, robustly validating its efficacy and generality as the premier "
                    "foundational framework for the next generation of autonomous scientific discovery.")
    assert [(n.low, n.high, n.unit) for n in found] == [(159.0, 316.0, "%")]


def test_a_range_of_gains_after_a_beaten_rival_is_against_it() -> None:
    """EvoMaster (set P, tuned on after its one unseen run): "outperforms ... OpenClaw with relative improvements
    ranging from" beats OpenClaw as "outperforms OpenClaw by" would."""
    found = numbers("It comprehensively outperforms the general-purpose baseline OpenClaw with relative improvements "
                    "ranging from +159% to +316%, robustly validating its efficacy.")
    assert [n.baseline for n in found] == ["general-purpose baseline OpenClaw"]


def test_a_clause_led_by_the_standard_way_after_whereas_is_not_the_papers_own() -> None:
    """MixSD (set P, tuned on after its one unseen run): "whereas standard SFT retains as little as 1%" reports the
    standard recipe the paper is set against; the 100% before it is the paper's own."""
    found = numbers("Across multiple model scales and settings, MixSD consistently achieves a better memorization-retention "
                    "trade-off compared to SFT and on-policy self distillation baselines, retaining up to 100% of the "
                    "base model's held-out capability while maintaining near-perfect training accuracy, whereas "
                    "standard SFT retains as little as 1%.")
    assert [(n.high, n.own) for n in found] == [(100.0, True), (1.0, False)]


def test_a_bounded_margin_in_brackets_is_against_what_the_bracket_follows() -> None:
    """Memory is Reconstructed, Not Retrieved (set P, tuned on after its one unseen run): "(up to 23%)" after
    "improvements over strong baselines" is the margin over them, as "(+23%)" would be."""
    found = numbers("Experiments on the LoCoMo benchmark and LongMemEval benchmark demonstrate significant improvements "
                    "over strong baselines (up to 23%), while substantially reducing token and runtime cost, "
                    "highlighting the effectiveness of active and associative reconstruction for long-horizon memory "
                    "reasoning.")
    assert [(n.high, n.baseline) for n in found] == [(23.0, "strong baselines")]


def test_a_comparative_after_and_is_a_further_claim_not_the_values_kind() -> None:
    """Pixie (set P, tuned on after its one unseen run): "1.46-4.39x better" is a quality ratio; "orders of magnitude
    faster" after "and" is a second, unmeasured claim, not the factor's kind."""
    found = numbers("Extensive evaluations demonstrate that PIXIE is about 1.46-4.39x better and orders of magnitude "
                    "faster than test-time optimization methods.")
    assert [(n.high, n.kind, n.metric != "speed", n.direction) for n in found] == [(4.39, "other", True, "gain")]


def test_what_is_mitigated_by_a_value_shrinks_and_a_drift_is_an_error() -> None:
    """AlignGuard-LoRA (set P, tuned on after its one unseen run): "mitigates alignment drift by up to 50%" reduces a
    drift, an error; the performance not degraded after "without" is not what the value measures."""
    found = numbers("Empirical evaluations show that AGL mitigates alignment drift by up to 50% on safety-critical "
                    "benchmarks without degrading downstream task performance.")
    assert [(n.high, n.kind, n.metric, n.direction) for n in found] == [(50.0, "reduction", "error", "reduction")]


def test_a_compression_ratio_measures_what_is_compressed_not_the_score_held_under_it() -> None:
    """EpiCache (set P, tuned on after its one unseen run): "near-full KV accuracy under 4-6x compression" compresses
    the KV cache; the accuracy is what holds under it."""
    found = numbers("Across three LongConvQA benchmarks, EpiCache improves accuracy by up to 40% over recent baselines, "
                    "sustains near-full KV accuracy under 4-6x compression, and reduces latency and memory by up to 2.4x "
                    "and 3.5x, thereby enabling efficient multi-turn interaction under strict resource constraints.")
    assert [(n.low, n.high, n.kind, n.metric) for n in found if n.high == 6.0] == [(4.0, 6.0, "compression", "KV cache")]


def test_matching_a_measure_while_being_faster_names_no_rival() -> None:
    """Bundled AdANNS: "matches accuracy while being up to 90x faster" matched a measure, not a rival (the "while being"
    rule of set O's AccelOpt took "accuracy" as the baseline)."""
    found = numbers("For example on ImageNet retrieval, AdANNS-IVF is up to 1.5% more accurate than the rigid "
                    "representations-based IVF at the same compute budget; and matches accuracy while being up to 90x "
                    "faster in wall-clock time.")
    assert [(n.high, n.baseline) for n in found if n.unit == "x"] == [(90.0, None)]


def test_comparatives_sharing_one_than_share_the_rival_even_with_a_verb_of_their_own() -> None:
    """Bundled ViG: "runs 4.8x faster, and achieves 20.7% higher top-1 accuracy than DeiT-T": both comparatives wait
    for the one "than" (set O's rule keeps a second claim's rival to itself only when the first is no comparative)."""
    found = numbers("At 1024×1024 resolution, ViG-T uses 5.2× fewer FLOPs, saves 90% GPU memory, runs 4.8× faster, "
                    "and achieves 20.7% higher top-1 accuracy than DeiT-T.")
    assert [(n.high, n.baseline) for n in found if n.high in (4.8, 20.7)] == [(4.8, "DeiT-T"), (20.7, "DeiT-T")]


def test_a_system_word_opening_the_clause_still_makes_a_gain_a_speed() -> None:
    """Bundled ScMoE: "inference improvements of 40% and 15%" right after a comma has fewer than six words before it;
    the "during"/"at" rule of set P skipped the first of them, so "inference" was not seen and the gains read as scores."""
    found = numbers("When compared with the prevalent top-2 MoE architecture, ScMoE demonstrates training speed "
                    "improvements of 30% and 11%, and inference improvements of 40% and 15%, in our PCIe and NVLink "
                    "hardware environments, respectively, where communication constitutes 60% and 15% of the total MoE "
                    "time consumption.")
    assert [(n.high, n.metric) for n in found][:4] == [(30.0, "speed"), (11.0, "speed"), (40.0, "speed"),
                                                       (15.0, "speed")]


def test_a_measure_word_naming_a_version_of_a_model_is_not_the_measure() -> None:
    """Bundled DASS: "the sparse version of MobileNet-v2" says which model; the accuracy it increases is the measure of
    both levels (set O's "from A to B" rule then carried the wrong "sparsity" from the first to the second)."""
    found = numbers("In terms of performance and hardware effectiveness, DASS increases the accuracy of the sparse "
                    "version of MobileNet-v2 from 73.44% to 81.35% (+7.91% improvement) with 3.87x faster inference "
                    "time.")
    assert [(n.high, n.metric) for n in found][:2] == [(73.44, "accuracy"), (81.35, "accuracy")]


def test_a_conclusion_drawn_after_a_value_names_no_rival() -> None:
    """GUI vs. CLI (set Q): ", showing that ... rather than X" concludes; X is not what the value beat."""
    sentence = ("In this controlled setting, the strongest GUI agent reaches a 59.1% full pass rate, outperforming the "
                "strongest original-skill CLI agent at 48.2%; however, verifier-guided skill augmentation raises CLI "
                "success to 69.3%, showing that much of the CLI deficit comes from incomplete skill coverage rather "
                "than model capability alone.")
    found = {n.low: n for n in numbers(sentence)}
    assert found[69.3].baseline is None


def test_a_bracketed_lower_bound_is_against_what_its_bracket_follows() -> None:
    """SwiftEdit (set Q): "(at least 50 times faster)" restates the comparison with the methods before it."""
    sentence = ("In particular, SwiftEdit enables instant text-guided image editing, which is extremely faster than "
                "previous multi-step methods (at least 50 times faster) while maintain a competitive performance in "
                "editing results.")
    assert [(n.low, n.baseline) for n in numbers(sentence)] == [(50.0, "previous multi-step methods")]
