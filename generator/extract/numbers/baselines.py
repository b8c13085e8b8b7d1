"""Against what a value is compared ("over FlashAttention-2", "outperforms X by"), and whose it is
(prior work quoted in the motivation, a rival's bracketed score)."""

from __future__ import annotations

import re

from .sentence import _FILLER, Sentence

# a number right after "compared to" (optionally "a speedup of") is the baseline's, not this paper's
_BASELINE_BEFORE = re.compile(
    r"(?:(?:compared (?:to|with)|versus|vs\.?|relative to|than the)\s+(?:a |the |an )?"
    # "compared to an average gap of 8.03% in previous benchmarks" (set G: MMEvalPro): a measure of theirs
    r"(?:(?:speedup|speed-up|reduction|improvement|factor|(?:average\s+|mean\s+)?gap) of\s+)?|state[- ]of[- ]the[- ]art of\s+)"
    r"(?:only |up to |about |around )?$")
# a clause about what the literature or earlier work does, unless it compares this paper against it
_EARLIER_SUBJECT = re.compile(r"\bliterature\b|\b(?:prior|previous|earlier|existing|recent) (?:works?|methods|"
                              r"approaches|studies)\b(?! by)"
                              # "despite numerous claims that alternative optimizers offer 1.4 to 2x speedup"
                              r"|\b(?:numerous|many|several|prior|previous|earlier|existing|recent) claims\b"
                              # a benchmark's finding about what it evaluated: "with even the strongest methods
                              # suffering drops of more than 10%"
                              # ("Evaluations of frontier coding agents show that ... the strongest agent achieves
                              # only 41.46%": the best of those evaluated, one or many)
                              r"|\b(?:evaluated|even the strongest|even the best|the strongest) (?:methods?|models?|"
                              r"systems?|agents?|strategies|LLMs?)\b"
                              # "whereas human participants achieve over 90% accuracy" (set J: LEGO-Puzzles): the
                              # human reference a benchmark reports is not the paper's result
                              r"|\bhumans?(?:\s+(?:participants|experts|annotators|evaluators|raters|subjects))?\s+"
                              r"(?:only\s+|still\s+)?(?:achiev|scor|reach|attain|obtain)\w*"
                              # "the baseline models perform poorly (below 50% accuracy)" (set I: OmniBench)
                              r"|\bthe baseline (?:methods?|models?|systems?|agents?|LLMs?)\s+(?:only\s+|all\s+)?"
                              r"(?:perform|achiev|scor|reach|attain|obtain|fail|struggl|yield)\w*", re.IGNORECASE)
# "achieves the highest ... score among the evaluated models, reaching 71.81%" (set I: SLAI T-Rex): those it is
# ranked among are no subject
_AMONG = re.compile(r"\bamong\s+(?:all\s+)?(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:methods?|models?|systems?|agents?|LLMs?)\b",
                    re.IGNORECASE)
# "surpassing LoRA (89.1%) and LoRA+ (90.2%)": the rivals' own scores in brackets after their names
# "the passing mark for physicians (~60%)" (set N: MedMobile): a name of up to four words, a value written about
_RIVAL_NAME = r"[\w.+-]+(?:\s[\w.+-]+){0,3}\s?\((?:~|∼|\\?sim\s?)?"
_BEATING = r"surpass\w*|outperform\w*|beat(?:s|ing)?|exceed\w*"  # the verbs of doing better than a rival
_RIVAL_SCORE = re.compile(rf"\b(?:{_BEATING}|than|vs\.?|versus|compared (?:to|with))\s+"
                          # "surpassing closed-source models such as Claude 3.5 Sonnet (36.0%)"
                          r"(?:(?:[\w-]+\s){0,4}?(?:such\s+as|including|like|e\.g\.,?)\s+)?"
                          # "surpassing the 300M-parameter teacher model (73.84%/72.92%)" (set M: embeddingmagibu):
                          # an article before the name, and a pair of scores split by a slash, both the rival's
                          rf"(?:{_RIVAL_NAME}[^()]{{1,20}}\)\s?(?:,\s?|and\s|or\s|,\sand\s)\s?)*(?:the\s)?{_RIVAL_NAME}"
                          r"\s*(?:[\d.,]+\s?%?\s?/\s?)*$",
                          re.IGNORECASE)
_ASIDE = re.compile(r"--[^-]{1,100}--|\s—[^—]{1,100}—")
_COMPARING = re.compile(r"\b(?:unlike|than|over|outperform\w*|compared|vs\.?|versus|against|surpass\w*|beats?)\b", re.IGNORECASE)
# ("recovers 96% of the improvement achieved by methods with privileged information", set J: Self-Supervised Visual
# On-Policy Distillation: a share of what others achieved is the paper's own)
_EARLIER_AFTER = re.compile(r"(?!\s*of\b)[^.;]{0,40}?\b(?:achieved|reported|obtained|claimed) by\b|\s*\(prior works?\)")


