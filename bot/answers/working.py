"""Render a calculation's working, notes and outlook in bokmål or English."""

from __future__ import annotations

from fractions import Fraction

from bot import fmt
from bot.calc.results import (
    Calculation,
    DeadlineItem,
    DeadlineOutlook,
    Note,
    NoteKey,
    Op,
    Ranking,
    Reason,
    Role,
    Status,
    Step,
    Unit,
)
from bot.fmt import Lang
from bot.vocab import DEADLINE_LABELS, word
from knowledge.kb import Provenance

_UNIT_WORDS: dict[Unit, dict[Lang, tuple[str, str]]] = {
    Unit.ARSVERK: {"nb": ("årsverk", "årsverk"), "en": ("FTE", "FTE")},
    Unit.STILLING: {"nb": ("stilling", "stillinger"), "en": ("position", "positions")},
    Unit.TILTAK: {"nb": ("tiltak", "tiltak"), "en": ("measure", "measures")},
    Unit.AR: {"nb": ("år", "år"), "en": ("year", "years")},
}


_STATUS_WORDS: dict[Status, dict[Lang, str]] = {
    Status.FAKTISK: {"nb": "faktisk", "en": "actual"},
    Status.PROGNOSE: {"nb": "prognose", "en": "prognosis"},
}


def quantity(value: Fraction, unit: Unit, lang: Lang = "nb") -> str:
    """Render a quantity with its unit: '1,5 årsverk', '2 stillinger', '1.5 FTE', '3 years'."""
    singular, plural = _UNIT_WORDS[unit][lang]
    return f"{fmt.positions(value, lang)} {singular if value == 1 else plural}"


def _k(amount: int, lang: Lang) -> str:
    """Render kroner."""
    return fmt.kroner(amount, lang)


def _prefix(step: Step, lang: Lang) -> str:
    """Render the calendar year and start year a step belongs to."""
    if step.year is not None and step.start_year is not None:
        started = "startet" if lang == "nb" else "started"
        return f"{step.year}, {started} {step.start_year}: "
    if step.year is not None and step.subject is None:
        return f"{step.year}: "
    return ""


def _context(step: Step, lang: Lang) -> list[str]:
    """Render what a step's figure refers to: 'år 3 av 4', 'prognose'."""
    parts = []
    if step.grant_year is not None and step.max_years is not None:
        if lang == "nb":
            parts.append(f"år {step.grant_year} av {step.max_years}")
        else:
            parts.append(f"year {step.grant_year} of {step.max_years}")
    if step.status is not None:
        parts.append(_STATUS_WORDS[step.status][lang])
    return parts


def _reason_text(step: Step, lang: Lang) -> str:
    """Explain why positions get no grant."""
    nb = lang == "nb"
    if step.reason is Reason.BEYOND_LADDER:
        if nb:
            return f"år {step.grant_year}, men tilskudd gis i inntil {step.max_years} år"
        return f"year {step.grant_year}, but grants are given for at most {step.max_years} years"
    if step.reason is Reason.NEW_POSITION:
        if nb:
            return (
                f"ny stilling; nedtrappingen gjelder bare videreføring av stillinger som fantes "
                f"i {step.reference_year}"
            )
        return (
            f"a new position; the wind-down only continues positions that existed in "
            f"{step.reference_year}"
        )
    if step.reason is Reason.NOT_CONTINUED:
        previous = (step.year or 0) - 1
        if nb:
            return (
                f"stillingen hadde ikke tilskudd i {previous}, og nedtrappingen gjelder bare "
                "videreføring av eksisterende stillinger"
            )
        return (
            f"the position had no grant in {previous}, and the wind-down only continues "
            "existing positions"
        )
    if nb:
        return f"bare kommuner som fikk tilskudd i {step.reference_year}, kan søke"
    return f"only municipalities that had a grant in {step.reference_year} may apply"


