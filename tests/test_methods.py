"""Method names a paper introduces, checked on the bundled captures and on wild input."""

from __future__ import annotations

from dataclasses import replace

import pytest
from conftest import CONTENT, by_title
from hypothesis import given
from hypothesis import strategies as st

from generator import io
from generator.content import ContentFiles
from generator.enrich import methods
from generator.pipeline import read_sources


@pytest.fixture(scope="module")
def corpus():
    corpus, _ = read_sources(io.read_content(CONTENT))
    enriched, diags = methods.enrich(corpus, ContentFiles())
    assert diags == []
    return enriched


@pytest.mark.parametrize(("title", "name"), [
    ("FlashAttention-2:", "FlashAttention-2"),
    ("ZeRO-Infinity:", "ZeRO-Infinity"),
    ("DeepSpeed Ulysses:", "DeepSpeed Ulysses"),
    ("Efficient Large-Scale Language Model Training on GPU Clusters Using Megatron-LM", "Megatron-LM"),
    ("Taming Throughput-Latency Tradeoff", "Sarathi-Serve"),
    ("Adding NVMe SSDs", "Fuyou"),  # from "we present Fuyou"
    ("Shampoo:", "Shampoo"),
    ("Tiny Time Mixers", "TTMs"),
])
def test_real_titles_and_abstracts_yield_their_names(corpus, title, name):
    assert name in by_title(corpus, title).methods


@pytest.mark.parametrize("title", [
    "To FP8 and Back Again",  # a phrase before the colon, not a name
    "Bi-directional Masks for Efficient N:M Sparse Training",  # N:M is no title colon
    "Billion-scale similarity search with GPUs",  # hardware ending a title
    "Optimizing ViViT Training",  # ViViT is someone else's model
])
def test_phrases_and_others_names_are_not_methods(corpus, title):
    paper = by_title(corpus, title)
    assert not any(m in {"To FP8 and Back Again", "Efficient N", "GPUs", "ViViT"} for m in paper.methods)


def test_existing_work_named_in_an_abstract_is_not_claimed(corpus):
    # PYRA's abstract: "Existing works, namely Parameter-Efficient Fine-Tuning (PEFT) ..."
    assert "PEFT" not in by_title(corpus, "PYRA:").methods
    # "three most recent GPU architectures, namely Hopper, Ada, and Ampere"
    assert "Hopper" not in by_title(corpus, "Benchmarking and Dissecting the Nvidia Hopper").methods


def test_spelling_variants_share_one_key():
    assert methods.key("DeepSpeed-Ulysses") == methods.key("DeepSpeed Ulysses") == methods.key("deepspeed_ulysses")
    assert methods.key("FlashAttention2") == methods.key("FlashAttention-2")
    assert methods.key("FlashAttention-2") != methods.key("FlashAttention-3")
    assert methods.key("H_2O") == methods.key("H2O")


def test_one_spelling_per_name_title_first(corpus):
    q = by_title(corpus, "Q-GaLore:")
    assert q.methods[0] == "Q-GaLore"  # the abstract's "Q-Galore" is the same key
    assert [methods.key(m) for m in q.methods].count(methods.key("Q-GaLore")) == 1


def test_deterministic(corpus):
    again, _ = methods.enrich(corpus, ContentFiles())
    assert [p.methods for p in again.papers] == [p.methods for p in corpus.papers]


@given(st.text(max_size=300), st.one_of(st.none(), st.text(max_size=600)))
def test_wild_input_never_raises_and_names_are_clean(title, abstract):
    found = methods.extract_methods(title, abstract)
    assert len({methods.key(m) for m in found}) == len(found)
    assert all(m == m.strip() and m for m in found)


@pytest.mark.parametrize(("title", "name"), [
    ("A Speed Odyssey", "OdysseyLLM"),  # "Our method, OdysseyLLM, comes with a novel W4A8 kernel ..."
    ("Magnitude Invariant Parametrizations", "MIP"),  # "... that we call Magnitude Invariant Parametrizations (MIP)."
    ("p-MoD:", "p-MoD"),  # "Our model, p-MoD, matches or even surpasses ...": a lower-case-first coinage
    ("Superposed Episodic and Semantic Memory", "Sparsey"),  # "We describe Sparsey, an unsupervised ..."
    ("Unifying Specialized Visual Encoders", "MERV"),  # "Our method, MERV, Multi-Encoder Representation of Videos"
])
def test_names_in_apposition_and_other_announcements(corpus, title, name):
    """Issue 10: "introduces X (ABBR)", "Our method, X,", "describes X" (bundled abstracts)."""
    assert name in by_title(corpus, title).methods