def _beaten_in_bracket(s: Sentence, start: int, end: int) -> re.Match[str] | None:
    """"to surpass GPT-4 Turbo (April 2024) and GPT-4o in pass@1 on the Human Eval benchmark test (90.9% vs.
    90.2%)": the first of a bracketed pair is ours, against what the clause's verb beats."""
    if not (_VS_NEXT.match(s.text, end) and s.text[:start].rstrip().endswith("(")):
        return None
    left, _right = s.clause(start, end)
    verb = None
    for verb in _BASE_VERB.finditer(s.text, max(left, start - 150), start):  # noqa: B007 - the last is wanted
        pass
    return verb


_VS_NEXT = re.compile(r"\s*(?:vs\.?|versus)\s*\d")



_BASE_AFTER = re.compile(
    r"\b(?:than|over|compared (?:to|with)|compare[sd]? (?:to|with)|relative to|versus|vs\.?|against|"
    r"in comparison (?:to|with)|(?:(?:of|to) )?that of|(?:performance|accuracy|quality|cost|time|memory|compute|"
    r"flops|size|throughput) of)\s+"
    r"(?!(?:up to|about|around|nearly)\b|time\b|(?:multiple|many|several|all|different|various)\b|"
    r"\d[\d.,]*\s?(?:%|x\b|×|times|-?fold|\\sim|sim))",
    re.IGNORECASE)
# "improves average speedup over EAGLE-3 by up to 21.8%" (set M: Graft): the measure improved may stand between
_BASE_VERB = re.compile(rf"\b(?:{_BEATING}|"
                        r"improv\w* (?:on|(?:(?!by\b)[a-z][\w-]*\s+){0,2}?(?:over|upon)))\s+",
                        re.IGNORECASE)
# "Experimental results show that compared to the teacher model ..., CineMobile achieves a 40x speedup" (set F)
_BASE_LEAD = re.compile(r"\s*(?:[\w\s-]{0,40}?\b(?:show|shows|showed|demonstrate|demonstrates|indicate|indicates|"
                        r"reveal|reveals|confirm|confirms)\s+that,?\s+)?"
                        r"(?:\w+ly,?\s+|(?:for (?:example|instance)|in particular|in addition|moreover|furthermore|"
                        r"specifically|overall|finally),?\s+)?(?:when\s+)?(?:compared (?:to|with)|compare[sd]? (?:to|with)|"
                        r"relative to|in comparison (?:to|with))\s+", re.IGNORECASE)
# "..., and KnowledgeBank improves over ReasoningBank", "and accelerating inference": a new claim, with its own baseline
_NEW_CLAIM = (r"\s(?:and)\s+(?:(?:[A-Z][\w.-]*|it|they|we)\s+)?(?:also\s+|further\s+)?(?:is|are|uses?|"
              r"(?:achiev|deliver|improv|reduc|outperform|surpass|exceed|yield|attain|obtain|enabl|accelerat|boost|"
              r"increas|lower|cut|speed|provid|complet|solv|scor)\w*)\b")
_BASE_END = re.compile(
    r"[,;!?]|:(?=\s)|\.(?:\s|$)|\s(?:while|which|that|with|when|where|using|at|on|in|for|across|by|under|without|"
    rf"depending|achiev\w*|reach\w*|respectively|as|from|to|is|are|was|were|"
    rf"per|during|if|after|before|via|despite|thanks|such\s+as|like|including)\b|{_NEW_CLAIM}|\s--?\s|\s—|\s\(|$"
    # a number ends the phrase ("vs 1.1s"), one glued to a capital names a model ("explicit 3D baselines")
    # ... nor one hyphened to a word ("the FP16 4-step Latent Consistency Model", set O: Q-Sched)
    r"|\s\d(?![\d.]*[A-Z]\b)(?![\d.]*-[A-Za-z])")
# the end of the text a comparison word after a value may come from
# ... nor past ", showing that": "raises CLI success to 69.3%, showing that much of the CLI deficit comes from
# incomplete skill coverage rather than model capability alone" (set Q: GUI vs. CLI) draws a conclusion, no rival
_BASE_REACH = re.compile(r";|:(?=\s)|\.(?:\s|$)|,\s(?:which|but|showing|suggesting|indicating|demonstrating|"
                         r"revealing|confirming|highlighting|implying)\b")