def _sum_label(step: Step, lang: Lang) -> str:
    """Render the label of a sum step."""
    word = "sum" if lang == "nb" else "total"
    subject = f"{step.subject} " if step.subject else ""
    if step.grant_years is not None:
        first, last = step.grant_years
        years = "år" if lang == "nb" else "years"
        return f"{word} {years} {first}–{last}" if first != last else f"{word} {years} {first}"
    if step.years is not None:
        return f"{subject}{word} {fmt.year_range(*step.years)}".strip()
    if step.year is not None:
        return f"{subject}{word} {step.year}"
    return word


def _sum_text(step: Step, lang: Lang, noun: tuple[str, str] | None = None) -> str:
    """Render 'a + b + c = total', or 'sum of n … = total' for long sums."""
    if len(step.parts) > 6:
        if noun is None:
            noun = ("beløp", "amounts")
        if lang == "nb":
            return f"sum av {len(step.parts)} {noun[0]} = {_k(step.amount, lang)}"
        return f"total of {len(step.parts)} {noun[1]} = {_k(step.amount, lang)}"
    return " + ".join(_k(p, lang) for p in step.parts) + f" = {_k(step.amount, lang)}"


def render_step(step: Step, lang: Lang = "nb", source: Provenance | None = None) -> str:
    """Render one step: '2 årsverk × 440 000 kr = 880 000 kr (år 3 av 4; kilde: …)'."""
    nb = lang == "nb"
    context = _context(step, lang)
    if source is not None:
        context.append(f"{'kilde' if nb else 'source'}: {source.label()}")
    tail = f" ({'; '.join(context)})" if context else ""
    qty = quantity(step.quantity, step.unit, lang) if step.quantity and step.unit else ""
    product = f"{qty} × {_k(step.rate or 0, lang)} = {_k(step.amount, lang)}"
    if step.op is Op.MULTIPLY:
        labels: dict[Role, tuple[str, str]] = {
            Role.GRANT: ("", ""),
            Role.COMPETENCE: (
                "herav til kompetanseutvikling: ",
                "of which competence development: ",
            ),
            Role.COST: ("kostnad: ", "cost: "),
            Role.CAP_POSITIONS: ("stillinger, inntil: ", "positions, up to: "),
            Role.CAP_MEASURES: (
                "kompetanse per tiltak, inntil: ",
                "competence per measure, up to: ",
            ),
            Role.CAP_PERIOD: ("inntil i alt: ", "up to in all: "),
            Role.CAP_PERIOD_POSITIONS: (
                "herav stillinger i alt, inntil: ",
                "of which positions in all, up to: ",
            ),
            Role.OWN_SHARE_PERIOD: ("egenandel i alt: ", "own share in all: "),
            Role.OLD_GRANT: ("etter den gamle stigen: ", "by the old ladder: "),
        }
        label = labels.get(step.role, ("", ""))[0 if nb else 1]
        return f"{_prefix(step, lang)}{label}{product}{tail}"
    if step.op is Op.NOT_ELIGIBLE:
        none = "ikke tilskudd" if nb else "no grant"
        text = f"{_prefix(step, lang)}{qty}: {none} – {_reason_text(step, lang)} = {_k(0, lang)}"
        return text + (f" ({context[-1]})" if source is not None else "")
    if step.op is Op.SUBTRACT and step.role is Role.DIFFERENCE and step.grant_years:
        first, last = step.grant_years
        label = f"endring år {first} → år {last}" if nb else f"change year {first} → year {last}"
        minus = f"{_k(step.parts[0], lang)} − {_k(step.parts[1], lang)}"
        return f"{label}: {minus} = {_k(step.amount, lang)}"
    if step.op is Op.SUBTRACT and step.role is Role.OWN_SHARE_DIFFERENCE and step.grant_years:
        first, last = step.grant_years
        label = (
            f"endring i egenandel år {first} → år {last}"
            if nb
            else f"change in own share year {first} → year {last}"
        )
        minus = f"{_k(step.parts[0], lang)} − {_k(step.parts[1], lang)}"
        return f"{label}: {minus} = {_k(step.amount, lang)}"
    if step.op is Op.SUBTRACT and step.role is Role.DIFFERENCE:
        label = "forskjell" if nb else "difference"
        minus = f"{_k(step.parts[0], lang)} − {_k(step.parts[1], lang)}"
        return f"{label}: {minus} = {_k(step.amount, lang)}"
    if step.op is Op.SUBTRACT:
        label = "egenandel" if nb else "own share"
        minus = f"{_k(step.parts[0], lang)} − {_k(step.parts[1], lang)}"
        return f"{_prefix(step, lang)}{label}: {minus} = {_k(step.amount, lang)}{tail}"
    if step.op is Op.VALUE and step.role is Role.COST and qty:
        label = f"kostnad for {qty}" if nb else f"cost of {qty}"
        return f"{label}: {_k(step.amount, lang)}"
    if step.op is Op.CLAMP:
        if nb:
            return f"egenandelen kan ikke bli negativ: {_k(step.parts[0], lang)} → {_k(0, lang)}"
        return f"the own share cannot be negative: {_k(step.parts[0], lang)} → {_k(0, lang)}"
    if step.op is Op.VALUE:
        subject = f"{step.subject} " if step.subject else ""
        dated = step.role in (Role.FRAMEWORK, Role.APPROPRIATION)
        year = str(step.year) if dated and step.year is not None else ""
        label = f"{subject}{year}".strip()
        return f"{label}: {_k(step.amount, lang)}{tail}"
    # Op.SUM
    if step.role is Role.OLD_GRANT:
        label = "etter den gamle stigen" if nb else "by the old ladder"
        return f"{label}, {_sum_label(step, lang)}: {_sum_text(step, lang)}{tail}"
    if step.role is Role.CAP_YEAR:
        label = "inntil per år" if nb else "up to per year"
        return f"{label}: {_sum_text(step, lang)}{tail}"
    if step.role is Role.FRAMEWORK:
        total = _sum_text(step, lang, ("kommuner", "municipalities"))
        return f"{_sum_label(step, lang)}: {total}{tail}"
    return f"{_sum_label(step, lang)}: {_sum_text(step, lang)}{tail}"


