"""Question understanding: a chat text becomes an immutable, typed query.

Rule- and lexicon-based, in steps:

1. ``normalise``: the text is folded (lower case, nynorsk to bokmål, æøå to ASCII) and checked
   word by word against a vocabulary: every word of the knowledge base, the trigger phrases and
   everyday/function words. A word that is neither known, an inflection or a compound of known
   words is corrected to the nearest known word when one is close (rapidfuzz), else kept as
   *unknown*: the sign of a topic the knowledge base does not hold.
2. ``entities``: positions, grant years, years, money, dates and budget chapter/post are read
   with precompiled patterns (``patterns``); ``lexicon`` reads the names in the knowledge base
   (schemes, places, counties, offices, statistics columns) and its passages.
3. ``parse``: each intent is scored by the trigger phrases it finds, by what the slots imply,
   and by the passage (FAQ entry, fact sentence, rule in words) that best explains the
   question's content words (idf-weighted); ``operations`` reads what to do with a figure
   (a value, sum, difference, own share, premise), ``tables`` reads a table question as one
   typed ``TableQuery``.
4. A question with unknown words or only weak triggers, and nothing that anchors it in the
   knowledge base, is out of scope.

The result is a frozen ``query.Understanding``. Nothing here reads the clock or composes answers.
"""