_CLAIM_AFTER = re.compile(rf",?{_NEW_CLAIM}")
# a clause of its own: "while maintaining ...", "whereas baselines ..."; not the comparative "is 2.3x faster while more
# accurate compared to previous best CLIP model" (bundled: MobileCLIP), where both compare with the one rival
_WHILE = re.compile(r"\bwhile\s+(?:\w+ly\s+)?\w+ing\b|\bwhereas\b", re.IGNORECASE)
_SET_OFF = re.compile(r",\s+(?:compared\s+)?$")  # ", compared against X", ", over X": set off by a comma
# "outperforming the previous best method by an absolute margin of 63%" (set G: See, Point, Fly)
MARGIN_OF = r"(?:an?\s+)?(?:absolute\s+|relative\s+|average\s+)?margin\s+of"
# "outperforms the general-purpose baseline OpenClaw with relative improvements ranging from +159% to +316%" (set P:
# EvoMaster): a range of gains is a margin as "by" is
_BY = re.compile(rf"\s(?:by(?:\s{MARGIN_OF})?|with (?:\w+ )?(?:speedups?|speed-ups?|improvements?|gains?|reductions?) (?:of|ranging from))\s"
                 r"(?:up to |about |around |over |nearly |approximately |as much as |an average of |a factor of )*"
                 r"(?:\\?sim|~|\+)?$")
_JOINT = re.compile(r"[\s,]*(?:and|or)?\s+")
_COMPARISON_WORDS = frozenset({"than", "over", "compared", "compare", "compares", "relative", "versus",
                               "vs", "vs.", "against", "in", "to", "of"})
_GENERIC_BASE = frozenset({"speedup", "speed-up", "reduction", "improvement", "factor"})
_BASE_WORDS = 7


def _phrase(text: str, start: int, limit: int) -> str | None:
    """The noun phrase that starts at ``text[start:]``: a few words up to a clause word or punctuation."""
    stop = min(limit, start + 120)
    end = _BASE_END.search(text, start, stop)
    version = _VERSION.match(text, end.start()) if end is not None else None
    if end is not None and version is not None and _CAPITAL_BEFORE.search(text, start, end.start()):
        end = _BASE_END.search(text, version.end(), stop)  # "Claude Sonnet 4" (set O: AccelOpt): a version, not a value
    if end is None and stop < len(text) and text[stop - 1:stop + 1].isalnum():
        stop = text.rfind(" ", start, stop) if " " in text[start:stop] else start  # never half a word
    chunk = text[start:end.start() if end else stop].strip()
    found = chunk.split()[:_BASE_WORDS]
    while found and found[-1].lower() in ("the", "a", "an", "of", "and", "or", "all", "both"):
        found.pop()
    while found and found[0].lower() in ("the", "a", "an", "both", "all", "those", "that", "of", "its", "their"):
        found = found[1:]
    phrase = " ".join(found).strip(" ,")
    if phrase.endswith(")") and "(" not in phrase:
        phrase = phrase[:-1].rstrip(" ,")  # "15x faster than comparable SOTA)": the bracket closes before
    if not phrase or re.fullmatch(r"[\d.,]+", found[0]) or not any(c.isalpha() for c in phrase) \
            or phrase.lower() in _GENERIC_BASE or _NOT_A_NAME.fullmatch(found[0]) or _WHAT_WAS_POSSIBLE.fullmatch(phrase):
        return None  # "over 16 and 2,048 GPUs", "vs 1.1s", "than what is needed": not a baseline
    return phrase


# "datasets more than 100times larger than previously feasible on one device" (set N: Flash-GMM): what could be done
# before is a limit, not a rival
_WHAT_WAS_POSSIBLE = re.compile(r"(?i:(?:(?:previously|currently|formerly|ever|otherwise|hitherto)\s+)?(?:possible|"
                                r"feasible|achievable|attainable|practical|before|thought|expected)(?:\s+\w+)?)")
_NOT_A_NAME = re.compile(r"(?i:what|which|that|those|these|this|it|its|them|they|we|our|\d[\d.,]*(?:m?s|h|gb|mb|"
                         r"tflops?|fps|ms|%)?)")


