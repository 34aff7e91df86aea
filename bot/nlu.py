"""Question understanding: intent, entities and a confidence, from chat text.

Rule- and lexicon-based, in steps:

1. The text is folded (lower case, nynorsk to bokmål, æøå to ASCII) and checked word by
   word against a vocabulary: every word of the knowledge base, the trigger phrases and
   everyday/function words. A word that is neither known, an inflection or a compound of
   known words is corrected to the nearest known word when one is close (rapidfuzz), else
   kept as *unknown* – the sign of a topic the knowledge base does not hold.
2. Entities are read with precompiled patterns (positions, grant years, years, money,
   dates, budget chapter/post) and from the names in the knowledge base (schemes, places,
   counties, offices, statistics columns).
3. Each intent is scored by the trigger phrases it finds, by what the slots imply, and by
   the passage (FAQ entry, fact sentence, rule in words) that best explains the question's
   content words (idf-weighted).
4. A question with unknown words or only weak triggers, and nothing that anchors it in the
   knowledge base (a scheme named by a specific name, a place or figure it can answer, a
   clearly matching passage), is out of scope.

Nothing here reads the clock or composes answers.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz, process

from bot.quantity import Refused, read_kroner, read_positions
from bot.text import clean, detect_language, fold, unwrap
from knowledge.kb import KnowledgeBase
from knowledge.schema import TextRule, YearRange


def _wordset(text: str) -> frozenset[str]:
    """Return the white-space separated words of a text as a set."""
    return frozenset(text.split())


INTENTS = (
    "amount",
    "total",
    "own_share",
    "deadline",
    "next_deadline",
    "days_left",
    "who_may_apply",
    "funds",
    "not_funded",
    "priorities",
    "reporting",
    "audit",
    "appeal",
    "purpose",
    "appropriation",
    "budget",
    "contact",
    "apply_how",
    "framework",
    "framework_sum",
    "framework_ranking",
    "statistics",
    "list_schemes",
    "scheme_info",
    "status",
    "faq",
    "greeting",
    "help",
    "out_of_scope",
)

# Trigger phrases per intent, in folded form (see bot.text.fold), with weights.
# A phrase ending in "*" matches any word that starts with it.
TRIGGERS: dict[str, list[tuple[str, float]]] = {
    "amount": [
        ("amount", 0.5),
        ("get money", 0.5),
        ("still get", 0.4),
        ("fa penger", 0.5),
        ("far vi noe", 0.5),
        ("hvor mye", 0.5),
        ("hva far vi", 0.6),
        ("hva kan vi fa", 0.5),
        ("far vi", 0.3),
        ("belop*", 0.5),
        ("sats", 0.5),
        ("satsen", 0.5),
        ("satser", 0.5),
        ("satsene", 0.5),
        ("how much", 0.5),
        ("what do we get", 0.6),
        ("do we get", 0.4),
        ("per arsverk", 0.3),
        ("utbetal*", 0.4),
        ("tilskudd per", 0.4),
        ("hva gir", 0.4),
        ("hvor stort", 0.4),
        ("what amount", 0.5),
        ("rate", 0.4),
        ("hva blir tilskudd*", 0.5),
        ("kan vi fa", 0.3),
        ("how big", 0.4),
        ("how large", 0.5),
        ("hvor stor", 0.5),
        ("what's the grant", 0.5),
        ("beregn*", 0.4),
        ("regn ut", 0.5),
        ("calculate", 0.5),
        ("hva utgjor", 0.4),
        ("hva blir det", 0.4),
        ("how much is", 0.4),
        ("maks", 0.3),
        ("maximum", 0.4),
        ("maksimal*", 0.5),
        ("max", 0.3),
        ("inntil", 0.2),
        ("what can we get", 0.5),
        ("kr per", 0.3),
    ],
    "total": [
        ("totalt", 0.6),
        ("til sammen", 0.6),
        ("tilsammen", 0.6),
        ("sammenlagt", 0.6),
        ("hele perioden", 0.7),
        ("firearsperiode*", 0.7),
        ("hele tilskuddsperiode*", 0.7),
        ("gjennom hele", 0.5),
        ("alle fire ar", 0.7),
        ("alle 4 ar", 0.7),
        ("in total", 0.6),
        ("total*", 0.5),
        ("over 4 ar", 0.6),
        ("over fire ar", 0.6),
        ("samla", 0.5),
        ("summen", 0.4),
        ("whole period", 0.7),
        ("all four years", 0.7),
        ("all 4 years", 0.7),
        ("altogether", 0.6),
        ("i alt", 0.6),
        ("over the four years", 0.7),
        ("over 4 years", 0.7),
        ("samlet", 0.5),
    ],
    "own_share": [
        ("ta selv", 0.7),
        ("ta sjol", 0.7),
        ("co fund*", 0.8),
        ("cofund*", 0.8),
        ("co financ*", 0.8),
        ("selv betale", 0.8),
        ("kommunen selv", 0.6),
        ("egenandel*", 0.8),
        ("dekke selv", 0.8),
        ("selv dekke", 0.8),
        ("ma vi dekke", 0.7),
        ("ma kommunen dekke", 0.8),
        ("egenfinansier*", 0.8),
        ("own share", 0.8),
        ("cover ourselves", 0.8),
        ("ma vi betale", 0.7),
        ("ma vi selv", 0.7),
        ("betale selv", 0.7),
        ("betalt selv", 0.8),
        ("betalt sjol", 0.8),
        ("paid ourselves", 0.8),
        ("kommunens andel", 0.4),
        ("resten", 0.4),
        ("mellomlegg*", 0.7),
        ("ma vi legge inn", 0.7),
        ("have to pay", 0.6),
        ("must pay", 0.6),
        ("pay ourselves", 0.8),
        ("koster", 0.4),
        ("kostar", 0.4),
        ("costs", 0.4),
        ("lonnskostnad*", 0.3),
        ("egen finansiering", 0.8),
        ("dekke sjol", 0.8),
        ("selv ma", 0.6),
        ("the rest", 0.5),
        ("egeninnsats", 0.6),
        ("egen andel", 0.8),
        ("eigen andel", 0.8),
        ("finansiere selv", 0.8),
        ("finansierer selv", 0.8),
        ("selv finansiere", 0.8),
        ("finansiere sjol", 0.8),
        ("fund ourselves", 0.8),
        ("finance ourselves", 0.8),
        ("dekker kommunen selv", 0.8),
        ("dekker vi selv", 0.8),
    ],
    "deadline": [
        ("frist*", 0.6),
        ("soknadsfrist*", 0.9),
        ("sokefrist*", 0.9),
        ("deadline*", 0.8),
        ("nar ma", 0.5),
        ("nar er", 0.3),
        ("innen nar", 0.7),
        ("senest", 0.5),
        ("seinast", 0.5),
        ("when is", 0.3),
        ("when do", 0.4),
        ("when must", 0.5),
        ("due", 0.5),
        ("nar kan vi soke", 0.6),
        ("nar skal", 0.5),
        ("nar ma soknaden", 0.8),
        ("rapporteringsfrist*", 0.9),
        ("regnskapsfrist*", 0.9),
        ("nar sender", 0.5),
        ("when should", 0.4),
        ("nar", 0.2),
        ("submit", 0.3),
        ("closing date", 0.8),
        ("when to apply", 0.7),
    ],
    "next_deadline": [
        ("alle frister", 1.0),
        ("all deadlines", 1.0),
        ("oversikt over frister", 1.0),
        ("fristene", 0.6),
        ("naermeste", 0.9),
        ("nermeste", 0.9),
        ("coming up", 0.9),
        ("soon", 0.5),
        ("snart", 0.5),
        ("neste frist*", 1.0),
        ("nermeste frist", 1.0),
        ("naermeste frist", 1.0),
        ("next deadline*", 1.0),
        ("upcoming", 0.9),
        ("kommende frist*", 1.0),
        ("hvilke frister", 0.9),
        ("forst ut", 0.6),
        ("neste soknadsfrist", 1.0),
        ("frister fremover", 1.0),
        ("what deadlines", 0.8),
        ("any deadlines", 0.8),
        ("snart frist", 0.8),
        ("neste", 0.3),
        ("next", 0.3),
        ("frister na", 0.6),
        ("aktuelle frister", 0.9),
        ("frister som kommer", 1.0),
    ],
    "days_left": [
        ("hvor lenge er det til", 1.0),
        ("hvor lang tid er det til", 1.0),
        ("how long is it until", 1.0),
        ("how long until", 1.0),
        ("hvor mange dager", 1.0),
        ("dager igjen", 1.0),
        ("dager til", 0.9),
        ("days left", 1.0),
        ("how many days", 1.0),
        ("days until", 1.0),
        ("days to", 0.8),
        ("hvor lenge til", 0.8),
        ("hvor lang tid har vi", 0.8),
        ("how long until", 0.8),
        ("rekker vi", 0.6),
        ("how long do we have", 0.8),
        ("dager", 0.4),
    ],
    "who_may_apply": [
        ("hvem kan soke", 1.0),
        ("hvem kan", 0.5),
        ("hvem far", 0.5),
        ("who can apply", 1.0),
        ("who may apply", 1.0),
        ("eligible", 0.8),
        ("kan vi soke", 0.5),
        ("kan kommunen soke", 0.6),
        ("kan helseforetak", 0.9),
        ("kan nav", 0.6),
        ("kan private", 0.8),
        ("kan frivillig", 0.6),
        ("hvem er soker*", 0.9),
        ("soker*", 0.2),
        ("who can", 0.5),
        ("can we apply", 0.5),
        ("who is allowed", 0.9),
        ("hvem kan fa", 0.8),
        ("kvalifis*", 0.6),
        ("har vi lov", 0.5),
        ("kan vi fortsatt soke", 0.6),
        ("kan nye kommuner", 0.8),
        ("who are", 0.2),
        ("kan alle", 0.6),
        ("aktuelle sokere", 0.9),
        ("hvem ordningen er for", 0.7),
        ("hvem retter", 0.7),
        ("for hvem", 0.6),
        ("kan statlige", 0.8),
        ("kan fylkeskommun*", 0.8),
        ("kan hf", 0.8),
        ("helseforetak", 0.4),
    ],
    "funds": [
        ("hva kan", 0.3),
        ("brukes til", 0.8),
        ("bruke pengene", 0.8),
        ("dekker", 0.5),
        ("dekke", 0.3),
        ("gis til", 0.5),
        ("what does it fund", 1.0),
        ("what can", 0.3),
        ("used for", 0.8),
        ("fund", 0.4),
        ("lonn", 0.5),
        ("andre utgifter", 0.8),
        ("annet enn arsverk", 0.9),
        ("drift*", 0.5),
        ("hva gis det tilskudd til", 1.0),
        ("hva kan vi soke om", 0.8),
        ("hva kan vi soke", 0.6),
        ("dekkes", 0.6),
        ("kun arsverk", 0.7),
        ("bare lonn", 0.7),
        ("utstyr", 0.6),
        ("reise*", 0.3),
        ("kompetanse*", 0.3),
        ("what expenses", 0.8),
        ("cover", 0.3),
        ("spend", 0.6),
        ("kan pengene", 0.7),
        ("hva slags tiltak", 0.7),
        ("hva slags", 0.3),
        ("what kind", 0.4),
        ("stillinger", 0.2),
        ("salaries", 0.6),
        ("hva dekker", 1.0),
        ("finansier*", 0.7),
        ("dekket", 0.6),
        ("fa dekket", 0.8),
        ("pay for", 0.6),
    ],
    "not_funded": [
        ("ikke", 0.3),
        ("gis ikke", 0.9),
        ("gis det ikke", 0.9),
        ("dekkes det ikke", 0.9),
        ("ikke tilskudd til", 1.0),
        ("unntak*", 0.7),
        ("utelukk*", 0.8),
        ("not fund*", 0.9),
        ("exclud*", 0.9),
        ("not cover*", 0.9),
        ("ikke dekke*", 0.8),
        ("ikke stotte*", 0.8),
        ("hva far vi ikke", 1.0),
        ("avgrensning*", 0.8),
        ("ikke soke om", 0.9),
        ("not eligible for", 0.6),
        ("ikke gis", 0.9),
        ("hva dekkes ikke", 1.0),
        ("what is not", 0.8),
        ("what isn't", 0.8),
        ("what won't", 0.8),
        ("not be funded", 1.0),
        ("ikke finansier*", 1.0),
        ("ikke dekket", 0.9),
    ],
    "priorities": [
        ("prioriter*", 1.0),
        ("satsing*", 0.6),
        ("priorit*", 1.0),
        ("focus", 0.6),
        ("hva vektlegges", 0.9),
        ("vektlegg*", 0.8),
        ("hva er viktigst", 0.7),
        ("pri 1", 1.0),
        ("innsatsomrad*", 0.8),
        ("utviklingsomrad*", 0.8),
        ("omrader", 0.3),
        ("hva ser de etter", 0.7),
        ("what counts", 0.5),
        ("emphasis", 0.8),
    ],
    "reporting": [
        ("oppfolging*", 0.6),
        ("folge med", 0.6),
        ("rapporter*", 0.8),
        ("report*", 0.8),
        ("questback", 1.0),
        ("rapportering*", 0.9),
        ("sluttrapport", 1.0),
        ("statusrapport*", 1.0),
        ("egenerkl*", 0.4),
    ],
    "audit": [
        ("revisor*", 1.0),
        ("revisjon", 1.0),
        ("revidert", 1.0),
        ("audit*", 1.0),
        ("regnskap*", 0.6),
        ("accounts", 0.6),
        ("egenerkl*", 0.7),
        ("attest*", 0.8),
        ("okonomirapport*", 0.8),
        ("financial statement", 0.8),
        ("bekreftelse pa stilling*", 0.8),
    ],
    "appeal": [
        ("right of appeal", 1.0),
        ("right to appeal", 1.0),
        ("challenge the decision", 0.8),
        ("klage*", 1.0),
        ("klagerett*", 1.0),
        ("enkeltvedtak", 1.0),
        ("appeal*", 1.0),
        ("forvaltningsloven", 1.0),
        ("paragraf 28", 0.6),
        ("section 28", 0.6),
        ("avslag", 0.5),
        ("complain", 0.8),
        ("fvl", 0.8),
        ("fvl.", 0.8),
    ],
    "purpose": [
        ("hva er malgruppe*", 1.0),
        ("malgruppe*", 0.5),
        ("target group", 1.0),
        ("who is it for", 0.8),
        ("formal*", 1.0),
        ("hensikt*", 1.0),
        ("malet", 0.7),
        ("mal med", 0.8),
        ("purpose", 1.0),
        ("what is it for", 1.0),
        ("hvorfor finnes", 0.9),
        ("what is the aim", 1.0),
        ("aim", 0.5),
        ("goal", 0.7),
        ("malsetting*", 1.0),
        ("hva skal ordningen", 0.8),
        ("intention", 0.8),
        ("mal for", 0.7),
        ("hva er malet", 1.0),
        ("objective", 1.0),
    ],
    "appropriation": [
        ("ramme", 0.6),
        ("forvalt*", 0.7),
        ("prognose", 0.3),
        ("allocat*", 0.8),
        ("bevilg*", 1.0),
        ("hvor mye penger", 0.8),
        ("potten", 0.9),
        ("til fordeling", 0.9),
        ("appropriat*", 1.0),
        ("how much money", 0.8),
        ("millioner", 0.6),
        ("mill", 0.5),
        ("totalramme", 0.9),
        ("hvor mye er satt av", 1.0),
        ("satt av", 0.8),
        ("budsjett*", 0.4),
        ("budsjettet", 0.6),
        ("how much funding", 0.8),
        ("total budget", 0.9),
        ("hvor store midler", 0.8),
        ("hvor mye midler", 0.8),
        ("ramme for", 0.5),
        ("statsbudsjett*", 0.6),
        ("tilskuddsforvaltning*", 0.8),
        ("grant administration", 0.9),
        ("grant-administration", 0.9),
        ("forvalte", 0.3),
        ("how much is available", 0.9),
        ("available", 0.4),
        ("hvor mye gis", 0.5),
        ("fordele", 0.6),
        ("fordeles", 0.6),
        ("ma fordeles", 0.6),
        ("i potten", 0.9),
        ("innlandet far", 0.5),
        ("budget", 0.6),
    ],
    "budget": [
        ("kapittel", 1.0),
        ("kap", 0.6),
        ("post", 0.5),
        ("budget chapter", 1.0),
        ("chapter", 0.8),
        ("budsjettpost", 1.0),
        ("budsjettkapittel", 1.0),
        ("hvilken post", 1.0),
        ("budget line", 1.0),
        ("budget item", 1.0),
        ("hvilket kapittel", 1.0),
        ("departement*", 0.6),
        ("ministry", 0.6),
        ("ministries", 0.8),
    ],
    "contact": [
        ("tlf", 0.8),
        ("tlf nr", 0.9),
        ("hvem kan svare", 1.0),
        ("who can answer", 1.0),
        ("svare pa", 0.5),
        ("kontakt*", 0.9),
        ("epost*", 0.7),
        ("e-post*", 0.7),
        ("mail", 0.6),
        ("telefon*", 0.8),
        ("ringe", 0.8),
        ("ring", 0.5),
        ("contact", 1.0),
        ("saksbehandler*", 0.8),
        ("who do i ask", 0.9),
        ("sporre om", 0.5),
        ("hvem kan jeg sporre", 1.0),
        ("hvem svarer", 0.8),
        ("phone", 0.8),
        ("email", 0.7),
        ("nummer", 0.4),
        ("hvem er", 0.2),
        ("support", 0.6),
        ("teknisk", 0.6),
        ("hvem kan hjelpe", 0.8),
        ("ansvarlig", 0.5),
        ("faggruppeleder", 0.9),
        ("e-postadresse*", 1.1),
        ("epostadresse*", 1.1),
        ("email address", 1.0),
        ("e-mail address", 1.0),
        ("nettsid*", 0.9),
        ("nettadresse*", 0.9),
        ("hjemmesid*", 0.9),
        ("heimesid*", 0.9),
        ("website", 0.9),
        ("web page", 0.9),
        ("pa nett", 0.8),
        ("who should i", 0.6),
        ("who handles", 0.8),
    ],
    "apply_how": [
        ("postadresse*", 1.0),
        ("kunngj*", 0.7),
        ("utlys*", 0.6),
        ("announce*", 0.7),
        ("address", 0.8),
        ("postal address", 1.0),
        ("where to apply", 1.0),
        ("kopi", 0.6),
        ("copy", 0.6),
        ("hvor sender", 1.0),
        ("sende soknad*", 1.0),
        ("sendes", 0.6),
        ("send", 0.5),
        ("sende", 0.6),
        ("adresse*", 0.8),
        ("postmottak", 0.9),
        ("hvordan soker", 1.0),
        ("how do we apply", 1.0),
        ("how to apply", 1.0),
        ("where do we send", 1.0),
        ("where to send", 1.0),
        ("soknadsskjema*", 0.8),
        ("skjema*", 0.6),
        ("signer*", 0.6),
        ("how do i apply", 1.0),
        ("hvordan soke", 1.0),
        ("hvordan ga frem", 0.8),
        ("where should", 0.5),
        ("submit", 0.4),
        ("elektronisk", 0.4),
        ("hvor soker", 0.9),
        ("hvor skal", 0.4),
        ("apply", 0.2),
        ("levere", 0.6),
        ("innlevering", 0.7),
    ],
    "framework": [
        ("ramme", 0.5),
        ("okning i rammen", 0.9),
        ("rammeokning*", 0.9),
        ("rammen", 0.6),
        ("ramma", 0.6),
        ("fikk", 0.4),
        ("opptrapping*", 0.4),
        ("frie inntekter", 0.7),
        ("rammetilskudd*", 0.8),
        ("rammeoverforing*", 0.8),
        ("framework", 0.7),
        ("increase", 0.5),
        ("got", 0.3),
        ("received", 0.4),
        ("fordeling", 0.5),
        ("sosialhjelpsnokkel*", 0.8),
        ("prognose", 0.3),
        ("okning", 0.5),
        ("okte", 0.4),
    ],
    "framework_sum": [
        ("til sammen", 0.6),
        ("totalt", 0.6),
        ("samlet", 0.6),
        ("sum", 0.6),
        ("i alt", 0.6),
        ("in total", 0.6),
        ("total*", 0.5),
        ("sammenlagt", 0.6),
        ("tilsammen", 0.6),
        ("fra 2016 til", 0.5),
        ("hele perioden", 0.6),
        ("2016-2020", 0.5),
        ("altogether", 0.6),
    ],
    "framework_ranking": [
        ("mest", 0.8),
        ("minst", 0.8),
        ("storst*", 0.8),
        ("hoyest*", 0.8),
        ("lavest*", 0.8),
        ("most", 0.8),
        ("least", 0.8),
        ("largest", 0.8),
        ("smallest", 0.8),
        ("highest", 0.8),
        ("lowest", 0.8),
        ("rangering", 1.0),
        ("ranger*", 0.9),
        ("topp", 0.8),
        ("top", 0.6),
        ("flest", 0.6),
        ("hvem fikk", 0.4),
        ("which municipality", 0.6),
        ("hvilken kommune", 0.6),
        ("rank*", 0.9),
        ("biggest", 0.8),
        ("minste", 0.8),
        ("storste", 0.8),
    ],
    "statistics": [
        ("figures", 0.6),
        ("numbers", 0.6),
        ("tallene", 0.6),
        ("sosialhjelp*", 0.9),
        ("kvp", 1.0),
        ("kvalifiseringsprogram*", 1.0),
        ("midlertidig botilbud", 1.0),
        ("statistikk*", 1.0),
        ("sosialtjenestetall", 1.0),
        ("statistics", 1.0),
        ("tall for", 0.4),
        ("husholdning*", 0.8),
        ("18-24", 0.8),
        ("mottakere", 0.6),
        ("hovedinntekt", 1.0),
        ("social assistance", 1.0),
        ("andel av befolkningen", 1.0),
        ("befolkning*", 0.5),
        ("stats", 0.8),
        ("barn som bodde", 1.0),
        ("hvor mange personer", 0.6),
        ("hvor mange barn", 0.6),
        ("deltakere", 0.7),
        ("qualification programme", 1.0),
        ("temporary housing", 1.0),
    ],
    "list_schemes": [
        ("hvilke ordninger", 1.0),
        ("hvilke tilskudd", 1.0),
        ("hvilke tilskuddsordninger", 1.0),
        ("liste", 0.6),
        ("oversikt", 0.7),
        ("which schemes", 1.0),
        ("what grants", 1.0),
        ("alle ordninger", 1.0),
        ("which grants", 1.0),
        ("list", 0.6),
        ("ordningene", 0.6),
        ("hva finnes", 0.7),
        ("hvilke ordningar", 1.0),
        ("what schemes", 1.0),
        ("hvilke kan vi soke", 0.9),
        ("hva kan vi soke pa", 0.8),
        ("available grants", 1.0),
        ("tilskuddsordninger", 0.6),
        ("ordninger", 0.5),
        ("hvilke midler", 0.9),
        ("hva slags tilskudd", 0.9),
        ("kva for tilskudd", 1.0),
        ("schemes", 0.5),
    ],
    "scheme_info": [
        ("fortell om", 1.0),
        ("hva er", 0.4),
        ("info om", 0.9),
        ("informasjon om", 0.9),
        ("tell me about", 1.0),
        ("what is", 0.4),
        ("forklar", 0.8),
        ("explain", 0.8),
        ("beskriv", 0.8),
        ("oversikt over", 0.6),
        ("alt om", 0.9),
        ("kort om", 0.9),
        ("what's", 0.3),
        ("hva gar", 0.6),
        ("hva handler", 0.9),
        ("om ordningen", 0.5),
        ("summary", 0.8),
        ("oppsummer", 0.8),
        ("what do you know", 0.8),
        ("hva vet du om", 1.0),
        ("for noe", 0.8),
    ],
    "status": [
        ("avvikl*", 1.0),
        ("videref*", 0.9),
        ("fortsetter", 0.9),
        ("nedlagt", 1.0),
        ("legges ned", 1.0),
        ("slutt", 0.6),
        ("still exist*", 1.0),
        ("discontinu*", 1.0),
        ("continu*", 0.9),
        ("etter 2021", 0.6),
        ("framtid*", 0.8),
        ("fremtid*", 0.8),
        ("nedtrapp*", 0.7),
        ("forsvinner", 1.0),
        ("finnes fortsatt", 1.0),
        ("status", 0.8),
        ("wound down", 1.0),
        ("wind down", 1.0),
        ("phased out", 1.0),
        ("abolish*", 1.0),
        ("opphor*", 1.0),
        ("fortsatt", 0.4),
        ("stopper", 0.8),
        ("veien videre", 0.9),
        ("blir det", 0.3),
        ("ny ordning", 0.6),
        ("ny tilskuddsordning", 0.7),
        ("endring*", 0.5),
        ("vil ordningen", 0.6),
        ("finnes ordningen", 0.9),
        ("gjelder ordningen", 0.5),
        ("kommer det", 0.5),
        ("held", 0.6),
        ("halde fram", 0.9),
    ],
    "greeting": [
        ("hei", 0.8),
        ("hallo", 0.8),
        ("heisann", 0.8),
        ("god morgen", 0.9),
        ("god dag", 0.9),
        ("hello", 0.8),
        ("hi", 0.7),
        ("hey", 0.7),
        ("takk", 0.8),
        ("thanks", 0.8),
        ("thank you", 0.8),
        ("tusen takk", 0.9),
        ("good morning", 0.9),
        ("morn", 0.7),
        ("hey there", 0.8),
        ("god ettermiddag", 0.9),
        ("sann", 0.2),
    ],
    "help": [
        ("hvordan virker du", 1.0),
        ("hvordan fungerer", 0.9),
        ("how do you work", 1.0),
        ("how does this work", 1.0),
        ("hjelp", 0.9),
        ("help", 0.9),
        ("hva kan du", 1.0),
        ("what can you do", 1.0),
        ("hvordan bruker", 0.9),
        ("how do i use", 0.9),
        ("kommandoer", 0.9),
        ("commands", 0.9),
        ("hva kan jeg sporre", 1.0),
        ("what can i ask", 1.0),
        ("meny", 0.7),
        ("menu", 0.7),
        ("hvordan fungerer du", 1.0),
        ("hvem er du", 0.8),
        ("who are you", 0.8),
    ],
}

ORDINALS = {
    "forste": 1,
    "first": 1,
    "en": 1,
    "ett": 1,
    "one": 1,
    "1": 1,
    "andre": 2,
    "second": 2,
    "to": 2,
    "two": 2,
    "2": 2,
    "tredje": 3,
    "third": 3,
    "tre": 3,
    "three": 3,
    "3": 3,
    "fjerde": 4,
    "fourth": 4,
    "fire": 4,
    "four": 4,
    "4": 4,
    "femte": 5,
    "fifth": 5,
    "fem": 5,
    "five": 5,
    "5": 5,
    "sjette": 6,
    "sixth": 6,
    "seks": 6,
    "six": 6,
    "6": 6,
    "sjuende": 7,
    "syvende": 7,
    "seventh": 7,
    "sju": 7,
    "syv": 7,
    "seven": 7,
    "siste": -1,
    "last": -1,
    "nullte": 0,
    "0": 0,
}
# Words the entity patterns read (positions, money, measures), part of the vocabulary.
SLOT_WORDS = _wordset(
    "fte ftes arsverk stilling stillinger stillingen hjemmel hjemler ansatt ansatte position "
    "positions full time kr nok kroner mill millioner mnok k tiltak measure measures prosent "
    "percent kronene kronen"
)
CARDINAL_WORDS = _wordset("en ett one to two tre three fire four fem five seks six sju syv seven")
NUMBER_WORDS: dict[str, int | Fraction] = {
    "en": 1,
    "ett": 1,
    "ei": 1,
    "one": 1,
    "an": 1,
    "a": 1,
    "to": 2,
    "two": 2,
    "tre": 3,
    "three": 3,
    "fire": 4,
    "four": 4,
    "fem": 5,
    "five": 5,
    "seks": 6,
    "six": 6,
    "halv": Fraction(1, 2),
    "halvt": Fraction(1, 2),
    "halvannen": Fraction(3, 2),
    "half": Fraction(1, 2),
    "half-time": Fraction(1, 2),
    "halve": Fraction(1, 2),
    "halvannet": Fraction(3, 2),
    "begge": 2,
    "both": 2,
}
POSITION_WORDS = (
    r"(?:arsverk\w*|stilling\w*|ftes?|full[- ]time|positions?|hjemmel|hjemler|ansatt\w*)"
)
ORD_WORD = "|".join(sorted((re.escape(k) for k in ORDINALS), key=len, reverse=True))
MONTHS = {
    "januar": 1,
    "january": 1,
    "jan": 1,
    "februar": 2,
    "february": 2,
    "feb": 2,
    "mars": 3,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "mai": 5,
    "may": 5,
    "juni": 6,
    "june": 6,
    "jun": 6,
    "juli": 7,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "oktober": 10,
    "october": 10,
    "okt": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "desember": 12,
    "december": 12,
    "des": 12,
    "dec": 12,
}
GROUPS = {
    "lister": "Lister",
    "aust-agder": "Aust-Agder",
    "aust agder": "Aust-Agder",
    "vest-agder": "Vest-Agder",
    "vest agder": "Vest-Agder",
    "agder": "Agder",
}
WORD = re.compile(r"[a-z0-9]+")
SENTENCE = re.compile(r"\s*(?:•|\n|(?<=[.!?»])\s+(?=[A-ZÆØÅ«]))\s*")
# Where something is online: a web address in a passage, or asking for one in a question
# ('hvor ble utlysningen publisert?', 'på nett', 'nettsiden', 'where is it published').
WEB_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|\b[a-z0-9-]+\.no(?:/\S*)?(?=[\s.,;:)»]|$)")
WEB_ASK = re.compile(
    r"\b(?:publiser\w*|published|publish|lagt ut|ligger ute|pa nett(?:et)?|nettside\w*|"
    r"nettsted\w*|nettadresse\w*|heimeside\w*|hjemmeside\w*|websites?|web ?pages?|online|"
    r"internett\w*|internet)"
)
WEB = "#web"
# How long a grant runs, asked in words no fact uses ('for how long', 'bare ut kalenderåret').
DURATION_ASK = re.compile(
    r"\b(?:how long|hvor lenge|kor lenge|how many years|hvor mange ar|kor mange ar|"
    r"kalenderar\w*|calendar year|extended|forlenge\w*)\b"
)
ACRONYM = re.compile(r"\b[A-ZÆØÅ]{2,6}\b")
# 'kan helseforetak søke', 'could health trusts apply': a question about who may apply (not
# 'kan vi søke', which asks about the application).
WHO_APPLIES = re.compile(
    r"\b(?:kan|could|can|may)\s+(?!vi\b|we\b|jeg\b|i\b|du\b|you\b|me\b)"
    r"(?:[a-z]+\s+){1,3}(?:soke|sokje|apply)\b"
)
COOPERATION = re.compile(r"\b(?:sammen|together|jointly|samarbeid\w*|cooperat\w*)\b")
MEASURES = re.compile(
    r"\b(\d+|en|ett|ei|et|one|a|to|two|tre|three|fire|four|fem|five)\s*"
    r"(?:(?:separate|ulike|forskjellige|adskilte|atskilte|egne|different|distinct)\s+)?"
    r"(?:tiltak|measures?|prosjekt\w*|projects?)"
)
# 'med hver sin 50 %-stilling', 'en halv stilling hver', 'each with one full-time position':
# the positions named are those of each measure (nynorsk 'kvar si' is folded to 'hvor si')
EACH_MEASURE = re.compile(
    r"\b(?:hver sin|hvert sitt|hver si|kvar si|kvar sin|kvart sitt|each with|each having|"
    r"hvert med|hver med|kvart med|kvar med|hvor si|hvor sin|hvor med|"
    rf"{POSITION_WORDS}\s+(?:hver|hvert|kvar|kvart|each)|hvert av (?:dem|tiltakene)|"
    r"(?:hvert|hver|each|per)\s+(?:tiltak|measure|project))\b"
)
KIND_REPORT = re.compile(r"\b(?:rapport\w*|report\w*|statusrapport\w*)")
KIND_ACCOUNTS = re.compile(r"\b(?:regnskap\w*|accounts?|revisorattest\w*)\b")
KIND_APPLICATION = re.compile(r"(?:soknad|soke|apply|application|sokefrist)")
ORDER_ASC = re.compile(r"\b(?:minst|lavest\w*|least|lowest|smallest|minste|bunn\w*|bottom)\b")
ORDER_DESC = re.compile(
    r"\b(?:mest|storst\w*|hoyest\w*|most|highest|largest|biggest|flest|topp\w*|top)\b"
)
# 'når er fristen', 'when is the report due': asking for a date, not the content.
# a compound with its last part left out before 'og'/'eller': 'status- og regnskapsrapporten'
ELIDED = re.compile(r"\b([a-z]{3,})- (og|eller|and|or) ([a-z]{7,})\b")
# a question that opens by asking for a deadline
ASKS_DEADLINE = re.compile(
    r"\s*(?:hva|hvilken|hvilke|kva|kva for|nar|when|what)\b(?:\s+\w+){0,2}?\s+"
    r"(?:\w*frist\w*|deadlines?)\b"
)
DATE_ASK = re.compile(
    r"\b(?:frist\w*|\w+frist\w*|deadlines?|due|senest|seinast|innen nar|nar ma|nar skal|"
    r"nar er|nar var|when is|when was|when must|when do|when should|vaere inne|be in)\b"
)
# '2604 Lillehammer': a place in a postal address, not a place asked about
POSTCODE_BEFORE = re.compile(r"\b\d{4}\s*$")
PLACE_WORD = re.compile(r"\b[A-ZÆØÅ][a-zæøåéü]+(?:[- ][A-ZÆØÅ][a-zæøåéü]+)*\b")
ANY_WORD = re.compile(r"[a-z0-9]")
COMMAND = re.compile(r"^/([a-z]+)\b")
# Chat commands that reach the question understanding ('/start' opens a chat).
COMMANDS = {"start": "greeting", "help": "help", "hjelp": "help"}
# 'ikke bare lønn', 'annet enn årsverk', 'other than salaries': more than what is funded
BEYOND = re.compile(
    r"\b(?:ikke bare|ikke berre|annet enn|anna enn|andre \w+ enn|other than|not only|"
    r"utover|bortsett fra)\b"
)
# a statement that limits what is funded ('kun til årsverk', 'bare til videreføring')
LIMITED = re.compile(r"\b(?:kun|bare|only|ikke|not)\b")
# 'hvilke tilskudd ...', 'kva tilskotsordningar ...', 'which grants ...': the list of schemes
LIST_ASK = re.compile(
    r"^(?:hvilke|hva|hva slags|hva for|what|which|what kind of)\s+"
    r"(?:tilskudd\w*|ordning\w*|grants?|schemes?|midler)\b"
)
AMOUNT_ASK = re.compile(r"\b(?:hvor mye|sats\w*|belop\w*|how much|rate|utbetal\w*)\b")
# 'Agder' as all its municipalities, not as in 'Statsforvalteren i Agder'
AGDER_GROUP = re.compile(
    r"(?<!fylkesmannen i )(?<!fylkesmann i )(?<!statsforvalteren i )(?<!statsforvalter i )"
    r"(?<!fm )(?<!sf )\b(?:hele agder|agder(?:fylkene)?|alle kommunene|alle kommuner)\b"
)
ONE_YEAR = re.compile(
    r"\b(?:for aret|i aret|per ar|pr ar|hvert ar|a year|per year|that year|this year)\b"
)
OFFICE_NAME = re.compile(
    r"\b(?:statsforvalter(?:en)?|fylkesmann(?:en)?)\s+i\s+[a-zæøå-]+(?:\s+og\s+[a-zæøå-]+)?"
)
AMOUNT = re.compile(r"(?<![\d.,])(?:\d{1,3}(?:[ .]\d{3})+|\d{5,})(?![\d])")
AMOUNT_DIGITS = re.compile(r"\D")
BUDGET_REF = re.compile(r"\b(\d{3,4})\s*(?:[.,]|\s+post\s+|post)\s*(\d{2})\b")
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
HOW_MANY_YEARS = re.compile(
    r"\b(?:(?:hvor mange|kor mange|how many) (?:ar|years)|hvor lenge|for how long|extend\w*|"
    r"forleng\w*)\b"
)
# Phrases that ask how many years a grant runs ('kan gis for ett år', 'i inntil tre år').
DURATION_PHRASE = re.compile(
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
# Word parts that make a scheme name specific ('rustilskuddet', 'skjonnsmidler').
GRANT_WORDS = ("tilskudd", "tilskot", "ordning", "midl", "grant", "scheme", "plan")
ORGANISATION_WORDS = frozenset({"kontor", "kontoret", "kontorene", "office", "offices"})
# Inflection endings a scheme name's last word may carry in a question.
NAME_ENDINGS = ("ene", "ane", "en", "et", "er", "ar", "a", "e", "n", "s")
GRANT_WORD = re.compile(r"\b(?:tilskudd\w*|tilskot\w*|grants?)\b")
GRANT_TOKEN = re.compile(r"\b(?:tilskudd|tilskot|ordning|midl|grant|scheme)")
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
# Function words and everyday question words (folded) that say nothing about the topic, in
# bokmål, nynorsk and English; with the knowledge base's own words they make the vocabulary.
FUNCTION_WORDS = _wordset(
    """
    og i pa til av for med om fra fra som at a en ei et ett eit den det de dei der her denne
    dette disse vi oss var vare vart dere deres jeg meg min mitt mine du deg din ditt dine han
    hun ho hen seg sin sitt sine hva hvem hvor hvordan hvorfor hvilken hvilket hvilke nar kva
    kven kor korleis kvifor kvar er var blir ble vaert vaere bli har hadde hatt kan kunne skal
    skulle vil ville ma matte bor burde fa far fikk fatt gjor gjore gjorde gjort gar ga gikk
    ikke ikkje ja nei na da sa ogsa bare berre kun enda fortsatt allerede alle alt noe noen
    noko nokon ingen mye mange mer flere fleire mest hele heile litt veldig eller men hvis
    dersom fordi mens etter for under over mellom per pr ved hos mot uten utan inn ut opp ned
    sammen igjen kom kommer komme trenger treng trengs finnes fins finne vet veit si sier star
    sta gi gir gitt gis tror lurer sporsmal svar takk hei ok okei greit lurt dette slik sann
    sant vel jo nok visst egentlig eg me dykk deira vere vert vart gjeld gjev gje nokre
    the a an is are was were be been being do does did done we you i it its they them their
    our ours your yours my me us he she his her what whats when where who whom whose which how
    why can could would should will shall may might must have has had having get gets got
    getting there this that these those of in on at for to from by with about and or but not
    no yes any some all still yet now then than so too very much many more most less least
    please pls thanks thank hi hello hey if into out up down over under again also just only
    each every per same other another own s t ll re ve d m let lets tell say said know
    andre annen annet anna
    """
)
# Words that stand for the same thing in a look-up ('sammen med nabokommunen' ~ 'samarbeid').
CONCEPTS: dict[str, str] = {
    "sammen": "#coop",
    "together": "#coop",
    "jointly": "#coop",
    "samarbeid": "#coop",
    "samarbeide": "#coop",
    "samarbeider": "#coop",
    "interkommunalt": "#coop",
    "interkommunal": "#coop",
    "klyngesamarbeid": "#coop",
    "cooperate": "#coop",
    "cooperation": "#coop",
    "partner": "#coop",
    "nabokommune": "#coop",
    "nabokommunen": "#coop",
    "nabokommuner": "#coop",
    "neighbouring": "#coop",
    "neighboring": "#coop",
    "neighbour": "#coop",
    "frivillig": "#volunteer",
    "ideell": "#volunteer",
    "ideelle": "#volunteer",
    "voluntary": "#volunteer",
    "lenge": "#duration",
    "varighet": "#duration",
    "tidsperiode": "#duration",
    "revisor": "#audit",
    "revisorattestasjon": "#audit",
    "revisorattestert": "#audit",
    "auditor": "#audit",
    "audited": "#audit",
    "klage": "#appeal",
    "klagerett": "#appeal",
    "appeal": "#appeal",
    "helseforetak": "#hf",
    "helseforetaka": "#hf",
    "trust": "#hf",
    "trusts": "#hf",
    "hf": "#hf",
    "rhf": "#hf",
}
# Words for the statistics table's columns, mapped to the words its definitions use.
COLUMN_WORDS = {
    "unge": "aringer",
    "ungdom": "aringer",
    "young": "aringer",
    "youth": "aringer",
    "children": "barn",
    "child": "barn",
    "barna": "barn",
    "households": "husholdninger",
    "household": "husholdninger",
    "husholdning": "husholdninger",
    "participants": "deltakere",
    "participant": "deltakere",
    "deltaker": "deltakere",
    "kvalifiseringsprogrammet": "kvalifiseringsprogram",
    "qualification": "kvalifiseringsprogram",
    "temporary": "midlertidig",
    "housing": "botilbud",
    "accommodation": "botilbud",
    "assistance": "sosialhjelp",
    "welfare": "sosialhjelp",
    "sosialhjelpsmottakere": "sosialhjelp",
    "income": "hovedinntekt",
    "months": "mnd",
    "maneder": "mnd",
    "share": "andel",
    "proportion": "andel",
    "percentage": "andel",
    "prosent": "andel",
    "prosentandel": "andel",
    "population": "befolkningen",
    "befolkning": "befolkningen",
}
# Irregular forms compared as one word.
SAME_WORD = {"nytt": "ny", "nye": "ny", "new": "ny", "nyt": "ny"}
NUMBER_NAMES = _wordset("to tre fire fem seks two three four five six")
# Everyday words staff use around the topic that the (Norwegian, terse) sources happen not to
# contain; they are neither typos nor a sign of another topic.
EVERYDAY_WORDS = _wordset(
    """
    normally normalt vanligvis extend extended extension forlenge forlenges forlenget
    allowance allowances
    forlengelse
    siden helt vanlig vanlige kjenner kjenne krever kreves havner havne ligger ligge hjelpe
    brukes finne lure sporre bot boten kurs ansatt ansatte ny nye nytt gammel gamle gjelder
    betyr bety riktig stemmer mulig mulighet lov pengene kroner sum stor store liten lite
    forrige hvert hver eksempel altsa derfor tidligere senere seinere snart lenger lenge
    akkurat omtrent cirka ting sak saken saker svare svarer informasjon begge hverandre
    trenge trengte kommunen kommunene vare idag dag dager uke uker maned maneder tid tiden
    coming soon before after expected expect taper tapers tapering trust trusts rejection
    rejected reject allocated allocate allocation county counties governor governors
    participant participants household households month months combined combine block year
    years yearly annual annually first second last next new old need needs kind type apply
    applied applying application applications fund funds funding funded money cost costs
    salary salaries staff position positions employee employees office offices question answer
    information send sent address email phone person people municipality municipalities local
    national nationally government ministry directorate rule rules regulation requirement
    required require requires certificate auditor report reporting deadline deadlines date due
    day days week weeks give given receive received increase increased total sum amount number
    share ourselves cover covers covered pay paid support supported supports priority
    priorities prioritised prioritized focus purpose aim goal goals scheme schemes grant grants
    available eligible eligibility allowed allow able possible mean means continue continued
    continues end ends ended stop stopped discontinued abolished exist exists existing work
    works working project projects measure measures service services social today
    run runs running operate operates separate hires hire hiring costing normally usually
    extended extend extension renewed renew prolonged
    tomorrow yesterday enough something anything everything someone anyone decision kronene kronen
    decisions vedtak vedtaket avgjorelse beslutning feil problem problemer error errors
    nett nettet publisert publiseres publisere publisering published publish online internett
    internet website websites
    tyder tyde tyda nevnes nevnt nevner nemner nemnt nemnast skrev skreiv skrevet holdt hentet
    henta hentes
    heldt halde endret endres endra endring endringer find found normally usually extended
    extend extension kalenderar kalenderaret calendar
    pluss plus totalsum totalsummen totalbelop totalbelopet gjaldt galdt gjeld applied applies
    ventet venta ventes vente forventet forventa roughly approximately split hittil langt dags
    forfjor
    """
)
FOLLOW_UP = re.compile(
    r"^(og|enn|hva med|hvordan med|and|what about|how about|samme|same|"
    r"hvis|om|men|but|ok|okei|okay|da|sa)\b"
)
# 'med kompetansemidlene i tillegg', 'inkludert kompetansemidler', 'including competence
# funds': the competence money per measure counted in
WITH_COMPETENCE = re.compile(
    r"\b(?:med|inkl\.?|inkludert|medregnet|pluss|plus|including|with|og)\s+"
    r"(?:\w+\s+)?(?:kompetansemid\w*|kompetanseutviklingsmid\w*|kompetansepeng\w*|"
    r"competence (?:funds?|money)|kompetanse)\b"
)
# 'året etter det', 'the year after that', 'året før det': a year next to the one before
YEAR_SHIFT = re.compile(
    r"\b(?:(aret etter (?:det|dette)|aret deretter|the year after(?: that)?|the following year)|"
    r"(aret for (?:det|dette)|aret forut|the year before(?: that)?))\b"
)


# --- operations over figures: a stated figure to check, a difference, what remains ---------
# (issue 10: the question as an operation over a measure; words, not one sentence)

# 'er det riktig at', 'stemmer det at', 'er det rett at' (nynorsk), 'is it true that'
PREMISE = re.compile(
    r"\b(?:stemmer det|stemmer dette|stemmer det at|er det riktig|er det rett|er det sant|"
    r"er det korrekt|riktig at|rett at|korrekt at|sant at|is it true|is it correct|"
    r"is it right|is that right|is that correct|am i right|true that|correct that|"
    r"har jeg rett|har vi rett|rett i at|is it so that)\b"
)
# a yes/no question that states a figure ('får vi 550 000 i år 3?', 'do we get 440,000?')
YES_NO = re.compile(
    r"^(?:og\s+|men\s+|and\s+)?(?:far vi|far kommunen|far man|gir|blir tilskuddet|"
    r"blir det|utgjor|er tilskuddet|er satsen|do we get|will we get|does year|"
    r"is the grant|is the rate|gives? year)\b"
)
# 'hvor mye går tilskuddet ned fra år 1 til år 2', 'forskjellen mellom år 2 og år 4'
DIFFERENCE = re.compile(
    r"\b(?:forskjell\w*|differanse\w*|gar(?:\s+[a-z]+){0,4}?\s+ned|synker|minker|faller|"
    r"reduser\w*|reduksjon\w*|nedgang\w*|avkort\w*|mindre|lavere|endring\w*|endrer|endres|"
    r"gar(?:\s+[a-z]+){0,4}?\s+opp|oker|okning\w*|stiger|hoyere|mer|difference|drop\w*|decreas\w*|reduc\w*|"
    r"falls?|go(?:es)? down|less|change\w*|increas\w*|rises?|go(?:es)? up|more)\b"
)
# 'hvor stor del av', 'hvor stor andel', 'what share of': one figure as a share of another
SHARE_ASK = re.compile(
    r"\b(?:hvor stor (?:del|andel)|kor stor (?:del|andel)|hvor mange prosent|kor mange prosent|"
    r"hvilken (?:del|andel|brokdel)|how (?:large|big) a (?:share|part|fraction)|what (?:share|"
    r"part|fraction|percentage|proportion))\b"
)
# 'vi er i år 3, hva gjenstår', 'resten av perioden', 'what is left from year 2'
REMAINING = re.compile(
    r"\b(?:gjenstar\w*|gjenstaende|resten|resterande|resterende|rest av|gjenverande|"
    r"remaining|remain\w*|left|rest of|ut perioden|fra na av|framover|fremover)\b"
)
THAN = re.compile(r"\b(?:ar|year|aret)\s*\d{1,2}\b.*\b(?:enn|than)\b.*\b(?:ar|year|aret)\s*\d")
GOES_DOWN = re.compile(
    r"\b(?:ned|synker|sank|minker|minket|faller|falt|fell|reduser\w*|reduksjon\w*|nedgang\w*|avkort\w*|mindre|"
    r"lavere|down|drop\w*|decreas\w*|reduc\w*|falls?|less|lower)\b"
)
GOES_UP = re.compile(
    r"\b(?:opp|oker|okte|okt|auka|auke|steg|okning\w*|mer|hoyere|up|increas\w*|rises?|rose|"
    r"grew|more|higher)\b"
)
# a stated figure per position ('550 000 per årsverk', 'per FTE')
PER_UNIT = re.compile(
    rf"(?:per|pr|for hvert|for hver|each|a|an)\.?\s+(?:{POSITION_WORDS}|\w+\s+{POSITION_WORDS})"
)
# words of cost that mark an amount as what a position costs, not a stated figure
COST_WORD = re.compile(r"\b(?:kost\w*|lonn\w*|costs?|salary|salaries|utgift\w*)\b")
# 'ved lik kostnad', 'lønna er den samme', 'the cost stays the same': a cost word stating no cost
SAME_COST = re.compile(
    r"\b(?:(?:lik|likt|samme|uendret|uforandret|same|unchanged|constant)\s+"
    r"(?:kost\w*|lonn\w*|costs?|salary|salaries|utgift\w*)|"
    r"(?:kost\w*|lonn\w*|costs?|salary|salaries|utgift\w*)\s+(?:er\s+|blir\s+|holder seg\s+|"
    r"stays\s+|is\s+|remains\s+|ikke\s+)?(?:lik|likt|den samme|samme|uendret|endres|the same|"
    r"unchanged|constant))\b"
)
_ANY_AMOUNT = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:[ .,]\d{3})+|\d{4,7})(?![\d])(?:\s*(k\b|kr\b|kroner|nok|,-))?"
)
# the ladder's steps: 'fra ett år til det neste', 'hvert år', 'den årlige reduksjonen'
STEP_SPAN = re.compile(
    r"\b(?:fra (?:ett|et|eitt|ei|ett) ar til (?:det )?neste|fra ar til ar|hvert ar|kvart ar|"
    r"per ar|pr\.? ar|arlig\w*|for hvert ar|fra det ene aret til det neste|each year|every year|"
    r"per year|from (?:one|each) year to the next|year (?:to|on|over) year|annual\w*|yearly|"
    r"(?:hvert|each) (?:trinn|steg|step)|trinnene|stegene|the steps)\b"
)
STEP_CHANGE = re.compile(r"\b(?:trapp\w*|nedtrapp\w*|step\w*|trinn\w*|steg)\b")
# 'år 1, 2 og 3', 'år 2 og år 3', 'years 1 and 3': a list of grant years (not 'fra år 1 til 3')
_YEAR_LIST = re.compile(
    r"(?<!mellom )(?<!between )(?<!fra )(?<!from )\b(?:ar|arene|year|years)\s*(\d{1,2})"
    r"((?:\s*(?:,|\bog\b|\band\b|&|\+)\s*(?:(?:ar|year)\s*)?\d{1,2}\b"
    rf"(?!\s*(?:%|prosent|[.,]\d|\d|{POSITION_WORDS}|ar\b|years?\b)))+)"
)
# 'de tre første årene', 'the first two years', 'etter tre år': grant years 1..n
_FIRST_YEARS = re.compile(
    r"\b(?:(?:de|dei|the)\s+(\w+)\s+(?:forste|first)\s+(?:arene|ara|years)|"
    r"(?:de|dei|the)\s+(?:forste|first)\s+(\w+)\s+(?:arene|ara|years)|"
    r"(?:forste|first)\s+(\w+)\s+(?:grant\s+|tilskudds|tilskots)?(?:ar|arene|ara|years))\b"
)
# 'samlet lønnskostnad', 'koster til sammen', 'the total cost': the cost of all positions
COST_FOR_ALL = re.compile(
    r"\b(?:(?:samlet|samla|samlede|total\w*|til sammen|tilsammen|i alt|sammenlagt)\s+"
    r"(?:\w+\s+)?(?:lonn\w*|kostnad\w*|kost\b|utgift\w*|costs?|salary|salaries|budsjett\w*)|"
    r"(?:koster|kostar|costs?|cost us)\s+(?:oss\s+|us\s+)?(?:til sammen|tilsammen|totalt|samlet|"
    r"samla|i alt|in total|altogether)|"
    r"(?:lonn\w*|kostnad\w*|costs?|salary)\s+(?:for|til|of)\s+(?:begge|alle|both|all)\b|"
    r"(?:kost\w*|lonn\w*|utgift\w*|costs?)\s+(?:[a-z]+\s+){0,2}?[\d][\d .,]*\s*"
    r"(?:mill\w*|k\b|kr\.?|kroner|nok|,-)?\s*(?:til sammen|tilsammen|totalt|samlet|samla|i alt|"
    r"in total|altogether|for begge|for alle|for both|for all))"
)
# 'samlet kostnad per årsverk', '800 000 kr hver': a cost per position after all
COST_PER_UNIT = re.compile(
    rf"(?:(?:\d|kr|kroner|nok)\.?\s*|(?:kost\w*|lonn\w*|utgift\w*|costs?|salary)\s+)"
    rf"(?:per|pr\.?|hver|for hver\w*|each|a)\s+(?:100\s*%\s*)?(?:{POSITION_WORDS})|"
    r"\b(?:hver|each|apiece)\b"
)
# 'en 80 %-stilling', 'ei halv stilling', 'a 40% position': one position that is a share of a
# whole one, so a cost stated for it is what that position costs
SHARE_OF_ONE = re.compile(
    r"\b(?:en|ein|ei|et|eit|a|an|one)\s+(?:\d{1,3}(?:[.,]\d+)?\s*(?:%|prosent|percent)[\s-]*|"
    r"halv\w*\s+|half(?:-time)?\s+|part-time\s+)(?:[a-z-]+\s+)?"
    r"(?:stilling\w*|positions?|posts?|jobs?|arsverk\w*)"
)
# 'full stilling koster', 'et årsverk koster', 'årsverket koster', 'a full-time position costs':
# a cost stated for a whole position
COST_OF_WHOLE = re.compile(
    r"\b(?:(?:full|fullt|hel|heil|helt|heilt|100\s*%)[\s-]*(?:stilling\w*|arsverk\w*)|"
    r"(?:et|ett|eitt|ein|one|an?)\s+(?:arsverk|fte)\b|arsverket|arsverka?\s+(?:koster|kostar)|"
    r"full[- ]time\s+(?:positions?|posts?|jobs?|equivalents?)|whole\s+(?:positions?|fte))"
)
# 'kun lønn', 'salary only', 'bare lønn': the cap for positions, no measure money
SALARY_ONLY = re.compile(
    r"\b(?:(?:kun|bare|berre|only|just)\s+(?:til\s+|for\s+)?(?:lonn\w*|salary|salaries|pay)|"
    r"(?:lonn\w*|salary|salaries|pay)\s+only|uten tiltak\w*|without (?:a )?measures?)\b"
)
# 'få til lønn', 'i lønnsmidler', 'salary funding': the money asked for is pay, not competence
SALARY_ASK = re.compile(
    r"\b(?:(?:til|i|for|in|on)\s+lonn(?:en|a)?\b(?!\s+og\s+kompetanse)|lonnsmid\w*|"
    r"lonnstilskudd\w*|salary (?:funding|money|grants?)|for (?:the )?salar(?:y|ies)\b)"
)
# 'samme tiltak', 'the same measure': the words of the cap rule's duration
SAME_MEASURE = re.compile(r"\b(?:samme|same)\s+(?:tiltak|tiltaket|measure|project)\b")
# the year a position first got a grant: 'fikk tilskudd første gang i 2019', 'første
# tilskuddsår var 2020', 'startet med tilskudd i 2018', 'som startet i 2021', 'started in 2019'
_START_YEAR = re.compile(
    r"\b(?:(?:forste|first)\s+(?:[a-z]+\s+){0,3}?"
    r"(?:gang|tilskudd\w*|tilskot\w*|tilskuddsar\w*|time|grant\w*|year|funded|financed)"
    r"(?:\s+[a-z]+){0,8}?\s+(?:i|var|er|was|in|fra|from)?\s*((?:19|20)\d{2})|"
    r"(?:startet|starta|starte|begynte|begynt|oppstart\w*|opprettet|oppretta|started|began|"
    r"begun|set up|established)(?:\s+[a-z]+){0,6}?\s+(?:i|in|fra|from|ar|aret)\s+"
    r"((?:19|20)\d{2})|"
    # 'fikk rusarbeidstilskudd fra 2017', 'got a grant from 2019' (not 'fra 2016 til 2020')
    r"(?:fikk|got|received)\s+(?:[a-z-]+\s+){0,3}?"
    r"[a-z-]*(?:tilskudd\w*|tilskot\w*|grants?)\s+(?:fra|from)\s+(?:og med\s+)?"
    r"((?:19|20)\d{2})(?!\s*(?:til|to|-|–|og|and)\s*\d))(?![\d])"
)
# 'hva kan en stilling maksimalt få', 'the most it can get': a figure asked for
MOST_ASK = re.compile(r"\b(?:maks\w*|maximum|max|mest|most|inntil|up to)\b")
# 'tilskuddsforvaltning', 'grant administration': the money an office administers
GRANT_ADMINISTRATION = re.compile(r"\b(?:tilskuddsforvaltning\w*|grant[ -]administration)\b")
# 'fikk første tilskudd i fjor', 'startet i forfjor', 'started last year': a relative start
_START_RELATIVE = re.compile(
    r"\b(?:(?:forste|first)\s+(?:[a-z]+\s+){0,3}?(?:tilskudd\w*|tilskot\w*|grant\w*|gang|time)"
    r"|startet|starta|begynte|started|began|fikk tilskudd|got (?:a |our first )?grant)"
    r"(?:\s+[a-z]+){0,4}?\s+"
    r"(?:(i forfjor|the year before last)|i fjor|ifjor|forrige ar|last year)\b"
)
# 'hittil', 'så langt', 'so far', 'to date': up to this year
SO_FAR = re.compile(r"\b(?:hittil|sa langt|til na|til no|so far|to date|til dags dato)\b")
# 'til og med 2022', 'through 2022', 'fram til 2022': the last of the calendar years counted
THROUGH_YEAR = re.compile(
    r"\b(?:til og med|tom|t\.o\.m\.?|fram til|frem til|fram til og med|through|up to and "
    r"including|up to|until|to and including)\s+(?:utgangen av\s+|the end of\s+)?((?:19|20)\d{2})\b"
)
# 'i fjor', 'neste år', 'i år' (not 'i år 3'): a calendar year relative to today
RELATIVE_YEAR = re.compile(
    r"\b(?:(i fjor|ifjor|last year|forrige ar)|(neste ar|next year|til neste ar|naste ar)|"
    r"(i ar|this year|dette aret|inneverende ar))\b(?!\s*(?:\d|nr|nummer|" + ORD_WORD + r")\b)"
)
# a rate asked for ('med hvilken sats', 'the rate'): a rule, not an appropriation
# 'og året etter det?': the year after the one the previous question was about
RATE_ASK = re.compile(r"\b(?:sats\w*|rates?|per arsverk|per stilling|per fte)\b")
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
    "through until including inkludert fram frem utgangen funded financed"
)
# the words these patterns use, part of the vocabulary
OPERATION_WORDS = _wordset(
    "stemmer riktig rett sant korrekt true correct right gjenstar gjenstaende resten "
    "resterande resterende gjenverande remaining remain remains left forskjell forskjellen "
    "differanse differansen synker minker faller reduseres reduksjon reduksjonen nedgang "
    "nedgangen endring endringen difference drop drops decrease decreases reduced falls "
    "mindre lavere ned opp oker okning hoyere lower higher less more up down enn than endres "
    "trekkes trekke trekker trekk fratrukket deducted deduct subtracted igjen"
)
# words of what a figure is measured against (costs, pay), everyday words in figure questions
MEASURE_WORDS = _wordset(
    "kostnad kostnader kostnaden kostnadene koster kostar lonn lonna lonnen lonnskostnad "
    "lonnskostnader utgift utgifter utgiftene budsjett budsjettet salary wage wages cost"
)


def stated_amounts(folded: str) -> list[tuple[int, int]]:
    """Return (position in the text, kroner) of every amount of money a text states."""
    out: list[tuple[int, int]] = []
    for m in _ANY_AMOUNT.finditer(folded):
        digits = m.group(1)
        start = m.start()
        lead = _GRANT_YEAR_LEAD.search(folded[: m.start()])
        if lead and re.match(r"\d{1,2} \d{3}", digits):
            # 'år 2 550 000': the grant year, then the amount
            head, digits = digits.split(" ", 1)
            start += len(head) + 1
        value = int(_GROUPING.sub("", digits))
        if m.group(2) == "k":
            value *= 1000
        if 1990 <= value <= 2099 and m.group(2) is None:
            continue
        if value >= 1000:
            out.append((start, value))
    return out


_GRANT_YEAR_LEAD = re.compile(r"\b(?:ar|year|aret)\s*$")
_GROUPING = re.compile(r"[ .,]")


def read_operation(u: Understanding) -> None:
    """Read the operation a figure question asks for into the slots.

    A stated figure the question asks to confirm ('stemmer det at år 3 gir 550 000?') is
    ``stated`` (with ``stated_per`` when it is per position), not a cost; two grant years
    with a word of change ('går ned fra år 1 til år 2') ask for the ``difference``; a grant
    year with a word of what is left ('vi er i år 3, hva gjenstår?') for the ``remaining``
    years.
    """
    f, s = u.folded, u.slots
    if PREMISE.search(f) or YES_NO.search(f):
        amounts = stated_amounts(f)
        masked = SALARY_ONLY.sub(lambda m: " " * len(m.group()), f)  # 'bare lønn' states no cost
        cost = COST_WORD.search(SAME_COST.sub(lambda m: " " * len(m.group()), masked))
        if cost and len(amounts) >= 2:
            after = [a for a in amounts if a[0] > cost.start()]
            cost_at, cost_value = after[0] if after else amounts[-1]
            s["cost"] = cost_value
            amounts = [a for a in amounts if a[0] != cost_at]
        elif amounts and not cost:
            s.pop("cost", None)
        elif amounts:
            amounts = []
        if amounts:
            at, value = amounts[0]
            s["stated"] = value
            if PER_UNIT.match(_KRONER_TAIL.sub("", f[at:], count=1)):
                s["stated_per"] = True
        elif int(s.get("duration") or 0) > 0 and "cost" not in s:
            # 'stemmer det at stigen går over tre år?': a stated number of grant years
            s["stated_years"] = s.pop("duration")
    years = extract_grant_years(f)
    if len(years) >= 2 and SHARE_ASK.search(f) and years[0] != years[1]:
        # 'hvor stor del av satsen for år 1 gis det siste året?': the second as a share of the
        # first (-1, the last grant year, is resolved against the ladder)
        s["operation"] = "ratio"
        s["grant_year"], s["grant_year_to"] = years[0], years[1]
    elif len(years) >= 2 and min(years) > 0 and DIFFERENCE.search(f):
        s["operation"] = "difference"
        # 'fra år 1 til år 2' changes from the first; 'mindre i år 4 enn i år 1' from the second
        first, second = years[0], years[1]
        if THAN.search(f):
            first, second = second, first
        s["grant_year"], s["grant_year_to"] = first, second
        if GOES_DOWN.search(f):
            s["direction"] = "down"
        elif GOES_UP.search(f):
            s["direction"] = "up"
    elif (
        "grant_year" in s
        and "grant_year_to" not in s
        and REMAINING.search(f)
        and not re.search(r"\b(?:kompetanse\w*|competence)\b", f)
    ):
        # (what is left of year 1 after the competence money is the year-1 amount itself)
        s["operation"] = "remaining"
    elif (
        "year_rel" in s
        and "year" not in s
        and "year_from" not in s
        and "grant_year" not in s
        and DIFFERENCE.search(f)
        and re.search(r"\b(?:enn|than)\b", f)
    ):
        # 'hvor mye mindre er det enn i år?': the year before against this one (the previous
        # question's year comes from the chat)
        s["operation"] = "difference"
    elif (
        "start_year" in s
        and "year_from" in s
        and "grant_year" not in s
        and DIFFERENCE.search(f)
        and not COST_WORD.search(f)
    ):
        # 'hvor mye mindre får vi i 2023 enn i 2022, med første tilskudd i 2021?'
        s["operation"] = "difference"
        if GOES_DOWN.search(f):
            s["direction"] = "down"
        elif GOES_UP.search(f):
            s["direction"] = "up"


_KRONER_TAIL = re.compile(r"^[\d .,]+\s*(?:k\b|kr\.?|kroner|nok|,-)?\s*")


def read_ladder_operation(u: Understanding) -> None:
    """Read the ladder readings that need no stated figure into the slots.

    A word of change with a word of each year ('trappes ned fra ett år til det neste', 'hvor
    mye reduseres tilskuddet hvert år') asks for the ``steps`` between consecutive grant
    years; a cost 'samlet' or 'til sammen' is the cost of all the positions
    (``cost_for_all``); 'kun lønn' asks for the cap for positions without measures.
    """
    f, s = u.folded, u.slots
    if (
        "operation" not in s
        and "grant_year_to" not in s
        and (
            (STEP_SPAN.search(f) and (STEP_CHANGE.search(f) or DIFFERENCE.search(f)))
            # 'hvor mye trappes tilskuddet ned?': no year named, so the ladder's own steps
            or (STEP_CHANGE.search(f) and AMOUNT_ASK.search(f) and not _YEAR.search(f))
        )
    ):
        s["operation"] = "steps"
        if GOES_DOWN.search(f):
            s["direction"] = "down"
        elif GOES_UP.search(f):
            s["direction"] = "up"
    if "cost" in s and COST_FOR_ALL.search(f) and not COST_PER_UNIT.search(f):
        s["cost_for_all"] = True
    shares = count_of_shares(f)
    each = re.search(r"\b(?:hver|each|apiece)\b", f) or re.search(r"\bkvar\b", u.text.lower())
    if shares and "cost" in s and not s.get("cost_for_all") and each:
        # 'to stillinger på 50 % som koster 300 000 kr hver': the cost of each such position
        s["cost"] = shares[0] * int(s["cost"])
        s["cost_for_all"] = True
    positions = s.get("positions")
    if (
        "cost" in s
        and isinstance(positions, Fraction)
        and positions < 1
        and SHARE_OF_ONE.search(f)
        and not COST_OF_WHOLE.search(f)
        and not COST_PER_UNIT.search(f)
    ):
        # 'en 80 %-stilling koster 560 000': the cost of that share of a position
        s["cost_for_all"] = True
    if SALARY_ONLY.search(f) or (SALARY_ASK.search(f) and not WITH_COMPETENCE.search(f)):
        s["measures"] = 0


def extract_grant_year_list(folded: str) -> list[int] | None:
    """Read a list of grant years: 'år 1, 2 og 3', 'år 2 og år 3', 'years 1 and 4'."""
    m = _YEAR_LIST.search(folded)
    if not m:
        return None
    values = [int(m.group(1)), *(int(v) for v in re.findall(r"\d{1,2}", m.group(2)))]
    unique = sorted(set(values))
    return unique if len(unique) >= 2 and min(unique) > 0 else None


# 'år 1 til 3', 'years 1 to 3', 'tilskuddsårene 2–4': a span of grant years without 'fra'
_YEAR_SPAN = re.compile(
    r"\b(?:ar|arene|ara|year|years|tilskuddsar\w*|tilskotsar\w*)\s*(\d{1,2})\s*"
    r"(?:til|to|through|-|–)\s*(?:(?:ar|year)\s*)?(\d{1,2})\b"
    rf"(?!\s*(?:%|prosent|[.,]\d|{POSITION_WORDS}|ar\b|years?\b))"
)
# 'de to siste årene', 'the last two grant years', 'dei to siste tilskotsåra': the ladder's end
_LAST_YEARS = re.compile(
    r"\b(?:(?:de|dei|the)\s+(\w+)\s+(?:siste|last|final)|(?:de|dei|the)\s+(?:siste|last|final)"
    r"\s+(\w+))\s+(?:\w+\s+)?(?:arene|ara|years|tilskuddsarene|tilskotsara|aar)\b"
)


def _has_place(slots: dict[str, object]) -> bool:
    """Tell whether the slots name a municipality, group or place."""
    return any(k in slots for k in ("municipality", "group", "place"))


def extract_year_span(folded: str) -> tuple[int, int] | None:
    """Read 'år 1 til 3', 'years 1 to 3': the first and last grant year of a span."""
    m = _YEAR_SPAN.search(folded)
    if not m:
        return None
    first, last = int(m.group(1)), int(m.group(2))
    return (first, last) if 0 < first < last <= 9 else None


def extract_last_years(folded: str) -> int | None:
    """Read 'de to siste årene', 'the last two years': how many grant years up to the last."""
    m = _LAST_YEARS.search(folded)
    if not m:
        return None
    word = next(g for g in m.groups() if g is not None)
    value = int(word) if word.isdigit() else NUMBER_WORDS.get(word)
    if isinstance(value, int) and 2 <= value <= 9:
        return value
    return None


def extract_first_years(folded: str) -> int | None:
    """Read 'de tre første årene', 'the first two years': how many grant years from year 1."""
    m = _FIRST_YEARS.search(folded)
    if not m:
        return None
    word = next(g for g in m.groups() if g is not None)
    value = int(word) if word.isdigit() else NUMBER_WORDS.get(word)
    if isinstance(value, int) and 1 <= value <= 9:
        return value
    return None


_COUNT_OF_YEARS = r"(\d|to|tre|fire|fem|seks|two|three|four|five|six)"
# 'over tre år', 'i alle tre åra', 'over the maximum three years', 'for 2 years': how many
# years a figure is summed over, from the grant year named (or year 1)
_DURATION = re.compile(
    r"\b(?:(?:over|gjennom|across|during)\s+(?:(?:alle|all|hele|heile)\s+)?(?:(?:de|dei|the)\s+)?"
    r"|(?:i|for|in)\s+(?:(?:alle|all)\s+(?:(?:de|dei|the)\s+)?)?|(?:alle|all)\s+(?:(?:de|dei|the)\s+)?)"
    r"(?:(?:maksimalt|maksimale|maksimum|maximum|max|inntil|opptil|up to|at most|mulige|"
    r"possible)\s+)?"
    rf"{_COUNT_OF_YEARS}\s+(?:ar|arene|ara|years?)\b(?!\s*(?:\d|til\s+\d|to\s+\d|-|–))"
)
# 'så lenge som mulig', 'over hele fireårsperioden', 'that whole period': every year the rules
# allow (a count in the words, 'fireårsperioden', is that many years)
_DURATION_MAX = re.compile(
    r"\b(?:sa lenge som mulig|sa lenge det gar|lengst mulig|as long as possible|"
    r"(?:(?:over|i|gjennom|for|across|during)\s+)?(?:hele|heile|(?:that|the|this)\s+(?:whole|entire|full))"
    r"\s+(?:(\w+?)ars?periode\w*|tilskuddsperiode\w*|tilskotsperiode\w*|perioden|period)|"
    r"(?:the\s+)?maximum\s+(?:period|duration)|maksimal\w*\s+(?:periode|varighet))\b"
)


def extract_duration(folded: str) -> int | None:
    """Read how many years a figure runs over: 'over tre år' (3), 'så lenge som mulig' (-1)."""
    m = _DURATION.search(folded)
    if m:
        word = m.group(1)
        value = int(word) if word.isdigit() else NUMBER_WORDS.get(word)
        return value if isinstance(value, int) and 1 < value <= 9 else None
    m = _DURATION_MAX.search(folded)
    if m:
        value = NUMBER_WORDS.get(m.group(1) or "")
        return value if isinstance(value, int) and 1 < value <= 9 else -1
    return None


def extract_start_years(folded: str) -> list[tuple[int, tuple[int, int]]]:
    """Read each year positions first got a grant, with the span of the words that say so."""
    return [
        (int(next(g for g in m.groups() if g is not None)), m.span())
        for m in _START_YEAR.finditer(folded)
    ]


def relative_year(folded: str) -> int | None:
    """Read 'i fjor' (-1), 'i år' (0), 'neste år' (+1): a year relative to today."""
    m = RELATIVE_YEAR.search(folded)
    if not m:
        return None
    return -1 if m.group(1) else (1 if m.group(2) else 0)


def _question_words(lex: Lexicon) -> set[str]:
    """Return the words any question may use: function, everyday, trigger, slot words,
    places and offices."""
    words: set[str] = set(FUNCTION_WORDS | EVERYDAY_WORDS | SLOT_WORDS | OPERATION_WORDS)
    words |= MEASURE_WORDS | LADDER_WORDS | lex.everyday
    words |= set(CONCEPTS) | set(ORDINALS) | set(NUMBER_WORDS) | set(MONTHS) | lex.place_tokens
    for phrases in TRIGGERS.values():
        for phrase, _weight in phrases:
            words.update(WORD.findall(phrase))
    for name in lex.offices:
        words.update(WORD.findall(name))
    return words


@dataclass(frozen=True)
class WordSet:
    """Words a question may use, with their stems' prefixes for inflected and compound forms."""

    words: frozenset[str]
    prefixes: frozenset[str]
    others: frozenset[str] = frozenset()

    @classmethod
    def of(cls, words: set[str], others: set[str] | None = None) -> WordSet:
        """Index a set of folded words; ``others`` name what belongs to other schemes."""
        prefixes = {w[:n] for w in words for n in range(4, min(len(w), 7) + 1)}
        return cls(frozenset(words), frozenset(prefixes), frozenset(others or ()))

    def own(self, token: str) -> bool:
        """Tell whether a token is one of the words, inflected, or a word's stem."""
        if token in self.others or any(
            token.endswith(e) and token[: -len(e)] in self.others for e in ENDINGS
        ):
            return False
        if token in self.words or token.isdigit() or len(token) < 4:
            return True
        return self._inflected(token) or self._compound(token)

    def _inflected(self, token: str) -> bool:
        """Tell whether a token is one of the words with an ending, or shares a word's stem."""
        for ending in ENDINGS:
            if token.endswith(ending) and token[: -len(ending)] in self.words:
                return True
        return len(token) >= 4 and _stem(token) in self.prefixes

    def _compound(self, token: str) -> bool:
        """Tell whether a token is two of the words joined ('rus' + 'tjenesten')."""
        for i in range(3, len(token) - 3):
            left, right = token[:i], token[i:]
            if left not in self.words and not (len(left) >= 4 and left in self.prefixes):
                continue
            if right in self.words or self._inflected(right):
                return True
            if right[0] in "se" and (right[1:] in self.words or self._inflected(right[1:])):
                return True
        return False


def deadline_scheme_words(kb: KnowledgeBase, lex: Lexicon) -> WordSet:
    """Return the words a deadline question may use without naming another thing.

    The question words, and what the deadlines themselves say (their notes and raw text).
    """
    words = _question_words(lex)
    for entry in kb.deadlines():
        d = entry.deadline
        for text in (d.raw, d.note or "", d.text or ""):
            words.update(WORD.findall(fold(text)))
    return WordSet.of(words)


def rule_scheme_words(kb: KnowledgeBase, lex: Lexicon) -> WordSet:
    """Return the words a figure question may use without naming another thing.

    The question words, and every word the schemes a figure question defaults to (those
    with a ladder) and their FAQ entries use.
    """
    words = _question_words(lex)
    texts: list[str] = []
    defaults = [sid for sid, sc in kb.schemes.items() if any(r.kind == "ladder" for r in sc.rules)]
    for sid, scheme in kb.schemes.items():
        if sid not in defaults:
            continue
        texts += [*scheme.names.all(), *(f.text for f in scheme.facts)]
        texts += [f.text_en or "" for f in scheme.facts]
        texts += [r.text for r in scheme.rules] + [r.text_en or "" for r in scheme.rules]
        texts += [e.question for e in kb.faq.values() if e.scheme == sid]
        texts += [a for e in kb.faq.values() if e.scheme == sid for a in e.aliases]
    for text in texts:
        words.update(WORD.findall(fold(text)))
    common = set(FUNCTION_WORDS | EVERYDAY_WORDS | OPERATION_WORDS | MEASURE_WORDS | SLOT_WORDS)
    common |= LADDER_WORDS
    return WordSet.of(words, other_scheme_words(kb, defaults, common))


# What a scheme is for: words of these topics are its own target groups and fields.
OWN_TOPICS = ("purpose", "target_group", "funds", "priorities", "who_may_apply")


def other_scheme_words(kb: KnowledgeBase, defaults: list[str], common: set[str]) -> set[str]:
    """Return the words that name other schemes' target groups and fields ('barn', 'psykisk').

    The words of other schemes' names that neither the default schemes' names nor what they
    are for (purpose, target group, what they fund, priorities, who may apply) use: a figure
    question using one is about another scheme, even when the name is not given in full.
    """
    own: set[str] = set(common)
    for sid in defaults:
        scheme = kb.schemes[sid]
        texts = [*scheme.names.all()]
        texts += [f.text for f in scheme.facts if f.topic.value in OWN_TOPICS]
        texts += [f.text_en or "" for f in scheme.facts if f.topic.value in OWN_TOPICS]
        texts += [r.text for r in scheme.rules] + [r.text_en or "" for r in scheme.rules]
        texts += [q for e in kb.faq.values() if e.scheme == sid for q in (e.question, *e.aliases)]
        for text in texts:
            own.update(WORD.findall(fold(text)))
    others: set[str] = set()
    for sid, scheme in kb.schemes.items():
        if sid in defaults:
            continue
        for name in scheme.names.all():
            for token in WORD.findall(fold(name)):
                if (
                    len(token) >= 4
                    and token.isalpha()
                    and not token.startswith(GRANT_WORDS)
                    and token not in ORGANISATION_WORDS
                ):
                    others.add(token)
    own_stems = {_stem(o) for o in own}
    return {w for w in others if w not in own and _stem(w) not in own_stems}


def other_thing(u: Understanding, words: WordSet) -> str | None:
    """Return what a question names that no scheme with rates speaks of ('ungdomstiltak').

    A figure may only come from the scheme asked about: a question naming such a thing must
    not be answered from the default scheme. The words are given as the user wrote them.
    """
    # a number however written ('1e308', '3/0') is a quantity for the quantity reader, not a thing
    foreign = [
        t for t in WORD.findall(u.folded) if not words.own(t) and not any(c.isdigit() for c in t)
    ]
    if not foreign:
        return None
    originals = [w for w in re.findall(r"[\wæøåÆØÅ-]+", u.text) if fold(w) in foreign]
    return " ".join(originals or foreign)


# A look-up document: key, scheme, terms, years, and whether it states a limit.
Doc = tuple[str, str | None, frozenset[str], YearRange, bool]
# A look-up passage: key, scheme, terms, norm, years, and whether it states a limit.
Passage = tuple[str, str | None, frozenset[str], float, YearRange, bool]


@dataclass
class Understanding:
    """What a question asks: intent, slots, scheme, language and confidence."""

    text: str
    folded: str
    lang: str
    intent: str
    confidence: float
    scheme: str | None = None
    slots: dict[str, Any] = field(default_factory=dict)
    scores: dict[str, float] = field(default_factory=dict)
    schemes_mentioned: list[str] = field(default_factory=list)
    ambiguous_schemes: list[str] = field(default_factory=list)
    follow_up: bool = False
    truncated: bool = False
    faq: str | None = None
    unknown: list[str] = field(default_factory=list)
    weak_scheme: bool = False
    passage: str | None = None
    passage_score: float = 0.0
    passages: list[tuple[str, float]] = field(default_factory=list)
    passage_strong: bool = False
    passage_limit: bool = False
    implicit: set[str] = field(default_factory=set)
    trigger_top: float = 0.0
    trigger_intent: str | None = None
    thing: str | None = None
    deadline_thing: str | None = None


def names_a_grant(u: Understanding) -> bool:
    """Whether a question firmly names a scheme other than the framework increases.

    'Hvor mye fikk Arendal i tilskudd til NAV-kontoret?' asks for a grant, not the framework.
    """
    return u.scheme not in (None, FRAMEWORK_SCHEME) and (
        not u.weak_scheme or GRANT_WORD.search(u.folded) is not None
    )


class Lexicon:
    """What the knowledge base names and says, folded for matching.

    Scheme names, places, counties, offices, statistics columns, the vocabulary with its
    typo corrections, and the look-up passages (FAQ questions, fact sentences, rules in
    words) with their idf weights.
    """

    def __init__(self, kb: KnowledgeBase) -> None:
        """Index the names, the vocabulary and the look-up passages once."""
        self.scheme_names: dict[str, str] = {}
        for sid, scheme in kb.schemes.items():
            for name in scheme.names.all():
                self.scheme_names[fold(name)] = sid
        # Every name as tokens, indexed by its first token, longest first; the last token
        # may be inflected ('fastlegen').
        self.names_by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for name in self.scheme_names:
            name_tokens = tuple(WORD.findall(name))
            if name_tokens:
                self.names_by_first.setdefault(name_tokens[0], []).append((name_tokens, name))
        for entries in self.names_by_first.values():
            entries.sort(key=lambda entry: -len(" ".join(entry[0])))
        self.budget_refs: dict[tuple[str, str], list[str]] = {}
        self.budget_years: dict[tuple[str, str, str], YearRange] = {}
        for sid, scheme in kb.schemes.items():
            for b in scheme.budget:
                self.budget_refs.setdefault((b.chapter.lstrip("0"), b.post), []).append(sid)
                self.budget_years[(sid, b.chapter.lstrip("0"), b.post)] = b.years
        # Words of scheme names, for abbreviations ('rusarb.' for 'rusarbeid').
        self.name_words = sorted(
            {t for n in self.scheme_names for t in WORD.findall(n) if len(t) >= 6 and t.isalpha()}
        )
        # Content words of the longer names, for names given with other words in between.
        # A name of one content word and a grant word ('voksne-ordningen', 'adults scheme')
        # also matches that word with another grant word ('voksne-tilskuddet', 'adults grant').
        self.scheme_content: dict[str, frozenset[str]] = {}
        for name in self.scheme_names:
            tokens = WORD.findall(name)
            content = frozenset(
                _stem(t)
                for t in tokens
                if t not in FUNCTION_WORDS and not t.startswith(GRANT_WORDS) and not t.isdigit()
            )
            single = next(iter(content)) if len(content) == 1 else ""
            if (
                len(single) >= 4
                and single not in EVERYDAY_WORDS
                and any(t.startswith(GRANT_WORDS) for t in tokens)
            ):
                content = content | {GRANT_STEM}
            if len(content) >= 2:
                self.scheme_content[name] = content
        self.municipalities: dict[str, str] = {
            fold(m.name): num for num, m in kb.municipalities.items()
        }
        self.municipality_numbers = set(kb.municipalities)
        self.counties: dict[str, str] = {}
        stats = kb.tables.get("nav-sosialtjenestetall")
        if stats is not None:
            for row in stats.rows:
                if row.county:
                    self.counties[
                        fold(row.label.split(" ", 1)[-1] if row.label[:2].isdigit() else row.label)
                    ] = row.county
        self.offices: dict[str, str] = {}
        for office in kb.offices.values():
            for alias in [office.name, *office.aliases]:
                self.offices[fold(alias)] = office.id
        self.place_tokens = frozenset(
            t
            for name in [*self.municipalities, *self.counties, *GROUPS, "kommune", "fylke"]
            for t in WORD.findall(name)
        )
        self.office_names = sorted(
            (n for n in self.offices if len(n.split()) >= 2), key=len, reverse=True
        )
        self.years = sorted(
            {d.deadline.year for d in kb.deadlines()} | {t.years.first for t in kb.tables.values()}
        )
        # Every word the knowledge base, the triggers and plain function words use: a question
        # word outside it (and not an inflection or compound of known words) is either a typo,
        # corrected to the nearest known word, or a topic the knowledge base does not hold.
        words: set[str] = set(FUNCTION_WORDS | EVERYDAY_WORDS | set(CONCEPTS) | set(COLUMN_WORDS))
        # everyday words a caseworker may add in words.yaml (language: everyday)
        self.everyday = frozenset(
            w for p in (kb.language.everyday if kb.language else []) for w in WORD.findall(fold(p))
        )
        words |= self.everyday
        prefixes: set[str] = set()
        for text in _strings(kb):
            words.update(WORD.findall(fold(text)))
        for phrases in TRIGGERS.values():
            for phrase, _weight in phrases:
                tokens = WORD.findall(phrase)
                if phrase.endswith("*") and tokens:
                    prefixes.add(tokens[-1])
                    tokens = tokens[:-1]
                words.update(tokens)
        for table in (
            ORDINALS,
            NUMBER_WORDS,
            MONTHS,
            SLOT_WORDS,
            OPERATION_WORDS,
            MEASURE_WORDS,
            LADDER_WORDS,
        ):
            words.update(WORD.findall(" ".join(table)))
        self.vocab = frozenset(words)
        # places outside the tables, by folded name: never corrected into a table municipality
        language = kb.language
        self.other_places = frozenset(fold(p) for p in (language.places if language else []))
        # The statistics table's columns, by the words of their labels and definitions.
        self.columns: list[tuple[str, frozenset[str]]] = []
        stats_table = kb.tables.get("nav-sosialtjenestetall")
        if stats_table is not None:
            for column in stats_table.columns:
                text = fold(f"{column.label} {column.definition}")
                self.columns.append((column.id, self.column_terms(text)))
        column_df: dict[str, int] = {}
        for _cid, col_terms in self.columns:
            for term in col_terms:
                column_df[term] = column_df.get(term, 0) + 1
        self.column_idf = {t: math.log((len(self.columns) + 1) / n) for t, n in column_df.items()}
        # Look-up passages: FAQ questions (with aliases), facts (sentence by sentence, with a
        # tag for the topics a concept names) and rules stated in words.
        self.needles_by_first: dict[str, list[str]] = {}
        for needle in {_needle(n) for n in self.scheme_names}:
            self.needles_by_first.setdefault(needle.split()[0], []).append(needle)
        docs: list[Doc] = []
        docs_en: list[Doc] = []
        extra: list[Doc] = []
        extra_en: list[Doc] = []
        self.passage_intent: dict[str, str] = {}
        for entry in kb.faq.values():
            for q in [entry.question, *entry.aliases]:
                docs.append(
                    (f"faq:{entry.id}", entry.scheme, self.terms(fold(q)), entry.years, False)
                )
        for sid, scheme in kb.schemes.items():
            for i, fact in enumerate(scheme.facts):
                key = f"fact:{sid}:{i}"
                tag = TOPIC_CONCEPTS.get(fact.topic.value)
                # the English text too, for English questions only
                for text, into, led in (
                    (fact.text, docs, extra),
                    (fact.text_en or "", docs_en, extra_en),
                ):
                    for part, whole in self.sentences(text):
                        terms = self.terms(fold(part)) | ({tag} if tag else set())
                        limit = bool(LIMITED.search(fold(part)))
                        # a sentence read whole is searched, but not counted in the idf
                        (led if whole else into).append((key, sid, terms, fact.years, limit))
                if fact.topic.value in TOPIC_INTENTS:
                    self.passage_intent[key] = TOPIC_INTENTS[fact.topic.value]
            for rule in scheme.rules:
                if isinstance(rule, TextRule):
                    key = f"rule:{sid}:{rule.id}"
                    for part in SENTENCE.split(rule.text):
                        terms = self.terms(fold(part))
                        docs.append((key, sid, terms, rule.years, False))
                    for part in SENTENCE.split(rule.text_en or ""):
                        docs_en.append((key, sid, self.terms(fold(part)), rule.years, False))
        self.idf, self.unseen_idf, self.passages = self.index(docs, extra)
        self.key_terms: dict[str, frozenset[str]] = {}
        for key, _sid, terms, _years, _limit in [*docs, *docs_en]:
            self.key_terms[key] = self.key_terms.get(key, frozenset()) | terms
        # an English question is looked up in the Norwegian and the English texts together
        self.idf_en, self.unseen_idf_en, self.passages_en = self.index(
            [*docs, *docs_en], [*extra, *extra_en]
        )
        self._prefixes = tuple(sorted(p for p in prefixes if len(p) >= 4))
        self._choices = sorted(w for w in words if len(w) >= MIN_CORRECTABLE and w.isalpha())
        self._known: dict[str, bool] = {}
        self._compounds: dict[str, tuple[str, str]] = {}
        self._swaps: dict[str, str] = {}
        self._corrections: dict[str, str | None] = {}

    def budget_year(self, folded: str, schemes: list[str]) -> int | None:
        """Return the one year a cited chapter and post of a named scheme is given for."""
        for m in BUDGET_REF.finditer(folded):
            for sid in schemes:
                years = self.budget_years.get((sid, m.group(1).lstrip("0"), m.group(2)))
                if years is not None and years.last == years.first:
                    return years.first
        return None

    def sentences(self, text: str) -> list[tuple[str, bool]]:
        """Split a text into its lines and sentences, then add them read whole (extra: True).

        A wrapped line is searched as printed and joined to the line it continues; a bullet
        also with the terms of its lead-in: 'Vi oppfordrer NAV-kontor til: • … • å se dette
        tilskuddet i sammenheng med …' says what the offices are encouraged to do only with it.
        """
        out = [(part, False) for part in SENTENCE.split(text) if part.strip()]
        lead, bullet, rest = unwrap(text).partition("•")
        whole = [p for p in SENTENCE.split(lead) if p.strip()] if bullet else []
        whole += [p for p in SENTENCE.split(rest if bullet else lead) if p.strip()]
        seen = {part for part, _extra in out}
        out += [(part, True) for part in whole if part not in seen]
        if bullet and lead.strip():
            out += [(f"{lead} {part}", True) for part in SENTENCE.split(rest) if part.strip()]
        return out

    @staticmethod
    def index(
        docs: list[Doc],
        extra: list[Doc] = [],  # noqa: B006 - read only
    ) -> tuple[dict[str, float], float, list[Passage]]:
        """Weigh the look-up passages' terms by idf; return the weights and the passages.

        The extra documents (bullets read with their lead-in) are searched but not counted.
        """
        df: dict[str, int] = {}
        for _key, _sid, terms, _years, _limit in docs:
            for term in terms:
                df[term] = df.get(term, 0) + 1
        idf = {t: math.log((len(docs) + 1) / n) for t, n in df.items()}
        unseen = math.log(len(docs) + 1)
        passages = [
            (key, sid, terms, math.sqrt(sum(idf.get(t, unseen) ** 2 for t in terms)), years, limit)
            for key, sid, terms, years, limit in [*docs, *extra]
            if terms
        ]
        return idf, unseen, passages

    @staticmethod
    def asked_concepts(folded: str) -> frozenset[str]:
        """Return the concepts a question asks for in words of its own ('hvor lenge', 'nett')."""
        padded = pad(folded)
        asked = {TOPIC_CONCEPTS["duration"]} if DURATION_ASK.search(padded) else set()
        return frozenset(asked | ({WEB} if WEB_ASK.search(padded) else set()))

    @staticmethod
    def column_terms(folded: str) -> frozenset[str]:
        """Return the words of a text that can pick a statistics column (digits included)."""
        out = set()
        for token in WORD.findall(folded):
            if token in FUNCTION_WORDS or token in ("ar", "aret", "year"):
                continue
            if len(token) > 2 and token.isdigit() and len(token) != 4:
                continue
            out.add(_stem(COLUMN_WORDS.get(token, token)))
        return frozenset(out)

    def column_in(self, folded: str) -> str | None:
        """Return the statistics column a question asks about, if it names one.

        The column sharing the most distinctive words wins; on a tie the first (the count
        columns come before their shares) unless the question asks for a share.
        """
        terms = self.column_terms(folded)
        best: tuple[float, str | None] = (0.0, None)
        for cid, col_terms in self.columns:
            score = sum(self.column_idf[t] for t in terms & col_terms)
            if score > best[0] + 1e-9:
                best = (score, cid)
        return best[1] if best[0] >= 1.0 else None

    def bare(self, folded: str) -> bool:
        """Tell whether a text is only a place, a year and small words ('Sogne 2018?')."""
        return all(
            t.isdigit() or t in FUNCTION_WORDS or t in EVERYDAY_WORDS or t in self.place_tokens
            for t in WORD.findall(folded)
        )

    def terms(self, folded: str, query: bool = False) -> frozenset[str]:
        """Return the look-up terms of a text: stems of its content words, names removed.

        In a question (query), a compound the passages never use is read as its parts
        ('russtillingane' as 'rus' + 'stillingane').
        """
        padded = pad(folded)
        candidates = [
            needle
            for token in set(padded.split())
            for needle in self.needles_by_first.get(token, ())
        ]
        for needle in sorted(candidates, key=len, reverse=True):
            if needle in padded:
                padded = padded.replace(needle, "  ")
        # an amount in kroner ('10 000', '610.000') is a term of its own
        out = {f"#kr{AMOUNT_DIGITS.sub('', m.group(0))}" for m in AMOUNT.finditer(folded)}
        if DURATION_PHRASE.search(padded) or (query and DURATION_ASK.search(padded)):
            # 'bare for ett år?', 'i flere år', 'how long', 'forlenges'
            out.add(TOPIC_CONCEPTS["duration"])
        if query and WEB_ASK.search(padded):
            out.add(WEB)
            padded = WEB_ASK.sub("  ", padded)
        elif not query and WEB_ADDRESS.search(folded):
            out.add(WEB)
        for token in padded.split():
            concept = CONCEPTS.get(token)
            if concept:
                out.add(concept)
                continue
            if token in FUNCTION_WORDS or token in EVERYDAY_WORDS or token in NUMBER_NAMES:
                continue
            if token in self.everyday:
                continue
            if len(token) < 3 or token.isdigit():
                continue
            stem = _stem(token)
            parts = self._compounds.get(token) if query and stem not in self.idf else None
            if parts:
                out.update(_stem(part) for part in parts if len(part) >= 3)
            else:
                out.add(stem)
        return frozenset(out)

    def look_up(
        self, folded: str, schemes: list[str], year: int | None = None, lang: str = "nb"
    ) -> list[tuple[str, float, bool, bool]]:
        """Return the passages that best explain a question, best first, with scores (0..1).

        The score weighs how much of the question a passage explains (idf-weighted content
        words) more than how much of the passage the question covers; passages of another
        scheme than the ones the question names are left out; one hit per passage. A hit is
        strong when it shares two distinctive content words or a concept ('sammen' ~
        'samarbeid'), and limiting when the matching sentence states a limit ('ikke',
        'kun').
        """
        terms = self.terms(folded, query=True)
        if not terms:
            return []
        english = lang == "en"
        idf = self.idf_en if english else self.idf
        unseen = self.unseen_idf_en if english else self.unseen_idf
        weights = {t: idf.get(t, unseen) for t in terms}
        norm = math.sqrt(sum(w * w for w in weights.values()))
        best: dict[str, float] = {}
        strong: dict[str, bool] = {}
        limited: dict[str, bool] = {}
        for key, sid, doc_terms, doc_norm, doc_years, doc_limit in (
            self.passages_en if english else self.passages
        ):
            if schemes and sid is not None and sid not in schemes:
                continue
            shared = terms & doc_terms
            if not shared:
                continue
            mass = sum(weights[t] ** 2 for t in shared)
            coverage, precision = mass / norm**2, mass / doc_norm**2
            score = coverage**0.7 * min(1.0, precision) ** 0.3
            if year is not None and not doc_years.contains(year):
                score *= 0.85
            if score > best.get(key, 0.0):
                best[key] = score
                mass_idf = sum(weights[t] for t in shared)
                strong[key] = (len(shared) >= 2 and mass_idf >= 7.0) or any(
                    t.startswith("#") for t in shared
                )
                limited[key] = doc_limit
        ranked = sorted(best.items(), key=lambda kv: -kv[1])[:8]
        return [(key, score, strong[key], limited[key]) for key, score in ranked]

    def _stem_known(self, word: str) -> bool:
        """Tell whether a word is a known word or an inflection of one."""
        if word in self.vocab or word.startswith(self._prefixes):
            return True
        for ending in ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= 3:
                stem = word[: -len(ending)]
                if stem in self.vocab or (len(stem) >= 4 and stem.startswith(self._prefixes)):
                    return True
        return any(word + ending in self.vocab for ending in ENDINGS if len(word) >= 4)

    def known(self, word: str) -> bool:
        """Tell whether a word is known: as such, inflected, or a compound of known words."""
        cached = self._known.get(word)
        if cached is not None:
            return cached
        found = self._stem_known(word)
        if not found and len(word) >= 7:
            for i in range(3, len(word) - 3):
                head, tail = word[:i], word[i:]
                head_known = self._stem_known(head) or (
                    head[-1] in "se" and len(head) > 4 and self._stem_known(head[:-1])
                )
                # a three-letter head ('rus') only before a long tail ('stillingane'),
                # lest 'dag' + 'pengene' pass for a known word
                long_enough = len(head) >= 4 or len(tail) >= 8
                if head_known and long_enough and len(tail) >= 4 and self._stem_known(tail):
                    found = True
                    if len(self._compounds) < 50_000:
                        self._compounds[word] = (head, tail)
                    break
        if len(self._known) < 50_000:
            self._known[word] = found
        return found

    def correct(self, word: str) -> str | None:
        """Return the known word a misspelt word stands for, or None when there is none."""
        if word in self._corrections:
            return self._corrections[word]
        best = None
        if len(word) >= MIN_CORRECTABLE and word.isalpha():
            # an abbreviation of a word in a scheme name ('rusarb' for 'rusarbeid')
            i = bisect.bisect_left(self.name_words, word)
            if i < len(self.name_words) and self.name_words[i].startswith(word):
                best = self.name_words[i]
        if best is None and len(word) >= MIN_CORRECTABLE and word.isalpha():
            cutoff = 85 if len(word) >= 7 else 88
            found = process.extractOne(word, self._choices, scorer=fuzz.ratio, score_cutoff=cutoff)
            if found and found[0][0] == word[0]:
                best = found[0]
        if best is None and len(word) >= 10 and word.isalpha():
            # a compound with a misspelt last part ('sosialtjenstene')
            for i in range(4, len(word) - 5):
                head, tail = word[:i], word[i:]
                if self._stem_known(head):
                    fixed = process.extractOne(
                        tail, self._choices, scorer=fuzz.ratio, score_cutoff=88
                    )
                    if fixed and fixed[0][0] == tail[0]:
                        best = head + fixed[0]
                        break
        if len(self._corrections) < 50_000:
            self._corrections[word] = best
        return best

    def swapped(self, word: str) -> str:
        """Return the known word a word has two neighbouring letters swapped from, else the word."""
        if word not in self._swaps:
            near = None
            if len(word) >= 8 and word.isalpha():
                for found in process.extract(
                    word, self._choices, scorer=fuzz.ratio, score_cutoff=85, limit=3
                ):
                    if _transposed(word, found[0]):
                        near = found[0]
                        break
            if len(self._swaps) < 50_000:
                self._swaps[word] = near or word
            return near or word
        return self._swaps[word]

    def expand_elided(self, folded: str) -> str:
        """Spell out a compound whose shared last part is left out: 'status- og regnskaps-
        rapporten' as 'statusrapporten og regnskapsrapporten'."""

        def whole(m: re.Match[str]) -> str:
            first, join, second = m.group(1), m.group(2), m.group(3)
            for i in range(3, len(second) - 4):
                tail = second[i:]
                if self._stem_known(first + tail):
                    return f"{first}{tail} {join} {second}"
            return m.group(0)

        return ELIDED.sub(whole, folded)

    def normalise(
        self, folded: str, acronyms: frozenset[str] = frozenset()
    ) -> tuple[str, list[str]]:
        """Correct misspelt words; return the text and the words that are neither known nor typos.

        Acronyms (written in capitals in the message, e.g. 'BPA') are never corrected.
        """
        unknown: list[str] = []

        def fix(m: re.Match[str]) -> str:
            word = m.group(0)
            if word.isdigit():
                return word
            if word in self.other_places and word not in self.vocab:
                unknown.append(word)  # 'Kristiansund' is a place, not a typo of 'Kristiansand'
                return word
            if self.known(word):
                # a word known only as a derivation ('soknad…' + 'first') loses to a known
                # word with two letters swapped ('soknadsfrist')
                return word if word in self.vocab else self.swapped(word)
            if word in acronyms:
                unknown.append(word)
                return word
            corrected = self.correct(word)
            if corrected is not None:
                return corrected
            if len(word) >= 4 and not any(ch.isdigit() for ch in word):
                unknown.append(word)
            return word

        return WORD.sub(fix, folded), unknown


STEM_ENDINGS = ("ene", "ane", "er", "ar", "en", "et", "e", "s", "a")


def _transposed(a: str, b: str) -> bool:
    """Tell whether two words differ only by two neighbouring letters swapped."""
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and a[diff[0]] == b[diff[1]]
        and a[diff[1]] == b[diff[0]]
    )


