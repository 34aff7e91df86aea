"""Every figure the bot shows: grant amounts, caps, framework increases, tables and deadlines.

One module per rule kind (``ladder``, ``calendar`` for the wind-down by calendar year, ``cap``,
``appropriation``, ``framework`` and ``tables`` for table aggregates, ``deadlines``), over the
shared ``rules``,
``results`` and ``errors``. Pure functions over a :class:`~knowledge.kb.KnowledgeBase`: no I/O,
no clock and no rate, year or date written here. Every rate, cap, grant-year count and calendar
year is read from the rules (``LadderRule``, ``SameAsRule``, ``FlatRule``, ``CapRule``,
``TextRule``) and tables in the knowledge base; the only literals are rule ids, table ids and
group names.

Results are typed objects (``results.Calculation``, ``results.Ranking``,
``results.DeadlineOutlook``) carrying the inputs, the rules applied, every step of the working,
the figures and the sources; ``bot.answers.working`` renders them in bokmål or English.

Money is whole kroner (``int``). Positions are exact :class:`~fractions.Fraction` values
("1,5 årsverk" is ``Fraction(3, 2)``, "50 % stilling" is ``Fraction(1, 2)``).

Rounding rule (the only one): an amount ``rate × positions`` is computed exactly and then
rounded once, half up, to whole kroner by ``rules.round_kroner`` (``x.5`` becomes ``x + 1``).
Sums and differences are taken of those rounded amounts, so a total always equals the sum of
the figures shown above it.

Own share (``ladder.rusarbeid_own_share``): ``yearly_cost`` is what ONE full position (100 %,
one årsverk) costs the municipality for a year; the cost of the positions is
``yearly_cost × positions`` and the own share is ``max(0, cost − grant)``.

Wind-down (``calendar``): the rules that carry conditions (a same-as rule and a flat rule in
the sources) make up the wind-down; the reference year is the year before the first of them.
In a wind-down year a position gets a grant only if the municipality was funded in the
reference year, the position existed then, and, under the ladder, it is still within the
ladder's grant years; under the flat rule it must have had a grant the year before (the
sources speak of *continuing existing positions*). The notes each result carries say what the
sources leave open.

Errors are subclasses of ``errors.CalcError``; ``message(lang)`` reads its text from bot.texts.
"""