def _quoted(note: Note, lang: Lang) -> str:
    """Render a note's quote: its English in English answers, else marked as Norwegian."""
    if note.quote is None:
        return ""
    if lang != "nb" and note.quote_en:
        return fmt.quote(note.quote_en)
    return (
        fmt.quote(note.quote)
        if lang == "nb"
        else f"(Norwegian source text) {fmt.quote(note.quote)}"
    )


def _param_int(note: Note, key: str) -> int:
    """Return an integer parameter of a note."""
    value = note.params.get(key, 0)
    return value if isinstance(value, int) else 0


def render_note(note: Note, lang: Lang = "nb") -> str:
    """Render one note in the answer language."""
    nb = lang == "nb"
    p = note.params
    q = _quoted(note, lang)
    key = note.key
    if key is NoteKey.RULE_TEXT:
        return f"{'Regel' if nb else 'Rule'} ({p.get('rule')}): {q}"
    if key is NoteKey.COMPETENCE_INCLUDED:
        per, total = _k(_param_int(note, "per_position"), lang), _k(_param_int(note, "total"), lang)
        rest = _k(_param_int(note, "rest"), lang) if "rest" in note.params else None
        one = _param_int(note, "total") <= _param_int(note, "per_position")
        each = (
            _k(_param_int(note, "rest_per_position"), lang)
            if "rest_per_position" in note.params
            else None
        )
        if nb:
            text = f"År 1 inkluderer {per} per årsverk til kompetanseutvikling ({total} i alt)"
            noun = "årsverket" if one else "årsverkene"
            if rest and each:
                rest = f"{each} per årsverk ({rest} i alt)"
            return text + (
                f"; resten av år 1-beløpet, {rest}, er til selve {noun}." if rest else "."
            )
        text = f"Year 1 includes {per} per FTE for competence development ({total} in all)"
        noun = "the FTE itself" if one else "the FTEs themselves"
        if rest and each:
            rest = f"{each} per FTE ({rest} in all)"
        return text + (f"; the rest of the year-1 amount, {rest}, is for {noun}." if rest else ".")
    if key is NoteKey.ROUNDING:
        if nb:
            return "Beløp er avrundet til hele kroner (en halv krone rundes opp)."
        return "Amounts are rounded to whole kroner (half a krone rounds up)."
    if key is NoteKey.OWN_SHARE_DEFINITION and note.params.get("for_all"):
        if nb:
            return "Egenandel = oppgitt kostnad for stillingen(e) − tilskudd, aldri under 0 kr."
        return "Own share = the stated cost of the position(s) − grant, never below 0."
    if key is NoteKey.OWN_SHARE_DEFINITION:
        if nb:
            return (
                "Egenandel = årlig kostnad for ett helt årsverk × antall årsverk − tilskudd, "
                "aldri under 0 kr."
            )
        return "Own share = yearly cost of one full position × positions − grant, never below 0."
    if key is NoteKey.OWN_SHARE_SOURCE:
        return f"{'Om egenandelen sier kilden' if nb else 'On the own share, the source says'}: {q}"
    if key is NoteKey.SAME_COST:
        if nb:
            return (
                "Med samme kostnad begge år endres egenandelen like mye som tilskuddet, men "
                "motsatt vei (så lenge kostnaden er minst like stor som tilskuddet)."
            )
        return (
            "With the same cost in both years the own share changes by as much as the grant, "
            "the other way (as long as the cost is at least the grant)."
        )
    if key is NoteKey.SURPLUS:
        amount = _k(_param_int(note, "amount"), lang)
        if nb:
            return f"Tilskuddet er {amount} høyere enn kostnaden du oppga."
        return f"The grant exceeds the cost you gave by {amount}."
    if key is NoteKey.CONDITION:
        return f"{'Vilkår' if nb else 'Condition'}: {q}"
    if key is NoteKey.CONDITION_ASSUMED:
        ref = p.get("reference")
        if nb:
            return f"Beløpet forutsetter at kommunen fikk tilskudd i {ref}; ellers gis ingenting."
        return (
            f"The amount assumes the municipality had a grant in {ref}; otherwise nothing is given."
        )
    if key is NoteKey.FLAT_RATE:
        amount = _k(_param_int(note, "amount"), lang)
        unit = str(p.get("unit", ""))
        unit_en = _UNIT_WORDS[Unit(unit)]["en"][0] if unit in set(Unit) else unit
        if nb:
            return (
                f"I {p.get('years')} gis et fast beløp på {amount} per {unit}, uansett hvor "
                "langt stillingen har kommet på stigen."
            )
        return (
            f"In {p.get('years')} a flat {amount} per {unit_en} applies, whatever the "
            "position's step on the ladder."
        )
    if key is NoteKey.CONTINUATION:
        if nb:
            return (
                f"Kilden sier at {p.get('years')} bare gjelder videreføring av eksisterende "
                "stillinger. Her får en stilling bare tilskudd hvis den hadde tilskudd året før; "
                f"stillinger som har brukt opp sine {p.get('max')} år på stigen, er ikke med."
            )
        return (
            f"The source says {p.get('years')} only continues existing positions. Here a "
            "position gets a grant only if it had one the year before; positions that have "
            f"used up their {p.get('max')} years on the ladder are not included."
        )
    if key is NoteKey.TRANSITION:
        if nb:
            return f"Overgangsregler for kommuner som fikk tilskudd før {p.get('first')}: {q}"
        return f"Transition rules for municipalities funded before {p.get('first')}: {q}"
    if key is NoteKey.TRANSITION_PLACEMENT:
        if nb:
            return (
                f"Stillinger fra før {p.get('first')} (startet {p.get('start')}): hvor på stigen "
                "de plasseres, er et skjønn hos statsforvalteren; her regnet som år "
                f"{p.get('grant_year')} etter hovedregelen."
            )
        return (
            f"Positions from before {p.get('first')} (started {p.get('start')}): their step on "
            "the ladder is at the county governor's discretion; counted here as year "
            f"{p.get('grant_year')} under the main rule."
        )
    if key is NoteKey.CAPS_NOT_LADDER:
        if nb:
            return (
                "Dette er øvre grenser («inntil»), ikke faste satser og ingen nedtrappingsstige; "
                "tilskuddet kan bli lavere."
            )
        return (
            "These are caps (“up to”), not fixed rates and no tapering ladder; "
            "the grant may be lower."
        )
    if key is NoteKey.DURATION:
        if nb:
            return (
                f"Tilskudd gis primært for {p.get('usual')} år fra oppstartsdato, men kan gis i "
                f"inntil {p.get('max')} år til samme tiltak."
            )
        return (
            f"The grant is primarily for {p.get('usual')} year(s) from the start date, but can "
            f"be given for up to {p.get('max')} years for the same measure."
        )
    if key is NoteKey.PERIOD_CAP:
        if nb:
            return (
                f"Taket for {p.get('years')} år er taket per år ganget med antall år; hvert år "
                "søkes og vurderes for seg."
            )
        return (
            f"The cap for {p.get('years')} years is the yearly cap times the years; each year "
            "is applied for and assessed separately."
        )
    if key is NoteKey.COVERS:
        if p.get("what") == "position":
            return f"{'Per 100 % stilling dekkes' if nb else 'Per 100% position it covers'}: {q}"
        return f"{'Per tiltak dekkes' if nb else 'Per measure it covers'}: {q}"
    if key is NoteKey.PROGNOSIS:
        if nb:
            return f"Tallet for {p.get('years')} er en prognose, ikke et faktisk tall."
        return f"The figure for {p.get('years')} is a prognosis, not an actual figure."
    if key is NoteKey.PRINTED_MATCH:
        printed = _k(_param_int(note, "printed"), lang)
        if nb:
            return f"Kilden trykker samme sum: {printed} («{p.get('label')}», {p.get('table')})."
        return (
            f"The source prints the same total: {printed} (“{p.get('label')}”, {p.get('table')})."
        )
    if key is NoteKey.PRINTED_DIFFERS:
        printed = _k(_param_int(note, "printed"), lang)
        diff = _param_int(note, "printed") - _param_int(note, "computed")
        known = bool(p.get("known"))
        if nb:
            way = "mer" if diff > 0 else "mindre"
            why = "et kjent avrundingsavvik i kilden" if known else "ikke forklart i kilden"
            return (
                f"Kilden trykker {printed} («{p.get('label')}»), {_k(abs(diff), lang)} {way} enn "
                f"summen av årene ({why})."
            )
        way = "more" if diff > 0 else "less"
        why = (
            "a known rounding difference in the source" if known else "not explained by the source"
        )
        return (
            f"The source prints {printed} (“{p.get('label')}”), {_k(abs(diff), lang)} {way} than "
            f"the sum of the years ({why})."
        )
    if key is NoteKey.OTHER_FIGURE:
        amount = _k(_param_int(note, "amount"), lang)
        if nb:
            return (
                f"Tabellen «{p.get('table')}» har også «{p.get('label')}»: {amount}. Det er et "
                f"annet tall enn økningen i rammen for året. {q}"
            )
        return (
            f"The table “{p.get('table')}” also has “{p.get('label')}”: {amount}. That is a "
            f"different figure from the year's framework increase. {q}"
        )
    # NoteKey.GROUP_MEMBERS
    return f"{p.get('group')}: {p.get('names')}."