def _stem(token: str) -> str:
    """Cut a word to a crude stem so that inflected forms compare equal ('metoder', 'metode')."""
    token = SAME_WORD.get(token, token)
    for _ in range(2):
        for ending in STEM_ENDINGS:
            if token.endswith(ending) and len(token) - len(ending) >= 4:
                token = token[: -len(ending)]
                break
    return token[:7]


def generic_name(name: str) -> bool:
    """Tell whether a scheme name is one everyday word ('nav', 'husbanken', 'voksne').

    Such a name alone is weak evidence: 'dagpengene fra NAV' is not about the NAV grant.
    So is such a word with 'kontor' ('NAV-kontoret'): it names the organisation.
    """
    tokens = WORD.findall(name)
    content = [t for t in tokens if t not in ORGANISATION_WORDS]
    return (
        len(content) == 1
        and content[0].isalpha()
        and not any(word in content[0] for word in GRANT_WORDS)
    )


def _strings(kb: KnowledgeBase) -> list[str]:
    """Return every text in the knowledge base (names, facts, FAQ, tables, offices)."""
    out: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)

    for group in (kb.schemes, kb.faq, kb.tables, kb.offices, kb.municipalities):
        for model in group.values():
            walk(model.model_dump())
    return list(dict.fromkeys(out))


