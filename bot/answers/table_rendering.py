"""Render a table query's result, with its working and source, in bokmål or English."""

from __future__ import annotations

import math
from fractions import Fraction

from bot import fmt
from bot.calc.tables import TableResult, _holds
from bot.understanding.tables import _row, _value
from bot.vocab import Lang
from knowledge.kb import KnowledgeBase, Provenance
from knowledge.schema import Column, Row


def _figure(value: Fraction, column: Column, lang: Lang, printed: str = "") -> str:
    if column.unit == "kr" and value.denominator == 1:
        whole = fmt.kroner(int(value), lang)
        if value and value % 1_000_000 == 0:
            # '28 000 000 kr (28 mill.)': whole millions also as the sources print them
            millions = fmt.number(int(value // 1_000_000), lang)
            return (
                f"{whole} ({millions} mill.)" if lang != "en" else f"{whole} ({millions} million)"
            )
        return whole
    if column.unit == "prosent":
        # a share as printed ('2.0' stays '2,0'), a computed one with its decimals
        shown = printed.replace(".", ",") if printed and lang != "en" else printed
        return f"{shown or fmt.decimal(value, lang)} %"
    if value.denominator == 1:
        return fmt.number(int(value), lang)
    return fmt.decimal(value, lang)


def _label(row: Row, lang: Lang) -> str:
    return (row.label_en if lang == "en" and row.label_en else row.label).strip()


def _column(column: Column, lang: Lang) -> str:
    return (column.label_en if lang == "en" and column.label_en else column.label).strip()


def render(result: TableResult, lang: Lang) -> list[str]:
    """Render a table result as paragraphs: the figure first, then the parts it rests on."""
    q, table = result.query, result.table
    title = table.title_en if lang == "en" and table.title_en else table.title
    columns = [c for c in table.columns if c.id in q.columns]
    columns.sort(key=lambda c: q.columns.index(c.id))
    unit = columns[0]
    nb = lang != "en"
    lines: list[str] = []
    if q.op == "tally":
        head = (
            ("Høyest" if q.descending else "Lavest")
            if nb
            else ("Highest" if q.descending else "Lowest")
        )
        lines.append(
            f"{head} verdi i flest kolonner:" if nb else f"{head} figure in the most columns:"
        )
        for i, (row, count) in enumerate(result.ranking, 1):
            names = [_column(c.column, lang) for c in result.cells if c.row.key == row.key]
            word = (
                ("kolonne" if count == 1 else "kolonner")
                if nb
                else ("column" if count == 1 else "columns")
            )
            lines.append(f"{i}. {_label(row, lang)}: {int(count)} {word} ({'; '.join(names)})")
            if i >= 3:
                break
    elif q.op == "rows" and q.numbered and not q.group:
        pass  # the numbers asked only ('kommunenummeret til Bykle'), given below
    elif q.op == "rows":
        assert result.total is not None
        county = all(row.county and not row.municipality for row, _ in result.ranking)
        kind = (
            ("fylker" if county else "kommuner")
            if nb
            else ("counties" if county else "municipalities")
        )
        where = q.group or ("tabellen" if nb else "the table")
        head = f"{kind.capitalize()} i {where}" if nb else f"{kind.capitalize()} in {where}"
        lines.append(f"{head}: {int(result.total)}")
        lines.append(", ".join(_label(row, lang) for row, _ in result.ranking))
    elif q.op == "printed":
        under = table.totals[q.place]
        label = under.label_en if not nb and under.label_en else under.label
        note = under.note_en if not nb and under.note_en else under.note
        assert result.total is not None
        lines.append(f"{label}: {fmt.kroner(int(result.total), lang)}")
        lines += [note] if note else []
    elif q.op in ("portion", "position", "same"):
        lines += _render_share(result, lang)
    elif q.op == "relative":
        lines += _render_relative(result, lang)
    elif q.op == "mean":
        lines += _render_mean(result, lang)
    elif q.op == "ratio":
        lines += _render_ratio(result, lang)
    elif q.op == "spread":
        top, bottom = result.cells
        assert result.total is not None
        head = "Spenn (høyest minus lavest)" if nb else "Range (highest minus lowest)"
        lines.append(f"{head}: {_figure(result.total, unit, lang)}")
        for word, cell in zip(
            ("Høyest", "Lavest") if nb else ("Highest", "Lowest"), (top, bottom), strict=True
        ):
            lines.append(
                f"– {word}: {_label(cell.row, lang)}, {_column(cell.column, lang)}: "
                f"{_figure(cell.value, cell.column, lang, cell.printed)}"
            )
    elif q.op == "rank" and q.across:
        head = "Høyest" if q.descending else "Lavest"
        if not nb:
            head = "Highest" if q.descending else "Lowest"
        lines.append(f"{head}:")
        for cell in result.cells:
            lines.append(
                f"{_label(cell.row, lang)}, {_column(cell.column, lang)}: "
                f"{_figure(cell.value, cell.column, lang, cell.printed)}"
            )
        if not result.cells:
            lines.append("–")
    elif q.op == "rank":
        what = " + ".join(_column(c, lang) for c in columns)
        if q.change:
            what = f"{_column(columns[0], lang)} → {_column(columns[1], lang)}"
            what = ("endring " if nb else "change ") + what
        if nb:
            head = f"{'Høyest' if q.descending else 'Lavest'} ({what}):"
        else:
            head = f"{'Highest' if q.descending else 'Lowest'} ({what}):"
        lines.append(head)
        asked = result.ranking[q.place - 1][1] if 0 < q.place <= len(result.ranking) else None
        for i, (row, value) in enumerate(result.ranking, 1):
            printed = str(row.values[unit.id]) if len(columns) == 1 else ""
            line = f"{i}. {_label(row, lang)}: {_figure(value, unit, lang, printed)}"
            if q.place and i >= q.place and value == asked:
                line += " ←"  # the place asked for, and a row tied with it
            lines.append(line)
        if not result.ranking:
            lines.append("–")
        claimed = next((r for r in table.rows if r.key == q.claim), None)
        outside = all(row.key != q.claim for row, _ in result.ranking)
        if claimed is not None and result.claimed is not None and outside:
            # the claimed row's own figure beside the true first place
            printed = str(claimed.values[unit.id]) if len(columns) == 1 else ""
            figure = _figure(result.claimed, unit, lang, printed)
            lines.append(f"{_label(claimed, lang)}: {figure}")
    elif q.op == "filter" and q.bound is not None:
        words = {
            ">": ("over", "above"),
            ">=": ("minst", "at least"),
            "<": ("under", "below"),
            "<=": ("høyst", "at most"),
            "==": ("lik", "equal to"),
        }[q.compare]
        against = _figure(q.bound, unit, lang)
        if q.upper is not None:
            # 'mellom 1 % og 1,2 %', 'between 1 % and 1.2 %'
            words = ("mellom", "between")
            against += f" {'og' if nb else 'and'} {_figure(q.upper, unit, lang)}"
        if q.reference is not None:
            against = f"{_label(_row(table, q.reference), lang)} ({against})"
        n = len(result.ranking)
        lines.append(f"{_column(unit, lang)} {words[0 if nb else 1]} {against}: {n}")
        for row, value in result.ranking:
            lines.append(
                f"– {_label(row, lang)}: {_figure(value, unit, lang, str(row.values[unit.id]))}"
            )
        if not result.ranking:
            lines.append("– ingen" if nb else "– none")
    elif q.op == "filter":
        a, b = (_column(c, lang) for c in columns)
        comparison = (
            ("høyere" if q.descending else "lavere")
            if nb
            else ("higher" if q.descending else "lower")
        )
        head = f"{a} {comparison} enn {b}:" if nb else f"{a} {comparison} than {b}:"
        lines.append(head)
        for row, diff in result.ranking:
            lines.append(f"– {_label(row, lang)} ({_figure(abs(diff), unit, lang)})")
        if not result.ranking:
            lines.append("– ingen" if nb else "– none")
    else:
        parts = [
            f"– {_label(c.row, lang)}, {_column(c.column, lang)}: "
            f"{_figure(c.value, c.column, lang, c.printed)}"
            for c in result.cells
        ]
        assert result.total is not None
        if q.op == "value":
            lines += [parts[0].removeprefix("– ")]
        elif q.op == "list":
            lines += [p.removeprefix("– ") for p in parts]
        elif q.op == "difference":
            first, second = result.cells
            diff = result.total
            bigger = "høyere" if nb else "higher"
            smaller = "lavere" if nb else "lower"
            word = bigger if diff > 0 else smaller
            a = f"{_label(first.row, lang)}, {_column(first.column, lang)}"
            b = f"{_label(second.row, lang)}, {_column(second.column, lang)}"
            if diff == 0:
                lines.append(f"{a} = {b}" + (": ingen forskjell" if nb else ": no difference"))
            elif nb:
                lines.append(
                    f"Forskjell: {_figure(abs(diff), unit, lang)} ({a} er {word} enn {b})."
                )
            else:
                lines.append(
                    f"Difference: {_figure(abs(diff), unit, lang)} ({a} is {word} than {b})."
                )
            lines += parts
        elif q.op == "sum" and q.each:
            # a sum for each column asked on its own, no total of them
            lines.append("Summen for hvert år:" if nb else "The sum for each year:")
            lines += parts
        else:
            total = _figure(result.total, unit, lang)
            lines.append(("Til sammen: " if nb else "Total: ") + total)
            lines += parts
            if result.printed:
                lines.append(
                    "Summen er den trykte summen i tabellen."
                    if nb
                    else "The sum is the one printed in the table."
                )
            lines += _printed_sums_note(result, lang)
    if result.prognosis and any(
        c.status == "prognose" for c in (*columns, *result_columns(result))
    ):
        lines.append(
            "Merk: tallene for prognoseåret er en prognose, ikke et endelig tall."
            if nb
            else "Note: the figures for the prognosis year are a prognosis, not a final figure."
        )
    numbers = _numbers(result, lang) if q.numbered else ""
    if numbers:
        lines.insert(0, numbers)
    verdict = _verdict(result, lang)
    if verdict:
        lines.insert(0, verdict)
        lines += _figure_elsewhere(result, lang)
    return [f"{title}", "\n".join(lines)]


def _printed_sums_note(result: TableResult, lang: Lang) -> list[str]:
    """Where rows' printed sums are added ('Sum inkl. 2020 prognose' of 15 rows) and they
    differ from the sum of the figures they add: both totals, and the gap."""
    q, table = result.query, result.table
    column = next((c for c in table.columns if c.id == q.columns[0]), None)
    if len(q.columns) != 1 or column is None or not column.sum_of or len(result.cells) < 2:
        return []
    parts = [
        _value(cell.row.values[p])
        for cell in result.cells
        for p in column.sum_of
        if p in cell.row.values
    ]
    if len(parts) != len(result.cells) * len(column.sum_of) or result.total is None:
        return []
    computed = sum(parts, Fraction(0))
    if computed == result.total:
        return []
    gap = _figure(abs(computed - result.total), column, lang)
    figures = _figure(computed, column, lang)
    if lang != "en":
        return [
            f"Summen er de trykte radsummene («{_column(column, lang)}») lagt sammen; "
            f"årstallene lagt sammen gir {figures}, {gap} i forskjell (avrunding i kilden)."
        ]
    return [
        f"The total adds the printed row sums («{_column(column, lang)}»); the yearly "
        f"figures added give {figures}, {gap} apart (rounding in the source)."
    ]


def _numbers(result: TableResult, lang: Lang) -> str:
    """The municipality numbers of the rows a result names ('Kommunenummer: Sirdal 1046')."""
    rows: list[Row] = []
    for row in (*(c.row for c in result.cells), *(r for r, _ in result.ranking)):
        if row.municipality and all(r.key != row.key for r in rows):
            rows.append(row)
    if not rows:
        return ""
    named = ", ".join(f"{_label(r, lang)} {r.municipality}" for r in rows)
    return ("Kommunenummer: " if lang != "en" else "Municipality number: ") + named


def _render_share(result: TableResult, lang: Lang) -> list[str]:
    """A row's share of the country, a row's place among the rows, or rows sharing a figure."""
    q, nb = result.query, lang != "en"
    column = next(c for c in result.table.columns if c.id == q.columns[0])
    if q.op == "same":
        lines = [
            f"{_column(column, lang)}, "
            + ("samme tall i flere rader:" if nb else "the same figure in more than one row:")
        ]
        for row, value in result.ranking:
            shown = _figure(value, column, lang, str(row.values[column.id]))
            lines.append(f"– {_label(row, lang)}: {shown}")
        return lines + ([] if result.ranking else ["– ingen" if nb else "– none"])
    first = result.cells[0]
    shown = _figure(first.value, column, lang, first.printed)
    if q.op == "portion":
        whole = result.cells[1]
        of = _figure(whole.value, column, lang, whole.printed)
        assert result.total is not None
        share = _share(result.total, lang)
        joint = "av" if nb else "of"
        if whole.row.key == first.row.key and whole.column.id != first.column.id:
            # one row's figure of one year over its figure of another: each year named
            part_of = f"{_column(first.column, lang)}: {shown}"
            whole_of = f"{_column(whole.column, lang)}: {of}"
            return [
                f"{_label(first.row, lang)}: {share} ({part_of} {joint} {whole_of})",
                "Egen utregning." if nb else "Our own calculation.",
            ]
        return [
            f"{_label(first.row, lang)}: {share} ({shown} {joint} {of}, {_label(whole.row, lang)})",
            f"{_column(whole.column, lang)}; "
            + ("egen utregning." if nb else "our own calculation."),
        ]
    above = sum(v > first.value for _, v in result.ranking)
    tied = sum(v == first.value for _, v in result.ranking) > 1
    n, place = len(result.ranking), above + 1
    if place == 1:
        where = "høyest" if nb else "the highest"
    elif above + sum(v == first.value for _, v in result.ranking) == n:
        where = "lavest" if nb else "the lowest"
    else:
        where = f"nr. {place} av {n}" if nb else f"number {place} of {n}"
    if tied:
        where += " (delt)" if nb else " (shared)"
    head = f"{_label(first.row, lang)}, {_column(column, lang)}: {shown}"
    tail = f"{where} av {n}, høyest først" if nb else f"{where} of {n}, highest first"
    if where.startswith(("nr.", "number")):
        tail = f"{where}, høyest først" if nb else f"{where}, highest first"
    lines = [head, ("Plassering: " if nb else "Rank: ") + tail]
    if place > 1 and result.ranking:
        # 'er det høyest i landet?': which row is, when this one is not
        top = result.ranking[0][1]
        best = [(r, v) for r, v in result.ranking if v == top]
        named = ", ".join(
            f"{_label(r, lang)} ({_figure(v, column, lang, str(r.values[column.id]))})"
            for r, v in best
        )
        lines.append(f"{'Høyest' if nb else 'Highest'}: {named}")
    return lines


def _share(ratio: Fraction, lang: Lang) -> str:
    """A computed share with one decimal, and the whole percent as well ('ca. 31,7 %, rundt
    32 %') where the two agree: 4,4977 % is 'ca. 4,5 %', never also 'rundt 4 %'."""
    nb = lang != "en"
    share = fmt.share(ratio, lang)
    whole_percent = math.floor(ratio * 100 + Fraction(1, 2))
    tenths = math.floor(ratio * 1000 + Fraction(1, 2))
    if tenths != whole_percent * 10 and math.floor(Fraction(tenths, 10) + Fraction(1, 2)) == (
        whole_percent
    ):
        share += f", {'rundt' if nb else 'about'} {whole_percent}" + (" %" if nb else "%")
    return share


def _render_relative(result: TableResult, lang: Lang) -> list[str]:
    """The change from one figure to another in per cent of the first, with both figures."""
    nb = lang != "en"
    first, second = result.cells
    assert result.total is not None
    if result.total > 0:
        word = "Økning" if nb else "Increase"
    elif result.total < 0:
        word = "Nedgang" if nb else "Decrease"
    else:
        word = "Endring" if nb else "Change"
    a, b = (
        f"{_column(c.column, lang)}: {_figure(c.value, c.column, lang, c.printed)}"
        for c in (first, second)
    )
    diff = _figure(abs(second.value - first.value), first.column, lang)
    base = _figure(first.value, first.column, lang, first.printed)
    of = "av" if nb else "of"
    return [
        f"{_label(first.row, lang)}: {word} {_share(abs(result.total), lang)} ({a} → {b})",
        f"{diff} {of} {base}; " + ("egen utregning." if nb else "our own calculation."),
    ]


def _render_mean(result: TableResult, lang: Lang) -> list[str]:
    """One row's years added and divided by how many they are, each year shown."""
    nb = lang != "en"
    assert result.total is not None
    cells = result.cells
    total = result.total * len(cells)  # the printed sum where the row prints one
    unit = cells[0].column
    whole = math.floor(result.total + Fraction(1, 2))
    mean = _figure(Fraction(whole), unit, lang)
    about = "" if result.total.denominator == 1 else ("ca. " if nb else "approx. ")
    years = [c.column.year for c in cells if c.column.year is not None]
    span = f"{min(years)}–{max(years)}" if years else ""
    head = "Gjennomsnitt per år" if nb else "Average per year"
    lines = [
        f"{_label(cells[0].row, lang)}, {head} {span}: {about}{mean}",
        f"{_figure(total, unit, lang)} / {len(cells)} "
        + ("år" if nb else "years")
        + "; "
        + ("egen utregning." if nb else "our own calculation."),
    ]
    lines += [
        f"– {_column(c.column, lang)}: {_figure(c.value, c.column, lang, c.printed)}" for c in cells
    ]
    return lines


def _render_ratio(result: TableResult, lang: Lang) -> list[str]:
    """The first figure over the second, as a number of times, with both figures."""
    nb = lang != "en"
    assert result.total is not None
    first, second = result.cells
    times = fmt.decimal(Fraction(math.floor(result.total * 10 + Fraction(1, 2)), 10), lang)
    about = "" if (result.total * 10).denominator == 1 else ("ca. " if nb else "approx. ")
    a, b = (
        f"{_label(c.row, lang)}, {_column(c.column, lang)}: "
        f"{_figure(c.value, c.column, lang, c.printed)}"
        for c in (first, second)
    )
    word = "ganger" if nb else "times"
    head = (
        f"{_label(first.row, lang)} har {about}{times} {word} så mye som "
        f"{_label(second.row, lang)}."
        if nb
        else f"{_label(first.row, lang)} has {about}{times} {word} as much as "
        f"{_label(second.row, lang)}."
    )
    return [head, f"– {a}", f"– {b}", "Egen utregning." if nb else "Our own calculation."]


def _verdict(result: TableResult, lang: Lang) -> str:
    """'Ja, det stemmer' or 'Nei, det stemmer ikke' for a claim the question asks to check."""
    q = result.query
    if q.claim is None:
        return ""
    if q.op == "rank":
        # the claimed row holds the claimed place (first, or second for 'nest størst')
        at = result.ranking[q.top - 1 : q.top]
        right = bool(at) and result.claimed == at[0][1]
    elif q.op in ("value", "sum") and q.bound is not None and result.total is not None:
        right = _holds(result.total, q.compare, q.bound, q.rounding)
    elif q.op == "portion" and q.bound is not None and result.total is not None:
        right = _holds(result.total * 100, q.compare, q.bound)
    elif q.op == "difference" and result.total is not None:
        right = result.total > 0 if q.claim == "more" else result.total < 0
    else:
        return ""
    if lang == "en":
        return "Yes, that is right." if right else "No, that is not right."
    return "Ja, det stemmer." if right else "Nei, det stemmer ikke."


def _figure_elsewhere(result: TableResult, lang: Lang) -> list[str]:
    """A claimed figure that is not the row's but another row's in the same column ('Oslo
    hadde 97 %' is Vest-Agder's figure): the rows that have it, said after the verdict."""
    q, table = result.query, result.table
    if q.op != "value" or q.compare != "==" or q.bound is None or len(q.columns) != 1:
        return []
    if result.total is None or _holds(result.total, q.compare, q.bound, q.rounding):
        return []
    column = next(c for c in table.columns if c.id == q.columns[0])
    owners = [
        r
        for r in table.rows
        if r.key not in q.rows
        and r.values.get(column.id) is not None
        and _holds(Fraction(str(r.values[column.id])), "==", q.bound, q.rounding)
    ]
    if not owners or len(owners) > 3:
        return []  # (a figure many rows round to names none of them)
    names = ", ".join(_label(r, lang) for r in owners)
    said = _figure(q.bound, column, lang, str(owners[0].values[column.id]))
    return [
        f"{said} er tallet for {names}." if lang != "en" else f"{said} is the figure for {names}."
    ]


def result_columns(result: TableResult) -> list[Column]:
    """The columns of the cells a result rests on (for a comparison across tables)."""
    return [c.column for c in result.cells]


def provenance(kb: KnowledgeBase, result: TableResult) -> list[Provenance]:
    """The sources of the tables a result comes from."""
    found = [kb.provenance(result.table)]
    other = result.query.other
    if other is not None:
        more = kb.provenance(kb.tables[other.table])
        found += [more] if more not in found else []
    return found
