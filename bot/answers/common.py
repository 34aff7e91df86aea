"""Words, patterns and small helpers the answer families share."""

from __future__ import annotations

import datetime as dt
import functools
import re
from fractions import Fraction

from bot.calc import results as calc_results
from bot.text import fold, lazy_pattern, unwrap
from bot.understanding.patterns import FIGURE_INTENTS
from bot.understanding.query import Understanding
from bot.understanding.words import word_tables
from bot.vocab import Lang
from knowledge.kb import Provenance
from knowledge.schema import Fact, TextRule, Topic

CONFIDENCE_THRESHOLD = 0.5


# Words that state a limit of what a scheme funds ('kun til årsverk', 'ikke rettet mot').
# A fact's reference to a table ('se tabellen opptrappingsplan-nasjonal-ramme').
TABLE_REF = lazy_pattern(r"\btabell(?:en)?\s+([a-z0-9][a-z0-9-]+[a-z0-9])")


LIMIT_WORDS = lazy_pattern(r"\b(?:ikke|kun|bare|only|not)\b", re.IGNORECASE)


# Rule kinds that give a rate or an amount.
RATE_KINDS = ("ladder", "cap", "flat", "same_as")


# Intents that answer with rates, where 'hvor mye fikk Arendal?' asks for an allocation.
ALLOCATION_INTENTS = {"amount", "total", "own_share", "scheme_info", "appropriation"}


# A look-up passage this sure of itself is quoted when the card it belongs beside lacks it.
PASSAGE_SCORE = 0.35


# A passage this sure of itself is quoted beside a scheme's summary card, strong or not.
SUMMARY_PASSAGE = 0.4


# A strong passage (two distinctive words or a concept shared) this sure, beside a summary.
SUMMARY_STRONG = 0.3


# A strong passage this sure of itself answers where the card would ask which scheme is meant.
PASSAGE_ASKED = 0.5


# How a topic card says it has no facts on the topic asked about (see T below).
NO_FACTS_LEADS = (
    "Kildene mine sier ingenting om «",
    "My sources say nothing about “",
    "Jeg har ingen opplysninger om «",
    "I have no information on “",
    "Kildene oppgir ikke kapittel og post for ",
    "The sources give no budget chapter for ",
)


# A passage this sure of itself answers on its own where the card declined.
PASSAGE_ALONE = 0.6


# Intents about deadlines and money already said by year: the grant's end is theirs to tell.
# Intents whose answer is the scheme's whole card, rates of every year included.
CARD_INTENTS = {"scheme_info", "who_may_apply", "apply_how", "status"}


GRANT_END_FREE = {"deadline", "days_left", "next_deadline", "appropriation", "budget"}


# Intents whose answers are figures or lists: a passage is not put before them.
PASSAGE_FREE = FIGURE_INTENTS | {
    *("framework", "framework_sum", "framework_ranking", "statistics"),
    *("deadline", "days_left", "next_deadline", "greeting", "help", "list_schemes", "faq"),
}


# 'hvor mange timer', 'how many hours': the thing a count is asked of
# ('hvor mange kroner' asks for an amount, not for a count of something)
HOW_MANY = lazy_pattern(
    r"\b(?:hvor mange|how many)\s+(?:flere\s+|more\s+)?"
    # ('hvor mange helt nye årsverk': the words that say which are no thing counted)
    r"(?:(?:helt|heilt|hele|heile|nye|nytt|fulle|whole|full|new|complete|ekstra|extra|"
    r"additional)\s+){0,2}(?!kron|nok\b)([a-z]{3,})"
)


# a kind of cost asked about: 'reiseutgifter', 'utgifter til reise', 'travel costs'
COST_ASKED = lazy_pattern(
    r"\b(?:(\w{3,}?)s?(?:utgift|utgifter|utgiftene|kostnad|kostnader|kostnadene)|"
    r"(\w{3,}) (?:costs?|expenses?))\b"
)


HOW_MUCH = lazy_pattern(r"\b(?:hvor mye|kor mykje|kor mye|how much)\b")


# intents whose answer says what a scheme covers ('annet enn årsverk' is a limit's question)
COVER_INTENTS = {"funds", "scheme_info", "amount", "who_may_apply"}