@lru_cache(maxsize=8192)
def _needle(phrase: str) -> str:
    """Turn a folded phrase into a padded token string; a trailing * matches a word prefix."""
    prefix = phrase.endswith("*")
    core = " ".join(WORD.findall(phrase.rstrip("*")))
    return f" {core}" if prefix else f" {core} "


# The triggers as padded needles, built once (see _needle).
TRIGGER_NEEDLES: dict[str, list[tuple[str, float]]] = {
    intent: [(_needle(phrase), weight) for phrase, weight in phrases]
    for intent, phrases in TRIGGERS.items()
}


def pad(folded: str) -> str:
    """Return the text as space-separated alphanumeric tokens with a space at both ends."""
    return " " + " ".join(WORD.findall(folded)) + " "


def _has(padded: str, phrase: str) -> bool:
    """Tell whether a folded phrase occurs as whole words in padded text (see pad)."""
    return _needle(phrase) in padded


_QUALIFIER = (
    r"(?:nye\s+|new\s+|hele\s+|fulle\s+|full\s+|heile\s+|hel\s+|heil\s+|faste\s+|nav\s+|"
    r"ekstra\s+|extra\s+|additional\s+|permanent\s+)?"
)
# A number as typed, whole: a sign, decimals, a fraction, a range or an exponent stay part of
# it ('-2', '1,5', '1/0', '2-3', '1e3'), so the quantity reader (bot.quantity) sees all of it.
_SIGNS = "+\u2212\u2013-"
NUMBER = (
    rf"(?<![\w.,/{_SIGNS}])[{_SIGNS}]?\d"
    rf"(?:\d|[.,](?=\d)|\s*/\s*(?=\d)|[\u2013-](?=\d)|e[+\u2212-]?(?=\d))*"
)
_PERCENT_POSITION = re.compile(
    rf"({NUMBER})\s*(?:%|prosent|percent)\s*(?:av\s+(?:en|ei|et|ett)\s+)?"
    rf"({POSITION_WORDS})?"
)
_POSITION_WORD = re.compile(POSITION_WORDS)
_COUNT_POSITION = re.compile(rf"({NUMBER})\s*{_QUALIFIER}{POSITION_WORDS}")
_WORD_POSITION = re.compile(
    rf"\b(halvannen|halvannet|en halv|ei halv|et halvt|ett halvt|halvt|halve|halv|a half-time|"
    rf"half-time|half an?|half|one|an|en|et|ett|ei|to|two|tre|three|fire|four|fem|five|seks|six|"
    rf"begge|both|(?<=hver )sin|(?<=kvar )si|(?<=hvor )si|(?<=hvert )sitt)"
    rf"\s+{_QUALIFIER}{POSITION_WORDS}"
)
# 'per årsverk', 'pr. stilling', 'per FTE', 'each position': the rate for one position.
_PER_POSITION = re.compile(
    rf"\b(?:per|pr|each|every|hvert|hver)\.?\s+(?:100\s*%\s*)?{_QUALIFIER}{POSITION_WORDS}"
)