def test_introductions_with_versions_and_reports():
    assert methods.extract_methods("T", "This technical report introduces Aya 23, a family of models.") == ("Aya 23",)
    assert methods.extract_methods("T", "Our approach improves accuracy, and our method is simple.") == ()


@pytest.mark.parametrize(("sentence", "names"), [
    # a description between the verb and the name (unseen set A, HDR-GS; set B, HiExp; set C, Chimera)
    ("In this paper, we propose a new framework, High Dynamic Range Gaussian Splatting (HDR-GS), which can"
     " efficiently render novel HDR views.", ("HDR-GS", "High Dynamic Range Gaussian Splatting")),
    ("Specifically, we propose a Hypernetwork Federated Learning (HyperFL) framework that utilizes hypernetworks.",
     ("HyperFL", "Hypernetwork Federated Learning")),
    # small words inside a long form, an adverb before the verb (set A, Pangu Pro MoE; set B, EAPO)
    ("Therefore, we introduce Mixture of Grouped Experts (MoGE), which groups the experts during selection.",
     ("MoGE", "Mixture of Grouped Experts")),
    ("We further develop Efficiency-Aware Policy Optimization (EAPO), a reinforcement learning framework.",
     ("EAPO", "Efficiency-Aware Policy Optimization")),
    # two definitions joined by "and" (set A, GS-Jacobi; set B, FastHMR)
    ("Based on these two characteristics, we propose the Convergence Ranking Metric (CRM) and the Initial"
     " Guessing Metric (IGM): CRM is used to identify", ("CRM", "Convergence Ranking Metric", "IGM", "Initial Guessing Metric")),
    # "termed as", and a lower-case long form right after the verb (set A, PRD; set C, STA)
    ("we propose a novel training scheme, termed as Progressive Rendering Distillation (PRD), eliminating",
     ("PRD", "Progressive Rendering Distillation")),
    ("This paper introduces sliding tile attention (STA) to address this challenge.", ("STA", "sliding tile attention")),
    # a name spelled out right after it (set B, DaMo; set C, FACET)
    ("we propose DaMo (Data Mixture Optimizer) - a novel solution", ("DaMo", "Data Mixture Optimizer")),
    ("We present FACET (Fine-grained Agentic Construction of Executable Tasks), a framework that",
     ("FACET", "Fine-grained Agentic Construction of Executable Tasks")),
    # a class noun, then the name in apposition (set A, CodeArena)
    ("we present a rigorous human-curated benchmark CodeArena to emulate the complexity", ("CodeArena",)),
    # "our resulting model, X," (set B, Metis)
    ("Extensive evaluations demonstrate that our resulting model, Metis, reduces tool invocations", ("Metis",)),
])
def test_definitions_and_descriptions_after_the_announcing_verb(sentence, names):
    """Issue 10 item 5: "introduces X (ABBR)", "we propose a new framework, X" (unseen sets A-C)."""
    assert methods.extract_methods("T", sentence) == names


@pytest.mark.parametrize("sentence", [
    # generic terms and others' names behind a description (unseen sets A and B, bundled AFLoRA, Meteor, CraftsMan)
    "In this work, we propose a knowledge distillation (KD) framework for AAC.",
    "We present the first named entity recognition (NER) dataset, HisTR and the first treebank",
    "We introduce a two-level sparse structure combining fine-grained Mixture-of-Experts (MoE) with sparse FFNs.",
    "We present a novel Parameter-Efficient Fine-Tuning (PEFT) method, dubbed as Adaptive Freezing",
    "we present a new efficient LLVM, Mamba-based traversal of rationales",
    "We present a novel generative 3D modeling system that",
    "we first construct a high-quality multimodal CoT dataset without human annotations",
    "Despite being simple, our approach surpasses StyleGAN2 on FFHQ.",
    "Specifically, we design a Dual Dynamic Range (DDR) Gaussian point cloud model that uses",
    "To this end, we curate 75 ML engineering-related competitions from Kaggle",
    "We further introduce SNLP-aware regularization, which trains",
    "we propose to use Low-Rank Adaptation (LoRA) for this.",
])
def test_descriptions_do_not_turn_others_terms_into_names(sentence):
    assert methods.extract_methods("T", sentence) == ()