# words after 'dekker' that name no thing covered
COVER_IGNORED = {
    "tilskudd",
    "tilskuddet",
    "tilskot",
    "tilskotet",
    "ordningen",
    "ordninga",
    "midlene",
    "grant",
    "scheme",
    "funds",
    "money",
    "pengene",
    "kommunen",
    "kommunalt",
    "oss",
    "vare",
    "also",
    "ogsa",
    "both",
    "grants",
    "dekke",
    "dekker",
    "dekkes",
    "cover",
    "covers",
}


# asking whether something is covered
COVER_ASK = lazy_pattern(r"\b(?:dekk\w*|cover\w*|pay for|brukes til|used for|finansier\w*)\b")


# cost words that name no particular kind ('andre utgifter', 'other costs')
COST_GENERIC = {
    "andre",
    "other",
    "sosiale",
    "social",
    "samlede",
    "total",
    "these",
    "slike",
    "lonn",
    "lonns",
    "salary",
    "staff",
    "egne",
    "such",
    "disse",
    "ekstra",
    "extra",
    "all",
    "alle",
    "cover",
    "covers",
    "any",
    "the",
    "our",
    "their",
    "additional",
    "eligible",
    "pay",
}


# what a question asks the money of: 'tilskuddet til X?', 'the grant for X?'
THING_AFTER = lazy_pattern(r"\b(?:til|for|to|of)\s+([^?!.]+)", re.IGNORECASE)
THING_END = lazy_pattern(r"\s+(?:i|in)\s+(?:år|year|tilskuddsår|\d{4})\b|,", re.IGNORECASE)


# number words that may give a count in an answer
NUMBER_WORDS = "en|ett|ei|to|tre|fire|fem|seks|sju|syv|atte|ni|ti|one|two|three|four|five|six|ten"


# Parts of a figure a stated figure may claim only when the question names them.
PART_WORDS: dict[calc_results.Role, tuple[str, ...]] = {
    calc_results.Role.COMPETENCE: ("kompetanse", "competence"),
    calc_results.Role.CAP_MEASURES: ("kompetanse", "competence", "tiltak", "measure"),
}


STATISTICS_TABLE = "nav-sosialtjenestetall"


# 'hvilken kommune', 'which municipality': a place asked for, not named
WHICH_PLACE = lazy_pattern(
    r"\b(?:hvilken|hvilke|hvilket|kva for|kven|which)\s+(?:kommune\w*|fylke\w*|"
    r"municipalit\w*|count(?:y|ies))\b"
)


# a person's name: two or more capitalised words ('Arild Bækkevold')
PERSON = lazy_pattern(r"[A-ZÆØÅ][\w-]+(?: [A-ZÆØÅ][\w-]+)+")


# asking when a call for applications comes out ('kunngjøres', 'utlyst', 'announced')
ANNOUNCE_ASK = lazy_pattern(r"\b(?:kunngj\w*|utlys\w*|announc\w*|published|publiser\w*)")

# asking when something happens ('når kunngjøres ordningen?', 'kva tid', 'which month')
WHEN_ASK = lazy_pattern(
    r"\b(?:nar|when|kva tid|hva tid|hvilken (?:dato|maned|tid)|hvilke dato|hva dato|kva dato|"
    r"what date|which (?:date|month))\b"
)