_COUNTED_POSITIONS = re.compile(
    rf"(?:{_PERCENT_POSITION.pattern}|{_COUNT_POSITION.pattern}|{_WORD_POSITION.pattern})"
)


# 'stillingen koster 700 000', 'the position costs': one position, implied
# 'en tredjedels stilling', 'to tredjedels årsverk', 'a quarter FTE', '1/3 stilling'.
FRACTION_WORDS: dict[str, Fraction] = {
    "tredjedels": Fraction(1, 3),
    "tredjedel": Fraction(1, 3),
    "third": Fraction(1, 3),
    "totredjedels": Fraction(2, 3),
    "totredjedel": Fraction(2, 3),
    "twothirds": Fraction(2, 3),
    "fjerdedels": Fraction(1, 4),
    "fjerdedel": Fraction(1, 4),
    "kvart": Fraction(1, 4),
    "quarter": Fraction(1, 4),
    "trekvart": Fraction(3, 4),
    "threequarters": Fraction(3, 4),
    "femtedels": Fraction(1, 5),
    "femtedel": Fraction(1, 5),
    "fifth": Fraction(1, 5),
}
_FRACTION_POSITION = re.compile(
    rf"(?:(?<![\w.,/{_SIGNS}])([{_SIGNS}]?\d+\s*/\s*\d+)\s*|\b("
    + "|".join(
        sorted(
            (
                k.replace("to", "to ?", 1)
                if k.startswith("totredje")
                else k.replace("two", "two ?", 1).replace("three", "three ?", 1)
                for k in FRACTION_WORDS
            ),
            key=len,
            reverse=True,
        )
    )
    + rf")\s+(?:(?:av|of)\s+(?:en|ei|et|ett|a|an)\s+)?)(?:{POSITION_WORDS})"
)
# A quantity word before a position word that none of the patterns read ('syv tolvtedels
# stillinger'): the answer must ask instead of assuming one position.
_UNREAD_QUANTITY = re.compile(rf"\b(\w+(?:dels?|tedel\w*))\s+(?:{POSITION_WORDS})")