def _baseline(s: Sentence, start: int, end: int, bounds: tuple[int, int], share: bool = False,
              factor: bool = False) -> str | None:
    left, _right = s.clause(start, end)
    if _GAP_BY.search(s.text, max(left, start - 120), start):
        return None  # "the best LLM trails the best LMM by 23.09%" (set G: MMEvalPro): a gap between others
    # "improvements over the vanilla SFT (+12% on RoboSpatial) and RL (+16% on RoboSpatial) baselines"
    bracket = _BRACKET_RIVAL.search(s.text, max(0, start - 150), start)
    if bracket:
        return bracket.group("who") or bracket.group("beaten")
    beaten = _beaten_in_bracket(s, start, end)
    if beaten is not None:
        return _phrase(s.text, beaten.end(), start)
    reach = _BASE_REACH.search(s.text, end, min(len(s.text), end + 120))
    limit = min(bounds[1], reach.start() if reach else len(s.text), end + 120)
    claim = _CLAIM_AFTER.search(s.text, end, limit)
    for after in _BASE_AFTER.finditer(s.text, end, limit):
        if after.group(0)[:1].isalpha() and after.group(0).split()[0].lower() not in _COMPARISON_WORDS \
                and after.start() - end > 30:
            continue  # "..., demonstrating the efficiency and performance of OSP-Next": no longer about the value
        if claim and claim.start() < after.start() and s.text[max(0, after.start() - 2):after.start()] != ", ":
            break  # "..., and KnowledgeBank improves over ReasoningBank": the next claim's own rival
        if _WHILE.search(s.text, end, after.start()) and not _SET_OFF.search(s.text, max(0, after.start() - 20),
                                                                             after.start()):
            # "reduces costs by 61% ..., while maintaining competitive performance compared to prior systems" (set K:
            # TokenPilot): a comparison inside a "while" clause is that clause's; one set off by a comma after it holds
            # for the whole sentence (bundled: Llumnix)
            break
        if after.group(0).lower().startswith("than") and not _COMPARATIVE_AFTER.match(s.text, end) \
                and _OTHER_COMPARATIVE.search(s.text, end, after.start()):
            break  # "the best agent's accuracy being 25%, and many having worse Brier skill score than ...": theirs
        phrase = _phrase(s.text, after.end(), limit)
        if phrase and _VALUE_OF.match(s.text, s.text.find(phrase, after.end()) + len(phrase)):
            break  # "compared to an average gap of 8.03%": another value, not a rival's name
        if phrase:
            # "than the leading reasoning model, OpenAI O1.": a description, then the name
            apposed = _APPOSITION.match(s.text, s.text.find(phrase, after.end()) + len(phrase))
            return apposed.group("name").rstrip(".") if apposed and phrase.islower() else phrase
    # "outperforms the GEMM-based algorithm by up to 62%", "surpassing the prior LISA-7B by 18%"
    verb = None
    doing = bounds[0] > 0 and _WHILE_DOING.match(s.text, bounds[0]) is not None  # "... while increasing X by N"
    for verb in _BASE_VERB.finditer(s.text, max(0 if doing else left, start - (200 if doing else 150)), start):  # noqa: B007
        pass
    if verb is not None:
        by = _BY.search(s.text, verb.end(), start)
        # "improves over the MV-SAM3D baseline by reducing CD and LPIPS by 2.20% and 2.02% while increasing PSNR
        # and SSIM by 2.36%": every "by <verb>ing" clause is a way of improving over the same rival
        gerunds = doing and by is not None and _BY_DOING.search(s.text, verb.end(), by.start()) is not None
        if by is not None and (by.start() - verb.end() < 90 or (gerunds and by.start() - verb.end() < 200)):
            # "outperforms W2 by 1.26times and 2:4 pruning by 2.35times": each value's own object
            begin = verb.end()
            if bounds[0] > begin and not gerunds:
                joint = _JOINT.search(s.text, bounds[0], by.start())
                begin = joint.end() if joint else begin
            return _phrase(s.text[:by.start()], begin, by.start())
    # "perform favorably over original SAM with ~20x speedup": the rival named just before "with"
    rival_with = _RIVAL_WITH.search(s.text, max(left, bounds[0], start - 150), start)
    # a factor an "achieving" reaches is a multiple of the rival's; a percentage may be a level of its own
    # ("compared to other unified models, achieving 74% on GenEval")
    if rival_with and (factor or not rival_with.group("gerund")):
        return _phrase(s.text, rival_with.start("who"), rival_with.end("who"))
    # "reaches up to 1.39times FA2 throughput on H100" (set G: Jet-Long): a multiple of what the named rival reaches
    of_rival = _NAMED_MEASURE.match(s.text, end) if factor else None
    if of_rival:
        return of_rival.group("who")
    # "attaining more than 2.5x the average relative held-out gain of Codex and Claude Code": a multiple of theirs
    multiple = _MULTIPLE_OF.match(s.text, end)
    if multiple:
        return _phrase(s.text, multiple.end(), min(len(s.text), multiple.end() + 80))
    # "raises the compressed model's score to about 9times its unrecovered value and 1.6--4.4times standard recovery
    # recipes" (set O: ShortOPD): a level raised to a multiple of something is a multiple of what follows the factor
    if factor and _RAISED_TO.search(s.text, max(left, start - 160), start) and not _COMPARATIVE_WORD.match(s.text, end):
        named = _phrase(s.text, end, limit)
        if named:
            return named
    # "outperforms the 300-times larger Idefics-80B model": the rival the factor describes
    if _RIVAL_BEFORE.search(s.text, max(0, start - 40), start):
        described = _DESCRIBED.match(s.text, end)
        named = _phrase(s.text, described.end(), min(len(s.text), described.end() + 80)) if described else None
        if named and re.search(r"[A-Z0-9]", named):  # a name, not "a 14x larger model"
            return named
    # "with only about 60% of the NFE, eMIGM outperforms the state-of-the-art continuous diffusion models"
    if _WITH_SHARE.search(s.text, max(0, start - 40), start) and (main := _MAIN_RIVAL.match(s.text, end)):
        return _phrase(s.text, main.end(), min(len(s.text), main.end() + 80))
    # "reduces evaluation time to 10% of traditional methods": a share of a rival is against it
    share_of = _SHARE_OF.match(s.text, end, limit)
    if share_of:
        return share_of.group("who")
    # "requires only about 19.3% of the training compute used by Z-Image": a share of what a rival spends
    used_by = _USED_BY.match(s.text, end, limit)
    if used_by:
        return _phrase(s.text, used_by.end(), limit)
    # "a mere 0.01% of the teacher's training cost", "fewer than 10% of the starting AR model's total training
    # token budget", "0.36% of 1.4T multimodal pre-training tokens of Qwen2-VL", "65% as many pretraining
    # tokens as Qwen3" (set G): a share of what a rival spends, the rival named by its possessive or after it
    # "The resulting state occupies 1.29 GB, 2.6% of AdamW's, and ..." (set M: SkewAdam): the measure left unsaid
    theirs = _THEIRS.match(s.text, end, limit) or _THEIRS_ALONE.match(s.text, end, limit)
    # "less than 10% of the original model's training data" (set A: SlimMoE): the model compressed is its own
    if theirs and theirs.group("who").lower() not in _SELF and theirs.group("who").split()[0].lower() != "original":
        return theirs.group("who")
    rival_cost = _COST_OF.match(s.text, end, limit) or _AS_MANY.match(s.text, end, limit)
    if rival_cost:
        return _phrase(s.text, rival_cost.end(), limit)
    # "MoT matches the dense baseline's performance using only 55.8% of the FLOPs", "achieving dense baseline image
    # quality in 47.2% of the wall-clock time" (set J: Mixture-of-Transformers): a share of a cost is of what the
    # baseline its clause names spends
    last_named: re.Match[str] | None = None
    for last_named in _NAMED_BASELINE.finditer(s.text, left, start):  # noqa: B007 - the last is wanted
        pass
    if share and last_named is not None:
        return last_named.group("who")
    # "Compared to LLaVa-OneVision at the highest resolution, FastVLM achieves ... 85times faster TTFT"
    lead = _BASE_LEAD.match(s.text)
    if lead and lead.end() < start:
        return _phrase(s.text, lead.end(), start)
    # "... surpasses the state-of-the-art NeRF-based method by 3.84 dB while enjoying 1000x inference speed",
    # "performance comparable to X while requiring less than 40% of the NFE": across a "while"
    joint = _WHILE_BEFORE.search(s.text, max(0, start - 90), start)
    # "It outperforms llama.cpp, exo, and dllama on 30B+ models while keeping memory pressure below 6%" (set N:
    # prima.cpp): a level the value bounds is kept, not measured against the rival
    if joint and not share and _LEVEL_BOUND.search(s.text, max(0, start - 20), start):
        joint = None
    # "reduces token generation by 23.5% ... compared to the strongest baseline, while achieving a competitive accuracy
    # of 36.19% in Pass@1" (set O: Pruning the Unsurprising): a score's level after "while" is kept, not compared
    if joint and not share and not factor and _SCORE_LEVEL.search(s.text, max(0, start - 40), start):
        joint = None
    if joint:
        rival = None
        for rival in _RIVAL.finditer(s.text, max(0, joint.start() - 200), joint.start()):  # noqa: B007 - the last
            pass
        # "matches DeiT-B's accuracy while using only 27% of the parameters": a share of what it matched; but
        # "matches Full Attention reasoning accuracy while achieving 2.5x higher throughput" beats no one (set B)
        # "it matches the kernel improvements of Claude Sonnet 4 while being 26times cheaper" (set O: AccelOpt): "being"
        # compares the subject with what it matched
        being = _WHILE_BEING.match(s.text, joint.start(), start) is not None
        if rival is not None and (not rival.group(0).lower().startswith("match") or share or being):
            # ... the rival, not the measure of it that was matched
            measure = _MEASURE_OF.match(s.text, rival.end(), joint.start()) if being else None
            if being and measure is None and _BARE_MEASURE.match(s.text, rival.end(), joint.start()):
                return None  # "matches accuracy while being up to 90x faster" (bundled AdANNS): a measure, no rival
            return _phrase(s.text, measure.end() if measure else rival.end(), joint.start())
    return None


