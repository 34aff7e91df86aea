"""The words and patterns the understanding reads intents, operations and measures by."""

from __future__ import annotations

import re

from bot.text import guarded_pattern, lazy_pattern
from bot.understanding.words import ANY_ORDINAL, word_pattern


def _wordset(text: str) -> frozenset[str]:
    """Return the white-space separated words of a text as a set."""
    return frozenset(text.split())


# Words the entity patterns read (positions, money, measures), part of the vocabulary.
SLOT_WORDS = _wordset(
    "fte ftes arsverk stilling stillinger stillingen hjemmel hjemler ansatt ansatte position "
    "positions full time kr nok kroner mill millioner mnok k tiltak measure measures prosent "
    "percent kronene kronen heltidsstilling heltidsstillinger heltidsstillingen heltidsstillingar"
)


POSITION_WORDS = (
    r"(?:arsverk\w*|stilling\w*|heltidsstilling\w*|ftes?|full[- ]time|positions?|hjemmel|"
    r"hjemler|ansatt\w*)"
)
# Every match of POSITION_WORDS, or of a hiring verb that counts the people taken on ('hvis vi
# ansetter tre', entities._HIRED_POSITION), holds one of these: a text holding none names no
# position.
POSITION_STEMS = (
    "arsverk",
    "stilling",
    "fte",
    "full",
    "position",
    "hjemmel",
    "hjemler",
    "ansatt",
    "ansett",
    "tilsett",
    "hire",
    "employ",
)


ORD_WORD = ANY_ORDINAL


WORD = lazy_pattern(r"[a-z0-9]+")


SENTENCE = lazy_pattern(r"\s*(?:•|\n|(?<=[.!?»])\s+(?=[A-ZÆØÅ«]))\s*")


# Where something is online: a web address in a passage, or asking for one in a question
# ('hvor ble utlysningen publisert?', 'på nett', 'nettsiden', 'where is it published').
WEB_ADDRESS = lazy_pattern(r"(?:https?://|www\.)\S+|\b[a-z0-9-]+\.no(?:/\S*)?(?=[\s.,;:)»]|$)")


WEB_ASK = lazy_pattern(
    r"\b(?:publiser\w*|published|publish|lagt ut|ligger ute|pa nett(?:et)?|nettside\w*|"
    r"nettsted\w*|nettadresse\w*|heimeside\w*|hjemmeside\w*|websites?|web ?pages?|online|"
    r"internett\w*|internet)"
)


WEB = "#web"


# How long a grant runs, asked in words no fact uses ('for how long', 'bare ut kalenderåret').
DURATION_ASK = lazy_pattern(
    r"\b(?:how long|hvor lenge|kor lenge|how many years|hvor mange ar|kor mange ar|"
    r"kalenderar\w*|calendar year|extended|forlenge\w*)\b"
)


ACRONYM = lazy_pattern(r"\b[A-ZÆØÅ]{2,6}\b")


# 'kan helseforetak søke', 'could health trusts apply': a question about who may apply (not
# 'kan vi søke', which asks about the application).
WHO_APPLIES = lazy_pattern(
    r"\b(?:kan|could|can|may)\s+(?!vi\b|we\b|jeg\b|i\b|du\b|you\b|me\b)"
    r"(?:[a-z]+\s+){1,3}(?:soke|sokje|apply)\b"
)


COOPERATION = lazy_pattern(r"\b(?:sammen|together|jointly|samarbeid\w*|cooperat\w*)\b")


MEASURES = lazy_pattern(
    r"\b(\d+|en|ett|ei|et|one|a|to|two|tre|three|fire|four|fem|five)\s*"
    r"(?:(?:separate|ulike|forskjellige|adskilte|atskilte|egne|different|distinct)\s+)?"
    # 'to NAV-tiltak', 'two NAV measures': the measure word as the last part of a compound
    r"(?:nav[- ]|[a-z]+-)?(?:tiltak|measures?|prosjekt\w*|projects?)"
)


# 'med hver sin 50 %-stilling', 'en halv stilling hver', 'each with one full-time position':
# the positions named are those of each measure (nynorsk 'kvar si' is folded to 'hvor si')
EACH_MEASURE = lazy_pattern(
    r"\b(?:hver sin|hvert sitt|hver si|kvar si|kvar sin|kvart sitt|each with|each having|"
    r"hvert med|hver med|kvart med|kvar med|hvor si|hvor sin|hvor med|"
    rf"{POSITION_WORDS}\s+(?:hver|hvert|kvar|kvart|each)|hvert av (?:dem|tiltakene)|"
    # '1,5 stilling i hvert', 'one position in each'
    rf"{POSITION_WORDS}\s+(?:i|in|pa|til|for)\s+(?:hvert|hver|kvart|kvar|each)|"
    r"(?:hvert|hver|each|per)\s+(?:tiltak|measure|project)|"
    # 'tre tiltak som hvert har én 100 %-stilling', 'three measures that each have one'
    r"(?:hvert|hver|kvart|kvar|each)\s+(?:har|hadde|far|fikk|has|have|had|gets|get)\b|"
    # '2 tiltak à 1 stilling', '2 tiltak a 1 stilling', '2 measures @ 1 position'
    r"(?:tiltak|measures?|prosjekt\w*|projects?)\s+(?:a|à|@)\s+"
    rf"(?=\S+\s*%?[\s-]*{POSITION_WORDS}))"
)


# 'de to stillingene er i hvert sitt tiltak', 'i ulike tiltak', 'in separate measures': one
# measure for each position named
MEASURE_EACH_POSITION = lazy_pattern(
    r"\b(?:i|in|pa|on)\s+(?:hvert sitt|hver sitt|hver sin|hvert sin|kvart sitt|kvar sitt|"
    r"hvor sitt|hvor sin|ulike|forskjellige|separate|different|(?:each|their) own)\s+(?:eget\s+)?"
    r"(?:tiltak|measures?|prosjekt\w*|projects?)\b"
)


KIND_REPORT = lazy_pattern(r"\b(?:rapport\w*|report\w*|statusrapport\w*)")


KIND_ACCOUNTS = lazy_pattern(r"\b(?:regnskap\w*|accounts?|revisorattest\w*)\b")


KIND_APPLICATION = lazy_pattern(r"(?:soknad|soke|apply|application|sokefrist)")


ORDER_ASC = lazy_pattern(r"\b(?:minst|lavest\w*|least|lowest|smallest|minste|bunn\w*|bottom)\b")


ORDER_DESC = lazy_pattern(
    r"\b(?:mest|storst\w*|hoyest\w*|most|highest|largest|biggest|flest|topp\w*|top)\b"
)


# 'når er fristen', 'when is the report due': asking for a date, not the content.
# a compound with its last part left out before 'og'/'eller': 'status- og regnskapsrapporten'
ELIDED = lazy_pattern(r"\b([a-z]{3,})- (og|eller|and|or) ([a-z]{7,})\b")


# a compound shortened at its first part ('rapp.frist' for 'rapporteringsfrist')
CLIPPED = lazy_pattern(r"\b([a-z]{3,6})\.([a-z]{4,})\b")


# a question that opens by asking for a deadline
ASKS_DEADLINE = lazy_pattern(
    r"\s*(?:hva|hvilken|hvilke|kva|kva for|nar|when|what)\b(?:\s+\w+){0,2}?\s+"
    r"(?:\w*frist\w*|deadlines?)\b"
)


# 'i februar (2022)', 'in February': a month without a day before it
# 'vi er i desember 2019', 'det er nå mars 2021', 'it is now 2020': the day the question is asked
# from, said in words; 'neste år' and 'i fjor' count from it
STATED_NOW = lazy_pattern(
    r"\b(?:vi er|det er|na er det|i dag er det|we are|it is|it's|today is|"
    # 'vi skriver dette i januar 2022', 'we are writing this in March 2022'
    r"vi skriver(?: dette)?|we are writing(?: this)?|we're writing(?: this)?)(?:\s+(?:na|now))?"
    r"(?:\s+(?:i|in))?\s+(?:(januar|februar|mars|april|mai|juni|juli|august|september|oktober|"
    r"november|desember|january|february|march|may|june|july|october|december)\s+)?(20\d\d)\b"
)


MONTH_ONLY = word_pattern(
    lambda w: r"(?<!\d\.)(?<!\d\. )\b(?:i|in|during|for)\s+(" + "|".join(w.month_names) + r")\b"
)


DATE_ASK = lazy_pattern(
    r"\b(?:frist\w*|\w+frist\w*|deadlines?|due|senest|seinast|innen nar|nar ma|nar skal|"
    r"nar er|nar var|when is|when was|when must|when do|when should|vaere inne|be in)\b"
)