def unread_positions(folded: str) -> bool:
    """Tell whether the text gives a number of positions in a form not understood."""
    return extract_positions(folded) is None and _UNREAD_QUANTITY.search(folded) is not None


_ONE_POSITION = re.compile(
    r"\b(?:stillingen|arsverket|the position|our position|the fte|our fte)\s+"
    r"(?:koster|kostar|costs?|er pa|is)\b"
)


def _typed_positions(typed: str) -> Fraction | str:
    """Read a typed number of positions; the typed text itself when the reader refuses it."""
    try:
        return read_positions(typed)
    except Refused:
        return typed.strip()


# 'to stillinger på 50 %', 'tre 40 %-stillinger', 'two 50% positions': positions of a share each
_COUNT_OF_SHARE = re.compile(
    r"(?<![\w.,])(\d+|to|two|tre|three|fire|four|fem|five|seks|six)\s+(?:"
    rf"(?:{POSITION_WORDS})\s+(?:pa|of|at)\s+(\d{{1,3}})\s*(?:%|prosent|percent)|"
    rf"(\d{{1,3}})\s*(?:%|prosent|percent)[\s-]*(?:{POSITION_WORDS}))"
)


def count_of_shares(folded: str) -> tuple[int, Fraction] | None:
    """Read 'to stillinger på 50 %': how many positions, and the share of a whole each is."""
    m = _COUNT_OF_SHARE.search(folded)
    if not m:
        return None
    token = m.group(1)
    count = int(token) if token.isdigit() else NUMBER_WORDS.get(token)
    share = Fraction(int(m.group(2) or m.group(3)), 100)
    if not isinstance(count, int) or not 2 <= count <= 50 or not 0 < share < 1:
        return None
    return count, share