def render_calculation(calc: Calculation, lang: Lang = "nb", quotes: bool = True) -> str:
    """Render a calculation: its steps, a breakdown, notes and sources, one per line.

    ``quotes=False`` leaves out notes that only quote the source text.
    """
    lines = [render_step(step, lang) for step in calc.steps]
    if calc.breakdown:
        lines.append("Per kommune:" if lang == "nb" else "By municipality:")
        lines += [f"  {name}: {_k(amount, lang)}" for name, amount in calc.breakdown]
    for note in calc.notes:
        if not quotes and note.quote is not None and note.key is NoteKey.RULE_TEXT:
            continue
        lines.append(f"• {render_note(note, lang)}")
    label = ("Kilde" if len(calc.sources) == 1 else "Kilder") if lang == "nb" else "Source"
    if lang == "en" and len(calc.sources) > 1:
        label = "Sources"
    lines.append(f"{label}: " + "; ".join(s.label() for s in calc.sources))
    return "\n".join(lines)


def render_ranking(ranking: Ranking, lang: Lang = "nb") -> str:
    """Render a ranking, one municipality per line, with the status and source."""
    status = f" ({_STATUS_WORDS[ranking.status][lang]})" if ranking.status else ""
    where = f" i {ranking.group}" if ranking.group and lang == "nb" else ""
    if ranking.group and lang == "en":
        where = f" in {ranking.group}"
    if lang == "nb":
        order = "høyest" if ranking.descending else "lavest"
        head = f"Økning i rammen {ranking.year}{status}{where}, {order} først:"
    else:
        order = "highest" if ranking.descending else "lowest"
        head = f"Framework increase {ranking.year}{status}{where}, {order} first:"
    lines = [head]
    lines += [f"{e.rank}. {e.name} ({e.number}): {_k(e.amount, lang)}" for e in ranking.entries]
    label = "Kilde" if lang == "nb" else "Source"
    lines.append(f"{label}: " + "; ".join(s.label() for s in ranking.sources))
    return "\n".join(lines)