def test_a_plain_title_phrase_is_a_name_only_when_the_abstract_uses_it_as_one(corpus):
    # unseen set B: "Act Wisely: Cultivating Meta-Cognitive Tool Use ..." never says "Act Wisely" again
    act = ("Act Wisely: Cultivating Meta-Cognitive Tool Use in Agentic Multimodal Models",
           "We propose HDPO, a framework that reframes tool efficiency.")
    assert methods.extract_methods(*act) == ("HDPO",)
    # set A: "Agent models: ..." whose abstract writes "agent models" as ordinary words
    assert "Agent models" not in methods.extract_methods("Agent models: Internalizing Chain-of-Action",
                                                         "We call such models agent models.")
    # bundled: the abstract writes "LeanAttention" and "the Adaptive Computation Module (ACM)"
    assert "Lean Attention" in by_title(corpus, "Lean Attention:").methods
    assert "Adaptive Computation Modules" in by_title(corpus, "Adaptive Computation Modules:").methods
    # no abstract: nothing contradicts the title
    assert methods.extract_methods("Act Wisely: Cultivating Tool Use", None) == ("Act Wisely",)


@pytest.mark.parametrize(("title", "sentence", "names"), [
    # capitals mid-sentence closed by punctuation (unseen set B, DMax and Memory as Action)
    ("T", "Building on this foundation, we further propose Soft Parallel Decoding. We represent",
     ("Soft Parallel Decoding",)),
    ("T", "To address this, we propose a new algorithm, Dynamic Context Policy Optimization, which enables",
     ("Dynamic Context Policy Optimization",)),
    # the paper's own name announcing a part (set B, QeRL)
    ("QeRL: Beyond Efficiency", "To further optimize exploration, QeRL introduces an Adaptive Quantization Noise (AQN)"
     " mechanism, which", ("QeRL", "AQN", "Adaptive Quantization Noise")),
    # "Our X approach" (set A, The Road Less Scheduled; Agent models)
    ("T", "Our Schedule-Free approach introduces no additional hyper-parameters", ("Schedule-Free",)),
    ("T", "Our proposed AutoCoA framework combines supervised fine-tuning (SFT) and RL", ("AutoCoA",)),
])
def test_titled_phrases_own_subjects_and_our_named_approach(title, sentence, names):
    assert methods.extract_methods(title, sentence) == names


@pytest.mark.parametrize(("title", "sentence"), [
    ("T", "Experimental results demonstrate that our FP4 framework achieves accuracy"),  # a format (set A)
    ("T", "Our MoT-2B model outperforms similarly sized models"),  # one size of a model (set B)
    ("T", "LoRA introduces Low-Rank Adaptation (LoRA) matrices"),  # another paper's name as the subject
])
def test_formats_sizes_and_others_subjects_are_not_names(title, sentence):
    assert methods.extract_methods(title, sentence) == ()


def test_a_bracket_glued_to_a_title_name_is_part_of_it():
    """Set E (read after its unseen run): "Memex(RL): Scaling Long-Horizon LLM Agents" names Memex (and
    MemexRL); RL is not its abbreviation, so the paper does not claim every other paper's "RL"."""
    from generator.enrich.methods import title_methods

    assert "RL" not in title_methods("Memex(RL): Scaling Long-Horizon LLM Agents via Indexed Experience Memory")
    assert "Memex" in title_methods("Memex(RL): Scaling Long-Horizon LLM Agents via Indexed Experience Memory")
    assert title_methods("Gated Linear Attention (GLA): Fast Training")[:1] == ("GLA",)


def test_the_proposed_name_is_the_papers_own():
    """Lightweight Neural App Control (set K, read after its one unseen run): "The proposed ... (LiMAC)" announces the
    paper's name and its long form, as "We propose" does; "The proposed method" names nothing."""
    sentence = ("The proposed Lightweight Multi-modal App Control (LiMAC) takes as input a textual goal and a sequence of "
                "past mobile observations, such as screenshots and corresponding UI trees, to generate precise actions.")
    assert methods.extract_methods("T", sentence) == ("LiMAC", "Lightweight Multi-modal App Control")
    assert methods.extract_methods("T", "The proposed method is simple and fast.") == ()