def extract_positions(folded: str) -> Fraction | str | None:
    """Read '2 årsverk', '1,5 årsverk', '50 % stilling', 'en halv stilling', 'per årsverk'.

    A number the quantity reader (bot.quantity) refuses ('-2 årsverk', '1/0 årsverk',
    '1e3 årsverk') is returned as typed, for the calculation to refuse with the reason.
    """
    shares = count_of_shares(folded)
    if shares is not None:
        return shares[0] * shares[1]
    m = _FRACTION_POSITION.search(folded)
    if m:
        if m.group(1) is not None:
            return _typed_positions(m.group(1))
        return FRACTION_WORDS[m.group(2).replace(" ", "")]
    m = _PERCENT_POSITION.search(folded)
    if m and m.group(2) is not None:  # '50 % stilling': a share of a position, whatever it is
        return _typed_positions(f"{m.group(1)} %")
    if m and (_POSITION_WORD.search(folded) or "%" in m.group(0)):
        value = _typed_positions(f"{m.group(1)} %")
        if isinstance(value, Fraction) and value <= 10:
            return value
    m = _COUNT_POSITION.search(folded)
    if m:
        return _typed_positions(m.group(1))
    m = _WORD_POSITION.search(folded)
    if m:
        word = m.group(1).split()[-1]
        amount = NUMBER_WORDS.get(word, NUMBER_WORDS.get(m.group(1).split()[0], 1))
        return Fraction(amount)
    if _PER_POSITION.search(folded) or _ONE_POSITION.search(folded):
        return Fraction(1)
    return None


ORDINAL_WORDS = "|".join(
    sorted(
        (k for k, v in ORDINALS.items() if not k.isdigit() and k not in CARDINAL_WORDS),
        key=len,
        reverse=True,
    )
)
_GRANT_YEAR_PATTERNS = (
    # 'år 3', 'år3', 'year three', 'år nr. 2' (not 'år to årsverk')
    re.compile(
        rf"\b(?:ar|year|aret)(?:\s*|-)(?:nr\.?\s*|nummer\s*)?(\d{{1,2}}|{ORD_WORD})\b"
        rf"(?!\s*(?:ar|years?)\b)(?!\s+{POSITION_WORDS})"
    ),
    # '3. år', '3 året', 'i 3. år', 'for 4 år' at the start, 'year 3'
    re.compile(
        r"(?:(?<![\w.,])(\d{1,2})\.\s*(?:ar|aret)\b|\b(\d{1,2})\s+aret\b|"
        r"\b(?:i|for|in)\s+(\d{1,2})\.?\s*(?:ar|aret|year)\b|^(\d{1,2})\.?\s*ar\b)"
        r"(?!\s*(?:med|with)\b)"
    ),
    # 'tredje år', 'third year', 'første året', 'fjerde driftsår'
    re.compile(
        rf"\b({ORDINAL_WORDS})\s+(?:ar|aret|year|tilskuddsar|tilskuddsaret|driftsar|driftsaret)\b"
    ),
)


# 'tredje og fjerde år', 'the third and fourth year': two grant years sharing the noun
_ORDINAL_PAIR = re.compile(
    rf"\b({ORDINAL_WORDS})\s+(?:og|and|eller|or|til|to)\s+({ORDINAL_WORDS})\s+"
    r"(?:ar|aret|arene|year|years|tilskuddsar\w*)\b"
)


def extract_grant_years(folded: str) -> list[int]:
    """Read every grant year: 'år 3', 'tredje år', 'year three', '3. år', 'år 1 og år 2'."""
    found: list[tuple[int, int]] = []
    for m in _ORDINAL_PAIR.finditer(folded):
        for group in (1, 2):
            value = ORDINALS.get(m.group(group))
            if value is not None and value > 0:
                found.append((m.start(group), value))
    for pattern in _GRANT_YEAR_PATTERNS:
        for m in pattern.finditer(folded):
            token = next(g for g in m.groups() if g is not None)
            value = ORDINALS.get(token)
            if value is None and token.isdigit():
                value = int(token)
            if value is not None:
                found.append((m.start(), value))
    values: list[int] = []
    for _start, value in sorted(found):
        if value not in values:
            values.append(value)
    return values


def extract_grant_year(folded: str) -> int | None:
    """Read the (first) grant year: 'år 3', 'tredje år', 'year three', '3. år', 'siste år'."""
    values = extract_grant_years(folded)
    return values[0] if values else None


_GROUP_COUNT = (
    r"(\d+(?:[.,]\d+)?|halvannen|halvannet|en halv|ei halv|et halvt|ett halvt|one|an|en|et|"
    r"ett|ei|to|two|tre|three|fire|four|fem|five|seks|six)"
)
# 'to årsverk i år 1 og ett (årsverk) i år 3', '1,5 stillinger i tredje år og 2 i år 4'
_GROUP = re.compile(
    rf"(?<![\w.,]){_GROUP_COUNT}\s+(?:{_QUALIFIER}({POSITION_WORDS})\s+)?"
    r"(?:som er\s+|som\s+|er\s+|that are\s+)?(?:i|in|pa|on)\s+"
    r"(?:(?:their|its|sitt|sine|sin)\s+)?(?:"
    rf"(?:ar|year|aret)\s*(\d{{1,2}}|{ORD_WORD})\b(?!\s*(?:ar|years?)\b)"
    rf"|({ORDINAL_WORDS})\s+(?:ar|aret|year|tilskuddsar\w*)\b"
    r"|(\d{1,2})\.\s*(?:ar|aret)\b"
    # 'og ett i sitt tredje': the year noun left out after a possessive
    rf"|(?:(?<=sitt )|(?<=sine )|(?<=its )|(?<=their ))({ORDINAL_WORDS})\b)"
)


# '0,5 årsverk år 2, 1,5 årsverk år 3': a group with its position word and no 'i'
_BARE_GROUP = re.compile(
    rf"(?<![\w.,]){_GROUP_COUNT}\s+{_QUALIFIER}({POSITION_WORDS})\s+(?:"
    rf"(?:ar|year)\s*(\d{{1,2}})\b(?!\s*(?:ar|years?|til|to|-|–)\b))"
)
# 'ett årsverk i hvert av de fire tilskuddsårene', 'one FTE in each of the four years'
_EACH_OF_YEARS = re.compile(
    rf"(?<![\w.,]){_GROUP_COUNT}\s+(?:{_QUALIFIER}({POSITION_WORDS})\s+)?(?:i|in)\s+"
    r"(?:hvert|hver|kvart|kvar|each)\s+(?:av|of)\s+(?:de|dei|the)\s+(\w+)\s+"
    r"(?:tilskuddsarene|tilskotsara|arene|ara|grant years|years)\b"
)
# 'det ene er i år 1 og det andre i år 4', 'one is in year 2 and the other in year 3'
_PAIR_GROUP = re.compile(
    r"\b(?:(?:det|den|the)\s+(?:ene|eine|forste|first|one)|one)\s+(?:[a-z]+\s+){0,2}?(?:i|in)\s+"
    r"(?:ar|year)\s*(\d{1,2})\b[^.?!;]{0,30}?\b(?:det|den|the)\s+(?:andre|other|second)\s+"
    r"(?:[a-z]+\s+){0,2}?(?:i|in)\s+(?:ar|year)\s*(\d{1,2})\b"
)
# 'ett (årsverk) i hvert av tilskuddsårene 1 til 4', 'one FTE in each of years 1 to 4'
_EACH_YEAR_GROUP = re.compile(
    rf"(?<![\w.,]){_GROUP_COUNT}\s+(?:{_QUALIFIER}({POSITION_WORDS})\s+)?(?:i|in)\s+"
    r"(?:hvert|hver|kvart|kvar|each)\s+(?:av\s+|of\s+)?(?:de\s+|dei\s+|the\s+)?"
    r"(?:tilskuddsarene|tilskotsara|arene|ara|grant years|years)\s*(\d{1,2})\s*"
    r"(?:til|to|through|-|–|og|and)\s*(\d{1,2})\b"
)