def render_deadline(item: DeadlineItem, lang: Lang = "nb", with_source: bool = False) -> str:
    """Render a deadline: 'Kommunalt rusarbeid – søknadsfrist: 15. februar 2022 (om 18 dager)'."""
    nb = lang == "nb"
    name = item.scheme_name if nb else item.scheme_name_en
    kind = DEADLINE_LABELS[item.kind][lang].lower()
    if item.unknown:
        value = f"{item.year}: " + (
            f"ukjent (kilden: {fmt.quote(item.raw)})"
            if nb
            else f"unknown (source: {fmt.quote(item.raw)})"
        )
    elif item.date is None:
        undated = "ingen dato" if nb else "no date"
        value = f"{fmt.quote(item.text or item.raw)} {item.year} ({undated})"
    else:
        value = fmt.long_date(item.date, lang)
        if item.days_left is not None:
            value += f" ({fmt.days(item.days_left, lang)})"
    if item.tentative:
        value += f" – {word('tentative', lang)}: " + fmt.quote(item.raw)
    text = f"{name} – {kind}: {value} – {item.office_name}"
    if with_source:
        text += f" ({'kilde' if nb else 'source'}: {item.source.label()})"
    return text


def render_outlook(outlook: DeadlineOutlook, lang: Lang = "nb") -> str:
    """Render a deadline outlook: next deadlines, undated ones and the latest known."""
    nb = lang == "nb"
    day = fmt.long_date(outlook.today, lang)
    lines: list[str] = []
    if outlook.upcoming:
        lines.append(f"Neste frister fra {day}:" if nb else f"Next deadlines from {day}:")
        lines += [f"- {render_deadline(i, lang)}" for i in outlook.upcoming]
    else:
        lines.append(
            f"Kildene har ingen daterte frister etter {day}."
            if nb
            else f"The sources have no dated deadlines after {day}."
        )
    if outlook.undated:
        lines.append("Uten dato i kildene:" if nb else "Without a date in the sources:")
        lines += [f"- {render_deadline(i, lang)}" for i in outlook.undated]
    if outlook.latest_known:
        lines.append("Siste kjente frister:" if nb else "Latest known deadlines:")
        lines += [f"- {render_deadline(i, lang)}" for i in outlook.latest_known]
    if outlook.outdated:
        year = outlook.newest_source_year
        lines.append(
            f"Kildene er fra {year} og eldre; sjekk nye frister hos statsforvalteren."
            if nb
            else f"The sources date from {year} or earlier; check current deadlines with the "
            "county governor."
        )
    return "\n".join(lines)