def test_a_dimension_may_stand_in_the_description_before_a_name():
    """Baking Gaussian Splatting into Diffusion Denoiser (set K, read after its one unseen run): "a novel single-stage
    3D diffusion model, DiffusionGS," describes, then names."""
    assert methods.extract_methods("T", "In this paper, we propose a novel single-stage 3D diffusion model, DiffusionGS, "
                                        "for object and scene generation from a single view.") == ("DiffusionGS",)


def test_a_lower_case_initial_of_an_abbreviation_opens_its_long_form():
    """Invertible Consistency Distillation (set K, read after its one unseen run): "invertible Consistency Distillation
    (iCD)" is spelled out from its first word, not from "Consistency"."""
    found = methods.extract_methods("T", "To this end, we introduce invertible Consistency Distillation (iCD), a "
                                         "generalized consistency distillation framework.")
    assert found == ("iCD", "invertible Consistency Distillation")


def test_the_proposed_takes_one_coined_word_before_its_verb():
    """One Timestep Is All You Need (bundled): after "the proposed" a verb follows, glued to its value by LaTeX; the name
    is the one coined word."""
    assert methods.extract_methods("T", "The proposed IIR-SNNs provide25-33X higher energy efficiency.") == ("IIR-SNNs",)


def test_the_capitalized_name_of_a_pipeline():
    """MM-HELIX (set K, read after its one unseen run): "the Step-Elicited Response Generation pipeline" names the
    pipeline; "a mobile-tailored real-time Gaussian Splatting method, dubbed Mobile-GS" (set K: Mobile-GS) names
    the method only by what it is dubbed."""
    assert methods.extract_methods("T", "We first develop the Step-Elicited Response Generation pipeline to create "
                                        "MM-HELIX-100K, a large-scale dataset of 100k high-quality, reflective "
                                        "reasoning traces.") == ("Step-Elicited Response Generation",)
    assert methods.extract_methods("T", "In this work, we propose a mobile-tailored real-time Gaussian Splatting "
                                        "method, dubbed Mobile-GS, enabling efficient inference.") == ("Mobile-GS",)


@pytest.mark.parametrize(("abstract", "expected"), [
    # PEAM (set L, read after its one unseen run)
    ("We present PEAM, a Parametric Embodied Agent Memory framework in Minecraft that transforms agent memory from "
     "inference-time context into parametric knowledge.", ("PEAM", "Parametric Embodied Agent Memory")),
    # T-LoRA (set L, read after its one unseen run)
    ("We introduce T-LoRA, a Timestep-Dependent Low-Rank Adaptation framework specifically designed for diffusion "
     "model personalization.", ("T-LoRA", "Timestep-Dependent Low-Rank Adaptation")),
    # capitals that do not spell the name are a description, not its long form
    ("We propose XEUS, a Cross-lingual Encoder for Universal Speech, trained on over 1 million hours of data.",
     ("XEUS",)),
    # QeRL (set B): a lower-case piece makes the words a description, as set B labels it
    ("We propose QeRL, a Quantization-enhanced Reinforcement Learning framework for large language models.", ("QeRL",)),
])
def test_a_long_form_in_apposition_after_the_name(abstract, expected):
    """A name, a comma, then "a" and capitalized words its capitals abbreviate: the name's long form."""
    assert methods.extract_methods("T", abstract) == expected


def test_emphasis_around_a_name_is_no_part_of_it():
    """R2R and BTL-UI (set L, read after its one unseen run): Markdown bold and quotation marks around an announced
    name hide neither it nor its abbreviation."""
    assert methods.extract_methods("T", "Leveraging this insight, we introduce **Roads to Rome (R2R)**, a neural token "
                                        "routing method that selectively utilizes LLMs.") == ("R2R", "Roads to Rome")
    assert methods.extract_methods("T", 'To fill this gap, we propose "Blink-Think-Link" (BTL), a brain-inspired '
                                        "framework for human-GUI interaction.") == ("BTL", "Blink-Think-Link")