_SCORE_LEVEL = re.compile(r"\b(?:accuracy|score|rate|pass@\d+|performance)\s+of\s+(?:about\s+|around\s+|only\s+|just\s+|"
                          r"nearly\s+|over\s+|up\s+to\s+)?$", re.IGNORECASE)
_RIVAL_BEFORE = re.compile(r"\b(?:outperform\w*|surpass\w*|beat(?:s|ing)?|rival(?:s|ing)?|match(?:es|ing)?)\s+"
                           r"(?:the\s+|a\s+|an\s+)?$", re.IGNORECASE)
_DESCRIBED = re.compile(r"\s*(?:larger|bigger|smaller|slower|faster|more expensive|costlier)\s+")
# "even with a 14x smaller backbone (0.5B parameters) and no pre-training on the Open X-Embodiment dataset, our model
# StableVLA achieves robustness competitive with 7B-scale state-of-the-art VLAs" (set M): the size is against the
# rival the main clause then measures itself with; the words between may hold a bracket and a decimal point
_WITH_SHARE = re.compile(r"\bwith\s+(?:an?\s+)?(?:only\s+|just\s+|merely\s+)?(?:about\s+|around\s+|roughly\s+|approximately\s+|~)?$",
                         re.IGNORECASE)
_MAIN_RIVAL = re.compile(r"(?:[^,;.]|\.\d){0,120},\s+(?:[\w.-]+\s+){1,5}?"
                         rf"(?:{_BEATING}|rival(?:s|ing)?|match(?:es|ing)?|(?:competitive|comparable|on par)\s+(?:with|to))\s+")