# '2604 Lillehammer': a place in a postal address, not a place asked about
POSTCODE_BEFORE = lazy_pattern(r"\b\d{4}\s*$")


PLACE_WORD = lazy_pattern(r"\b[A-ZÆØÅ][a-zæøåéü]+(?:[- ][A-ZÆØÅ][a-zæøåéü]+)*\b")


ANY_WORD = lazy_pattern(r"[a-z0-9]")


COMMAND = lazy_pattern(r"^/([a-z]+)\b")


# Chat commands that reach the question understanding ('/start' opens a chat).
COMMANDS = {"start": "greeting", "help": "help", "hjelp": "help"}


# 'flere saksbehandlere', 'ansette nye saksbehandlarar', 'more caseworkers': staff counted or
# hired are positions a grant may fund, not a contact asked for
STAFF_ADDED = lazy_pattern(
    r"\b(?:flere|fleire|nye|ekstra|ansette|tilsette|more|new|extra|additional|hire|hiring)\s+"
    r"(?:\w+\s+)?(?:saksbehandler\w*|saksbehandlar\w*|caseworkers?|case workers?)\b"
)


# 'ikke bare lønn', 'annet enn årsverk', 'other than salaries': more than what is funded
BEYOND = lazy_pattern(
    r"\b(?:ikke bare|ikke berre|annet enn|anna enn|andre \w+ enn|other than|not only|"
    r"utover|bortsett fra)\b"
)


# a statement that limits what is funded ('kun til årsverk', 'bare til videreføring')
LIMITED = lazy_pattern(r"\b(?:kun|bare|only|ikke|not)\b")


# 'hvilke tilskudd ...', 'kva tilskotsordningar ...', 'which grants ...': the list of schemes
LIST_ASK = lazy_pattern(
    r"^(?:hvilke|hva|hva slags|hva for|what|which|what kind of)\s+"
    r"(?:tilskudd\w*|ordning\w*|grants?|schemes?|midler)\b"
)


AMOUNT_ASK = lazy_pattern(r"\b(?:hvor mye|sats\w*|belop\w*|how much|rate|utbetal\w*)\b")


# 'Agder' as all its municipalities, not as in 'Statsforvalteren i Agder'
AGDER_GROUP = lazy_pattern(
    r"(?<!fylkesmannen i )(?<!fylkesmann i )(?<!statsforvalteren i )(?<!statsforvalter i )"
    r"(?<!fm )(?<!sf )\b(?:hele agder|agder(?:fylkene)?|alle kommunene|alle kommuner)\b"
)


ONE_YEAR = lazy_pattern(
    r"\b(?:for aret|i aret|per ar|pr ar|hvert ar|a year|per year|that year|this year)\b"
)


# an office by its title and a place ('statsforvalteren i X'), lower case
OFFICE_NAME = lazy_pattern(r"\b(?:statsforvalt[ae]r(?:en)?|fylkesmann(?:en)?)\s+i\s+[a-zæøå-]+")


AMOUNT = lazy_pattern(r"(?<![\d.,])(?:\d{1,3}(?:[ .]\d{3})+|\d{5,})(?![\d])")


AMOUNT_DIGITS = lazy_pattern(r"\D")


BUDGET_REF = lazy_pattern(r"\b(\d{3,4})\s*(?:[.,]|,?\s+(?:post|item)\s+|post)\s*(\d{2})\b")


# Slots that anchor a question in the knowledge base even when no scheme is named.
ANCHOR_SLOTS = (
    "municipality",
    "group",
    "county",
    "positions",
    "grant_year",
    "cost",
    "office",
    "date",
    "place",
    "operation",
    "start_year",
    "start_year_rel",
    "stated_years",
    "duration",
    "schemes_first",
)


HOW_MANY_YEARS = lazy_pattern(
    r"\b(?:(?:hvor mange|kor mange|how many) (?:ar|years)|hvor lenge|for how long|extend\w*|"
    r"forleng\w*)\b"
)


# Phrases that ask how many years a grant runs ('kan gis for ett år', 'i inntil tre år').
DURATION_PHRASE = lazy_pattern(
    r"\b(?:(?:for|i|over|inntil|opptil|mer enn|meir enn|bare|kun|maks|maksimalt) "
    r"(?:ett|eitt|en|ei|to|tre|fire|fem|seks|\d) (?:ar|arene)|"
    r"(?:for|i|in)\s+(?:bare\s+|kun\s+|berre\s+|only\s+|inntil\s+|opptil\s+|up to\s+)"
    r"(?:ett|et|eitt|ein|one|to|two|tre|three|fire|four|flere|fleire|several|\d)\s+"
    r"(?:ar|arene|years?)|"
    r"(?:ett|eitt|tre|fire|flere|fleire|hvor mange|kor mange) ar|"
    r"(?:for|one|two|three|four|five|several|how many) years?|how long|extend\w*|forleng\w*)\b"
)


# Concepts that name a fact topic ('hvor lenge' asks for the duration facts).
TOPIC_CONCEPTS = {"duration": "#duration", "audit": "#audit", "appeal": "#appeal"}


# Fact topics a structured intent answers; passages of other topics are answered as look-ups.
TOPIC_INTENTS = {
    "purpose": "purpose",
    "target_group": "purpose",
    "who_may_apply": "who_may_apply",
    "funds": "funds",
    "not_funded": "not_funded",
    "priorities": "priorities",
    "reporting": "reporting",
    "audit": "audit",
    "status": "status",
    "apply_how": "apply_how",
    "appeal": "appeal",
    "administration": "contact",
}


FRAMEWORK_INTENTS = ("framework", "framework_sum", "framework_ranking")


# 'Hva bør økningen i rammen gjenspeiles i?', 'kvifor må tenestene styrkjast?': a question
# asking what should be done or why, which no figure answers
PROSE_ASK = lazy_pattern(
    r"^(?:hva|kva|what)\s+(?:bor|skal|ma|matte|forventes|forventast|vil|should|must|shall)\b"
    r"|^(?:hvorfor|kvifor|why)\b"
    r"|^(?:hva|what)\s+(?:er|var|is|was)\s+(?:begrunnelsen|grunnen|the reason|the rationale)\b"
)


# money asked for or received: a prose-shaped question with these asks for a figure after all
# the words of a question asking how much: one list for the money and the quantity asks
_HOW_MUCH = (
    r"hvor mye|kor mykje|hvor stor\w*|kor stor\w*|how much|how large|how big|belop\w*|"
    r"fa|far|fikk|get|got"
)

MONEY_ASK = lazy_pattern(rf"\b(?:{_HOW_MUCH}|kroner|kr|millioner|mill|receive\w*)\b")

# 'hvor mye', 'hvor mange', 'how many', 'what amount': a question that asks an amount or count
QUANTITY_ASK = lazy_pattern(
    rf"\b(?:{_HOW_MUCH}|hvor mange|kor mange|how many|sats\w*|rate|amount|tilskudd\w*|grant)\b"
)


# the intents that give a place's money or figures
PLACE_MONEY_INTENTS = ("amount", "total", "appropriation", "statistics", *FRAMEWORK_INTENTS)


FRAMEWORK_SCHEME = "opptrappingsplan-rusfeltet"


# The intents an anchoring slot can answer (none listed: any).
SERVES: dict[str, tuple[str, ...]] = {
    "municipality": FRAMEWORK_INTENTS,
    "group": FRAMEWORK_INTENTS,
    "place": (*FRAMEWORK_INTENTS, "statistics"),
    "county": ("statistics",),
    "positions": ("amount", "total", "own_share"),
    "grant_year": ("amount", "total", "own_share"),
    "cost": ("amount", "total", "own_share"),
    "operation": ("amount", "total", "own_share"),
    "start_year": ("amount", "total", "own_share"),
    "stated_years": ("amount", "total", "own_share"),
    "start_year_rel": ("amount", "total", "own_share"),
    "duration": ("amount", "total", "own_share"),
    "schemes_first": ("appropriation", "amount", "total"),
    "office": (
        "contact",
        "apply_how",
        "deadline",
        "next_deadline",
        "days_left",
        "appropriation",
        "appeal",
        "reporting",
    ),
}


PLACE_SLOTS = frozenset({"municipality", "group", "place", "county"})


# How clear a trigger must be for an office to anchor a question ('hvem er' is not enough).
ANCHOR_TRIGGER = {"office": 0.5}


# Intents that need no scheme or place: a strong trigger alone is enough.
SCHEME_FREE = frozenset({"next_deadline", "list_schemes", "help", "greeting", "days_left"})


FIGURE_INTENTS = frozenset({"amount", "total", "own_share"})