# a date printed in figures in a source sentence ('av 18.12.2015')
NUMERIC_DATE = lazy_pattern(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")


def _stems_meet(a: str, b: str) -> bool:
    """Whether two folded words share a stem ('brev' and 'brevet', 'ordforerne' and 'ordforere')."""
    if len(a) >= 5 and len(b) >= 5:
        return a[:5] == b[:5]
    return a.startswith(b) or b.startswith(a)


def _meeting(asked: list[str], words: list[str]) -> int:
    """How many of the question's words meet a word of a text by their stem."""
    return sum(any(_stems_meet(a, w) for w in words) for a in asked)


def dated_sentence(
    folded_question: str, paragraphs: list[str], plain: frozenset[str]
) -> tuple[dt.date, str] | None:
    """The date a when-question asks of: the answer's sentence holding a date in figures and
    sharing most of the question's own words (two at least, or one when its paragraph shares
    another: 'hvilket brev … egenandelen?' of 'Presisering av egenandel: … Brev om dette … av
    18.12.2015'), with that date; a deadline's sentence only when the question asks of a
    deadline."""
    deadline_asked = "frist" in folded_question or "deadline" in folded_question
    asked = [w for w in re.findall(r"[a-z0-9]+", folded_question) if len(w) > 3 and w not in plain]
    if not asked:
        return None  # (no sentence shares a word with the question)
    best: tuple[tuple[int, int], dt.date, str] | None = None
    for paragraph in paragraphs:
        if NUMERIC_DATE.search(paragraph) is None:
            continue  # (its sentences, split at white space, hold no date either)
        in_paragraph: int | None = None  # read at the first dated sentence
        for sentence in re.split(r"(?<=[.!?»])\s+(?=[A-ZÆØÅ«•])|\n+|\s+•\s+", paragraph):
            found = NUMERIC_DATE.search(sentence)
            if found is None or (not deadline_asked and "frist" in fold(sentence)):
                continue
            try:
                day = dt.date(int(found.group(3)), int(found.group(2)), int(found.group(1)))
            except ValueError:
                continue
            if in_paragraph is None:
                around = [w for w in re.findall(r"[a-z0-9]+", fold(paragraph)) if len(w) > 3]
                in_paragraph = _meeting(asked, around)
            words = re.findall(r"[a-z0-9]+", fold(sentence))
            shared = _meeting(asked, words)
            # one word of the sentence itself, a whole word ('brev', not 'til' of 'tilskudd')
            alone = _meeting(asked, [w for w in words if len(w) > 3])
            rank = (shared, in_paragraph)
            if (shared >= 2 or (alone == 1 and in_paragraph >= 2)) and (
                best is None or rank > best[0]
            ):
                best = (rank, day, sentence.strip(" •"))
    return None if best is None else (best[1], best[2])


# 'hvilket brev viser de til?', 'which letter': the dated letter a sentence refers to
LETTER_ASK = lazy_pattern(
    r"\b(?:hvilket brev|hvilke brev|kva brev|kva for (?:eit )?brev|which letter|what letter)\b"
)


# 'hvilken prop. bygger planen på?', 'hvilket proposisjonsnummer', 'kva for proposisjon', 'which
# bill': the parliamentary document a source sentence names
DOC_REF_ASK = lazy_pattern(
    r"\b(?:hvilken|hvilket|hvilke|hva for|kva for|which|what)\s+(?:ein\s+|eit\s+|en\s+|et\s+)?"
    r"(?:prop\b\.?|proposisjon\w*|stortingsproposisjon\w*|stortingsmelding\w*|melding\w*|"
    r"bill|white paper|parliamentary (?:bill|paper|document))"
)
# 'Prop. 15 S (2015–2016)', 'Meld. St. 19', 'St.meld. nr. 30', 'NOU 2019: 26' in a sentence
DOC_REF = lazy_pattern(
    r"\b(?:Prop\.\s*\d+\s*[SLA]\b|Meld\.\s*St\.\s*\d+|St\.\s*meld\.\s*(?:nr\.\s*)?\d+|"
    r"NOU\s+\d{4})"
)


def doc_ref_sentence(
    folded_question: str, text: str, plain: frozenset[str]
) -> tuple[int, str] | None:
    """The sentence of a text naming a parliamentary document ('Prop. 15 S …') that shares most
    of the question's own words (one at least, besides the words asking for a document), with
    how many it shares."""
    # the words that ask for such a document, not what it is about
    asking = word_tables().document_references
    asked = [
        w
        for w in re.findall(r"[a-z0-9]+", folded_question)
        if len(w) > 3 and w not in plain and not w.startswith(asking)
    ]
    best: tuple[int, str] | None = None
    for part in re.split(r"(?<=[.!?»])\s+(?=[A-ZÆØÅ«•])|\n+(?=\s*•)", text):
        sentence = " ".join(part.split())
        if not DOC_REF.search(sentence):
            continue
        words = re.findall(r"[a-z0-9]+", fold(sentence))
        shared = _meeting(asked, [w for w in words if len(w) > 3])
        if shared >= 1 and (best is None or shared > best[0]):
            best = (shared, sentence.strip(" •"))
    return best


# 'når var …', 'hvem holdt …': when or who of a source document
DOC_ASK = lazy_pattern(
    r"^\s*(?:og\s+|on\s+|pa\s+)?"
    r"(?:nar|hvem|kven|when|who|hvilken dato|hvilke dato|hva dato|what date|which date)\b"
)


# whether something the sources said still holds now ('er han fortsatt kontaktperson?')
STILL_ASK = lazy_pattern(
    r"\b(?:fortsatt|fremdeles|framleis|enno|still|currently|per i dag|(?:i dag|na|today|now)\?)"
)


# A question about a table itself, not about a row: its sources, colours or use.
TABLE_ABOUT = lazy_pattern(
    r"\b(?:kild\w*|kjeld\w*|hentet|henta|kommer\b.*\bfra|kjem\b.*\bfra|\w*farge\w*|\w*farga\w*|"
    r"malekort\w*|scorecard\w*|sosialfaglig\w*|colou?r\w*|sources?|comes? from|"
    r"where\b.*\bfrom)\b"
)


# The table's use asked of in words of its notes, whatever column is named ('som målekort').
SCORECARD = lazy_pattern(r"\b(?:malekort\w*|scorecard\w*|sosialfaglig\w*)\b")


# What of a table is asked about, and the words of the notes that speak of it.
TABLE_ASPECTS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (
        lazy_pattern(
            r"\b(?:kild\w*|kjeld\w*|hentet|henta|kommer\b.*\bfra|kjem\b.*\bfra|sources?|"
            r"comes? from|where\b.*\bfrom)\b"
        ),
        ("kilder:", "sources:"),
    ),
    # the source's colour paragraph ends 'Tabellen er ikke et målekort': red and green rank
    # no office's work, so what the colours mean includes that note
    (
        # also a colour named in a compound ('rødfargen', 'grønnfarga')
        lazy_pattern(r"\b(?:\w*farge\w*|\w*farga\w*|colou?r\w*)\b"),
        ("farge", "colour", "malekort", "scorecard"),
    ),
    (lazy_pattern(r"\b(?:malekort\w*|scorecard\w*)\b"), ("malekort", "scorecard")),
    # 'hvilket fylke gjør best sosialfaglig arbeid?': the note on when the figures say
    # anything of the social work
    (lazy_pattern(r"\bsosialfaglig\w*\b"), ("sosialfaglig", "social work")),
)