def _group_count(token: str) -> Fraction | None:
    """Read the count of a group of positions: '2', '1,5', 'to', 'halvannen'."""
    if token[0].isdigit():
        try:
            return read_positions(token)
        except Refused:
            return None
    value = NUMBER_WORDS.get(token.split()[-1], NUMBER_WORDS.get(token.split()[0]))
    return None if value is None else Fraction(value)


def extract_groups(folded: str) -> tuple[tuple[Fraction, int], ...] | None:
    """Read groups of positions in different grant years ('2 årsverk i år 1 og 1 i år 3').

    Two groups or more in different grant years, in a question that counts positions (one
    group named in positions, or positions named elsewhere: '4 årsverk: 2 i år 1 og 2 i år
    2'), else None.
    """
    groups: list[tuple[Fraction, int]] = []
    counted = False
    m = _PAIR_GROUP.search(folded)
    if m and m.group(1) != m.group(2):
        # 'det ene er i år 1 og det andre i år 4': one position in each of two grant years
        return ((Fraction(1), int(m.group(1))), (Fraction(1), int(m.group(2))))
    m = _EACH_OF_YEARS.search(folded)
    count = _group_count(m.group(1)) if m else None
    years = NUMBER_WORDS.get(m.group(3), 0) if m else 0
    if m and count is not None and count > 0 and isinstance(years, int) and 1 < years <= 9:
        # 'ett årsverk i hvert av de fire tilskuddsårene': the same count in years 1..n
        return tuple((count, year) for year in range(1, years + 1))
    m = _EACH_YEAR_GROUP.search(folded)
    if m:
        # 'ett årsverk i hvert av tilskuddsårene 1 til 4': the same count in each year
        count = _group_count(m.group(1))
        first, last = int(m.group(3)), int(m.group(4))
        if count is not None and count > 0 and 0 < first < last <= 9:
            return tuple((count, year) for year in range(first, last + 1))
    matches = sorted(
        [*_GROUP.finditer(folded), *_BARE_GROUP.finditer(folded)], key=lambda m: m.start()
    )
    seen: set[int] = set()
    for m in matches:
        if any(m.start() <= at < m.end() for at in seen):
            continue
        seen.add(m.start())
        count = _group_count(m.group(1))
        token = next(g for g in m.groups()[2:] if g is not None)
        year = ORDINALS.get(token) if not token.isdigit() else int(token)
        if count is None or year is None or count <= 0 or year <= 0:
            continue
        counted = counted or m.group(2) is not None
        groups.append((count, year))
    counted = counted or _POSITION_WORD.search(folded) is not None
    if len(groups) < 2 or not counted or len({g for _c, g in groups}) < 2:
        return None
    return tuple(groups)


# '2 stillinger som startet i 2020 og 1 som startet i 2021': positions by start year
_START_GROUP = re.compile(
    r"(?<![\w.,])(\d+(?:[.,]\d+)?|halvannen|halvannet|one|an|en|et|ett|ei|to|two|tre|three|"
    rf"fire|four|fem|five|seks|six)\s+(?:{_QUALIFIER}(?:{POSITION_WORDS})\s+)?"
    r"(?:som\s+|that\s+|which\s+)?(?:startet|starta|begynte|started|began|fikk tilskudd|"
    r"fikk forste tilskudd|got (?:a |their first )?grant\w*)(?:\s+forste gang)?\s+"
    r"(?:i|in|fra|from)\s+((?:19|20)\d{2})\b"
)


def extract_start_groups(folded: str) -> tuple[tuple[Fraction, int], ...] | None:
    """Read positions by start year, two groups or more in different start years, else None."""
    groups: list[tuple[Fraction, int]] = []
    for m in _START_GROUP.finditer(folded):
        token = m.group(1)
        if token[0].isdigit():
            try:
                count = read_positions(token)
            except Refused:
                continue
        else:
            value = NUMBER_WORDS.get(token)
            if value is None:
                continue
            count = Fraction(value)
        groups.append((count, int(m.group(2))))
    if len(groups) < 2 or len({y for _c, y in groups}) < 2 or not _POSITION_WORD.search(folded):
        return None
    return tuple(groups)


_YEAR = re.compile(r"(?<![\d.,])((?:19|20)\d{2})(?![\d])")
# An amount as typed, whole (a sign, digit groups, decimals, an exponent), for bot.quantity.
_AMOUNT = (
    rf"[{_SIGNS}]?(?:\d{{1,3}}(?:[ .,]\d{{3}})+(?![\d])"
    rf"|\d(?:\d|[.,](?=\d)|e[+\u2212-]?(?=\d))*)"
)
_AMOUNT_START = rf"(?<![\w.,/{_SIGNS}])"
_MILLIONS = re.compile(
    rf"{_AMOUNT_START}[{_SIGNS}]?\d(?:\d|[.,](?=\d)|e[+\u2212-]?(?=\d))*\s*(?:mill\w*|mnok|m\b)"
)
_YEAR_WORD_END = re.compile(r"(?:ar|year)\s*$")
_KRONER_AFTER = re.compile(rf"{_AMOUNT_START}{_AMOUNT}\s*(?:k\b|kr\b|kroner|nok|,-)")
_KRONER_BEFORE = re.compile(rf"(?:kr\.?|nok)\s*{_AMOUNT}")
_BARE_AMOUNT = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:[ .]\d{3})+|\d{1,3}(?:,\d{3})+(?![.,]?\d)|\d{5,7})(?![\d])"
)
_ISO_DATE = re.compile(r"\b(20\d{2})-(\d{1,2})-(\d{1,2})\b")
_DOTTED_DATE = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{2,4})\b")
_WORDED_DATE = re.compile(rf"\b(\d{{1,2}})\.?\s*({'|'.join(MONTHS)})\w*\s+(20\d{{2}})\b")
_FOUR_DIGITS = re.compile(r"(?<![\d.,])(\d{4})(?![\d])")
_LETTERS = re.compile(r"[a-z]+")
_COUNTY_NUMBER = re.compile(r"\bfylke\s*(\d{2})\b")
_NATIONAL = re.compile(r"\b(?:landet|hele landet|nasjonalt|norway|national|country)\b")


def extract_years(folded: str) -> list[int]:
    """Return four-digit calendar years (1990–2099) in the text."""
    return [int(y) for y in _YEAR.findall(folded)]


def _typed_kroner(typed: str) -> int | str:
    """Read a typed amount; the typed text itself when the quantity reader refuses it."""
    try:
        return read_kroner(typed)
    except Refused:
        return typed.strip()


def extract_money(folded: str) -> int | str | None:
    """Read '700 000 kr', 'kr 700.000', '700k', '1,2 mill', 'NOK 800,000'.

    An amount the quantity reader (bot.quantity) refuses ('-700 000 kr', '1e23 kr') is
    returned as typed, for the calculation to refuse with the reason.
    """
    m = _MILLIONS.search(folded)
    if m and not _YEAR_WORD_END.search(folded[: m.start()]):
        return _typed_kroner(m.group(0))
    m = _KRONER_AFTER.search(folded) or _KRONER_BEFORE.search(folded)
    if m:
        return _typed_kroner(m.group(0))
    m = _BARE_AMOUNT.search(folded)
    if m:
        value = _typed_kroner(m.group(1))
        if not isinstance(value, int) or (value >= 10_000 and not 1990 <= value <= 2099):
            return value
    return None


def extract_date(folded: str) -> tuple[int, int, int] | None:
    """Read '1.3.2022', '15. februar 2022', '2022-02-15' as (year, month, day)."""
    m = _ISO_DATE.search(folded)
    if m:
        return int(m.group(1)), int(m.group(2)), int(m.group(3))
    m = _DOTTED_DATE.search(folded)
    if m:
        year = int(m.group(3))
        return (year + 2000 if year < 100 else year), int(m.group(2)), int(m.group(1))
    m = _WORDED_DATE.search(folded)
    if m:
        return int(m.group(3)), MONTHS[m.group(2)], int(m.group(1))
    return None


def year_slots(s: dict[str, Any], timed: str, folded: str) -> None:
    """Fill the calendar-year slots (and a date) from a text; ``timed`` has the start year's
    words blanked out, ``folded`` is the text as read."""
    years = sorted(set(extract_years(timed)))
    date = extract_date(folded)
    if date:
        s["date"] = date
        years = [y for y in years if y != date[0]]
    if len(years) == 1:
        s["year"] = years[0]
    elif len(years) >= 2:
        s["year_from"], s["year_to"] = min(years), max(years)


def restore_years(u: Understanding) -> None:
    """Read the years and grant years again without taking one of them as a start year."""
    s = u.slots
    for key in ("start_year", "start_groups", "year_rel", "year", "year_from", "year_to", "date"):
        s.pop(key, None)
    year_slots(s, u.folded, u.folded)
    grant_years = extract_grant_years(u.folded)
    if grant_years and "grant_year" not in s:
        s["grant_year"] = grant_years[0]
        if len(grant_years) > 1 and min(grant_years) > 0:
            s["grant_year"], s["grant_year_to"] = min(grant_years), max(grant_years)