# what each office says for itself: a region named with one of these asks for its office's
# ('når er fristen i Nordland?', 'kontaktperson i Vestland?')
OFFICE_INTENTS = frozenset(
    {"contact", "deadline", "next_deadline", "days_left", "apply_how", "list_schemes"}
)


# Word parts that make a scheme name specific ('rustilskuddet', 'skjonnsmidler').
GRANT_WORDS = ("tilskudd", "tilskot", "ordning", "midl", "grant", "scheme", "plan")


ORGANISATION_WORDS = frozenset({"kontor", "kontoret", "kontorene", "office", "offices"})


# Inflection endings a scheme name's last word may carry in a question.
NAME_ENDINGS = ("ene", "ane", "en", "et", "er", "ar", "a", "e", "n", "s")


GRANT_WORD = lazy_pattern(r"\b(?:tilskudd\w*|tilskot\w*|grants?)\b")


GRANT_TOKEN = lazy_pattern(r"\b(?:tilskudd|tilskot|ordning|midl|grant|scheme)")


GRANT_STEM = "#grant"


# Inflection endings (bokmål, nynorsk, English) tried when a word is not itself known.
ENDINGS = (
    "ene",
    "ane",
    "ende",
    "ande",
    "ert",
    "ers",
    "ing",
    "ings",
    "ies",
    "es",
    "en",
    "et",
    "er",
    "ar",
    "a",
    "e",
    "s",
    "t",
    "te",
    "de",
    "ed",
    "d",
    "ly",
    "r",
    "n",
)


MIN_CORRECTABLE = 5


NUMBER_NAMES = _wordset("to tre fire fem seks two three four five six")


FOLLOW_UP = lazy_pattern(
    r"^(og|enn|hva med|hvordan med|and|what about|how about|samme|same|"
    r"hvis|om|men|but|ok|okei|okay|da|sa)\b"
)


# 'med kompetansemidlene i tillegg', 'inkludert kompetansemidler', 'including competence
# funds': the competence money per measure counted in
WITH_COMPETENCE = lazy_pattern(
    r"\b(?:med|inkl\.?|inkludert|medregnet|pluss|plus|including|with|og)\s+"
    r"(?:\w+\s+)?(?:kompetansemid\w*|kompetanseutviklingsmid\w*|kompetansepeng\w*|"
    r"competence (?:funds?|money)|kompetanse)\b"
)


# 'uten kompetansemidlene', 'når man ser bort fra kompetansemidlene', 'ekskl. kompetansemidler',
# 'excluding the competence money': the competence money a rate includes taken off
# 'lønnsdelen pr årsverk i år 1', 'the salary part': a grant year's amount less its competence
# money, when said of a grant year
SALARY_PART = lazy_pattern(
    r"\b(?:lonnsdel\w*|lonnsandel\w*|lonsdel\w*|lonsandel\w*)|"
    r"\b(?:salary|pay|wage)\s+(?:part|portion|component|share)\b"
)


WITHOUT_COMPETENCE = lazy_pattern(
    r"\b(?:uten|utan|ekskl\.?|eksklusive|eksklusiv|unntatt|fratrukket|minus|trekker fra|"
    r"trekk(?:er)? fra|ser bort fra|ser vi bort fra|ser man bort fra|sett bort fra|"
    r"holder utenfor|holdt utenfor|excluding|without|not counting|leaving out|less)\s+"
    r"(?:\w+\s+)?(?:kompetansemid\w*|kompetanseutviklingsmid\w*|kompetansepeng\w*|"
    r"kompetansedel\w*|competence (?:funds?|money|development))\b|"
    r"(?:kompetansemid\w*|kompetanseutviklingsmid\w*|competence (?:funds?|money))\s+"
    r"(?:er\s+|blir\s+|are\s+|is\s+)?(?:holdes utenfor|holdt utenfor|trukket fra|trekkes fra|"
    r"tas ut|ikke medregnet|ikke regnet med|regnes ikke med|ikke tatt med|tas ikke med|"
    r"excluded|left out|not counted|taken off)\b|"
    # 'når vi holder kompetansemidlene utenfor (begge)', 'keeping the competence money out'
    r"\b(?:holder|holde|holdes|halde|held|keep|keeping|leave|leaving)\s+(?:the\s+)?"
    r"(?:kompetansemid\w*|kompetanseutviklingsmid\w*|kompetansepeng\w*|kompetansedel\w*|"
    r"competence (?:funds?|money))\s+(?:utenfor|utanfor|out(?:side)?)\b"
)


# 'året etter det', 'the year after that', 'året før det': a year next to the one before
YEAR_SHIFT = lazy_pattern(
    r"\b(?:(aret etter (?:det|dette)|aret deretter|aret etterpa|the year after(?: that)?|"
    r"the following year|aret etter(?=\s*[?.!]*\s*$))|"
    r"(aret for (?:det|dette)|aret forut|the year before(?: that)?|aret for(?=\s*[?.!]*\s*$)))\b"
)


# 'er det riktig at', 'stemmer det at', 'er det rett at' (nynorsk), 'is it true that'
PREMISE = lazy_pattern(
    r"\b(?:stemmer det|stemmer dette|stemmer det at|er det riktig|er det rett|er det sant|"
    r"er det korrekt|riktig at|rett at|korrekt at|sant at|is it true|is it correct|"
    r"is it right|is that right|is that correct|am i right|true that|correct that|"
    r"har jeg rett|har vi rett|rett i at|is it so that|er det slik at|er det sann at|"
    r"(?:jeg|vi|eg|me) har (?:hort|lest|fatt hore) at|i(?:'ve| have)? (?:heard|read) that)\b"
    # 'kan gis i inntil fem år. Riktig?', '…, right?': the claim first, then the question
    r"|[.,;:!]\s*(?:er (?:det|dette) )?(?:riktig|rett|korrekt|sant|stemmer (?:det|dette)|"
    r"stemmer|right|correct|true|is that so)\s*\?+\s*$"
    # '…, ikke sant?', '…, eller hva?', '…, isn't it?': a tag question after the claim
    r"|[,;]?\s*(?:ikke sant|ikkje sant|ikke sannt|eller hva|eller\?|isn'?t (?:it|that so)|"
    r"aren'?t they|don'?t they|doesn'?t it|can'?t it|right)\s*\?+\s*$"
)


# a yes/no question that states a figure ('får vi 550 000 i år 3?', 'do we get 440,000?')
YES_NO = lazy_pattern(
    r"^(?:og\s+|men\s+|and\s+)?(?:far vi|far kommunen|far man|gir|blir tilskuddet|"
    r"blir det|utgjor|er tilskuddet|er satsen|do we get|will we get|does year|"
    r"is the grant|is the rate|gives? year)\b"
)


# 'hvor mye går tilskuddet ned fra år 1 til år 2', 'forskjellen mellom år 2 og år 4'
DIFFERENCE = lazy_pattern(
    r"\b(?:forskjell\w*|differanse\w*|gar(?:\s+[a-z]+){0,4}?\s+ned|synker|minker|faller|"
    # the past tense: 'hvor mye har tilskuddet falt?', 'gikk ned', 'sank', 'økte'
    r"falt|sank|minket|gikk(?:\s+[a-z]+){0,4}?\s+(?:ned|opp)|okte|fell|rose|"
    # ('avkortningsstigen', 'reduksjonsstigen' name the ladder, they ask for no change)
    r"reduser\w*|reduksjon(?!\w*stig)\w*|nedgang\w*|avkort(?!\w*stig)\w*|mindre|lavere|"
    r"endring\w*|endrer|endres|"
    r"gar(?:\s+[a-z]+){0,4}?\s+opp|oker|okning\w*|stiger|hoyere|mer|storre|difference|drop\w*|"
    r"decreas\w*|reduc\w*|bigger|larger|greater|"
    r"falls?|go(?:es)? down|less|change\w*|increas\w*|rises?|go(?:es)? up|more)\b"
)


# 'enn de to andre ordningene', 'than the other two schemes': the schemes not named, by count
OTHER_SCHEMES = lazy_pattern(
    r"\b(?:de|dei|the)\s+(?:(to|tre|fire|two|three|four)\s+)?(?:andre|other)\s+"
    r"(?:(to|tre|fire|two|three|four)\s+)?(?:ordning\w*|tilskudd\w*|tilskot\w*|schemes?|grants?)\b"
)

OTHER_COUNTS = {"to": 2, "two": 2, "tre": 3, "three": 3, "fire": 4, "four": 4}