_APPOSITION = re.compile(r",\s+(?P<name>[A-Z][\w.+-]*(?:\s[A-Z0-9][\w.+-]*){0,3})\s*(?:[.;)]|$)")
_BY_DOING = re.compile(r"\bby\s+\w+ing\b")
_WHILE_DOING = re.compile(r"\s*,?\s*(?:while|and)\s+\w+ing\b")
_RAISED_TO = re.compile(r"\b(?:rais|increas|boost|improv|lift|bring|push)\w*\s[^,;:()]{0,80}?\bto\s+"
                        r"(?:about |around |nearly |roughly |approximately |over |more than |up to |~)?"
                        # ... and the next multiple listed after it
                        r"(?:[\d.]+\s?(?:[x×]|times)\s+[^,;:()]{1,60}?(?:,\s+|\s+and\s+))?$")
_COMPARATIVE_WORD = re.compile(r"\s*(?:[x×]\s+)?(?:faster|slower|higher|lower|more|less|fewer|larger|smaller|better|"
                               r"longer|shorter|speed-?ups?|improvements?|gains?|reductions?|compression|throughput|speed|"
                               r"on|in|at|over|than|with|for|across|by|compared|relative|versus|vs)\b", re.IGNORECASE)
_MULTIPLE_OF = re.compile(r"\s*(?:[x×]|times)?\s+the\s+(?:[\w-]+\s+){0,4}?(?:gains?|improvements?|performance|accuracy|speed|"
                          r"throughput|scores?)\s+of\s+")
_BRACKET_RIVAL = re.compile(r"\b(?:over|than|compared (?:to|with)|relative to|versus|vs\.?|against)\s+(?:the\s+)?"
                            rf"(?:{_RIVAL_NAME}[^()]{{1,40}}\)\s?(?:,\s?|and\s|or\s|,\sand\s)\s?)*"
                            # "significant improvements over strong baselines (up to 23%)" (set P: Graph Memory): a
                            # bracketed margin, signed or bounded, is against what its bracket follows; "extremely faster than previous
                            # multi-step methods (at least 50 times faster)" (set Q: SwiftEdit): a lower bound too
                            r"(?P<who>[\w.+-]+(?:\s[\w.+-]+){0,2})\s?\(\s?(?:\+|(?:up to|about|around|nearly|"
                            r"at least)\s)$"
                            # "which outperforms Qwen2.5-32B on knowledge-graph construction (+12.5% relative harmonic
                            # mean)" (set N: RAGU): the verb's object, then where it is beaten
                            rf"|\b(?:{_BEATING})\s+(?:the\s+)?"
                            r"(?P<beaten>[\w.+-]+(?:\s[\w.+-]+){0,2}?)(?:\s+(?:on|in|for|across)\s+[^()]{1,40}?)?"
                            r"\s?\(\s?\+$", re.IGNORECASE)
_SHARE_OF = re.compile(r"\s*of\s+(?:the\s+)?(?P<who>(?:(?!(?:our|their|its|this|by)\b)[\w-]+\s+){0,3}?"
                       r"(?:methods|baselines|approaches|counterparts|(?:baseline|standard|conventional|traditional|"
                       # "retaining 99.8-100% of the baseline score" (set F): what is kept of a score, no rival
                       r"vanilla|existing)\s+(?!(?:scores?|accuracy|performance|quality)\b)\w+"
                       r"(?:\s+(?:models?|methods?|approach|attention))?))\b")