def office_in(prov: Provenance, lang: Lang) -> str:
    """Return the name of a source's office in the answer language."""
    return (prov.office_name_en or prov.office_name) if lang == "en" else prov.office_name


def text_in(item: Fact | TextRule, lang: Lang) -> str:
    """Return a fact's or a rule's text in the answer language (English where the source has it)."""
    return unwrap((item.text_en or item.text) if lang == "en" else item.text)


INTENT_TOPICS: dict[str, list[Topic]] = {
    "who_may_apply": [Topic.WHO_MAY_APPLY],
    "funds": [Topic.FUNDS],
    "not_funded": [Topic.NOT_FUNDED],
    "priorities": [Topic.PRIORITIES],
    "reporting": [Topic.REPORTING],
    "audit": [Topic.AUDIT],
    "appeal": [Topic.APPEAL],
    "purpose": [Topic.PURPOSE, Topic.TARGET_GROUP],
    "status": [Topic.STATUS],
    "apply_how": [Topic.APPLY_HOW],
}


T: dict[str, dict[Lang, str]] = {
    "which_scheme": {
        "nb": "Hvilken ordning gjelder det?",
        "en": "Which scheme do you mean?",
    },
    "no_facts_year": {
        "nb": "Jeg har ingen opplysninger om «{topic}» for {scheme} i {year}. "
        "Kildene mine dekker {years}.",
        "en": "I have no information on “{topic}” for {scheme} in {year}. "
        "My sources cover {years}.",
    },
    "no_facts": {
        "nb": "Kildene mine sier ingenting om «{topic}» for {scheme}.",
        "en": "My sources say nothing about “{topic}” for {scheme}.",
    },
    "legal": {
        "nb": "Juridiske råd, som om dere kan gå til søksmål, kan jeg ikke gi; det står ikke i "
        "kildene mine. Ta det opp med kommunens jurist eller advokat.",
        "en": "I cannot give legal advice, such as whether you can take legal action; it is not "
        "in my sources. Take it up with the municipality's lawyer.",
    },
    "legal_known": {
        "nb": "Det kildene sier om klagerett:",
        "en": "What the sources say about the right to appeal:",
    },
    "same_deck": {
        "nb": "Samme kilde sier om {scheme}:",
        "en": "The same source says of {scheme}:",
    },
    "advice": {
        "nb": "Råd og egne vurderinger kan jeg ikke gi – det må kommunen vurdere selv, gjerne "
        "sammen med Statsforvalteren. Jeg kan svare på hva kildene sier om ordningene: hvem "
        "som kan søke, hva som dekkes, satser, frister og vilkår.",
        "en": "I cannot give advice or opinions of my own – that is for the municipality to "
        "weigh, preferably with the county governor. I can answer what the sources say about "
        "the schemes: who may apply, what is funded, rates, deadlines and conditions.",
    },
    "dont_know": {
        "nb": "Det vet jeg ikke – det står ikke i kildene jeg bygger på. Jeg kan svare på "
        "tilskuddsordningene for rus og psykisk helse og NAV-kontorenes sosiale tjenester: "
        "satser og beregning (f.eks. «hva får vi i år 3 for 2 årsverk?»), søknads- og "
        "rapporteringsfrister, hvem som kan søke, hva som dekkes, klagerett, kontakter, "
        "økningen i rammen per kommune i Agder 2016–2020 og NAVs sosialtjenestetall.",
        "en": "I don't know that – it is not in the sources I rely on. I can answer about the "
        "grant schemes for substance abuse and mental health work and the NAV offices' "
        "social services: rates and calculations (e.g. “how much do we get in year 3 for "
        "2 FTE?”), application and reporting deadlines, who may apply, what is funded, "
        "appeal rights, contacts, the framework increases per Agder municipality "
        "2016–2020 and NAV's social services statistics.",
    },
    "unsure": {
        "nb": "Jeg er ikke sikker på hva du spør om, så jeg vil ikke gjette.",
        "en": "I'm not sure what you are asking, so I won't guess.",
    },
    "passed": {"nb": "passert", "en": "passed"},
    # a premise's figure or date held against the answer's (bot.answers.premises)
    "premise_yes": {"nb": "Ja, det stemmer.", "en": "Yes, that is right."},
    "premise_about": {
        "nb": "Omtrent, ja: kildene gir {figure}.",
        "en": "Roughly, yes: the sources give {figure}.",
    },
    "condition_no": {
        "nb": "Nei. Kilden: «{sentence}»",
        "en": "No. The source: “{sentence}”",
    },
    # a yes/no question answered by a source sentence that permits it ('kan velge')
    "permission_yes": {"nb": "Ja.", "en": "Yes."},
    "premise_no": {
        "nb": "Nei, det stemmer ikke: kildene gir {figure}, ikke {stated}.",
        "en": "No, that is not right: the sources give {figure}, not {stated}.",
    },
    "per_unit": {
        "nb": "Kildene oppgir ingen beløp eller tall per {unit}. Satsene de gir, er per årsverk "
        "eller stilling (kompetansemidlene per tiltak), og tabellene har tall per kommune eller "
        "fylke.",
        "en": "The sources give no amounts or figures per {unit}. Their rates are per FTE or "
        "position (the competence money per measure), and their tables give figures per "
        "municipality or county.",
    },
    "foreign_office": {
        "nb": "Kildene mine har ingenting fra {office} – verken ordninger, frister, beløp eller "
        "kontaktpersoner – og jeg svarer ikke med opplysninger fra andre embeter. Det jeg vet, "
        "kommer fra {known}.",
        "en": "My sources hold nothing from {office} – no schemes, deadlines, amounts or contact "
        "persons – and I do not answer with another office's information. What I know comes "
        "from {known}.",
    },
    "role_unnamed": {
        "nb": "Kildene mine navngir ikke {role} – de bruker bare tittelen og oppgir ikke noe navn.",
        "en": "My sources do not name the {role} – they use only the title and give no name.",
    },
    "foreign_country": {
        "nb": "Kildene mine gjelder bare norske statlige tilskuddsordninger og sier ingenting om "
        "tilskudd i {country}; jeg svarer ikke med de norske ordningenes satser eller frister.",
        "en": "My sources cover only Norwegian state grant schemes and say nothing about grants "
        "in {country}; I do not answer with the Norwegian schemes' rates or deadlines.",
    },
    "deadline_unsure": {
        "nb": "Nei, fristen er ikke sikker: kilden oppgir den som antatt eller med forbehold.",
        "en": "No, the deadline is not certain: the source gives it as assumed or with a "
        "reservation.",
    },
    "deadline_firm": {
        "nb": "Kilden oppgir fristen uten forbehold.",
        "en": "The source gives the deadline without a reservation.",
    },
    "fresh_newest": {
        "nb": "Jeg bygger på {count} kildedokumenter. Det nyeste er «{title}» fra {office}, "
        "datert {date}; per {today} er det {years} år gammelt.",
        "en": "I rely on {count} source documents. The newest is «{title}» from {office}, "
        "dated {date}; as of {today} it is {years} years old.",
    },
    "fresh_check": {
        "nb": "Nyere utlysninger, satser og frister finnes ikke i kildene mine; sjekk dem hos "
        "statsforvalteren.",
        "en": "Newer calls, rates and deadlines are not in my sources; check them with the "
        "county governor.",
    },
    "fresh_none": {
        "nb": "Kildene mine har ingen datert dokument, så jeg kan ikke si hvor nye de er.",
        "en": "My sources hold no dated document, so I cannot say how recent they are.",
    },
    "no_deadline": {
        "nb": "Jeg kjenner ingen {kind} for {scheme}{year}.",
        "en": "I know of no {kind} for {scheme}{year}.",
    },
}