# 'ekstra tilskudd per årsverk hvis de samarbeider', 'more money if we cooperate': more of a
# grant on a condition the question names
EXTRA_IF = lazy_pattern(
    r"\b(?:ekstra|mer|meir|hoyere|hogare|additional|extra|more|higher)\s+"
    r"(?:tilskudd\w*|tilskot\w*|penger|pengar|midler|midlar|grants?|money|funding)\b"
    r"(?:\s+[\w.]+){0,10}?\s+(?:hvis|dersom|om|viss|nar|if|when)\s+\w+"
)


# 'de tre ordningene', 'alle tre tilskuddene', 'the three schemes': schemes counted, not named
COUNTED_SCHEMES = re.compile(
    r"\b(?:de|dei|the|alle|all)\s+(to|tre|fire|two|three|four)\s+"
    # 'de tre helseordningene', 'the three Health Directorate schemes': a compound, or up to
    # two words of what the schemes are before the noun (no preposition, no position)
    rf"(?:(?!(?:i|in|av|of|for|til|pa|on|med|with|og|and|{POSITION_WORDS})\b)[a-z-]+\s+){{0,2}}?"
    r"(?:\w*ordning\w*|tilskudd\w*|tilskot\w*|schemes?|grants?)\b"
)

# 'de to 765-ordningene', 'both chapter 765 schemes': schemes counted by their budget chapter
CHAPTER_SCHEMES = lazy_pattern(
    r"\b(?:de|dei|the|alle|all|begge|both)\s+(?:(to|tre|fire|two|three|four)\s+)?"
    r"(?:(?:andre|other)\s+)?(?:kap(?:ittel)?\.?\s*|chapter\s+)?(\d{3,4})\s*-?\s*(?:ordning\w*|tilskudd\w*|tilskot\w*|"
    r"schemes?|grants?|postene|postane)\b"
)


# 'hvor stor del av', 'hvor stor andel', 'what share of': one figure as a share of another
SHARE_ASK = lazy_pattern(
    r"\b(?:hvor stor (?:del|andel)|kor stor (?:del|andel)|hvor mange prosent|kor mange prosent|"
    r"hvilken (?:del|andel|brokdel)|how (?:large|big) a (?:share|part|fraction)|what (?:share|"
    r"part|fraction|percentage|proportion))\b"
)


# 'vi er i år 3, hva gjenstår', 'resten av perioden', 'what is left from year 2'
REMAINING = lazy_pattern(
    r"\b(?:gjenstar\w*|gjenstaende|resten|resterande|resterende|rest av|gjenverande|"
    r"remaining|remain\w*|left|rest of|ut perioden|fra na av|framover|fremover)\b"
)


THAN = lazy_pattern(r"\b(?:ar|year|aret)\s*\d{1,2}\b.*\b(?:enn|than)\b.*\b(?:ar|year|aret)\s*\d")


# 'hvor mye mindre er det enn om de var i år 1?': a grant year set against the figure before
THAN_GRANT_YEAR = lazy_pattern(r"\b(?:enn|than)\b.*\b(?:ar|year|aret)\s*\d")


GOES_DOWN = lazy_pattern(
    r"\b(?:ned|synker|sank|minker|minket|faller|falt|fell|reduser\w*|reduksjon(?!\w*stig)\w*|"
    r"nedgang\w*|avkort(?!\w*stig)\w*|mindre|"
    r"lavere|down|drop\w*|decreas\w*|reduc\w*|falls?|less|lower)\b"
)


GOES_UP = lazy_pattern(
    r"\b(?:opp|oker|okte|okt|auka|auke|steg|okning\w*|mer|hoyere|up|increas\w*|rises?|rose|"
    r"grew|more|higher|storre|bigger|larger)\b"
)


# a stated figure per position ('550 000 per årsverk', 'per FTE')
PER_UNIT = lazy_pattern(
    rf"(?:per|pr|for hvert|for hver|each|a|an)\.?\s+(?:{POSITION_WORDS}|\w+\s+{POSITION_WORDS})"
)


# words of cost that mark an amount as what a position costs, not a stated figure
COST_WORD = lazy_pattern(r"\b(?:kost\w*|lonn\w*|costs?|salary|salaries|utgift\w*)\b")


# 'ved lik kostnad', 'lønna er den samme', 'the cost stays the same': a cost word stating no cost
SAME_COST = lazy_pattern(
    r"\b(?:(?:lik|likt|samme|uendret|uforandret|same|unchanged|constant)\s+"
    r"(?:kost\w*|lonn\w*|costs?|salary|salaries|utgift\w*)|"
    r"(?:kost\w*|lonn\w*|costs?|salary|salaries|utgift\w*)\s+(?:er\s+|blir\s+|holder seg\s+|"
    r"stays\s+|is\s+|remains\s+|ikke\s+)?(?:lik|likt|den samme|samme|uendret|endres|the same|"
    r"unchanged|constant))\b"
)


_ANY_AMOUNT = lazy_pattern(
    r"(?<![\d.,])(\d{1,3}(?:[ .,]\d{3})+|\d{4,7})(?![\d])(?:\s*(k\b|kr\b|kroner|nok|,-))?"
)


# the ladder's steps: 'fra ett år til det neste', 'hvert år', 'den årlige reduksjonen'
STEP_SPAN = lazy_pattern(
    r"\b(?:fra (?:ett|et|eitt|ei|ett) ar til (?:det )?neste|fra ar til ar|hvert ar|kvart ar|"
    r"per ar|pr\.? ar|arlig\w*|for hvert ar|fra det ene aret til det neste|each year|every year|"
    r"per year|from (?:one|each) year to the next|year (?:to|on|over) year|annual\w*|yearly|"
    r"(?:hvert|each) (?:trinn|steg|step)|trinnene|stegene|the steps)\b"
)


# ('nedtrappingsstigen' names the ladder, it asks for no step)
STEP_CHANGE = lazy_pattern(
    r"\b(?:trapp(?!\w*stig)\w*|nedtrapp(?!\w*stig)\w*|step\w*|trinn\w*|steg)\b"
)


# 'til sammen over alle fire årene på nedtrappingsstigen': a sum over the ladder, not its steps
SUM_ASK = lazy_pattern(
    r"\b(?:til sammen|tilsammen|til saman|totalt|samlet|samla|i alt|sammenlagt|in total|"
    r"altogether|all together|combined)\b"
)


# 'hele stigen', 'gjennom hele avkortingsstigen', 'over alle fire tilskuddsårene', 'the whole
# ladder': every grant year of the ladder, summed
WHOLE_LADDER = lazy_pattern(
    r"\b(?:(?:hele|heile|full\w*|gjennom|over|whole|full|entire)\s+(?:\w+\s+)?"
    r"(?:\w*stige\w*|\w*stiga|ladder|perioden|period|tilskuddsperioden)|"
    r"(?:alle|all)\s+(?:de\s+|dei\s+|the\s+)?(?:\w+\s+)?(?:ar|arene|ara|tilskuddsar\w*|"
    r"tilskotsar\w*|years|grant years))\b"
)


# 'år 1, 2 og 3', 'år 2 og år 3', 'years 1 and 3': a list of grant years (not 'fra år 1 til 3')
_YEAR_LIST = lazy_pattern(
    r"(?<!mellom )(?<!between )(?<!fra )(?<!from )\b(?:ar|arene|year|years)\s*(\d{1,2})"
    r"((?:\s*(?:,|\bog\b|\band\b|&|\+)\s*(?:(?:ar|year)\s*)?\d{1,2}\b"
    rf"(?!\s*(?:%|prosent|[.,]\d|\d|{POSITION_WORDS}|ar\b|years?\b)))+)"
)


# 'de tre første årene', 'the first two years', 'etter tre år': grant years 1..n
_FIRST_YEARS = lazy_pattern(
    r"\b(?:(?:de|dei|the)\s+(\w+)\s+(?:forste|first)\s+(?:grant\s+|tilskudds|tilskots)?"
    r"(?:arene|ara|years)|"
    r"(?:de|dei|the)\s+(?:forste|first)\s+(\w+)\s+(?:grant\s+|tilskudds|tilskots)?"
    r"(?:arene|ara|years)|"
    r"(?:forste|first)\s+(\w+)\s+(?:grant\s+|tilskudds|tilskots)?(?:ar|arene|ara|years))\b"
)