def test_it_after_a_sentence_about_the_named_method_introduces_a_part_of_it():
    """Quant VideoGen (set L, read after its one unseen run): "QVG leverages ... It further introduces Progressive
    Residual Quantization": "It" is QVG. After a sentence about something else, "It" names nothing."""
    abstract = ("To address this challenge, we present Quant VideoGen (QVG), a training free KV cache quantization "
                "framework for autoregressive video diffusion models. QVG leverages video spatiotemporal redundancy "
                "through Semantic Aware Smoothing, producing low magnitude, quantization friendly residuals. It further "
                "introduces Progressive Residual Quantization, a coarse to fine multi stage scheme that reduces "
                "quantization error.")
    title = "Quant VideoGen: Auto-Regressive Long Video Generation via 2-Bit KV-Cache Quantization"
    assert methods.extract_methods(title, abstract) == ("Quant VideoGen", "QVG", "Progressive Residual Quantization")
    other = abstract.replace("QVG leverages", "Caching leverages")
    assert methods.extract_methods(title, other) == ("Quant VideoGen", "QVG")


def test_a_notes_names_follow_the_extracted_ones(corpus):
    zero = by_title(corpus, "ZeRO: Memory Optimizations")
    content = ContentFiles({f"notes/{zero.id}.md": f"---\npaper: {zero.id}\nnames: [ZeRO-3, ZeRO]\n---\n"})
    base = replace(corpus, papers=tuple(replace(p, methods=()) for p in corpus.papers))
    enriched, _ = methods.enrich(base, content)
    assert enriched.paper(zero.id).methods == (*zero.methods, "ZeRO-3")  # "ZeRO" was extracted already
    assert all(p.methods == q.methods for p, q in zip(enriched.papers, corpus.papers, strict=True) if p.id != zero.id)


def _plain_canon(text: str, fold: bool = True) -> str:
    """canon as first written: every step a plain substitution (the fast one must agree with it)."""
    import re
    text = text.translate(methods.SCRIPT_DIGITS)
    text = re.sub(r"[-_/\s]+", " ", re.sub(r"\d+", r" \g<0> ", re.sub(r"[\^{}$\\]+", " ", text))).strip()
    return text.casefold() if fold else text


@given(st.text(alphabet=st.sampled_from("aZß 9-_/\t{}^$\\₂⁴é.,()İ٣"), max_size=40), st.booleans())
def test_canon_matches_the_plain_substitutions(text, fold):
    assert methods.canon(text, fold) == _plain_canon(text, fold)


def test_canon_matches_the_plain_substitutions_on_the_bundled_corpus(corpus):
    for p in corpus.papers:
        for text in (p.title, p.abstract or ""):
            assert methods.canon(text) == _plain_canon(text)
            assert methods.canon(text, fold=False) == _plain_canon(text, fold=False)


def test_an_article_after_a_naming_verb_is_no_part_of_the_long_form():
    """StableVLA (set M): "termed the Information Bottleneck Adapter (IB-Adapter)"."""
    abstract = ("To mitigate this issue, we propose a lightweight adapter module grounded in information theory, termed "
                "the Information Bottleneck Adapter (IB-Adapter), which selectively filters potential noise from visual "
                "inputs.")
    assert methods.extract_methods("T", abstract) == ("IB-Adapter", "Information Bottleneck Adapter")


@pytest.mark.parametrize(("abstract", "expected"), [
    # Tiny Model, Big Logic (set M)
    ("We challenge this consensus with VibeThinker-1.5B, a 1.5B-parameter dense model developed via our "
     "Spectrum-to-Signal Principle (SSP).", ("SSP", "Spectrum-to-Signal Principle")),
    # StoryMem (set M)
    ("This is achieved by a novel Memory-to-Video (M2V) design, which maintains a compact and dynamically updated "
     "memory bank of keyframes from historical generated shots.", ("M2V", "Memory-to-Video")),
    # xGen-VideoSyn-1 (set H): "our" before a kind of model says what kind theirs is
    ("Our Diffusion Transformer (DiT) model incorporates spatial and temporal self-attention layers, enabling robust "
     "generalization across different timeframes and aspect ratios.", ()),
])
def test_an_abbreviation_defined_after_our_or_novel_is_the_papers_own(abstract, expected):
    assert methods.extract_methods("T", abstract) == expected