def t(key: str, lang: Lang, **kwargs: object) -> str:
    """Return a phrase in the answer language, filled in."""
    return T[key][lang].format(**kwargs)


def _folded(phrases: list[str]) -> tuple[str, ...]:
    """Phrases folded as questions are ('får' → 'far'), for look-ups in ``_padded`` text."""
    return tuple(fold(p) for p in phrases)


@functools.lru_cache(maxsize=4096)
def _padded(text: str) -> str:
    """A text's words between single spaces, e-mail addresses kept whole (remembered)."""
    return " " + " ".join(re.split(r"[^\w@-]+", text)) + " "


def _says(u: Understanding, phrases: tuple[str, ...]) -> bool:
    """Whether a question (as corrected or as typed) holds one of these folded phrases."""
    padded = _padded(f"{u.folded} {fold(u.text)}")
    return any(f" {p} " in padded for p in phrases)


# shares said in words: 'halvparten (1/2)'
RATIO_WORDS: dict[Fraction, tuple[str, str]] = {
    Fraction(1, 2): ("halvparten", "half"),
    Fraction(1, 4): ("en fjerdedel", "a quarter"),
    Fraction(3, 4): ("tre fjerdedeler", "three quarters"),
    Fraction(1, 3): ("en tredjedel", "a third"),
    Fraction(2, 3): ("to tredjedeler", "two thirds"),
    Fraction(1): ("det samme", "the same"),
    Fraction(2): ("det dobbelte", "double"),
}