# 'samlet lønnskostnad', 'koster til sammen', 'the total cost': the cost of all positions
COST_FOR_ALL = lazy_pattern(
    r"\b(?:(?:samlet|samla|samlede|total\w*|til sammen|tilsammen|i alt|sammenlagt)\s+"
    r"(?:\w+\s+)?(?:lonn\w*|kostnad\w*|kost\b|utgift\w*|costs?|salary|salaries|budsjett\w*)|"
    r"(?:koster|kostar|costs?|cost us)\s+(?:oss\s+|us\s+)?(?:til sammen|tilsammen|totalt|samlet|"
    r"samla|i alt|in total|altogether)|"
    r"(?:lonn\w*|kostnad\w*|costs?|salary)\s+(?:for|til|of)\s+(?:begge|alle|both|all)\b|"
    # 'når lønnskostnaden samlet er 1 300 000', 'the costs in total are'
    r"(?:lonn\w*|kostnad\w*|utgift\w*|costs?|salary|salaries)\s+(?:samlet|samla|til sammen|"
    r"tilsammen|totalt|i alt|in total|altogether)\b|"
    r"(?:kost\w*|lonn\w*|utgift\w*|costs?)\s+(?:[a-z]+\s+){0,2}?[\d][\d .,]*\s*"
    r"(?:mill\w*|k\b|kr\.?|kroner|nok|,-)?\s*(?:til sammen|tilsammen|totalt|samlet|samla|i alt|"
    r"in total|altogether|for begge|for alle|for both|for all))"
)


# 'samlet kostnad per årsverk', '800 000 kr hver': a cost per position after all
COST_PER_UNIT = lazy_pattern(
    rf"(?:(?:\d|kr|kroner|nok)\.?\s*|(?:kost\w*|lonn\w*|utgift\w*|costs?|salary)\s+)"
    rf"(?:per|pr\.?|hver|for hver\w*|each|a)\s+(?:100\s*%\s*)?(?:{POSITION_WORDS})|"
    r"\b(?:hver|each|apiece)\b"
)


# 'en 80 %-stilling', 'ei halv stilling', 'a 40% position': one position that is a share of a
# whole one, so a cost stated for it is what that position costs
SHARE_OF_ONE = lazy_pattern(
    r"\b(?:en|ein|ei|et|eit|a|an|one)\s+(?:\d{1,3}(?:[.,]\d+)?\s*(?:%|prosent|percent)[\s-]*|"
    r"halv\w*\s+|half(?:-time)?\s+|part-time\s+)(?:[a-z-]+\s+)?"
    r"(?:stilling\w*|positions?|posts?|jobs?|arsverk\w*|ftes?)|"
    # 'half an FTE', 'half a position'
    r"\bhalf\s+(?:an?|one)\s+(?:fte|position|post|job)\b"
)


# 'full stilling koster', 'et årsverk koster', 'årsverket koster', 'a full-time position costs':
# a cost stated for a whole position (not 'det halve årsverket koster', 'det 50 %-årsverket')
COST_OF_WHOLE = lazy_pattern(
    r"\b(?:(?:full|fullt|hel|heil|helt|heilt|100\s*%)[\s-]*(?:stilling\w*|arsverk\w*)|"
    r"(?<!half )(?:et|ett|eitt|ein|one|an?)\s+(?:arsverk|fte)\b|"
    r"(?<!halve )(?<!halvt )(?<!-)(?<!% )(?:arsverket|arsverka?\s+(?:koster|kostar))|"
    r"full[- ]time\s+(?:positions?|posts?|jobs?|equivalents?)|"
    r"(?:whole|full|entire)\s+(?:positions?|posts?|jobs?|ftes?))"
)


# 'kun lønn', 'salary only', 'bare lønn': the cap for positions, no measure money
SALARY_ONLY = lazy_pattern(
    r"\b(?:(?:kun|bare|berre|only|just)\s+(?:til\s+|for\s+)?(?:lonn\w*|salary|salaries|pay)|"
    r"(?:lonn\w*|salary|salaries|pay)\s+only|uten tiltak\w*|without (?:a )?measures?|"
    # 'uten kompetansemidler', 'ekskl. kompetanse', 'without the competence money'
    r"(?:uten|utan|eksklusiv\w*|ekskl\.?|excluding|without)\s+(?:the\s+)?"
    r"(?:kompetanse\w*|competence\s+(?:funds?|money)))\b"
)


# 'få til lønn', 'i lønnsmidler', 'salary funding': the money asked for is pay, not competence
SALARY_ASK = lazy_pattern(
    r"\b(?:(?:til|i|for|in|on)\s+lonn(?:en|a)?\b(?!\s+og\s+kompetanse)|lonnsmid\w*|"
    r"lonnstilskudd\w*|lonnsstotte\w*|lonnstilskot\w*|stillingstilskudd\w*|stillingsmid\w*|"
    r"salary (?:funding|money|grants?|support)|"
    # 'øvre grense for lønnsdelen', 'the salary part': the positions' money without measures
    r"lonnsdel\w*|lonnsandel\w*|salary (?:part|portion|component|share)s?\b|"
    r"position grants?|for (?:the )?salar(?:y|ies)\b)"
)


# 'minst 20 % egenandel', 'egenandel på 25 prosent', 'a 20% own share': a share of the cost
# stated for the own share (a premise to check against the sources), not a share of a position
OWN_SHARE_WORDS = r"(?:egenandel\w*|egenfinansier\w*|egeninnsats\w*|own[- ]shares?|co-?fund\w*)"
OWN_SHARE_PERCENT = guarded_pattern(
    rf"(\d{{1,3}}(?:[.,]\d+)?)\s*(?:%|prosent|percent)\s*(?:av\s+\w+\s+)?{OWN_SHARE_WORDS}|"
    rf"\b{OWN_SHARE_WORDS}\s+(?:pa|of|at|minst|at least|over)\s+(?:minst\s+|at least\s+)?"
    rf"(\d{{1,3}}(?:[.,]\d+)?)\s*(?:%|prosent|percent)(?![\s-]*{POSITION_WORDS})",
    "%",
    "prosent",
    "percent",
)


# 'påslag', 'tillegg', 'økning', 'ekstra', 'kutt': a change to the grant itself
_GRANT_CHANGE_WORDS = (
    r"(?:paslag\w*|tillegg\w*|tilleg\w*|okning\w*|auke\w*|ekstra|hoyere|hogare|lavere|"
    r"lagare|kutt\w*|reduksjon\w*|trekk\w*|rabatt\w*|bonus\w*|avslag\w*|supplement\w*|"
    r"increase\w*|uplift|top-?up|cut|reduction|extra|higher|lower|more|less|mer|mindre|"
    # 'med 2 % lønnsjustering', 'indeksregulert med 3 %', 'økes med 5 %'
    r"lonnsjuster\w*|prisjuster\w*|justering\w*|justeres|justert|oppjuster\w*|"
    r"nedjuster\w*|indeksreguler\w*|reguleres|regulert|regulering\w*|lonnsvekst\w*|"
    r"prisvekst\w*|okes|oker|okte|auka|aukar|reduseres|redusert|kuttes|kuttet|indexed|"
    r"indexation|adjust\w*|inflation)"
)
# '20 % påslag på tilskuddet', 'et tillegg på 15 %', 'a 10% uplift': a percentage the grant is
# said to change by (not a share of a position: '20 % stilling')
GRANT_PERCENT = guarded_pattern(
    rf"(?<![\d.,])(\d{{1,3}}(?:[.,]\d+)?)\s*(?:%|prosent|percent|per cent)"
    rf"(?![\s-]*{POSITION_WORDS})[\s-]*(?:\w+\s+)?{_GRANT_CHANGE_WORDS}\b|"
    rf"\b{_GRANT_CHANGE_WORDS}\s+(?:pa\s+|of\s+|med\s+|by\s+)?(?:(?!til\b|to\b)\w+\s+)?"
    rf"(\d{{1,3}}(?:[.,]\d+)?)\s*(?:%|prosent|percent|per cent)(?![\s-]*{POSITION_WORDS})|"
    # '120 % av satsen': more than the whole rate is a supplement claimed
    r"(?<![\d.,])(1\d\d|[2-9]\d\d)\s*(?:%|prosent|percent|per cent)\s+(?:av|of)\s+"
    r"(?:the\s+)?(?:satsen|sats|tilskuddet|belopet|rate|grant|amount)\b",
    "%",
    "prosent",
    "percent",
    "per cent",
)


# 'et tak på 5 årsverk per kommune', 'maks to stillinger per kommune', 'a limit of 3 FTE per
# municipality': a limit on how many positions one municipality may have funded
POSITION_LIMIT = guarded_pattern(
    r"\b(?:tak|taket|grense|grensen|begrensning\w*|maks\w*|maksimum|hoyst|inntil|cap|limit|"
    r"max\w*|at most|up to)\s+(?:pa\s+|of\s+|er\s+|is\s+)?(?:inntil\s+)?(\d{1,3}|en|ett|et|to|"
    r"tre|fire|fem|seks|sju|syv|atte|ni|ti|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    rf"(?:{POSITION_WORDS})\s+(?:per|pr\.?|i hver|for hver|hver|each|a|for each|in each)\s+"
    r"(?:kommune\w*|municipality|municipalities)\b",
    "kommune",
    "municipalit",
)


