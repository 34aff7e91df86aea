"""Answers: typed results rendered in bokmål or English, one module per answer family.

``composer.Composer`` picks the family for the intent: ``figures``, ``tables``, ``facts``,
``deadlines``, ``contacts`` and ``declines``, over ``base`` (names, the day asked) and
``common``; ``working`` and ``table_rendering`` write a calculation's or table query's working.
Every answer names the year its facts apply to and the source document and office. An answer
about a year the sources cover carries no caveat; about a later year it says which year its
rule, figure or deadline is from and what the sources say about the years after them
(``bot.asof``). What the knowledge base does not hold is never guessed.
"""
