"""Every user-facing text outside the composed answers, in bokmål and English, in one place.

Commands, confirmations, errors, button labels and prompts are looked up here by key with
:func:`t`; placeholders are ``str.format`` fields (``{name}``), the same in both languages.
The composed answers themselves (``bot.answers``) are written by their own modules; the
reminders, the admins' previews and refusals and the descriptions of knowledge changes are
here too. The command descriptions are in the command registry (``bot.commands.COMMANDS``).
"""

from __future__ import annotations

from bot.vocab import Lang

TEXTS: dict[str, dict[Lang, str]] = {
    # --- general ----------------------------------------------------------------------------
    "expired": {
        "nb": "Dette valget er utløpt. Spør på nytt.",
        "en": "This choice has expired. Please ask again.",
    },
    "only_text": {
        "nb": "Jeg forstår bare tekst. Skriv spørsmålet ditt, eller /hjelp for å se hva jeg kan.",
        "en": "I only understand text. Type your question, or /hjelp to see what I can do.",
    },
    "sorry": {
        "nb": "Beklager, noe gikk galt. Prøv igjen.",
        "en": "Sorry, something went wrong. Please try again.",
    },
    "admins_only": {
        "nb": "Denne kommandoen er bare for administratorer.",
        "en": "This command is for administrators only.",
    },
    "unknown_command": {
        "nb": "Ukjent kommando /{name}. Skriv /hjelp for å se hva jeg kan.",
        "en": "Unknown command /{name}. Type /hjelp to see what I can do.",
    },
    "console.banner": {
        "nb": "Tilskuddsbot (konsoll). Skriv et spørsmål, /hjelp for hjelp, /slutt for å avslutte.",
        "en": "Tilskuddsbot (console). Type a question, /hjelp for help, /slutt to quit.",
    },
    "help.admin": {
        "nb": "For administratorer:",
        "en": "For administrators:",
    },
    # --- feedback ---------------------------------------------------------------------------
    "feedback.button": {"nb": "👎 Ikke nyttig", "en": "👎 Not helpful"},
    "feedback.thanks": {
        "nb": "Takk! Spørsmålet er lagt til gjennomgang (bare teksten, uten navn eller chat-id), "
        "så svaret kan bli bedre.",
        "en": "Thank you! The question has been queued for review (its text only, without a "
        "name or chat id), so the answer can improve.",
    },
    # --- everyday commands ------------------------------------------------------------------
    "start.schemes": {"nb": "Ordninger", "en": "Schemes"},
    "start.deadlines": {"nb": "Frister", "en": "Deadlines"},
    "start.calculate": {"nb": "Beregn tilskudd", "en": "Calculate a grant"},
    "start.help": {"nb": "Hjelp", "en": "Help"},
    "schemes.unknown": {
        "nb": "Jeg kjenner ingen ordning som heter «{name}». Skriv /ordninger for listen.",
        "en": "I know no scheme called «{name}». Type /ordninger for the list.",
    },
    "calculate.usage": {
        "nb": "Skriv for eksempel «/beregn år 3, 2 årsverk» eller «/beregn år 2, 1,5 årsverk, "
        "stillingen koster 750 000 kr» (kommunalt rusarbeid), eller «/beregn NAV 50 % stilling».",
        "en": "Type for example «/beregn year 3, 2 positions» or «/beregn year 2, 1.5 positions, "
        "the position costs 750 000 kr» (municipal substance abuse work), or «/beregn NAV 50 % "
        "position».",
    },
    "sources.none": {
        "nb": "Jeg har ikke gitt deg noe svar med kilder ennå.",
        "en": "I have not given you an answer with sources yet.",
    },
    "sources.title": {"nb": "Kildene bak siste svar", "en": "The sources of the last answer"},
    "lookup.usage": {
        "nb": "Skriv hva du leter etter, f.eks. «/faq FACT-team andel» eller «/faq klagerett».",
        "en": "Type what you are looking for, e.g. «/faq FACT team share» or «/faq appeal».",
    },
    "lookup.none": {
        "nb": "Fant ingenting om «{query}». Prøv andre ord, eller /ordninger for oversikten.",
        "en": "Found nothing about «{query}». Try other words, or /ordninger for the overview.",
    },
    "lookup.title": {"nb": "Treff for «{query}»", "en": "Results for «{query}»"},
    "inline.schemes": {"nb": "Ordningene", "en": "The schemes"},
    "inline.deadlines": {"nb": "Frister", "en": "Deadlines"},
    "cancel.nothing": {
        "nb": "Det er ingen beregning å avbryte.",
        "en": "There is no calculation to cancel.",
    },
    # --- privacy ----------------------------------------------------------------------------
    "privacy.title": {"nb": "Personvern", "en": "Privacy"},
    "privacy.head": {
        "nb": "Jeg lagrer ikke samtalen. Om denne chatten husker jeg bare det som trengs "
        "for oppfølgingsspørsmål, i høyst ett døgn:",
        "en": "I do not keep the conversation. About this chat I only remember what follow-up "
        "questions need, for at most a day:",
    },
    "privacy.context": {
        "nb": "– siste tema: {intent}, ordning: {scheme}, detaljer: {slots}, dato: {day}",
        "en": "– last topic: {intent}, scheme: {scheme}, details: {slots}, date: {day}",
    },
    "privacy.nothing": {"nb": "– ingenting akkurat nå.", "en": "– nothing right now."},
    "privacy.buttons": {
        "nb": "– teksten bak {count} knapper under svarene mine (med personopplysninger byttet "
        "ut), i høyst to døgn",
        "en": "– the text behind {count} buttons under my answers (with personal data "
        "replaced), for at most two days",
    },
    "privacy.delete": {
        "nb": "Skriv /slettmeg for å slette det.",
        "en": "Type /slettmeg to delete it.",
    },
    "privacy.reminders": {
        "nb": "Påminnelser om frister (lagret til du skriver /avslutt eller /slettmeg):",
        "en": "Deadline reminders (kept until you type /avslutt or /slettmeg):",
    },
    "privacy.no_subscription": {"nb": "– ingen abonnement.", "en": "– no subscription."},
    "privacy.all_schemes": {"nb": "alle ordninger", "en": "all schemes"},
    "privacy.yes": {"nb": "ja", "en": "yes"},
    "privacy.no": {"nb": "nei", "en": "no"},
    "privacy.subscription": {
        "nb": "– chat-id {chat_id}, ordninger: {schemes}; dager før frist: {days}; språk: {lang}; "
        "aktiv: {active}; startet {created}, sist endret {since}",
        "en": "– chat id {chat_id}, schemes: {schemes}; days before a deadline: {days}; "
        "language: {lang}; active: {active}; started {created}, last changed {since}",
    },
    "privacy.outbox": {
        "nb": "– påminnelser og kunngjøringer til deg i utboksen ({counts})",
        "en": "– reminders and announcements to you in the outbox ({counts})",
    },
    "privacy.review": {
        "nb": "Spørsmål jeg ikke kunne svare på, og svar som er merket 👎, lagres i høyst "
        "90 dager, så svarene kan bli bedre: bare teksten og dagen, uten chat-id. Fødselsnumre, "
        "telefonnumre, e-postadresser og navn du oppgir, byttes ut før noe lagres, og du får "
        "beskjed når det skjer. Fordi spørsmålene ikke er knyttet til deg, kan ikke /slettmeg "
        "finne dem igjen. For å hindre at én chat fyller køen, telles hvor mange spørsmål hver "
        "chat legger inn per dag (høyst {limit}), under en kode laget av chat-id-en med et "
        "salt som byttes hver dag; tellingen og saltet slettes når dagen er omme.",
        "en": "Questions I could not answer, and answers marked 👎, are kept for at most 90 "
        "days, so the answers can improve: only the text and the day, without a chat id. "
        "National identity numbers, phone numbers, e-mail addresses and names you give are "
        "replaced before anything is stored, and you are told when that happens. As the "
        "questions are not tied to you, /slettmeg cannot find them again. So that no chat can "
        "fill the queue, how many questions each chat adds a day is counted (at most {limit}), "
        "under a code made from the chat id with a salt that changes every day; the count and "
        "the salt are deleted when the day is over.",
    },
    "privacy.masked": {
        "nb": "Jeg har byttet ut personopplysninger ({kinds}) før spørsmålet ble lagret for "
        "gjennomgang.",
        "en": "I replaced personal data ({kinds}) before the question was kept for review.",
    },
    "privacy.kind.id_number": {"nb": "fødselsnummer", "en": "national identity number"},
    "privacy.kind.email": {"nb": "e-postadresse", "en": "e-mail address"},
    "privacy.kind.phone": {"nb": "telefonnummer", "en": "phone number"},
    "privacy.kind.name": {"nb": "navn", "en": "name"},
    "privacy.deleted": {
        "nb": "Slettet. Jeg husker ikke lenger noe om denne chatten.",
        "en": "Deleted. I no longer remember anything about this chat.",
    },
    "privacy.nothing_stored": {
        "nb": "Det var ingenting lagret om deg.",
        "en": "Nothing was stored about you.",
    },
    # --- reminders --------------------------------------------------------------------------
    "alerts.telegram_only": {
        "nb": "Påminnelser og kalenderfil får du i Telegram: skriv /abonner der.",
        "en": "Reminders and the calendar file are in Telegram: type /abonner there.",
    },
    "alerts.title": {"nb": "Påminnelser", "en": "Reminders"},
    "alerts.mine_title": {"nb": "Dine påminnelser", "en": "Your reminders"},
    "alerts.all_label": {"nb": "Alle ordninger", "en": "All schemes"},
    "alerts.all_followed": {
        "nb": "alle ordningene (også nye)",
        "en": "every scheme (new ones too)",
    },
    "alerts.offsets_usage": {
        "nb": "Skriv hvor mange dager før fristen du vil ha påminnelse, for eksempel «/varsler 30 "
        "7 1» (1 til {most} tall fra 0 til {longest}).",
        "en": "Type how many days before the deadline you want a reminder, for example «/varsler "
        "30 7 1» (1 to {most} numbers from 0 to {longest}).",
    },
    "alerts.not_subscribed": {
        "nb": "Du har ingen varsler. Skriv /abonner for å velge ordninger.",
        "en": "You have no reminders. Type /abonner to choose schemes.",
    },
    "alerts.none_upcoming": {
        "nb": "Ingen kommende frister med dato er kjent for disse ordningene ennå. Frister som "
        "bare er oppgitt i ord, varsles ikke.",
        "en": "No upcoming dated deadlines are known for these schemes yet. Deadlines given "
        "only in words are not reminded.",
    },
    "alerts.upcoming": {"nb": "Kommende frister:", "en": "Upcoming deadlines:"},
    "alerts.tentative_mark": {"nb": " (foreløpig)", "en": " (tentative)"},
    "alerts.upcoming_line": {
        "nb": "– {date}{mark}: {label}, {scheme} ({left})",
        "en": "– {date}{mark}: {label}, {scheme} ({left})",
    },
    "alerts.more": {"nb": "… og {count} til.", "en": "… and {count} more."},
    "alerts.unknown_scheme": {
        "nb": "Jeg kjenner ingen ordning som heter «{name}». Skriv /abonner for listen.",
        "en": "I know no scheme called «{name}». Type /abonner for the list.",
    },
    "alerts.subscribed": {
        "nb": "Du får nå påminnelser om fristene for {schemes}, {offsets}.",
        "en": "You will now be reminded of the deadlines of {schemes}, {offsets}.",
    },
    "alerts.subscribed_help": {
        "nb": "Endre dagene med /varsler, se alt med /mine_varsler, avslutt med /avslutt. "
        "/kalender gir fristene som kalenderfil.",
        "en": "Change the days with /varsler, see everything with /mine_varsler, stop with "
        "/avslutt. /kalender gives the deadlines as a calendar file.",
    },
    "alerts.following": {"nb": "Du følger nå {schemes}.", "en": "You now follow {schemes}."},
    "alerts.stop_hint": {"nb": "Avslutt med /avslutt.", "en": "Stop with /avslutt."},
    "alerts.choose": {
        "nb": "Velg ordningen du vil ha påminnelser om, så varsler jeg før hver frist med dato: "
        "{days} (andre dager velger du med /varsler).",
        "en": "Choose the scheme you want reminders about, and I will remind you before each "
        "dated deadline: {days} (choose other days with /varsler).",
    },
    "alerts.stopped_all": {
        "nb": "Du får ingen flere påminnelser, og valgene dine er slettet. Skriv /abonner for å "
        "begynne igjen.",
        "en": "You will get no more reminders, and your choices are deleted. Type /abonner to "
        "start again.",
    },
    "alerts.not_following": {
        "nb": "Du får ikke påminnelser om {scheme}.",
        "en": "You get no reminders about {scheme}.",
    },
    "alerts.stopped_one": {
        "nb": "Du får ikke lenger påminnelser om {scheme}.",
        "en": "You will no longer be reminded about {scheme}.",
    },
    "alerts.nothing_left": {
        "nb": "Du følger ingen ordninger nå. Skriv /abonner for å velge.",
        "en": "You follow no schemes now. Type /abonner to choose.",
    },
    "alerts.still_following": {
        "nb": "Du følger fortsatt {schemes}.",
        "en": "You still follow {schemes}.",
    },
    "alerts.follows": {"nb": "Du følger {schemes}.", "en": "You follow {schemes}."},
    "alerts.offsets_now": {
        "nb": "Påminnelse {offsets} (endre med /varsler).",
        "en": "Reminder {offsets} (change with /varsler).",
    },
    "alerts.paused": {
        "nb": "Påminnelsene er stanset fordi meldinger til deg ikke kom fram. Skriv /abonner for "
        "å starte dem igjen.",
        "en": "The reminders are paused because messages to you did not get through. Type "
        "/abonner to start them again.",
    },
    "alerts.stop_button": {"nb": "Avslutt {scheme}", "en": "Stop {scheme}"},
    "alerts.stop_all_button": {"nb": "Avslutt alle", "en": "Stop all"},
    "alerts.offsets_current": {
        "nb": "Du får påminnelse {offsets}.",
        "en": "You are reminded {offsets}.",
    },
    "alerts.offsets_bad": {
        "nb": "Jeg forstod ikke «{typed}». {usage}",
        "en": "I did not understand «{typed}». {usage}",
    },
    "alerts.offsets_changed": {
        "nb": "Nå får du påminnelse {offsets}.",
        "en": "You are now reminded {offsets}.",
    },
    "alerts.offsets_text": {"nb": "{days} {unit} før fristen", "en": "{days} {unit} before"},
    "alerts.day": {"nb": "dag", "en": "day"},
    "alerts.days": {"nb": "dager", "en": "days"},
    "alerts.calendar_none": {
        "nb": "Du har ingen varsler å lage kalender av. Skriv /abonner for å velge ordninger, "
        "eller /kalender alle for fristene til alle ordningene.",
        "en": "You have no reminders to make a calendar of. Type /abonner to choose schemes, "
        "or /kalender alle for the deadlines of every scheme.",
    },
    "alerts.calendar_all": {"nb": "alle ordningene", "en": "every scheme"},
    "alerts.calendar_empty": {
        "nb": "Det finnes ingen frister med dato for {what}, så kalenderen ville vært tom.",
        "en": "There are no dated deadlines for {what}, so the calendar would be empty.",
    },
    "alerts.calendar_one": {"nb": "frist", "en": "deadline"},
    "alerts.calendar_many": {"nb": "frister", "en": "deadlines"},
    "alerts.calendar_caption": {
        "nb": "{count} {unit} for {what}. Åpne filen for å legge dem i kalenderen din; en nyere "
        "fil oppdaterer de samme avtalene.",
        "en": "{count} {unit} for {what}. Open the file to add them to your calendar; a newer "
        "file updates the same events.",
    },
    "alerts.summary_head": {
        "nb": "Opplysningene om tilskuddsordningene er oppdatert:",
        "en": "The information about the grant schemes has been updated:",
    },
    "alerts.summary_more": {"nb": "… og {count} endringer til.", "en": "… and {count} more."},
    "alerts.summary_reminder": {
        "nb": "Påminnelse: følger du {scheme}, minner jeg deg på {kind} {date} etter "
        "varslingsdagene dine (/varsler endrer dem, /avslutt stopper dem).",
        "en": "Reminder: if you follow {scheme}, I will remind you of the {kind} on {date} by "
        "your reminder days (/varsler changes them, /avslutt stops them).",
    },
    "alerts.summary_tail": {
        "nb": "Spør meg om detaljene, eller se /mine_varsler.",
        "en": "Ask me for the details, or see /mine_varsler.",
    },
    # --- the guided calculator (/beregn) ----------------------------------------------------
    "calc.which_scheme": {
        "nb": "Hvilken ordning vil du beregne?",
        "en": "Which scheme do you want to calculate?",
    },
    "calc.which_year": {"nb": "Hvilket tilskuddsår?", "en": "Which grant year?"},
    "calc.year_button": {"nb": "År {year}", "en": "Year {year}"},
    "calc.ask_positions": {
        "nb": "Hvor mange årsverk? Trykk, eller skriv et tall (f.eks. 1,5 eller 50 %).",
        "en": "How many positions? Press, or type a number (e.g. 1.5 or 50 %).",
    },
    "calc.bad_positions": {
        "nb": "{reason}\nSkriv antall årsverk på nytt, eller /avbryt.",
        "en": "{reason}\nType the number of positions again, or /avbryt.",
    },
    "calc.ask_cost": {
        "nb": "Hva koster stillingen(e) per år? Skriv beløpet i kroner (f.eks. 750 000), eller "
        "trykk «Hopp over».",
        "en": "What does the position cost per year? Type the amount in kroner (e.g. 750 000), "
        "or press «Skip».",
    },
    "calc.bad_cost": {
        "nb": "{reason}\nSkriv beløpet på nytt, trykk «Hopp over», eller /avbryt.",
        "en": "{reason}\nType the amount again, press «Skip», or /avbryt.",
    },
    "calc.skip": {"nb": "Hopp over", "en": "Skip"},
    "calc.cancel": {"nb": "Avbryt", "en": "Cancel"},
    "calc.cancelled": {"nb": "Beregningen er avbrutt.", "en": "The calculation is cancelled."},
    "calc.heading": {"nb": "Beregning: {choices}", "en": "Calculation: {choices}"},
    "calc.choose": {"nb": "velg ordning", "en": "choose a scheme"},
    "calc.year": {"nb": "år {year}", "en": "year {year}"},
    "calc.positions": {"nb": "{positions} årsverk", "en": "{positions} positions"},
    # --- quantities the one quantity reader (bot.quantity) refuses ----------------------------
    "quantity.positions.not_a_number": {
        "nb": "«{shown}» er ikke et antall årsverk jeg forstår. "
        "Skriv for eksempel «1», «1,5», «1/3» eller «50 %».",
        "en": "“{shown}” is not a number of positions I understand. "
        "Try “1”, “1.5”, “1/3” or “50%”.",
    },
    "quantity.positions.scientific": {
        "nb": "«{shown}» er skrevet som en tierpotens, og den regner jeg ikke med. "
        "Skriv antall årsverk som et vanlig tall, f.eks. «2» eller «1,5».",
        "en": "“{shown}” is written in scientific notation, which I do not calculate with. "
        "Write the number of positions as a plain number, e.g. “2” or “1.5”.",
    },
    "quantity.positions.zero_denominator": {
        "nb": "«{shown}» deler på null, så det er ikke et antall årsverk. "
        "Skriv f.eks. «1/2» eller «1/3».",
        "en": "“{shown}” divides by zero, so it is not a number of positions. "
        "Write e.g. “1/2” or “1/3”.",
    },
    "quantity.positions.not_positive": {
        "nb": "Antall årsverk må være større enn 0 (fikk «{shown}»).",
        "en": "The number of positions must be greater than 0 (got “{shown}”).",
    },
    "quantity.positions.too_small": {
        "nb": "«{shown}» årsverk er mindre enn jeg regner med; det minste er {least} årsverk "
        "(1 % av en stilling).",
        "en": "“{shown}” positions is less than I calculate with; the least is {least} "
        "positions (1% of a position).",
    },
    "quantity.positions.too_many": {
        "nb": "«{shown}» årsverk er urimelig mange; jeg regner med høyst {most}.",
        "en": "“{shown}” positions is implausibly many; I calculate at most {most}.",
    },
    "quantity.kroner.not_a_number": {
        "nb": "«{shown}» er ikke et beløp jeg forstår. Skriv et helt antall kroner, "
        "f.eks. «750 000», «750 000 kr» eller «1,2 mill».",
        "en": "“{shown}” is not an amount I understand. Write whole kroner, "
        "e.g. “750 000”, “NOK 750,000” or “1.2 mill”.",
    },
    "quantity.kroner.scientific": {
        "nb": "«{shown}» er skrevet som en tierpotens, og den regner jeg ikke med. "
        "Skriv beløpet i hele kroner, f.eks. «750 000».",
        "en": "“{shown}” is written in scientific notation, which I do not calculate with. "
        "Write the amount in whole kroner, e.g. “750 000”.",
    },
    "quantity.kroner.zero_denominator": {
        "nb": "«{shown}» deler på null, så det er ikke et beløp.",
        "en": "“{shown}” divides by zero, so it is not an amount.",
    },
    "quantity.kroner.not_positive": {
        "nb": "Beløpet må være større enn 0 kr (fikk «{shown}»).",
        "en": "The amount must be more than NOK 0 (got “{shown}”).",
    },
    "quantity.kroner.too_many": {
        "nb": "«{shown}» er et urimelig stort beløp; jeg regner med høyst {most}.",
        "en": "“{shown}” is an implausibly large amount; I calculate with at most {most}.",
    },
    # --- admins: announcements, drafts ------------------------------------------------------
    "announce.usage": {
        "nb": "Skriv teksten etter kommandoen: /kunngjor Søknadsfristen er flyttet …",
        "en": "Write the text after the command: /kunngjor The deadline has moved …",
    },
    "announce.too_long": {
        "nb": "Kunngjøringen er for lang: en melding har plass til {limit} tegn med overskriften.",
        "en": "The announcement is too long: a message holds {limit} characters with the title.",
    },
    "announce.preview": {
        "nb": "<b>Forhåndsvisning</b> – sendes til {count} abonnenter når du trykker «Send»:",
        "en": "<b>Preview</b> – sent to {count} subscribers when you press «Send»:",
    },
    "announce.send": {"nb": "Send", "en": "Send"},
    "announce.cancel": {"nb": "Avbryt", "en": "Cancel"},
    "announce.sending": {
        "nb": "Kunngjøring nr. {id} sendes til {count} abonnenter:\n\n{text}",
        "en": "Announcement no. {id} is being sent to {count} subscribers:\n\n{text}",
    },
    "announce.cancelled": {
        "nb": "Kunngjøringen er avbrutt og ikke sendt.",
        "en": "The announcement is cancelled and not sent.",
    },
    "announce.offline": {
        "nb": "Kunngjøring nr. {id}: Telegram svarer ikke nå; de {count} meldingene ligger i "
        "utboksen og sendes ved neste påminnelsesrunde.",
        "en": "Announcement no. {id}: Telegram does not answer now; the {count} messages wait "
        "in the outbox and go out with the next reminder pass.",
    },
    "announce.delivered": {
        "nb": "Kunngjøring nr. {id}: levert til {sent} av {count}.",
        "en": "Announcement no. {id}: delivered to {sent} of {count}.",
    },
    "announce.retry": {
        "nb": " Resten prøves igjen ved neste påminnelsesrunde.",
        "en": " The rest are tried again with the next reminder pass.",
    },
    "offer.question": {
        "nb": "\n\nVil du sende en oppsummering til de {count} abonnentene som følger dem?",
        "en": "\n\nDo you want to send a summary to the {count} subscribers who follow them?",
    },
    "offer.reminder": {
        "nb": " Oppsummeringen tilbyr dem påminnelse om {count} kommende frist(er).",
        "en": " The summary offers them a reminder of {count} coming deadline(s).",
    },
    "offer.nobody": {
        "nb": "\n\nIngen abonnenter følger ordningene som ble endret.",
        "en": "\n\nNo subscribers follow the schemes that changed.",
    },
    "offer.button": {
        "nb": "Send til abonnentene ({count})",
        "en": "Send to the subscribers ({count})",
    },
    "offer.sending": {
        "nb": "Oppsummeringen sendes til {count} abonnenter (kunngjøring nr. {id}).",
        "en": "The summary is being sent to {count} subscribers (announcement no. {id}).",
    },
    "offer.cancelled": {
        "nb": "Oppsummeringen er ikke sendt.",
        "en": "The summary is not sent.",
    },
    "draft.not_yours": {
        "nb": "Bare administratoren som laget dette utkastet, kan bruke knappen.",
        "en": "Only the administrator who made this draft can use the button.",
    },
    "draft.sent": {
        "nb": "Denne er allerede sendt.",
        "en": "This has already been sent.",
    },
    "draft.saved": {
        "nb": "Denne endringen er allerede lagret.",
        "en": "This change has already been saved.",
    },
    "draft.cancelled": {
        "nb": "Dette utkastet er avbrutt og kan ikke brukes.",
        "en": "This draft was cancelled and cannot be used.",
    },
    "draft.expired": {
        "nb": "Dette utkastet er utløpt. Lag det på nytt.",
        "en": "This draft has expired. Please make it again.",
    },
    # --- admins: knowledge changes ----------------------------------------------------------
    "deadline.save": {"nb": "Lagre", "en": "Save"},
    "deadline.cancel": {"nb": "Avbryt", "en": "Cancel"},
    "deadline.cancelled": {
        "nb": "Endringen er avbrutt; ingenting er lagret.",
        "en": "The change is cancelled; nothing is saved.",
    },
    "upkeep.refused": {
        "nb": "Endringen er avvist, ingenting er lagret.",
        "en": "The change is refused; nothing is saved.",
    },
    "upkeep.reload_refused": {
        "nb": "Kildene har feil, så de er ikke lastet inn.",
        "en": "The sources have errors, so they are not loaded.",
    },
    "upkeep.kept": {
        "nb": "Jeg svarer fortsatt fra kunnskapsbasen jeg hadde (versjon {version}).",
        "en": "I still answer from the knowledge base I had (version {version}).",
    },
    "upkeep.no_changes": {"nb": "Ingen endringer.", "en": "No changes."},
    "upkeep.more": {"nb": "… og {count} endringer til.", "en": "… and {count} more changes."},
    "upkeep.saved": {
        "nb": "Lagret i {files} og ført i endringsloggen (nr. {audit_id}).",
        "en": "Saved in {files} and recorded in the change log (no. {audit_id}).",
    },
    "upkeep.unchanged": {
        "nb": "Ingen endringer: jeg svarer fra versjon {version}.",
        "en": "No changes: I answer from version {version}.",
    },
    "upkeep.updated": {
        "nb": "Kunnskapsbasen er oppdatert (versjon {version}). Endringer:",
        "en": "The knowledge base is updated (version {version}). Changes:",
    },
    "upkeep.repaired": {
        "nb": "Kunnskapsdatabasen var borte eller ødelagt ({problem}); den er bygget på nytt "
        "fra kildene (versjon {version}).",
        "en": "The knowledge database was missing or broken ({problem}); it has been rebuilt "
        "from the sources (version {version}).",
    },
    "upkeep.repaired_served": {
        "nb": "Kunnskapsdatabasen var borte eller ødelagt ({problem}); kildene er ugyldige, så "
        "den er bygget på nytt fra kunnskapen jeg svarer fra (versjon {version}).",
        "en": "The knowledge database was missing or broken ({problem}); the sources are "
        "invalid, so it has been rebuilt from the knowledge I answer from (version {version}).",
    },
    "journal.completed": {
        "nb": "En endring ble avbrutt av en omstart før den var ferdig, og er nå fullført: "
        "{target}: {new} (logg nr. {audit_id}).",
        "en": "A change was interrupted by a restart before it was finished, and has now been "
        "completed: {target}: {new} (log no. {audit_id}).",
    },
    "journal.rolled_back": {
        "nb": "En endring ble avbrutt av en omstart og er rullet tilbake, så kildene er som før: "
        "{target}: {new} ({reason}). Gjør den på nytt om du fortsatt vil ha den.",
        "en": "A change was interrupted by a restart and has been rolled back, so the sources "
        "are as before: {target}: {new} ({reason}). Make it again if you still want it.",
    },
    "journal.changed": {
        "nb": "filene var endret av andre i mellomtiden: {detail}",
        "en": "the files were changed by someone else meanwhile: {detail}",
    },
    "journal.invalid": {
        "nb": "kildene godtas ikke lenger med den: {detail}",
        "en": "the sources are no longer valid with it: {detail}",
    },
    "upkeep.reloaded_outside": {
        "nb": "Kunnskapsbasen ble lastet inn på nytt utenfra.",
        "en": "The knowledge base was reloaded from outside.",
    },
    "upkeep.faq_format": {
        "nb": "Skriv: spørsmål | svar | ordning (ordningen kan utelates), eller /avbryt.",
        "en": "Write: question | answer | scheme (the scheme may be left out), or /avbryt.",
    },
    "upkeep.retry": {"nb": "Prøv igjen, eller /avbryt.", "en": "Try again, or /avbryt."},
    # --- admins: knowledge edits, previews and refusals (bot.kbadmin) -------------------------
    "kb.usage": {
        "nb": "Bruk: /ny_frist ORDNING ÅR TYPE DATO [tentativ], for eksempel "
        "/ny_frist kommunalt rusarbeid 2023 søknad 15.02.2023",
        "en": "Usage: /ny_frist SCHEME YEAR KIND DATE [tentative], for example "
        "/ny_frist kommunalt rusarbeid 2023 application 15.02.2023",
    },
    "kb.date_missing": {"nb": "Datoen mangler. {usage}", "en": "The date is missing. {usage}"},
    "kb.month_unknown": {
        "nb": "Kjenner ikke igjen måneden «{month}» i «{raw}». {usage}",
        "en": "I do not recognise the month «{month}» in «{raw}». {usage}",
    },
    "kb.date_unknown": {
        "nb": "Kjenner ikke igjen datoen «{raw}»: skriv 15.02.2023, 2023-02-15 eller "
        "15. februar 2023.",
        "en": "I do not recognise the date «{raw}»: write 15.02.2023, 2023-02-15 or "
        "15 February 2023.",
    },
    "kb.offices_many": {
        "nb": "Fristen finnes for flere embeter: {names}. Oppgi embete.",
        "en": "The deadline exists for several offices: {names}. Name the office.",
    },
    "kb.office_unknown": {
        "nb": "Kan ikke avgjøre embetet for endringen. Oppgi embete.",
        "en": "I cannot tell which office the change is for. Name the office.",
    },
    "kb.scheme_unknown_known": {
        "nb": "Ukjent ordning «{scheme}». Kjente ordninger: {known}.",
        "en": "Unknown scheme «{scheme}». Known schemes: {known}.",
    },
    "kb.scheme_unknown": {"nb": "Ukjent ordning «{scheme}».", "en": "Unknown scheme «{scheme}»."},
    "kb.deadline_same": {
        "nb": "Fristen er allerede registrert slik: {deadline}.",
        "en": "The deadline is already registered like that: {deadline}.",
    },
    "kb.deadline_label": {"nb": "{kind} for {scheme} {year}", "en": "{kind} for {scheme} {year}"},
    "kb.deadline_other": {"nb": "Frist ({kind})", "en": "Deadline ({kind})"},
    "kb.deadline_new": {
        "nb": "Ny frist (ikke lagret ennå): {label}, {office}.",
        "en": "New deadline (not saved yet): {label}, {office}.",
    },
    "kb.deadline_changed": {
        "nb": "Rettet frist (ikke lagret ennå): {label}, {office}.",
        "en": "Corrected deadline (not saved yet): {label}, {office}.",
    },
    "kb.now": {"nb": "Nå: {old}", "en": "Now: {old}"},
    "kb.written_to": {
        "nb": "Skrives til {file}. Endringen er kontrollert og kan lagres.",
        "en": "To be written to {file}. The change has been checked and can be saved.",
    },
    "kb.faq_empty": {
        "nb": "Både spørsmål og svar må fylles ut.",
        "en": "Both the question and the answer must be filled in.",
    },
    "kb.faq_new": {
        "nb": "Nytt spørsmål og svar (ikke lagret ennå): {question}",
        "en": "New question and answer (not saved yet): {question}",
    },
    "kb.faq_unknown": {"nb": "Ukjent spørsmål {faq_id}.", "en": "Unknown question {faq_id}."},
    "kb.alias_exists": {
        "nb": "Formuleringen finnes allerede for dette spørsmålet.",
        "en": "That phrasing already exists for this question.",
    },
    "kb.alias_new": {
        "nb": "Ny formulering (ikke lagret ennå) av: {question}",
        "en": "New phrasing (not saved yet) of: {question}",
    },
    "kb.write_failed": {
        "nb": "Kunne ikke skrive kildene: {error}",
        "en": "Could not write the sources: {error}",
    },
    "kb.scheme_file_missing": {
        "nb": "Fant ikke kildefilen til ordningen {scheme}.",
        "en": "Could not find the source file of the scheme {scheme}.",
    },
    "kb.faq_missing": {
        "nb": "Fant ikke spørsmålet {faq_id} i kildene.",
        "en": "Could not find the question {faq_id} in the sources.",
    },
    # --- what changed in the knowledge (bot.kbdiff) -----------------------------------------
    "diff.new": {"nb": "ny", "en": "new"},
    "diff.changed": {"nb": "endret fra {old} til {new}", "en": "changed from {old} to {new}"},
    "diff.removed": {"nb": "fjernet (var {old})", "en": "removed (was {old})"},
    "diff.removed_plain": {"nb": "fjernet", "en": "removed"},
    "diff.tentative": {"nb": "foreløpig", "en": "tentative"},
    "diff.now_tentative": {"nb": "nå foreløpig, {value}", "en": "now tentative, {value}"},
    "diff.confirmed": {"nb": "bekreftet, {value} (var foreløpig)", "en": "confirmed, {value}"},
    "diff.unknown": {"nb": "ukjent", "en": "unknown"},
    "diff.new_source": {
        "nb": "samme frist ({value}), ny kilde: {source}",
        "en": "same deadline ({value}), new source: {source}",
    },
    "diff.new_note": {"nb": "ny merknad: {note}", "en": "new note: {note}"},
    "diff.details": {"nb": "detaljer endret ({value})", "en": "details changed ({value})"},
    "diff.for": {"nb": "for", "en": "for"},
    "diff.scheme_new": {"nb": "Ny ordning: {name}", "en": "New scheme: {name}"},
    "diff.later_years": {
        "nb": "Om årene etter kildene for {name}",
        "en": "On the years after the sources for {name}",
    },
    "diff.scheme_removed": {"nb": "Ordning fjernet: {name}", "en": "Scheme removed: {name}"},
    "diff.scheme_renamed": {
        "nb": "Ordningen «{old}» har fått nytt navn: «{new}»",
        "en": "The scheme «{old}» has a new name: «{new}»",
    },
    "diff.short_renamed": {
        "nb": "Kortnavn for {name}: endret fra «{old}» til «{new}»",
        "en": "Short name of {name}: changed from «{old}» to «{new}»",
    },
    "diff.name_new": {
        "nb": "Nytt navn for {name}: «{alias}»",
        "en": "New name for {name}: «{alias}»",
    },
    "diff.name_removed": {
        "nb": "Navn fjernet for {name}: «{alias}»",
        "en": "Name removed for {name}: «{alias}»",
    },
    "diff.appropriation": {
        "nb": "Bevilgning til {name} {year}",
        "en": "Appropriation for {name} {year}",
    },
    "diff.national": {"nb": "nasjonalt", "en": "national"},
    "diff.prognosis": {"nb": "prognose", "en": "prognosis"},
    "diff.approximate": {"nb": "omtrent", "en": "approximately"},
    "diff.rate": {"nb": "Sats for {name} {years}", "en": "Rate for {name} {years}"},
    "diff.rate_step": {
        "nb": "Sats for {name} {years}, år {step}",
        "en": "Rate for {name} {years}, year {step}",
    },
    "diff.cap_position": {
        "nb": "Øvre grense per 100 % stilling for {name} {years}",
        "en": "Cap per full position for {name} {years}",
    },
    "diff.cap_measure": {
        "nb": "Øvre grense per tiltak for {name} {years}",
        "en": "Cap per measure for {name} {years}",
    },
    "diff.rule": {"nb": "Beregningsregel for {name}", "en": "Calculation rule for {name}"},
    "diff.rule_changed": {"nb": "endret: {text}", "en": "changed: {text}"},
    "diff.rule_years": {
        "nb": "gjelder nå {new} (før {old})",
        "en": "now applies to {new} (before {old})",
    },
    "diff.per": {"nb": "per", "en": "per"},
    "diff.fact_new": {"nb": "ny opplysning: {text}", "en": "new information: {text}"},
    "diff.fact_removed": {"nb": "fjernet: {text}", "en": "removed: {text}"},
    "diff.fact_tentative": {"nb": "nå foreløpig: {text}", "en": "now tentative: {text}"},
    "diff.fact_confirmed": {"nb": "bekreftet: {text}", "en": "confirmed: {text}"},
    "diff.faq_new": {
        "nb": "Nytt spørsmål og svar{scheme}: {q}",
        "en": "New FAQ entry{scheme}: {q}",
    },
    "diff.faq_removed": {
        "nb": "Spørsmål og svar fjernet{scheme}: {q}",
        "en": "FAQ entry removed{scheme}: {q}",
    },
    "diff.faq_answer": {"nb": "Nytt svar på {q}: {a}", "en": "New answer to {q}: {a}"},
    "diff.faq_question": {
        "nb": "Spørsmålet {old} heter nå {new}",
        "en": "The question {old} is now {new}",
    },
    "diff.faq_years": {
        "nb": "{q} gjelder nå {new} (før {old})",
        "en": "{q} now applies to {new} (before {old})",
    },
    "diff.faq_alias_new": {
        "nb": "Ny formulering av {q}: {alias}",
        "en": "New phrasing of {q}: {alias}",
    },
    "diff.faq_alias_removed": {
        "nb": "Formulering fjernet fra {q}: {alias}",
        "en": "Phrasing removed from {q}: {alias}",
    },
    "diff.source_new": {"nb": "Ny kilde: {title} ({where})", "en": "New source: {title} ({where})"},
    "diff.source_removed": {"nb": "Kilde fjernet: {title}", "en": "Source removed: {title}"},
    "diff.office_new": {"nb": "Nytt embete: {name}", "en": "New office: {name}"},
    "diff.office_removed": {"nb": "Embete fjernet: {name}", "en": "Office removed: {name}"},
    "diff.office_changed": {
        "nb": "Kontaktinformasjon for {name}: endret",
        "en": "Contact details for {name}: changed",
    },
    "diff.table_new": {"nb": "Ny tabell: {title}", "en": "New table: {title}"},
    "diff.table_removed": {"nb": "Tabell fjernet: {title}", "en": "Table removed: {title}"},
    "diff.table_changed": {"nb": "Tabell {title}: endret", "en": "Table {title}: changed"},
    "diff.budget": {
        "nb": "Kapittel og post for {name}: {text}",
        "en": "Budget chapter and post for {name}: {text}",
    },
    "diff.municipalities": {
        "nb": "Kommunelisten: {added} nye, {removed} fjernet, {changed} endret",
        "en": "Municipalities: {added} new, {removed} removed, {changed} changed",
    },
    "diff.budget_item": {
        "nb": "kap. {chapter} post {post} ({years})",
        "en": "chapter {chapter} post {post} ({years})",
    },
    # --- reminders and announcements (bot.reminders) ---------------------------------------
    "reminder.head": {"nb": "Påminnelse: {kind} – {name}", "en": "Reminder: {kind} – {name}"},
    "reminder.covers": {"nb": "for tilskuddsåret {year}", "en": "for grant year {year}"},
    "reminder.deadline": {
        "nb": "Frist: <b>{date}</b> ({left}).",
        "en": "Deadline: <b>{date}</b> ({left}).",
    },
    "reminder.tentative": {
        "nb": "⚠️ Foreløpig dato: kilden skriver {raw}. Sjekk datoen med statsforvalteren.",
        "en": "⚠️ Tentative date: the source says {raw}. Check the date with the county governor.",
    },
    "reminder.ahead": {
        "nb": "{offset} {unit} før fristen",
        "en": "{offset} {unit} before the deadline",
    },
    "reminder.late": {
        "nb": "Sendt for sent: påminnelsen skulle vært sendt {due} ({ahead}), men ble forsinket.",
        "en": "Sent late: this reminder was due on {due} ({ahead}) but was delayed.",
    },
    "reminder.note": {"nb": "Merknad: {note}", "en": "Note: {note}"},
    "reminder.office": {"nb": "Kontor: {office}", "en": "Office: {office}"},
    "reminder.source": {"nb": "Kilde: {source}", "en": "Source: {source}"},
    "reminder.footer": {
        "nb": "Dine varsler: /mine_varsler · Avslutt: /avslutt",
        "en": "Your reminders: /mine_varsler · Stop: /avslutt",
    },
    "reminder.resent": {
        "nb": "<i>Sendt på nytt fordi forrige sending ble avbrutt; du kan ha fått denne før.</i>",
        "en": "<i>Sent again because the previous sending was interrupted; "
        "you may have received this already.</i>",
    },
    "broadcast.title": {"nb": "Kunngjøring", "en": "Announcement"},
    # --- admins: the review queue -----------------------------------------------------------
    "review.private_only": {
        "nb": "Spørsmålskøen vises bare i en privat chat med meg, siden den kan inneholde det "
        "andre har skrevet. Skriv /ubesvart til meg direkte.",
        "en": "The question queue is only shown in a private chat with me, as it may hold what "
        "others wrote. Send /ubesvart to me directly.",
    },
    "review.empty": {
        "nb": "Ingen ubesvarte spørsmål de siste 90 dagene.",
        "en": "No unanswered questions in the last 90 days.",
    },
    "review.head": {
        "nb": "{total} spørsmål i {groups} grupper, de vanligste først{shown}.",
        "en": "{total} questions in {groups} groups, the most frequent first{shown}.",
    },
    "review.shown": {"nb": " (de {count} største vises)", "en": " (the {count} largest shown)"},
    "review.faq": {"nb": "Lag FAQ", "en": "Make FAQ"},
    "review.alias": {"nb": "Nytt alias", "en": "New alias"},
    "review.dismiss": {"nb": "Avvis", "en": "Dismiss"},
    "review.gone": {
        "nb": "Denne gruppen er ikke i køen lenger.",
        "en": "This group is no longer in the queue.",
    },
    "review.dismissed": {
        "nb": "Avvist: {count} spørsmål er fjernet fra køen.",
        "en": "Dismissed: {count} questions are removed from the queue.",
    },
    "review.faq_prompt": {
        "nb": "Lag spørsmål og svar av «{question}» ({count} ganger). {format}",
        "en": "Make a question and answer of «{question}» ({count} times). {format}",
    },
    "review.alias_prompt": {
        "nb": "Hvilket spørsmål er «{question}» en annen formulering av?",
        "en": "Which question is «{question}» another phrasing of?",
    },
    "review.alias_hint": {
        "nb": "Svar med id-en, eller /avbryt. Forslag:",
        "en": "Answer with the id, or /avbryt. Suggestions:",
    },
    "review.cancelled": {
        "nb": "Avbrutt; køen er uendret.",
        "en": "Cancelled; the queue is unchanged.",
    },
    "review.group": {
        "nb": "{number}. «{question}» – {count} {times}{down} ({days})",
        "en": "{number}. «{question}» – {count} {times}{down} ({days})",
    },
    "review.time": {"nb": "gang", "en": "time"},
    "review.times": {"nb": "ganger", "en": "times"},
    "review.also": {"nb": "   også: «{example}»", "en": "   also: «{example}»"},
    # --- admins: status ---------------------------------------------------------------------
    "status.title": {"nb": "Status", "en": "Status"},
    "status.version": {
        "nb": "Kunnskapsbase versjon {version}",
        "en": "Knowledge base version {version}",
    },
    "status.counts": {
        "nb": "{schemes} ordninger, {deadlines} frister, {faq} spørsmål og svar, {tables} tabeller",
        "en": "{schemes} schemes, {deadlines} deadlines, {faq} questions and answers, "
        "{tables} tables",
    },
    "status.buttons": {"nb": "{count} knappevalg lagret", "en": "{count} button choices kept"},
    "status.drafts": {"nb": "{count} utkast venter", "en": "{count} drafts waiting"},
    # --- the caseworker desk (bot.desk): the asker's side -----------------------------------
    "desk.button": {"nb": "Spør en saksbehandler", "en": "Ask a caseworker"},
    "desk.usage": {
        "nb": "Skriv spørsmålet etter kommandoen, for eksempel "
        "/spor_saksbehandler Kan vi bruke rustilskuddet til å kjøpe bil?",
        "en": "Type the question after the command, for example "
        "/spor_saksbehandler Can we use the grant to buy a car?",
    },
    "desk.telegram_only": {
        "nb": "Spørsmål til saksbehandlerne sendes fra Telegram, så svaret kan komme tilbake dit.",
        "en": "Questions to the caseworkers are sent from Telegram, so the answer can come back "
        "there.",
    },
    "desk.none": {
        "nb": "Ingen saksbehandlere tar imot spørsmål gjennom meg ennå. Ta kontakt med "
        "statsforvalteren direkte.",
        "en": "No caseworkers take questions through me yet. Please contact the county "
        "governor directly.",
    },
    "desk.no_office": {"nb": "statsforvalteren", "en": "the county governor"},
    "desk.preview": {
        "nb": "Dette sendes til saksbehandlerne hos {office} når du trykker Send:\n\n«{text}»",
        "en": "This is sent to the caseworkers at {office} when you press Send:\n\n«{text}»",
    },
    "desk.preview_choose": {
        "nb": "Velg hvilke saksbehandlere som skal få dette:\n\n«{text}»",
        "en": "Choose which caseworkers should get this:\n\n«{text}»",
    },
    "desk.send_to": {"nb": "Send til {office}", "en": "Send to {office}"},
    "desk.preview_about": {
        "nb": "Ordning: {scheme}, år: {year}. Svaret jeg ga deg og språket ditt følger med.",
        "en": "Scheme: {scheme}, year: {year}. The answer I gave you and your language go with it.",
    },
    "desk.preview_masked": {
        "nb": "Personopplysninger er fjernet før sending: {kinds}.",
        "en": "Personal data was removed before sending: {kinds}.",
    },
    "desk.preview_kept": {
        "nb": "Teksten og chat-id-en din lagres mens spørsmålet er åpent og inntil {days} dager "
        "etter at det er besvart eller lukket, så svaret kan komme hit. /slettmeg sletter det.",
        "en": "The text and your chat id are kept while the question is open and up to {days} "
        "days after it was answered or closed, so the answer can reach you here. /slettmeg "
        "deletes it.",
    },
    "desk.kind.id_number": {"nb": "fødselsnummer", "en": "identity number"},
    "desk.kind.email": {"nb": "e-postadresse", "en": "e-mail address"},
    "desk.kind.phone": {"nb": "telefonnummer", "en": "phone number"},
    "desk.kind.name": {"nb": "navn", "en": "name"},
    "desk.send": {"nb": "Send", "en": "Send"},
    "desk.drop": {"nb": "Avbryt", "en": "Cancel"},
    "desk.sent": {
        "nb": "Sendt til saksbehandlerne hos {office} (spørsmål nr. {id}). Svaret kommer her.",
        "en": "Sent to the caseworkers at {office} (question no. {id}). The answer will come here.",
    },
    "desk.dropped": {
        "nb": "Ikke sendt. Ingenting er lagret.",
        "en": "Not sent. Nothing is kept.",
    },
    "desk.already_sent": {
        "nb": "Dette spørsmålet er allerede avgjort.",
        "en": "This question has already been settled.",
    },
    "desk.relay": {
        "nb": "Svar fra en saksbehandler hos {office} på spørsmålet ditt (nr. {id}):\n\n{text}"
        "\n\nSvar på denne meldingen hvis du vil skrive tilbake.",
        "en": "Answer from a caseworker at {office} to your question (no. {id}):\n\n{text}"
        "\n\nReply to this message if you want to write back.",
    },
    "desk.follow_up_sent": {
        "nb": "Sendt videre til saksbehandlerne (spørsmål nr. {id}).",
        "en": "Passed on to the caseworkers (question no. {id}).",
    },
    "desk.closed_already": {
        "nb": "Spørsmål nr. {id} er lukket. Bruk /spor_saksbehandler for å stille et nytt.",
        "en": "Question no. {id} is closed. Use /spor_saksbehandler to ask a new one.",
    },
    "desk.closed_notice": {
        "nb": "Saksbehandlerne hos {office} har lukket spørsmålet ditt (nr. {id}): {reason}",
        "en": "The caseworkers at {office} have closed your question (no. {id}): {reason}",
    },
    "desk.reason.done": {
        "nb": "det er besvart.",
        "en": "it has been answered.",
    },
    "desk.reason.scope": {
        "nb": "det ligger utenfor det de behandler. Ta kontakt med kommunen eller NAV.",
        "en": "it is outside what they handle. Please contact the municipality or NAV.",
    },
    "desk.reason.duplicate": {
        "nb": "det er samme spørsmål som et du har fått svar på.",
        "en": "it is the same as a question you have had answered.",
    },
    "desk.privacy": {
        "nb": "Hos saksbehandlerne: {count} spørsmål ({listed}), med teksten (uten "
        "personopplysninger) og chat-id-en, til {days} dager etter at det er besvart eller "
        "lukket. /slettmeg sletter og lukker det.",
        "en": "With the caseworkers: {count} question(s) ({listed}), with the text (without "
        "personal data) and the chat id, until {days} days after it was answered or closed. "
        "/slettmeg deletes and closes it.",
    },
    "desk.privacy_item": {"nb": "nr. {id}: {state}", "en": "no. {id}: {state}"},
    "desk.state.pending": {"nb": "ikke sendt", "en": "not sent"},
    "desk.state.open": {"nb": "åpent", "en": "open"},
    "desk.state.answered": {"nb": "besvart", "en": "answered"},
    "desk.state.closed": {"nb": "lukket", "en": "closed"},
    # --- the caseworker desk: the caseworkers' group ----------------------------------------
    "desk.card": {
        "nb": "Spørsmål nr. {id} til {office}\nOrdning: {scheme}, år: {year}, språk: {lang}"
        "\n\n«{text}»\n\nBotens svar:\n{attempt}",
        "en": "Question no. {id} to {office}\nScheme: {scheme}, year: {year}, language: {lang}"
        "\n\n«{text}»\n\nThe bot's answer:\n{attempt}",
    },
    "desk.card_masked": {
        "nb": "(Personopplysninger fjernet: {kinds}.)",
        "en": "(Personal data removed: {kinds}.)",
    },
    "desk.card_hint": {
        "nb": "Svar ved å svare på denne meldingen.",
        "en": "Answer by replying to this message.",
    },
    "desk.answer": {"nb": "Svar", "en": "Answer"},
    "desk.faq": {"nb": "Lag FAQ", "en": "Make FAQ"},
    "desk.close.done": {"nb": "Lukk: besvart", "en": "Close: answered"},
    "desk.close.scope": {"nb": "Lukk: ikke vårt område", "en": "Close: not ours"},
    "desk.close.duplicate": {"nb": "Lukk: duplikat", "en": "Close: duplicate"},
    "desk.answer_hint": {
        "nb": "Svar på kortet (Svar/Reply) med svaret ditt, så sender jeg det til spørreren.",
        "en": "Reply to the card with your answer and I will send it to the asker.",
    },
    "desk.caseworkers_only": {
        "nb": "Dette er bare for saksbehandlerne.",
        "en": "This is for the caseworkers only.",
    },
    "desk.is_closed": {"nb": "Spørsmål nr. {id} er lukket.", "en": "Question no. {id} is closed."},
    "desk.closed_head": {"nb": "Lukket ({reason}).", "en": "Closed ({reason})."},
    "desk.relayed": {
        "nb": "Svaret er sendt til spørreren (nr. {id}).",
        "en": "The answer was sent to the asker (no. {id}).",
    },
    "desk.undelivered": {
        "nb": "Meldingen til spørreren om nr. {id} kom ikke fram: boten er blokkert eller "
        "chatten er slettet. Spørsmålet er lukket.",
        "en": "The message to the asker about no. {id} was not delivered: the bot is blocked "
        "or the chat was deleted. The question is closed.",
    },
    "desk.follow_up": {
        "nb": "Oppfølging fra spørreren på nr. {id}:\n\n«{text}»\n\nSvar ved å svare på "
        "denne meldingen.",
        "en": "Follow-up from the asker on no. {id}:\n\n«{text}»\n\nAnswer by replying to "
        "this message.",
    },
    "desk.reannounce": {
        "nb": "Fortsatt ubesvart etter {hours} arbeidstimer:",
        "en": "Still unanswered after {hours} working hours:",
    },
    "desk.deleted": {
        "nb": "Spørreren har slettet spørsmål nr. {id} (/slettmeg); det er lukket.",
        "en": "The asker deleted question no. {id} (/slettmeg); it is closed.",
    },
    "desk.deleted_card": {
        "nb": "Spørsmål nr. {id} er slettet av den som spurte (/slettmeg).",
        "en": "Question no. {id} was deleted by the asker (/slettmeg).",
    },
    "desk.faq_needs_answer": {
        "nb": "Svar på spørsmålet først; svaret blir FAQ-svaret.",
        "en": "Answer the question first; the answer becomes the FAQ answer.",
    },
    "desk.faq_exists": {
        "nb": "Allerede lagt inn som spørsmål og svar ({id}).",
        "en": "Already added as a question and answer ({id}).",
    },
    "desk.faq_made": {
        "nb": "Spørsmål nr. {id} og svaret er lagt inn som spørsmål og svar; neste som spør, "
        "får svaret av meg.",
        "en": "Question no. {id} and its answer were added as a question and answer; the next "
        "to ask gets the answer from me.",
    },
    # --- why a calculation cannot be made (bot.calc.errors) ----------------------------------
    "calc.error": {"nb": "Beregningen kunne ikke gjøres.", "en": "Could not calculate."},
    "calc.knowledge_missing": {
        "nb": "Kunnskapsbasen mangler {what}, så jeg kan ikke regne ut dette.",
        "en": "The knowledge base lacks {what}, so I cannot calculate this.",
    },
    "calc.grant_year.beyond_ladder": {
        "nb": "År {year} gir ikke tilskudd: tilskudd gis i inntil {n} år per årsverk (år 1–{n}).",
        "en": (
            "Year {year} is not eligible: the grant is given for at most {n} years per position "
            "(years 1–{n})."
        ),
    },
    "calc.grant_year.not_positive": {
        "nb": (
            "Tilskuddsår «{year}» finnes ikke: år 1 er det første året med tilskudd, og stigen "
            "har år 1–{n}."
        ),
        "en": (
            "There is no grant year “{year}”: year 1 is the first year with a grant, and the "
            "ladder has years 1–{n}."
        ),
    },
    "calc.out_of_range": {
        "nb": "Kildene har ingen regel eller tall for {year} for {subject}; de dekker {spans}.",
        "en": "The sources have no rule or figure for {year} for {subject}; they cover {spans}.",
    },
    "calc.unknown_municipality": {
        "nb": "Jeg finner ingen kommune «{text}» i kildene.",
        "en": "I cannot find a municipality “{text}” in the sources.",
    },
    "calc.municipality_areas": {
        "nb": " Kildene har tall for kommunene i {areas}.",
        "en": " The sources have figures for the municipalities of {areas}.",
    },
    "calc.did_you_mean": {"nb": " Mente du {names}?", "en": " Did you mean {names}?"},
    "calc.unknown_group": {
        "nb": "Jeg kjenner ikke regionen eller fylket «{text}». Jeg kan summere {options}.",
        "en": "I do not know the region or county “{text}”. I can total {options}.",
    },
    "calc.unknown_scheme": {
        "nb": "Jeg kjenner ingen tilskuddsordning «{text}».",
        "en": "I know no grant scheme “{text}”.",
    },
    "calc.unknown_office": {
        "nb": "Jeg kjenner ikke embetet «{text}». Kildene har {options}.",
        "en": "I do not know the office “{text}”. The sources have {options}.",
    },
    "calc.invalid_duration": {
        "nb": (
            "«{years}» år går ikke: tilskuddet gis primært for {usual} år og i inntil {most} år "
            "til samme tiltak."
        ),
        "en": (
            "“{years}” years is not possible: the grant is primarily for {usual} year(s) and at "
            "most {most} years for one measure."
        ),
    },
    "calc.invalid_start_year": {
        "nb": (
            "Stillinger som starter i {start}, kan ikke få tilskudd i {year}. Oppgi et startår som "
            "er et heltall og ikke senere enn året du spør om."
        ),
        "en": (
            "Positions starting in {start} cannot get a grant in {year}. Give a start year that "
            "is a whole number no later than the year asked about."
        ),
    },
    "calc.invalid_argument": {
        "nb": "«{value}» kan ikke brukes her: {expected}.",
        "en": "“{value}” cannot be used here: {expected}.",
    },
    "calc.expected.deadline_kind": {
        "nb": "fristtypen må være søknad, rapportering eller regnskap",
        "en": "the deadline kind must be application, report or accounts",
    },
    "calc.expected.date": {"nb": "dagen må være en dato", "en": "today must be a date"},
    "calc.expected.count": {
        "nb": "antall må være 1 eller mer",
        "en": "the count must be 1 or more",
    },
    "calc.expected.groups": {
        "nb": "oppgi minst én gruppe årsverk",
        "en": "give at least one group",
    },
    "calc.expected.start_groups": {
        "nb": "oppgi minst én gruppe stillinger med startår",
        "en": "give at least one group",
    },
    "calc.expected.year_order": {
        "nb": "første år må komme før siste år",
        "en": "the first year must not come after the last",
    },
    "calc.expected.year_span": {
        "nb": "første år må være et årstall som ikke kommer etter siste år",
        "en": "the first year must be a year no later than the last",
    },
    "calc.expected.measures": {
        "nb": "antall tiltak må være et helt tall, 0 eller mer",
        "en": "the number of measures must be a whole number, 0 or more",
    },
    "calc.expected.yearly_cost": {
        "nb": "årlig kostnad per årsverk må være et helt antall kroner, 0 eller mer",
        "en": "the yearly cost per position must be whole kroner, 0 or more",
    },
    "calc.expected.grant_years": {"nb": "oppgi minst ett tilskuddsår", "en": "give a grant year"},
    "calc.expected.cost_per_grant_year": {
        "nb": "en kostnad for hvert tilskuddsår det spørres om",
        "en": "a cost for each grant year asked about",
    },
    "calc.expected.rate_scheme": {
        "nb": "en ordning med satser per stilling",
        "en": "a scheme with rates per position",
    },
    # --- statistics (bot.stats) -------------------------------------------------------------
    "stats.empty": {
        "nb": "Ingen hendelser i perioden ennå.",
        "en": "No events in the period yet.",
    },
    "stats.head": {"nb": "Effekt, uke for uke", "en": "Effect, week by week"},
    "stats.legend": {
        "nb": "uke: spørsmål / besvart av boten / ikke besvart / 👎 / til saksbehandler / "
        "besvart av saksbehandler (median timer) / nye FAQ",
        "en": "week: questions / answered by the bot / declined / 👎 / handed over / "
        "answered by a caseworker (median hours) / new FAQ",
    },
    "stats.line": {
        "nb": "{label}: {questions} / {answered} / {declined} / {down} / {handed} / {desk} "
        "({median}) / {faq}",
        "en": "{label}: {questions} / {answered} / {declined} / {down} / {handed} / {desk} "
        "({median}) / {faq}",
    },
    "stats.total": {"nb": "Totalt", "en": "Total"},
    "stats.schemes": {"nb": "Mest spurt om: {top}", "en": "Asked about most: {top}"},
    "stats.topics": {"nb": "Vanligste tema: {top}", "en": "Most common topics: {top}"},
    "stats.clusters": {
        "nb": "Største grupper av ubesvarte spørsmål:",
        "en": "Largest clusters of unanswered questions:",
    },
    "stats.chart_title": {"nb": "Tilskuddsbot uke for uke", "en": "Tilskuddsbot week by week"},
    "stats.chart_count": {"nb": "antall", "en": "count"},
    "stats.chart_questions": {"nb": "spørsmål", "en": "questions"},
    "stats.chart_answered": {"nb": "besvart av boten", "en": "answered by the bot"},
    "stats.chart_handed": {"nb": "til saksbehandler", "en": "handed over"},
    "stats.chart_desk": {"nb": "besvart av saksbehandler", "en": "answered by a caseworker"},
}


def t(key: str, lang: Lang = "nb", /, **values: object) -> str:
    """Return a text in a language, its placeholders filled in."""
    template = TEXTS[key][lang]
    return template.format(**values) if values else template