# 'vi er i år 2 nå', 'stillingen er i år 3', 'we are in year 2': a grant year said of today
GRANT_YEAR_NOW = lazy_pattern(
    r"\b(?:vi er|er vi|stillingen er|stillingene er|den er|de er|we are|we're|are we|it is|"
    r"the position is)\s+(?:na\s+|now\s+)?(?:i|in)\s+(?:ar|year|tilskuddsar|tilskotsar)\s*\d"
)


# 'samme tiltak', 'the same measure': the words of the cap rule's duration
# money counted per measure ('per tiltak til kompetanse'): the unit of a cap rule's measure money
PER_MEASURE = lazy_pattern(r"\b(?:per|pr|for hvert|for kvart|each|a)\s+(?:tiltak|measure)\b")

SAME_MEASURE = lazy_pattern(r"\b(?:samme|same)\s+(?:tiltak|tiltaket|measure|project)\b")


# the year a position first got a grant: 'fikk tilskudd første gang i 2019', 'første
# tilskuddsår var 2020', 'startet med tilskudd i 2018', 'som startet i 2021', 'started in 2019',
# 'har hatt tilskudd siden 2017'
_START_YEAR = lazy_pattern(
    r"\b(?:(?:forste|first)\s+(?:[a-z]+\s+){0,3}?"
    # ('sitt første KRA-år i 2021': a year of the scheme, named by its short form;
    # 'sitt første rustilskudd i 2021': the grant named by a compound)
    r"(?:gang|[a-z]*tilskudd\w*|[a-z]*tilskot\w*|time|grant\w*|year|funded|financed|"
    r"[a-z]+-(?:ar|aret|year|tilskudd\w*|tilskot\w*))"
    r"(?:\s+[a-z]+){0,8}?\s+(?:i|var|er|was|in|fra|from)?\s*((?:19|20)\d{2})|"
    # ('to stillinger (start 2020 og 2021)': the noun before its years)
    r"(?:startet|starta|starte|start(?=\s+(?:i\s+)?(?:19|20)\d{2}\b)|begynte|begynt|oppstart\w*|"
    r"opprettet|oppretta|started|began|"
    # 'startet 2 årsverk i kommunalt rusarbeid i 2020' (no year among the words between)
    r"begun|set up|established)(?:(?:\s+(?!(?:19|20)\d{2}\b)[\w,%-]+){0,6}?\s+"
    r"(?:i|in|fra|from|ar|aret))?\s+((?:19|20)\d{2})|"
    # 'fikk rusarbeidstilskudd fra 2017', 'got a grant from 2019' (not 'fra 2016 til 2020')
    r"(?:fikk|got|received)\s+(?:[a-z-]+\s+){0,3}?"
    r"[a-z-]*(?:tilskudd\w*|tilskot\w*|grants?)\s+(?:fra|from)\s+(?:og med\s+)?"
    r"((?:19|20)\d{2})(?!\s*(?:til|to|-|–|og|and)\s*\d)|"
    # 'har fått tilskudd til kommunalt rusarbeid siden 2017', 'funded since 2018'
    r"(?:[a-z]*(?:tilskudd|tilskot)\w*|grants?|funding|funded)(?:\s+[a-z-]+){0,5}?\s+"
    r"(?:siden|sidan|since)\s+((?:19|20)\d{2})|"
    # 'fikk tilskudd til en ny stilling i kommunalt rusarbeid i 2021': new when granted
    r"(?:fikk|fekk|got|received)\s+(?:[a-z-]+\s+){0,3}?[a-z-]*(?:tilskudd\w*|tilskot\w*|grants?|"
    r"funding)\s+(?:til|for)\s+(?:(?:en|ei|ett|eit|a|one|to|two|tre|three|\d+)\s+)?"
    rf"(?:nye?|nytt|new)\s+(?:{POSITION_WORDS})(?:\s+[a-z-]+){{0,4}}?\s+(?:i|in)\s+"
    r"((?:19|20)\d{2})(?!\s*(?:til|to|-|–|og|and)\s*\d)|"
    # 'to nye årsverk i kommunalt rusarbeid fra 2019', 'two new positions from 2020'
    rf"\b(?:nye?|nytt|new)\s+(?:{POSITION_WORDS})(?:\s+[a-z-]+){{0,4}}?\s+"
    r"(?:fra|from)\s+(?:og med\s+)?"
    r"((?:19|20)\d{2})(?!\s*(?:til|to|-|–|og|and)\s*\d)|"
    # 'en 2021-stilling', '2019-årsverket': a position named by the year it started
    r"\b((?:19|20)\d{2})-(?:stilling\w*|arsverk\w*|position\w*)|"
    # 'stillinga vår frå 2021 får …', 'our position from 2020': the position of that year
    r"\b(?:stillingen|stillingene|arsverket|arsverkene|the position|our position)\s+"
    r"(?:(?:var|vare|vart|our)\s+)?(?:fra|from)\s+((?:19|20)\d{2})"
    r"(?!\s*(?:til|to|-|–|og|and)\s*\d))(?![\d])"
)


# '2022-reglene', 'reglene fra 2022', 'nedtrappingen som ble varslet i 2022', 'the 2022 rules':
# the year a set of rules came from, no calendar year a figure is asked for
RULES_OF_YEAR = lazy_pattern(
    r"\b((?:19|20)\d{2})(?:-|\s)?(?:reglene|reglane|regelverket|rules|regime|omlegging\w*)\b|"
    r"\b(?:\w*reglene|\w*reglane|\w*regelverket|rules|nedtrapping\w*|avvikling\w*|wind-down)\s+"
    r"(?:fra|from|of)\s+((?:19|20)\d{2})\b|"
    r"\b(?:varslet|varsla|innfort|vedtatt|vedteke|announced|introduced)\s+(?:i|in)\s+"
    r"((?:19|20)\d{2})\b"
)


# 'hva kan en stilling maksimalt få', 'the most it can get': a figure asked for
MOST_ASK = lazy_pattern(
    r"\b(?:maks\w*|maximum|max|mest|most|inntil|up to|hoyest(?:e)? mulig\w*|highest possible)\b"
)


# 'Agder-presentasjonen', 'the Agder slides': an office named as the one who held a document,
# the document the question's source, not the office's share of the money
OFFICE_DOCUMENT = lazy_pattern(
    r"\b(?P<region>[a-z]+)-(?:presentasjon\w*|lysbild\w*|foil\w*|slides?|deck)\b"
)

# 'fact ung hvilken ordning?', 'which scheme is it?': the scheme a thing belongs to
WHICH_SCHEME = lazy_pattern(
    r"\b(?:hvilken|hvilket|kva for ei?|which)\s+"
    r"(?:ordning\w*|tilskudd\w*|tilskot\w*|scheme|grant)\b"
)

# 'hvilken e-post bruker vi?', 'which e-mail address?': a question for an address
ADDRESS_ASK = lazy_pattern(r"\b(?:e-?post\w*|e-?mail\w*|adresse\w*|address\w*)\b")

# an e-mail address in an answer's text
EMAIL_ADDRESS = lazy_pattern(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)

# 'tilskuddsforvaltning', 'grant administration': the money an office administers
GRANT_ADMINISTRATION = lazy_pattern(r"\b(?:tilskuddsforvaltning\w*|grant[ -]administration)\b")


# 'fikk første tilskudd i fjor', 'startet i forfjor', 'started last year': a relative start
_START_RELATIVE = lazy_pattern(
    r"\b(?:(?:forste|first)\s+(?:[a-z]+\s+){0,3}?(?:tilskudd\w*|tilskot\w*|grant\w*|gang|time)"
    r"|startet|starta|begynte|started|began|fikk tilskudd|got (?:a |our first )?grant"
    # 'har hatt rustilskudd siden i fjor', 'funded since last year'
    r"|(?:[a-z]*(?:tilskudd|tilskot)\w*|grants?|funding|funded)(?:\s+[a-z-]+){0,5}?\s+"
    r"(?:siden|sidan|since))"
    r"(?:\s+[a-z]+){0,6}?\s+"
    r"(?:(i forfjor|the year before last)|i fjor|ifjor|forrige ar|last year)\b"
)


# 'eksisterende team', 'existing teams': a project or team already running, not a new one
EXISTING = lazy_pattern(
    r"\b(?:eksisterende|eksisterande|existing|allerede etablert\w*|"
    r"already (?:running|established))\b"
)