_RIVAL_WITH = re.compile(r"\b(?:over|than|compared (?:to|with)|relative to|versus|vs\.?|against|"
                         r"comparabl[ey] (?:to|with)|on par with|outperform(?:s|ing|ed)?|surpass(?:es|ing|ed)?|"
                         r"match(?:es|ing|ed)?|rival(?:s|ing)?|beat(?:s|ing)?)\s+(?P<who>[^,;:]{1,60}?)"
                         # "outperforms state-of-the-art evolutionary search methods, achieving an average 2.10x"
                         r"(?:,?\s+with|,\s+(?P<gerund>achieving|delivering|yielding))\s+"
                         # "surpassing GRPO and Skill-SD with less than 30% of their rollout budget" (set G)
                         r"(?:(?:a|an|up to|about|around|nearly|over|approximately|roughly|average|less than|fewer than|"
                         r"only|just|merely)\s+)*(?:~|∼|\\?sim\s?)?$",
                         re.IGNORECASE)
_WITHIN = re.compile(r"\bwithin\s+(?:about\s+|around\s+|roughly\s+|approximately\s+|~)?$", re.IGNORECASE)
_WITHIN_OF = re.compile(r"\s*of\s+")
_USED_BY = re.compile(r"\s*of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:used|required|needed|consumed|spent|incurred|"
                      r"taken|achieved|obtained)\s+by\s+", re.IGNORECASE)
_NAMED_BASELINE = re.compile(r"\b(?P<who>(?:the\s+)?(?:[\w.-]+\s+)?baseline)(?!s)\b", re.IGNORECASE)
# "using only 1% amount of BAGEL's data" (set M: UniWorld): "amount of" names the share, not the rival
_THEIRS = re.compile(r"\s*(?:(?:the\s+)?(?:amount|share|fraction|portion)\s+)?of\s+(?:the\s+)?"
                     r"(?P<who>(?:[\w.-]+\s+){0,3}?[\w.-]+)['’]s\s+(?:[\w-]+\s+){0,3}?"
                     r"(?:costs?|budgets?|compute|flops|time|tokens|data|parameters|memory|steps|hours)\b", re.IGNORECASE)
_THEIRS_ALONE = re.compile(r"\s*of\s+(?:the\s+)?(?P<who>(?:[\w.-]+\s+){0,2}?[\w.-]+)['’]s?(?=\s*[,;)]|\.(?:\s|$))")
# a coined name (a digit or an inner capital: FA2, vLLM, FlashAttention) right before a measure
_NAMED_MEASURE = re.compile(r"\s+(?:the\s+)?(?P<who>(?=[\w.+-]*(?:\d|[a-z][A-Z]))[A-Za-z][\w.+-]*)\s+"
                            r"(?:throughput|speed|latency|performance|accuracy|memory)\b")
_GAP_BY = re.compile(r"\b(?:trail\w*|lag\w*\s+behind)\b[^.;:()]{0,80}\bby\s+(?:up to |about |around |over |nearly )?$",
                     re.IGNORECASE)
_VALUE_OF = re.compile(r"\s+of\s+(?:about\s+|around\s+|only\s+|just\s+)?\d")
_SELF = frozenset({"model", "method", "network", "system", "approach", "one", "our", "its", "their", "this"})
# "using less than 0.01% training data of baselines" (set M: DenseDiT): the share's "of" may be left out, and the
# rivals may be the generic baselines
_COST_OF = re.compile(r"\s*(?:of\s+)?(?:the\s+)?(?:[\d.,]+\s?[KMBT]?\s+)?(?:[\w-]+\s+){0,3}?(?:tokens|data|compute|"
                      r"flops|parameters|hours|costs?|budgets?|steps)\s+of\s+"
                      r"(?=[A-Z]|(?:the\s+)?(?:[\w-]+\s+)?(?:baselines?|teachers?|counterparts)\b)")
_AS_MANY = re.compile(r"\s*as\s+(?:many|much)\s+(?:[\w-]+\s+){0,3}?as\s+(?=[A-Z])")
_MEASURE_OF = re.compile(r"(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:improvements?|performance|accuracy|results?|quality|scores?|"
                         r"gains?)\s+of\s+", re.IGNORECASE)
_BARE_MEASURE = re.compile(r"\s*(?:(?:the|its|their)\s+)?(?:[\w-]+\s+)?(?:accuracy|performance|quality|results?|scores?)"
                           r"\s*$", re.IGNORECASE)  # matched up to "while"