def heading(text: str) -> str:
    """A name that begins a line, with a capital first letter ('The County Governor of ...')."""
    return text[:1].upper() + text[1:]


def named_thing(text: str, thing: str) -> str:
    """The words a question names a thing by ('tilskuddet til X av Y'), else the thing."""
    first = thing.split()[0].casefold()
    for m in THING_AFTER.finditer(text):
        # 'til MO-sentre i år 1': the grant year says when, not what
        phrase = THING_END.split(m.group(1))[0].strip()
        if first in phrase.casefold() and len(phrase.split()) <= 10:
            return phrase
    return thing


def content_phrases(folded: str, plain: frozenset[str]) -> list[str]:
    """Runs of two to six words of a question that hold at least two content words.

    A run starts and ends with a content word (four letters or more, no function or
    everyday word): 'gylne regel', 'mestre hele livet', 'oversikt over innovasjonsverktoy'.
    """
    tokens = re.findall(r"[a-z0-9]+", folded)

    def content(t: str) -> bool:
        return len(t) >= 4 and not t.isdigit() and t not in plain

    out = []
    for i, first in enumerate(tokens):
        if not content(first):
            continue
        for j in range(i + 1, min(i + 6, len(tokens))):
            run = tokens[i : j + 1]
            if content(run[-1]) and sum(map(content, run)) >= 2:
                out.append(" ".join(run))
    return out


def raw_words(text: str, phrase: str) -> str:
    """The words of a question as typed that fold to a phrase ('Individuell jobbstøtte'),
    else the phrase."""
    wanted = phrase.split()
    tokens = list(re.finditer(r"\w+", text))
    folded = [fold(m.group(0), nynorsk=False) for m in tokens]
    for i in range(len(tokens) - len(wanted) + 1):
        if folded[i : i + len(wanted)] == wanted:
            return text[tokens[i].start() : tokens[i + len(wanted) - 1].end()]
    return phrase


def names_document(tokens: list[str], title: str) -> bool:
    """Whether a question's words name a document by its title's head ('Søknadsverksted:',
    'Application workshop:', or its head noun alone: 'the workshop')."""
    head, colon, _rest = title.partition(":")
    words = [w for w in re.findall(r"[a-z]+", fold(head)) if len(w) >= 4]
    if not (colon and words):
        return False
    named = [any(t.startswith(w) for t in tokens) for w in words]
    return all(named) or (len(words[-1]) >= 6 and named[-1])