def test_the_numbered_parts_of_the_papers_method_are_its_names():
    """TIDE (set M): a list of the paper's components, each named and then described. The parts of a task a list
    gives (set E: InstantStyle-Plus's "three core elements") name nothing."""
    abstract = ("We present TIDE, the first framework for cross-architecture dLLM distillation, comprising three modular "
                "components: (1) TIDAL, which jointly modulates distillation strength across training progress and "
                "diffusion timestep to account for the teacher's noise-dependent reliability; (2) CompDemo, which "
                "enriches the teacher's context via complementary mask splitting to improve predictions under heavy "
                "masking; and (3) Reverse CALM, a cross-tokenizer objective that inverts chunk-level likelihood "
                "matching, yielding bounded gradients and dual-end noise filtering.")
    assert methods.extract_methods("T", abstract) == ("TIDE", "TIDAL", "CompDemo", "Reverse CALM")
    task = ("To address these challenges, we deconstruct the style transfer task into three core elements: 1) Style, "
            "focusing on the image's aesthetic characteristics; 2) Spatial Structure, concerning the geometric "
            "arrangement and composition of visual elements; and 3) Semantic Content, which captures the conceptual "
            "meaning of the image.")
    assert methods.extract_methods("T", task) == ()


def test_the_capitalized_parts_the_papers_method_is_composed_of_are_names():
    """NGM (set M): "a ... module composed of a Causal N-Gram Encoder and a Cosine-Gated Memory Injector"."""
    abstract = ("To address this, we propose N-gram Memory (NGM), a training-free, plug-and-play module composed of a "
                "Causal N-Gram Encoder and a Cosine-Gated Memory Injector.")
    assert methods.extract_methods("T", abstract) == ("NGM", "N-gram Memory", "Causal N-Gram Encoder",
                                                      "Cosine-Gated Memory Injector")
    # what others' systems are composed of is theirs
    assert methods.extract_methods("T", "Existing pipelines are composed of a Vision Encoder and a Language "
                                        "Decoder.") == ()


def test_one_coined_word_after_the_definite_article_and_before_a_kind_of_thing_is_a_name():
    """PIRA-Bench (set M): "we propose the PIRF baseline, a memory-aware ... framework"."""
    abstract = ("Furthermore, we propose the PIRF baseline, a memory-aware, state-tracking framework that empowers "
                "general MLLMs to manage multiple task threads and handle misleading visual inputs.")
    assert methods.extract_methods("T", abstract) == ("PIRF",)
    # a plain word there describes: "we propose the novel baseline" names nothing
    assert methods.extract_methods("T", "Furthermore, we propose the Simple baseline, a framework.") == ()


@pytest.mark.parametrize(("abstract", "expected"), [
    # Denoising LM (set A): "LM" gives two letters
    ("In this paper, we present Denoising LM (DLM), which is a scaled error correction model trained with vast "
     "amounts of synthetic data.", ("DLM", "Denoising LM")),
    # MEMO (set H): letters from inside the words
    ("To address these challenges, we propose Memory-guided EMOtion-aware diffusion (MEMO), an end-to-end "
     "audio-driven portrait animation approach to generate identity-consistent and expressive talking videos.",
     ("MEMO", "Memory-guided EMOtion-aware diffusion")),
    # CritiCS (set C): the kind of thing after the name is no part of it
    ("In this paper, we propose Collective Critics for Creative Story Generation framework (CritiCS), which is "
     "composed of plan refining stage (CrPlan) and story generation stage (CrText).",
     ("CritiCS", "Collective Critics for Creative Story Generation")),
])
def test_a_long_form_right_after_the_announcing_verb_may_spell_its_short_form_loosely(abstract, expected):
    assert methods.extract_methods("T", abstract) == expected


def test_after_an_article_the_long_form_must_abbreviate_strictly():
    """AMEX (set A): "the Android Multi-annotation EXpo (AMEX)" reads as a description (the X comes from inside
    "EXpo"), and set A lists only the title's AMEX."""
    abstract = ("To advance research on AI agents in mobile scenarios, we introduce the Android Multi-annotation EXpo "
                "(AMEX), a comprehensive, large-scale dataset designed for generalist mobile GUI-control agents.")
    assert methods.extract_methods("AMEX: Android Multi-annotation Expo Dataset for Mobile GUI Agents",
                                   abstract) == ("AMEX",)