class Understander:
    """Turn chat text into an Understanding, using names from the knowledge base."""

    def __init__(self, kb: KnowledgeBase) -> None:
        """Build the lexicon once."""
        self.kb = kb
        self.lex = Lexicon(kb)
        self._muni_keys = list(self.lex.municipalities)
        self.rule_words = rule_scheme_words(kb, self.lex)
        self.deadline_words = deadline_scheme_words(kb, self.lex)

    # --- entities ---

    def schemes_in(self, folded: str) -> list[str]:
        """Return the schemes a text names, best first; typos tolerated."""
        return [sid for sid, _name in self.scheme_matches(folded)]

    def names_in(self, tokens: list[str]) -> list[str]:
        """Return the scheme names in a token list, longest first at each place, not overlapping.

        The last word of a name may carry an inflection ending ('fastlegen', 'voksne-
        ordningene').
        """
        names: list[str] = []
        i = 0
        while i < len(tokens):
            matched = None
            candidates = list(self.lex.names_by_first.get(tokens[i], []))
            for ending in NAME_ENDINGS:
                if tokens[i].endswith(ending):
                    base = tokens[i][: -len(ending)]
                    candidates += [
                        c for c in self.lex.names_by_first.get(base, []) if len(c[0]) == 1
                    ]
            candidates.sort(key=lambda entry: -len(" ".join(entry[0])))
            for name_tokens, name in candidates:
                n = len(name_tokens)
                if i + n > len(tokens) or tuple(tokens[i : i + n - 1]) != name_tokens[:-1]:
                    continue
                last, want = tokens[i + n - 1], name_tokens[-1]
                if last == want or (last.startswith(want) and last[len(want) :] in NAME_ENDINGS):
                    matched = (name, n)
                    break
            if matched:
                names.append(matched[0])
                i += matched[1]
            else:
                i += 1
        return names

    def scheme_matches(self, folded: str) -> list[tuple[str, str]]:
        """Return (scheme, the name that matched) for the schemes a text names, best first."""
        padded = pad(folded)
        found: dict[str, tuple[float, str]] = {}
        for name in self.names_in(padded.split()):
            sid = self.lex.scheme_names[name]
            score = 100.0 + len(name)
            if score > found.get(sid, (0.0, ""))[0]:
                found[sid] = (score, name)
        # A budget chapter and post ('0621 post 63', 'kap. 765.62') when no name is given.
        if not found:
            for m in BUDGET_REF.finditer(folded):
                for sid in self.lex.budget_refs.get((m.group(1).lstrip("0"), m.group(2)), []):
                    found.setdefault(sid, (105.0, m.group(0)))
        # A long name whose every content word occurs somewhere in the question ('the adults
        # with long-term complex needs grant' names 'adults with complex needs').
        stems = {_stem(t) for t in padded.split()}
        if GRANT_TOKEN.search(folded):
            stems.add(GRANT_STEM)
        # the words of a name given in full belong to that scheme ('tilbud til barn og unge med
        # behov for langvarig/sammensatt oppfølging' names no adults' scheme)
        named_stems = {
            sid: {_stem(t) for t in pad(name).split()} for sid, (_score, name) in found.items()
        }
        for name, content in self.lex.scheme_content.items():
            sid = self.lex.scheme_names[name]
            if any(content <= other for o, other in named_stems.items() if o != sid):
                continue
            if content <= stems:
                score = 50.0 + len(content)
                if score > found.get(sid, (0.0, ""))[0]:
                    found[sid] = (score, name)
        ordered = sorted(found.items(), key=lambda kv: -kv[1][0])
        return [(sid, name) for sid, (_score, name) in ordered]

    def municipality_in(self, folded: str) -> str | None:
        """Return the kommunenummer a text names (number or name, typos tolerated)."""
        padded = pad(folded)
        for m in _FOUR_DIGITS.finditer(folded):
            if m.group(1) in self.lex.municipality_numbers:
                return m.group(1)
        for name, number in self.lex.municipalities.items():
            if _has(padded, name):
                return number
        tokens = _LETTERS.findall(folded)
        for n in (3, 2, 1):
            for i in range(len(tokens) - n + 1):
                if any(t in self.lex.other_places for t in tokens[i : i + n]):
                    continue  # a place outside the tables is not a lookalike of one in them
                chunk = " ".join(tokens[i : i + n])
                if len(chunk) < 5:
                    continue
                best = process.extractOne(
                    chunk, self._muni_keys, scorer=fuzz.ratio, score_cutoff=84
                )
                if best and abs(len(best[0]) - len(chunk)) <= 2:
                    return self.lex.municipalities[best[0]]
        return None

    def county_in(self, folded: str) -> str | None:
        """Return the county code a text names (statistics table)."""
        padded = pad(folded)
        for name, code in sorted(self.lex.counties.items(), key=lambda kv: -len(kv[0])):
            if _has(padded, name):
                return code
        m = _COUNTY_NUMBER.search(folded)
        if m and m.group(1) in self.lex.counties.values():
            return m.group(1)
        if _NATIONAL.search(folded):
            return "landet"
        return None

    def group_in(self, folded: str) -> str | None:
        """Return Lister, Aust-Agder, Vest-Agder or Agder when named."""
        padded = pad(folded)
        for key in ("aust-agder", "aust agder", "vest-agder", "vest agder", "lister"):
            if _has(padded, key):
                return GROUPS[key]
        if AGDER_GROUP.search(folded):
            return "Agder"
        return None

    def office_in(self, folded: str) -> str | None:
        """Return the office a text names (Agder, Innlandet, national)."""
        padded = pad(folded)
        for name, office in sorted(self.lex.offices.items(), key=lambda kv: -len(kv[0])):
            if len(name) >= 4 and _has(padded, name):
                return office
        return None

    # --- the whole question ---

    def understand(self, raw: str) -> Understanding:
        """Read intent, entities and confidence from one message."""
        text, truncated = clean(raw)
        lang = detect_language(text)
        acronyms = frozenset(fold(a) for a in ACRONYM.findall(text))
        folded = self.lex.expand_elided(fold(text, nynorsk=lang != "en"))
        folded, unknown = self.lex.normalise(folded, acronyms)
        u = Understanding(
            text=text,
            folded=folded,
            lang=lang,
            intent="out_of_scope",
            confidence=0.0,
            truncated=truncated,
            unknown=unknown,
        )
        if not ANY_WORD.search(folded):
            return u
        command = COMMAND.match(folded)
        if command and command.group(1) in COMMANDS:
            u.intent, u.confidence = COMMANDS[command.group(1)], 1.0
            return u
        self._entities(u)
        self._score(u)
        if "start_year" in u.slots and u.intent not in FIGURE_INTENTS:
            # a start year only times ladder figures; other questions keep the year as written
            restore_years(u)
        elif "start_year" in u.slots and "year" in u.slots and u.slots.get("grant_year") == -1:
            # 'fra 2017 – satsen i 2020, det siste året av planen': the start and the calendar
            # year place the position on the ladder; 'siste år' describes the calendar year
            del u.slots["grant_year"]
        if u.thing and u.intent in FIGURE_INTENTS:
            u.slots["thing"] = u.thing
        return u

    def _entities(self, u: Understanding) -> None:
        """Fill the slots of an Understanding."""
        f = u.folded
        s = u.slots
        matches = self.scheme_matches(f)
        schemes = [sid for sid, _name in matches]
        u.schemes_mentioned = schemes
        if schemes:
            u.scheme = schemes[0]
            u.weak_scheme = all(generic_name(name) for _sid, name in matches)
        than = re.search(r"\b(?:enn|than)\b", f)
        if than and len(schemes) >= 2:
            # 'mer fikk kommunalt rusarbeid enn de to andre': the schemes compared against
            before = [sid for sid, _name in self.scheme_matches(f[: than.start()])]
            if before and set(before) < set(schemes):
                s["schemes_first"] = tuple(before)
        positions = extract_positions(f)
        if positions is not None:
            s["positions"] = positions
            if not _COUNTED_POSITIONS.search(f):
                u.implicit.add("positions")
        # the year positions first got a grant is a start year, not a calendar year asked about
        timed = f
        for i, (start, (a, b)) in enumerate(extract_start_years(f)):
            if i == 0:
                s["start_year"] = start
            timed = timed[:a] + " " * (b - a) + timed[b:]
        m = _START_RELATIVE.search(timed)
        if m and "start_year" not in s:
            # 'fikk første tilskudd i fjor': a start year against today, read by the composer
            s["start_year_rel"] = -2 if m.group(1) else -1
            timed = timed[: m.start()] + " " * (m.end() - m.start()) + timed[m.end() :]
        if SO_FAR.search(timed) and ("start_year" in s or "start_year_rel" in s):
            # 'hvor mye har vi fått hittil?': every year from the start up to this one
            s["year_to_rel"] = 0
        start_groups = extract_start_groups(f)
        if start_groups:
            s["start_groups"] = start_groups
        relative = relative_year(timed)
        if relative is not None:
            s["year_rel"] = relative
        grant_years = extract_grant_years(timed)
        if grant_years:
            s["grant_year"] = grant_years[0]
            if len(grant_years) > 1 and min(grant_years) > 0:
                s["grant_year"], s["grant_year_to"] = min(grant_years), max(grant_years)
        listed = extract_grant_year_list(timed)
        if listed:
            s["grant_years"] = tuple(listed)
            s["grant_year"], s["grant_year_to"] = listed[0], listed[-1]
        span = extract_year_span(timed)
        if span and "grant_years" not in s:
            s["grant_year"], s["grant_year_to"] = span
        first_years = extract_first_years(timed)
        if first_years and "grant_year" not in s:
            s["grant_year"], s["grant_year_to"] = 1, first_years
        last_years = extract_last_years(timed)
        if last_years and "grant_year" not in s:
            s["last_years"] = last_years
        groups = extract_groups(timed)
        if groups:
            s["groups"] = groups
        duration = extract_duration(timed)
        if duration is not None and not groups and "grant_year_to" not in s:
            s["duration"] = duration
        if s.get("year_rel") == 1 and "grant_year_to" in s and "grant_years" not in s:
            # 'i år 3 nå og går over i år 4 neste år': 'neste år' places the later grant year
            del s["year_rel"]
        if s.get("year_rel") == 0 and ("grant_year" in s or groups or last_years):
            # 'vi har 2 årsverk i år 2 og 3 i år 4, hva får vi i år?': the grant years say
            # where the positions are; 'i år' is their current year, not a calendar year
            del s["year_rel"]
        year_slots(s, timed, f)
        through = THROUGH_YEAR.search(timed)
        began = s.get("start_year")
        if through and began and s.get("year") == int(through.group(1)) > began:
            # 'første tilskudd i 2020 – hva har vi fått til og med 2022?': every year from start
            s["year_from"], s["year_to"] = s["start_year"], s.pop("year")
        if not any(k in s for k in ("year", "year_from", "year_rel")):
            # 'tilskot til vaksne (765.60)': a chapter and post the sources give for some
            # years only are the grant of those years
            cited = self.lex.budget_year(f, u.schemes_mentioned)
            if cited is not None:
                s["year"] = cited
        money = extract_money(f)
        if money is not None:
            s["cost"] = money
        shift = YEAR_SHIFT.search(f)
        if shift and "year" not in s and "year_rel" not in s:
            s["year_shift"] = 1 if shift.group(1) else -1
        if WITH_COMPETENCE.search(f) and "measures" not in s:
            # 'med kompetansemidlene i tillegg?': one measure's competence money
            s["measures"] = 1
        m = MEASURES.search(f)
        if m:
            count = m.group(1)
            s["measures"] = int(count) if count.isdigit() else int(NUMBER_WORDS.get(count, 1))
            each = s.get("positions")
            if s["measures"] > 1 and isinstance(each, Fraction) and EACH_MEASURE.search(f):
                # 'tre tiltak med en halv stilling hver': the positions of all the measures
                s["positions"] = each * s["measures"]
        municipality = self.municipality_in(f)
        if municipality:
            s["municipality"] = municipality
        # 'Fylkesmannen i Agder' names the office, not the Agder municipalities
        without_office = f
        for name in self.lex.office_names:
            without_office = without_office.replace(name, " ")
        group = self.group_in(without_office)
        if group:
            s["group"] = group
        county = self.county_in(f)
        if county:
            s["county"] = county
        column = self.lex.column_in(f)
        if column:
            s["column"] = column
        office = self.office_in(f)
        if office:
            s["office"] = office
        else:
            m = OFFICE_NAME.search(u.text.lower())
            if m:
                # 'statsforvalteren i Vestland': an office the knowledge base does not hold
                s["unknown_office"] = m.group(0)
        if KIND_REPORT.search(f):
            s["kind"] = "report"
        elif KIND_ACCOUNTS.search(f):
            s["kind"] = "accounts"
        elif KIND_APPLICATION.search(f):
            s["kind"] = "application"
        if ORDER_ASC.search(f):
            s["order"] = "asc"
        elif ORDER_DESC.search(f):
            s["order"] = "desc"
        u.follow_up = bool(FOLLOW_UP.match(f)) and len(f.split()) <= 8
        read_operation(u)
        read_ladder_operation(u)
        if not u.schemes_mentioned:
            u.thing = other_thing(u, self.rule_words)
            u.deadline_thing = other_thing(u, self.deadline_words)

    def _score(self, u: Understanding) -> None:
        """Score every intent and choose one, with a confidence."""
        f, s = u.folded, u.slots
        padded = pad(f)
        for name in self.names_in(padded.split()):
            spaced = pad(name)
            if len(spaced.split()) >= 4:
                # 'tilbud til barn og unge med behov for langvarig/sammensatt oppfølging': the
                # words of a long scheme name ask nothing ('oppfølging' is no reporting question)
                padded = padded.replace(spaced, " " * (len(spaced) - 1), 1)
        scores = {intent: 0.0 for intent in TRIGGERS}
        # 'samlet lønnskostnad' says what the cost covers, not that a total is asked for
        total_padded = pad(COST_FOR_ALL.sub(" ", f)) if s.get("cost_for_all") else padded
        for intent, needles in TRIGGER_NEEDLES.items():
            text = total_padded if intent == "total" else padded
            hits = sorted((w for needle, w in needles if needle in text), reverse=True)
            if hits:
                scores[intent] = hits[0] + 0.25 * sum(hits[1:3])
        if "year" in s and RATE_ASK.search(f) and u.scheme and self.kb.schemes[u.scheme].rules:
            # 'med hvilken sats i 2025?': the rules of a year, even one the sources lack
            scores["amount"] = max(scores["amount"], 0.6)
        if "start_year" in s and ("year" in s or "year_from" in s or "grant_year" in s):
            # 'første tilskudd i 2019 – hva får vi i 2021?': the grant in a calendar year
            scores["amount"] = max(scores["amount"], 0.5)
            if RATE_ASK.search(f):
                # 'hvilket år i nedtrappingen er vi i 2021, og hvor mye er satsen?'
                scores["amount"] += 0.4
        rated = (
            any(r.kind in ("ladder", "cap") for r in self.kb.schemes[u.scheme].rules)
            if u.scheme
            else bool(re.search(r"\b(?:\w*stige\w*|ladder|nedtrapp\w*)\b", f))
        )
        if "stated_years" in s and not rated:
            # 'gis voksne-ordningen i inntil 4 år?': a scheme without rules has its years in words
            del s["stated_years"]
        if "stated_years" in s:
            # 'går stigen over tre år?': the rule's years are figures of the rule
            scores["amount"] = max(scores["amount"], 0.8)
        figures_asked = max(scores["total"], scores["own_share"]) >= 0.5
        if "duration" in s and not figures_asked and (AMOUNT_ASK.search(f) or MOST_ASK.search(f)):
            # 'hva kan en stilling få over to år?': the figures of those years
            scores["amount"] = max(scores["amount"], 0.7)
        if "schemes_first" in s and AMOUNT_ASK.search(f):
            # 'hvor mye mer fikk X enn Y?': the schemes' money against each other
            scores["appropriation"] = max(scores["appropriation"], 1.0)
        if s.get("operation") in ("difference", "steps", "remaining"):
            # an operation over the ladder asks for figures, even without 'hvor mye'
            scores["amount"] = max(scores["amount"], 0.5)
            if scores["own_share"] >= 0.7:
                # 'hvor mye øker egenandelen fra år 1 til år 4': the operation is on the own share
                scores["own_share"] += 1.0
        if LIST_ASK.search(f) and not u.schemes_mentioned and scores["deadline"] < 0.5:
            # 'which grant has the latest deadline?' asks for deadlines, not the list
            scores["list_schemes"] = max(scores["list_schemes"], 1.5)
        if COOPERATION.search(f):
            # applying together is a question about cooperation, not about who may apply
            scores["who_may_apply"] *= 0.5
        elif WHO_APPLIES.search(f):
            scores["who_may_apply"] = max(scores["who_may_apply"], 0.8)
        raw = dict(scores)
        u.trigger_top = max(raw.values())
        u.trigger_intent = max(raw, key=lambda k: raw[k]) if u.trigger_top > 0 else None
        self._place(u, raw)
        # The passage that best explains the question votes for the intent of its topic.
        found = self.lex.look_up(f, u.schemes_mentioned, s.get("year"), u.lang)
        u.passages = [(key, score) for key, score, _strong, _limit in found]
        if found:
            u.passage, u.passage_score, u.passage_strong, u.passage_limit = found[0]
        topic_intent = self.lex.passage_intent.get(u.passage or "")
        if topic_intent and u.passage_score >= 0.45:
            strong = u.passage_strong and u.passage_score >= 0.6
            scores[topic_intent] += (0.8 if strong else 0.4) * u.passage_score
        # slot evidence
        ladder = "grant_year" in s or "positions" in s
        if ladder:
            scores["amount"] += 0.7
        if HOW_MANY_YEARS.search(f) and "positions" not in s and "grant_year" not in s:
            # 'hvor mange år kan samme tiltak maksimalt få?': a duration, not an amount
            scores["amount"] *= 0.3
        if RATE_ASK.search(f) and ("year_rel" in s or "year_shift" in s) and not _has_place(s):
            # 'og satsen neste år?': the rate for a year, not a passage about it
            scores["amount"] += 0.5
        if "positions" in s and "positions" not in u.implicit and SALARY_ONLY.search(f):
            # 'NAV-tilskudd for 1,5 stilling, bare lønn': the cap for those positions
            scores["amount"] += 0.6
        if "cost" in s and ladder:
            scores["own_share"] += 1.0
        elif "cost" in s and scores["own_share"]:
            scores["own_share"] += 0.5
        place = "municipality" in s or "group" in s or "place" in s
        if place:
            for key in ("framework", "framework_sum", "framework_ranking"):
                if scores[key]:
                    scores[key] += 0.3
            scores["framework"] += 0.5
            if "year_from" in s or s.get("group"):
                scores["framework_sum"] += 0.3
        if "county" in s and s["county"] not in ("09", "10"):
            scores["statistics"] += 0.4
        if scores["framework_ranking"] and (
            "year" in s or _has(padded, "fikk") or _has(padded, "okning")
        ):
            scores["framework_ranking"] += 0.3
        if scores["days_left"] and scores["deadline"]:
            scores["days_left"] += 0.3
        if scores["next_deadline"] >= 0.9 and scores["deadline"]:
            scores["next_deadline"] += 0.3
        if "year" in s and 0 < raw["next_deadline"] < 1.0:
            # 'hvilke frister er det i 2022?' lists that year's deadlines
            scores["deadline"] += 0.6
        # asking when a report, the accounts or the application are due is a deadline question
        if (
            DATE_ASK.search(f)
            and not raw["days_left"]
            and (raw["reporting"] or raw["audit"] or raw["apply_how"])
        ):
            topic = max(scores["reporting"], scores["audit"], scores["apply_how"])
            scores["deadline"] = max(scores["deadline"] + 0.7, topic + 0.2)
        if raw["deadline"] >= 0.9 and raw["status"] and ASKS_DEADLINE.match(f):
            # 'Hva var søknadsfristen i 2022, da ordningen ble avviklet?': the end is context
            scores["deadline"] = max(scores["deadline"], scores["status"] + 0.1)
        if scores["not_funded"] >= 0.8:
            scores["funds"] *= 0.5
        if scores["total"] and ladder and "municipality" not in s:
            scores["total"] += 0.7
        if scores["total"] and ONE_YEAR.search(f):
            # 'totalbeløp for året': the whole amount of one year, not of the period
            scores["amount"] = max(scores["amount"], scores["total"] + 0.1)
        if place:
            scores["total"] = 0.0
            scores["amount"] *= 0.3
            if scores["framework_sum"]:
                scores["framework_sum"] += 0.4
        else:
            scores["framework_sum"] *= 0.2
            scores["framework"] *= 0.6 if u.scheme != FRAMEWORK_SCHEME else 1.0
        if not place and s.get("county") == "landet" and any(raw[k] for k in FRAMEWORK_INTENTS):
            # the national framework increase is a national appropriation, not a municipality's
            scores["appropriation"] += max(scores[k] for k in FRAMEWORK_INTENTS) + 0.2
        if GRANT_ADMINISTRATION.search(f):
            # 'tilskuddsforvaltning 2018 – Agder': the offices' grant money, not the framework
            for key in FRAMEWORK_INTENTS:
                scores[key] *= 0.3
        if u.scheme and u.scheme != FRAMEWORK_SCHEME and not u.weak_scheme:
            # a grant scheme named by name: 'ramme' and 'Agder' are about its money, not the
            # framework increases of the Opptrappingsplan
            for key in FRAMEWORK_INTENTS:
                scores[key] *= 0.3
        if HOW_MANY_YEARS.search(f) and not ("positions" in s or "cost" in s):
            # 'hvor mange år kan samme tiltak få tilskudd?': the grant's duration, not money
            for key in ("amount", "total"):
                scores[key] *= 0.3
        self._limits(u, scores)
        if self._declined(u, scores, raw):
            u.scores = {k: round(v, 3) for k, v in scores.items() if v}
            u.intent, u.confidence = "out_of_scope", 0.0
            return
        # Looked-up passages (FAQ entries, notes, rules in words) are a fallback: structured
        # intents answer with figures and years.
        # a question in words that name a concept ('hvor mange år', 'på nett') whose passage
        # carries it is about that passage, not about the figures its trigger words suggest
        asked = self.lex.asked_concepts(f) & self.lex.key_terms.get(u.passage or "", frozenset())
        if asked and u.passage_score >= 0.4 and not ladder and "cost" not in s:
            for key in FIGURE_INTENTS:
                scores[key] = min(scores[key], 0.3)
        other = max(v for k, v in scores.items() if k not in ("greeting", "help"))
        look = u.passage_score
        anchored = any(k in s for k in ANCHOR_SLOTS)
        clear = look >= 0.6 or (u.passage_strong and look >= 0.5) or (bool(asked) and look >= 0.4)
        # 'hvor mye er tilskuddet til <noe uten satser>?' asks for figures the sources lack;
        # a passage that only names the thing in passing does not answer it
        priced_thing = bool(u.thing) and raw["amount"] >= 0.5 and bool(AMOUNT_ASK.search(f))
        if (
            u.passage
            and not anchored
            and not priced_thing
            and self.lex.passage_intent.get(u.passage) is None
            and clear
            and other < 0.6
        ):
            scores["faq"] = max(other + 0.1, look)
            u.faq = u.passage
        elif u.scheme and other < 0.5:
            # a scheme named with no question about it: summarise the scheme
            scores["scheme_info"] += 0.6
        best = max(scores, key=lambda k: scores[k])
        ordered = sorted(scores.values(), reverse=True)
        top, second = ordered[0], ordered[1]
        u.scores = {k: round(v, 3) for k, v in scores.items() if v}
        if top <= 0:
            u.intent, u.confidence = "out_of_scope", 0.0
            return
        margin = top - second
        u.intent = best
        if best != "statistics":
            s.pop("column", None)
        u.confidence = round(min(1.0, 0.35 + 0.35 * min(top, 1.5) + 0.4 * min(margin, 1.0)), 3)

    def _limits(self, u: Understanding, scores: dict[str, float]) -> None:
        """Turn 'can it be used for X?' into 'what is not funded' when the sources limit it.

        Asking whether a scheme covers more than what it is known to fund ('ikke bare
        lønn', 'annet enn årsverk', 'other than salaries'), or about something a matching
        passage rules out ('ikke rettet mot tidsavgrensede prosjekter'), is answered by the
        limits when the scheme's own statements of what it funds are limited ('kun til
        årsverk'); a scheme that 'åpner for dekking av andre utgifter' stays a funds answer.
        """
        if scores["funds"] <= 0 or scores["funds"] < scores["not_funded"] or not u.scheme:
            return
        ruled_out = u.passage_limit and u.passage_strong and u.passage_score >= 0.5
        if not (BEYOND.search(u.folded) or ruled_out):
            return
        year = u.slots.get("year")
        funds = [
            f
            for f in self.kb.schemes[u.scheme].facts
            if f.topic.value in ("funds", "purpose") and (year is None or f.years.contains(year))
        ]
        if ruled_out or any(LIMITED.search(fold(f.text)) for f in funds):
            scores["not_funded"] = scores["funds"] + 0.1

    def _place(self, u: Understanding, raw: dict[str, float]) -> None:
        """Read a place the knowledge base does not hold ('Bergen') in a framework question.

        A capitalised unknown word in a question about the framework increase of a year is
        a municipality outside the table; it becomes the 'place' slot, so that the answer
        says the table does not cover it instead of answering for another municipality.
        """
        s = u.slots
        framework_words = any(raw[k] for k in FRAMEWORK_INTENTS) and u.scheme in (
            None,
            FRAMEWORK_SCHEME,
        )
        if s.get("county") not in (None, "09", "10", "landet") and framework_words:
            # 'Hvor mye økte rammen for Oslo?': a county outside the Agder framework tables
            if not raw["statistics"] and "municipality" not in s:
                names = [m.group(0) for m in PLACE_WORD.finditer(u.text)]
                named = [n for n in names if self.lex.counties.get(fold(n)) == s["county"]]
                s["place"] = named[0] if named else str(s["county"])
                del s["county"]
            return
        if "municipality" in s or "county" in s:
            return
        if not u.unknown and not any(t in self.lex.other_places for t in u.folded.split()):
            return
        # 'og Bergen?': a follow-up naming only a place
        follow_up = bool(FOLLOW_UP.match(u.folded)) and len(u.folded.split()) <= 3
        framework = any(raw[k] for k in FRAMEWORK_INTENTS) or u.scheme == FRAMEWORK_SCHEME
        placed = follow_up or ("year" in s and framework) or raw["statistics"]
        # a known place outside the tables ('Lillehammer') asked for money or a year's figure
        listed = placed or "year" in s or any(raw[k] for k in PLACE_MONEY_INTENTS)
        for m in PLACE_WORD.finditer(u.text):
            word = fold(m.group(0))
            if placed and word in u.unknown:
                s["place"] = m.group(0)
                u.unknown.remove(word)
                return
            if (
                listed
                and word in self.lex.other_places
                and not POSTCODE_BEFORE.search(u.text[: m.start()])
            ):
                s["place"] = m.group(0)
                if word in u.unknown:
                    u.unknown.remove(word)
                return

    def _declined(self, u: Understanding, scores: dict[str, float], raw: dict[str, float]) -> bool:
        """Tell whether a question is outside what the knowledge base holds.

        A question that uses words the knowledge base does not know ('barnetrygden',
        'fritidsklubb', 'BPA') is about something else unless it names a scheme by a specific
        name, or names a place or figure together with a clear trigger ('Arendal 2017
        økning'). A place or figure anchors only the questions it can answer: 'regn i Arendal
        i morgen' asks nothing about Arendal's framework. Without a scheme, anchor or matching
        passage, weak trigger words are not enough. A bare everyday word for a scheme ('NAV',
        'Husbanken') is weak evidence, and asking such a scheme for figures it has no rules
        for is asking about something else ('egenandelen hos fastlegen').
        """
        s = u.slots
        best = max(scores, key=lambda k: scores[k])
        top = scores[best]
        trigger_top = max(raw.values())
        bare = trigger_top == 0 and (self.lex.bare(u.folded) or "place" in s)
        entities = [
            k
            for k in ANCHOR_SLOTS
            if k in s
            and (
                bare
                or (trigger_top == 0 and k not in PLACE_SLOTS)
                or not SERVES.get(k)
                or any(raw[i] >= ANCHOR_TRIGGER.get(k, 0.01) for i in SERVES[k])
                or (k in ("municipality", "place") and "year" in s)
            )
        ]
        strong_scheme = bool(u.scheme and not u.weak_scheme)
        free = best in SCHEME_FREE and top >= 0.8
        if raw["statistics"] and "county" not in s and not u.scheme and AMOUNT_ASK.search(u.folded):
            # the statistics count people and households; what social assistance pays is
            # not in the sources
            return True
        claimed = "stated" in s and any(k in s for k in ("positions", "grant_year", "groups"))
        if claimed and (not u.unknown or strong_scheme):
            # 'stemmer det at vi får 1 980 000 kr for ett årsverk i hvert år?': a figure claimed
            # for positions is a figure question
            return False
        if u.unknown:
            if strong_scheme:
                return False
            if entities:
                return trigger_top < 0.5
            return not free
        if strong_scheme or entities or free:
            return False
        if not u.scheme:
            # a sentence sharing three of the question's distinctive words anchors it as well
            shared = self.lex.terms(u.folded, query=True) & self.lex.key_terms.get(
                u.passage or "", frozenset()
            )
            close = u.passage_strong and len(shared) >= 3 and u.passage_score >= 0.5
            return trigger_top < 0.5 and not (
                (u.passage_strong and u.passage_score >= 0.6) or close
            )
        if best == "contact":
            # 'fastlegens telefonnummer', 'telefon til NAV': not the scheme's caseworkers
            return True
        if best in FIGURE_INTENTS:
            return not self.kb.schemes[u.scheme].rules
        return False