_VERSION = re.compile(r"\s\d{1,2}(?:\.\d)?(?=\s+(?:while|and|or|with)\b|[,;)]|\.(?:\s|$)|$)")
_CAPITAL_BEFORE = re.compile(r"\b[A-Z][\w.+-]*$")
_WHILE_BEING = re.compile(r"while\s+being\s+(?:about\s+|around\s+|up\s+to\s+|nearly\s+|over\s+|roughly\s+|~)?$")
_WHILE_BEFORE = re.compile(r"\bwhile\b[^,;:]{0,80}$")
_LEVEL_BOUND = re.compile(r"\b(?:below|under|beneath|above|within)\s+(?:only\s+|just\s+|about\s+|~)?$", re.IGNORECASE)
# "competitive QA performance compared to advanced RAG baselines while consuming 3x to 10x fewer" (set F)
_RIVAL = re.compile(r"\b(?:outperform\w*|surpass\w*|beat(?:s|ing)?|exceed\w*|comparable (?:to|with)|on par with|"
                    r"compared (?:to|with)|match(?:es|ing)?)\s+", re.IGNORECASE)


def within_of(s: Sentence, start: int, end: int, limit: int) -> str | None:
    """"maintaining accuracy within 5% of the original models" (set K: UniQL): what the value stays close to. Read
    after lists share their rivals, since a bound of closeness is the value's alone (not the 2.7x listed before it)."""
    if not _WITHIN.search(s.text, max(0, start - 30), start):
        return None
    within = _WITHIN_OF.match(s.text, end, limit)
    return _phrase(s.text, within.end(), limit) if within else None


def _earlier(s: Sentence, start: int, end: int) -> bool:
    """A value that belongs to someone else: "compared to 2.32x achieved by DistriFusion", "the literature (5-10x)",
    "surpassing LoRA (89.1%) and LoRA+ (90.2%)"."""
    if _BASELINE_BEFORE.search(s.text, max(0, start - 80), start) or _EARLIER_AFTER.match(s.text, end) \
            or _RIVAL_SCORE.search(s.text, max(0, start - 120), start):
        return True
    # "outperforming π_{0.5} at 39.2%" (set F: MolmoBot), "close to the closed-data GUI-specialized GUI-Owl-1.5-8B base
    # model at 69.0%." (set F: MobileForge): the level the rival stands at, ending the clause
    if s.text[end - 1:end] == "%" and _RIVAL_AT.search(s.text, max(0, start - 120), start) \
            and _CLAUSE_END.match(s.text, end):
        return True
    left, _right = s.clause(start, end)
    if _WHEREAS_OTHER.search(s.text, max(0, left - 10), start):
        return True
    # "--a feat infeasible for previous methods--": an aside between dashes is not the value's subject
    clause = _AMONG.sub(" ", _ASIDE.sub(" ", s.text[left:start]))
    # "drops of more than 10%", "achieve over 90% accuracy" (set J: LEGO-Puzzles): "more than" and an "over" right
    # at the value bound it, they compare nothing
    clause = _BOUND_BEFORE.sub(" ", clause)
    return bool(_EARLIER_SUBJECT.search(clause)) and not _COMPARING.search(_FILLER.sub(" ", clause))


# "MixSD ... retaining up to 100% of the base model's held-out capability ..., whereas standard SFT retains as little
# as 1%" (set P: MixSD): a clause set against the paper's by "whereas", led by the standard way of doing it, is that
# way's result
_WHEREAS_OTHER = re.compile(r"\bwhereas\s+(?:the\s+)?(?:standard|vanilla|conventional|plain|naive|traditional|existing|"
                            r"prior|previous|baseline|competing)\b[^,;:]*$", re.IGNORECASE)
_RIVAL_AT = re.compile(rf"\b(?:{_BEATING}|close to|ahead of|behind|"
                       r"compared (?:to|with)|versus|vs\.?)\s+(?:[^\s,;]+\s+){1,8}?at\s+(?:only\s+|just\s+|about\s+)?$"
                       # "exceeds human performance of 65.0%" (set N: Improving Transformer World Models): the level of
                       # what is beaten, named by a score noun; not "by a margin of 5%", a gap of ours
                       rf"|\b(?:{_BEATING})\s+(?:the\s+)?(?:[^\s,;]+\s+){{0,3}}?"
                       r"(?:performance|score|accuracy|mark|level|results?)\s+of\s+(?:only\s+|just\s+|about\s+)?$",
                       re.IGNORECASE)
_CLAUSE_END = re.compile(r"\s*(?:[,;)]|\.(?:\s|$)|$)")
_BOUND_BEFORE = re.compile(r"\bover\s*$", re.IGNORECASE)
_COMPARATIVE_AFTER = re.compile(r"\s*(?:more|less|fewer|higher|lower|faster|slower|smaller|larger|bigger|better|"
                                r"cheaper|longer|shorter|greater)\b")
_OTHER_COMPARATIVE = re.compile(r",\s+and\s+[^,;]*\b(?:worse|better|more|less|fewer|higher|lower|faster|slower|smaller|"
                                r"larger|greater|cheaper)\b")