# 'hittil', 'så langt', 'so far', 'to date': up to this year
SO_FAR = lazy_pattern(r"\b(?:hittil|sa langt|til na|til no|so far|to date|til dags dato)\b")


# 'til og med 2022', 'through 2022', 'fram til 2022': the last of the calendar years counted
THROUGH_YEAR = lazy_pattern(
    r"\b(?:til og med|tom|t\.o\.m\.?|fram til|frem til|fram til og med|through|up to and "
    r"including|up to|until|to and including)\s+(?:utgangen av\s+|the end of\s+)?((?:19|20)\d{2})\b"
)


# 'i fjor (', 'last year (': a year against today that a year in brackets then names
RESTATED_YEAR = lazy_pattern(
    r"\b(?:i fjor|ifjor|last year|forrige ar|i forfjor|the year before last|i ar|this year)"
    r"\s*\(\s*$"
)


# 'i fjor', 'neste år', 'i år' (not 'i år 3'): a calendar year relative to today
RELATIVE_YEAR = word_pattern(
    r"\b(?:(i fjor|ifjor|last year|forrige ar)|(neste ar|next year|til neste ar|naste ar)|"
    r"(i ar|this year|dette aret|inneverende ar))\b(?!\s*(?:\d|nr|nummer|" + ORD_WORD + r")\b)"
    # 'i fjor (2021)': the year in brackets says which year; it is read, not today's less one
    r"(?!\s*\(\s*(?:19|20)\d{2}\s*\))"
)


# a rate asked for ('med hvilken sats', 'the rate'): a rule, not an appropriation
# 'og året etter det?': the year after the one the previous question was about
RATE_ASK = lazy_pattern(
    r"\b(?:sats\w*|rates?|(?:per|pr\.?)\s*(?:arsverk\w*|stilling\w*|fte|position))\b"
)


# 'den gamle avkortningsstigen', 'etter de gamle reglene', 'reglene fra før', 'the old
# rules': the grant-year ladder as it ran before a wind-down replaced it
OLD_RULES = lazy_pattern(
    r"\b(?:(?:gaml[ae]|gammel|tidligere|opprinnelig\w*|forrige|old|previous|original|former)"
    r"\s+(?:[a-z]+\s+){0,2}?(?:\w*stige\w*|\w*stiga|\w*regl\w*|\w*regel\w*|ordning\w*|"
    r"modell\w*|beregning\w*|rules?|ladder|scheme|system)|"
    r"(?:reglene|ordningen|stigen) (?:fra )?for (?:nedtrapping\w*|avvikling\w*))\b"
)


# 'sammenlignet med', 'hvor mye taper vi', 'mot', 'compared with': one figure against another
COMPARED = lazy_pattern(
    r"\b(?:sammenlign\w*|samanlikn\w*|jamfor\w*|taper|tape|tapet|tap|mister|miste|"
    r"enn|versus|vs|mot|compared?|comparison|lose|loses|lost|than|"
    # 'hva er forskjellen på det vi får etter de nye reglene og den gamle stigen?'
    r"forskjell\w*|skilnad\w*|difference)\b"
)


# 'nedtrappingen', 'etter at ordningen avvikles', 'the wind-down': a scheme's wind-down rules
WIND_DOWN = lazy_pattern(
    r"\b(?:nedtrapp\w*|avvikl\w*|wind(?:s|ing)?[- ]down|wound down|phas(?:ed|ing) out)\b"
)


# the words of these readings, part of the vocabulary
LADDER_WORDS = _wordset(
    "gjennom periode perioden periodene firearsperiode firearsperioden tilskuddsperiode "
    "tilskuddsperioden stige stigen stiga trappes trappe trapper trappet nedtrapping "
    "nedtrappingen neste holder holde holdes seg lik likt like uendret konstant samme gang "
    "startet starta begynte begynt oppstart oppstarten opprettet oppretta started began first "
    "forste tilskuddsar tilskuddsaret tilskuddsarene maximum max betalt betalte paid salary "
    "only kun bare hvert each every step steps trinn trinnet trinnene steg stegene annual "
    "arlig arlige arleg yearly fjor ifjor neste naste samlet samla samlede begge both fikk "
    "fatt hatt between mellom ved stays stay same unchanged constant remains remain got "
    "received receive tillegg blanding blandet blanda mix mixed kombinert combined hvert kvart "
    "through until including inkludert fram frem utgangen funded financed "
    # the rules a ladder grant is reckoned by, and the wind-down that replaces the ladder
    "regel regelen regler reglene regelverk regelverket rules avvikling avviklingen"
)


# the words these patterns use, part of the vocabulary
OPERATION_WORDS = _wordset(
    "stemmer riktig rett sant korrekt true correct right gjenstar gjenstaende resten "
    "resterande resterende gjenverande remaining remain remains left forskjell forskjellen "
    "differanse differansen synker minker faller reduseres reduksjon reduksjonen nedgang "
    "nedgangen endring endringen difference drop drops decrease decreases reduced falls "
    "mindre lavere ned opp oker okning hoyere lower higher less more up down enn than endres "
    "storre bigger larger greater "
    "trekkes trekke trekker trekk fratrukket deducted deduct subtracted igjen "
    "sammenlignet sammenlignes sammenlikna samanlikna jamfort taper tape tapet tap mister "
    "miste mot versus compared comparison lose loses lost falt sank minket gikk okte fell rose"
)


# words of what a figure is measured against (costs, pay), everyday words in figure questions
MEASURE_WORDS = _wordset(
    "kostnad kostnader kostnaden kostnadene koster kostar lonn lonna lonnen lonnskostnad "
    "lonnskostnader utgift utgifter utgiftene budsjett budsjettet salary wage wages cost"
)


# 'til og med hvilket år', 'hva er det siste året vi kan få tilskudd', 'hvilket år er siste
# tilskuddsår', 'until which year', 'what is the last year': the last calendar year of a grant
END_YEAR_ASK = lazy_pattern(
    r"\b(?:(?:til og med|tom|t\.o\.m\.?|fram til|frem til|fram til og med|frem til og med|"
    r"inntil|opp til|til)\s+(?:hvilket|hvilke|kva|hva|hva for et|hva slags)\s+ar\b|"
    r"(?:hvilket|kva for eit|kva for)\s+(?:ar\s+)?(?:er|blir|vil vere|vil vaere|var)\s+(?:da\s+)?"
    r"(?:det\s+)?"
    r"(?:siste|sist)\s+(?:ar\w*|tilskuddsar\w*|tilskotsar\w*)|"
    r"(?:hva|kva|hvilket)\s+(?:er|blir|var)\s+(?:da\s+)?(?:det\s+)?siste\s+(?:aret|tilskuddsaret|"
    r"tilskotsaret|kalenderaret)\s+(?:vi|det|de|man|en|dei|ein|kommunen|tiltaket|teamet|"
    r"stillingen|prosjektet)\b|"
    r"hvilket ar\s+(?:er|blir)\s+(?:det\s+)?(?:siste|sist)\b|"
    # 'hvilket år får vi siste gang tilskudd?', 'når er siste år vi får tilskudd?'
    r"(?:hvilket ar|nar)\b[^?.!]{0,40}?\bsiste gang\b|"
    r"nar\s+(?:er|blir|var)\s+(?:det\s+)?(?:siste|sist)\s+(?:ar|aret|tilskuddsar\w*|"
    r"tilskotsar\w*|gang)\b|"
    r"(?:til og med|fram til|frem til|until|till)\s+(?:nar|when)\b|"
    r"(?:until|through|up to|till)\s+(?:and including\s+)?(?:which|what)\s+year|"
    r"(?:what|which)\s+(?:is|was|will be)\s+(?:the\s+)?(?:last|final)\s+(?:calendar\s+|grant\s+)?"
    r"year\b(?!\s*\d)|"
    r"(?:which|what)\s+year\s+(?:is|was|will be)\s+(?:the\s+)?(?:last|final)\b)"
)


# 'gjennomsnittlig tilskudd per år', 'i snitt', 'on average': a multi-year sum per year
AVERAGE_ASK = lazy_pattern(
    r"\b(?:gjennomsnitt\w*|gjennomsnitleg\w*|i snitt|snittet|snittbelop\w*|average\w*|"
    r"on average|mean)\b"
)


# 'per måned', 'i kvartalet', 'monthly': a part of a year the sources give no figure for
PER_PART_OF_YEAR = lazy_pattern(
    r"\b(?:(?:per|pr\.?|i|hver|hvert|a|each|every)\s+(?:maned|maneden|mnd|month|kvartal|"
    r"kvartalet|quarter|uke|veke|week|dag|day|halvar|halvaret)|manedlig\w*|manadleg\w*|"
    r"kvartalsvis|ukentlig|monthly|quarterly|weekly|daily)\b"
)


# 'egenandelen i prosent', 'hvor stor andel av kostnaden dekker tilskuddet', 'what percentage':
# the own share and the grant as shares of the cost
COST_SHARE_ASK = lazy_pattern(
    r"\b(?:i prosent|prosent\w*|percent\w*|per cent|andel(?:en)?|dekningsgrad\w*|"
    r"hvor stor (?:del|andel)|kor stor (?:del|andel)|what (?:share|part|fraction|proportion)|"
    r"how (?:large|big) a (?:share|part))\b"
)


# 'et årsverk koster 700 000', 'one FTE costs', 'hvis ett årsverk koster': the unit of a cost,
# not a count of positions
COST_OF_ONE = guarded_pattern(
    rf"\b(?:et|ett|eitt|ein|en|ei|one|an?|1)\s+(?:hel\w*\s+|full\w*\s+)?(?:{POSITION_WORDS})"
    r"\s+(?:koster|kostar|kosta|costs?|vil koste|will cost)\b",
    "kost",
    "cost",
)


# 'vi får 880 000 kr', 'we got NOK 550,000': an amount received, not a cost
RECEIVED_AMOUNT = lazy_pattern(
    r"\b(?:far|fikk|mottar|mottok|har fatt|fatt|gis|ble gitt|get|got|receive[sd]?|"
    r"are getting|were given)\s+(?:(?:na|i dag|now|i ar|this year)\s+)?(?:kr\.?\s*|nok\s*)?\d"
)


# 'hvor mange årsverk tilsvarer det?', 'how many FTEs is that': a count of positions asked for
# ('hvor mange helt nye årsverk', 'how many whole new FTEs': with the words that say which)
POSITIONS_ASK = lazy_pattern(
    r"\b(?:hvor mange|kor mange|how many)\s+"
    r"(?:(?:helt|heilt|hele|heile|nye|nytt|nya|fulle|whole|full|new|complete|ekstra|extra|"
    r"additional)\s+){0,2}"
    rf"(?:{POSITION_WORDS})"
)


# 'hvor mange hele årsverk', 'ville det holdt til', 'enough for': whole positions an amount
# pays for, what is left over counting for none
WHOLE_POSITIONS = lazy_pattern(
    rf"\b(?:helt?|hele|heile|heilt|fulle|whole|full|complete)\s+(?:(?:nye|nytt|new)\s+)?"
    rf"{POSITION_WORDS}|\b(?:holde[rt]?|holdt|rekke[rt]?|rokk|strekke[rt]?|strakk)\s+"
    r"(?:\w+\s+){0,3}?til\b|\b(?:be\s+)?enough\s+for\b"
)


# 'hvilket tilskuddsår er vi i?', 'which grant year are we in': a grant year asked for
WHICH_GRANT_YEAR = lazy_pattern(
    r"\b(?:hvilket|hvilke|kva for eit|which|what)\s+(?:tilskuddsar\w*|tilskotsar\w*|ar\b|"
    r"(?:grant\s+)?year\b|trinn\w*|step)"
)


# 'to stillinger som fikk tilskudd i 2021', 'positions that had a grant in 2021': a year the
# positions were funded in, not their first grant year and not a calendar year asked about
FUNDED_IN = lazy_pattern(
    r"\b(?:fikk|hadde|mottok|got|had|received)\s+(?:(?!forste|first)[a-z-]+\s+){0,2}?"
    r"(?:[\w-]*tilskudd\w*|[\w-]*tilskot\w*|grants?|funding)\s+(?:i|in)\s+((?:19|20)\d{2})\b"
)


# 'i alle fire år', 'over hele perioden', 'all four years': every year of a grant, as a setting
WHOLE_PERIOD = lazy_pattern(
    r"\b(?:alle|all|hele|heile)\s+(?:de\s+|dei\s+|the\s+)?(?:\w+\s+)?(?:ar|arene|ara|years|"
    r"perioden|period)\b"
)

# a municipality as the one who gets the money ('får vi', 'kommunen vår', 'we get'): a rate
# asked, not an office's share of the appropriation
MUNICIPAL_SUBJECT = lazy_pattern(
    r"\b(?:vi|oss|vaar|var kommune|kommunen|kommunene|kommuner|kommunar|en kommune|"
    r"ein kommune|man|me|we|our|us|municipality|municipalities)\b"
)

# 'fra år 2', 'f.o.m. tredje år', 'from year 2 on', 'resten', 'what remains': the grant years
# from one to the last, not that one alone
FROM_ON = lazy_pattern(
    r"\b(?:(?:fra|fom|f\.o\.m\.?|fra og med|from|starting (?:with|from|in))\s+(?:the\s+)?"
    r"(?:\w+\s+)?(?:ar|aret|year)\b|og videre|and on|onwards?|gjenst\w*|resten|resterende|"
    r"remain\w*|the rest|hele perioden|heile perioden|whole period|alle arene|all (?:the )?years)\b"
)

# 'hva anbefaler du?', 'synes du?', 'bør vi heller …', 'bør vi søke A eller B?': advice or an
# opinion asked of the bot, which the sources cannot give (folded text: 'bør' is 'bor')
ADVICE_ASK = lazy_pattern(
    r"\b(?:synes du|syns du|mener du|meiner du|tror du|anbefaler du|anbefaler dere|"
    r"synes dere|syns de|syns dykk|mener dere|meiner de|meiner dykk|tror dere|trur de|"
    r"(?:en|ei|eit|et) (?:god|klok|fornuftig|riktig|dårlig|darlig) "
    r"(?:beslutning|avgjorelse|ide|idé)|"
    r"a (?:good|wise|bad|sensible) (?:decision|idea)|"
    r"(?:hva|kva) (?:vil du |ville du )?(?:anbefaler?|anbefale|tilrar|rar) du|ditt rad|dine rad|"
    r"din (?:mening|vurdering|anbefaling)|etter din mening|"
    r"what do you (?:think|recommend|suggest|advise)|do you think|would you (?:recommend|advise)|"
    r"in your (?:opinion|view)|your (?:opinion|advice|recommendation)|"
    r"(?:bor|burde) (?:vi|kommunen|man|me|jeg|eg) heller|should we rather|"
    r"en suksess|a success|lonner det seg|er det lurt|is it wise|is it worth)\b"
    # 'bør vi ansette A eller B?', 'should we apply for A or B?': a choice put to the bot
    r"|\b(?:bor|burde|should) (?:vi|kommunen|kommunen var|man|me|we|the municipality)\b"
    r"[^?.!]*\b(?:eller|or)\b(?! (?:ikke|ikkje|not)\b)"
)

# 'kan vi saksøke staten?', 'hva bør vi gjøre juridisk?': legal advice the sources cannot give
LEGAL_ASK = lazy_pattern(
    r"\b(?:saksok\w*|soksmal\w*|rettssak\w*|domstol\w*|advokat\w*|juridisk\w*|jurist\w*|"
    # an ombudsman's complaint and the odds of winning it ('vurdere om vi vinner fram')
    r"sivilombud\w*|ombudsman\w*|(?:vinne|vinner|vinn) (?:fram|frem)|"
    r"(?:win|winning) (?:the|our|an) (?:case|appeal|complaint)|"
    r"sue|suing|lawsuits?|lawyers?|legal action|legal advice|take (?:the state|them) to court)\b"
)

# 'hvor mye hadde <ordningen> i 2018?' with the scheme's name blanked out: what the scheme had
# (its appropriation), not what someone got from it ('hvor mye hadde vi …')
SCHEME_HAD = lazy_pattern(
    r"\bhvor mye (?:hadde|utgjorde)\s+(?:(?:tilskudd\w*|ordning\w*|tilskuddsordning\w*)\s+)?"
    r"(?:til\s+)?(?:_|\s{2})"
)

# 'hvordan forholder det seg til år 1?', 'i forhold til', 'compared with': two figures related,
# the one as a share of the other
RELATION_ASK = lazy_pattern(
    r"\b(?:forholder (?:det|den|dette|seg|satsen|belopet|tilskuddet) (?:seg )?til|i forhold til|"
    r"(?:how does|how do) (?:it|that|this|they)\s+(?:compare|relate)|relative to|in relation to)\b"
)

# the words of a budget reference ('kap. 765 post 60', 'kapittel', 'chapter … item')
BUDGET_WORD = lazy_pattern(r"\b(?:kap|kapittel|kapitel|post|posten|chapter|item|budsjettpost\w*)\b")
