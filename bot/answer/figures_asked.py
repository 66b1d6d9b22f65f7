"""What a question asks of a figure: a percentage, a target, an exact rate, a count, a
multiple ("doubles the price"), a difference (bot/answer/coverage.py reads them)."""

from __future__ import annotations

import re

# Where something falls inside the band: "where does offshore sit in that range?", "closer to
# the $10 end?", "di kisaran itu offshore di angka berapa?"
IN_THE_RANGE = re.compile(
    r"\bwhere (?:in|on|within) (?:that|the|this) (?:range|band)\b"
    r"|\bwhere (?:do|does|would|will) (?:[\w-]+ ){1,4}?(?:sit|fall|land|lie)\b(?=[^?]*\b(?:range|band|end)\b)"
    r"|\bcloser to the \$?\d+ end\b|\b(?:di|dalam) kisaran (?:itu|tersebut|tadi)\b[^?]*\b(?:berapa|brp|mana)\b"
)
FIGURE = re.compile(r"\$\s*\d|\d+\s*%|\b\d+(?:[.,]\d+)?\s*(?:usd|dollars?|dolar|rupiah|juta)\b")
EXACT = re.compile(
    r"\b(?:persis\w*|tepatnya|exact(?:ly)?|precise(?:ly)?|bukan kisaran|not a range"
    r"|khusus (?:untuk|buat|bagi|utk)|specifically|spesifik\w*)\b"
)
RATE = re.compile(
    r"\b(?:rates?|tarif\w*|angka\w*|prices?|harga\w*|figures?|costs?|biaya\w*|berapa|brp|how much)\b"
)
PERCENT_ASK = re.compile(
    r"\b(?:percent(?:age)?|persen(?:tase)?)\b|%"
    # "what share of the bill goes to tech?", "porsinya berapa?"
    r"|\bwhat (?:share|proportion|fraction|portion|part) of\b|\bhow much of (?:the|our|a) (?:total|bill|budget|cost)"
    r"|\b(?:porsi|proporsi|bagian)(?:nya)? (?:berapa|brp)\b|\b(?:berapa|brp) (?:porsi|proporsi|bagian)\b"
)
# A number to set, whatever the ask's form: "what first-response time should we write into the
# SLA?", "what score would count as good?"
TARGET_ASK = re.compile(
    r"\bwhat (?:[\w-]+ ){0,2}(?:times?|targets?|levels?|scores?|percentages?|numbers?|figures?)"
    r" (?:should|would) (?:we|i|you|it|they|the)\b"
    r"|\bwhat (?:%|percent(?:age)?|share|proportion|fraction) of (?:[\w-]+ ){0,3}?(?:should|must) (?:we|i)\b"
    # "what does onboarding usually come to, in dollars?": a sum, whatever the form
    r"|\bwhat (?:does|do|would|will) (?:[\w-]+ ){1,4}?(?:come to|add up to|run (?:us|you|to))\b"
)
# A quantity ask that wants a number back, not "what are the costs?".
NUMBER_ASK = re.compile(
    r"\b(?:how much|how many|how (?:big|large|high)|(?:seberapa|berapa) (?:besar|tinggi)|berapa(?:an)?"
    r"|brp|what(?:'s| is) the (?:rate|price|cost|fee|figure)"
    r"|amounts?|nominal(?:nya)?|angka(?:nya)?)\b"
    r"|\bwhat (?:[\w-]+ ){0,2}(?:times?|targets?|levels?|scores?|rates?|percentages?|numbers?|figures?)"
    r" (?:should|do|would|is|are)\b"
    r"|\b(?:percent(?:age)?|persen(?:tase)?)\b|%"
)
# A later clause that asks a number of its own ("what are the hidden costs, and roughly how
# much is each?", "apa saja tantangannya, dan berapa persen ...?").
LATER_NUMBER = re.compile(
    # "ada standar angka SLA nya ga? misal respons brp menit": an example that asks a number
    r"(?:[,;?]|\b(?:dan|and|terus|trus|then|lalu|serta|plus|also|misal(?:nya)?|contohnya|e\.g\.|like))\s+"
    r"(?P<clause>(?:[\w-]+\s+){0,5}?"
    r"(?:berapa|brp|how (?:much|many)|what (?:percentage|share))\b.*)$"
)
# "how many tickets ...?", "berapa tiket ...?": a count of contacts, answered only by a number of them
COUNT_ASK = re.compile(
    r"\b(?:how many|berapa(?: banyak)?|brp)\s+(tickets?|tiket|calls?|panggilan|telepon|telpon|chats?"
    r"|contacts?|kontak|messages?|pesan|emails?|interactions?|interaksi|conversations?|percakapan)\b"
    r"|\bhow many (hours|minutes|seconds)\b"  # "how many hours of time-zone difference?"
)
COUNT_STEM = 5  # letters compared: "tickets" ~ "ticket", "panggilan" ~ "panggil"
# "how much cheaper?", "berapa lebih murah?": a difference the $10-$50 band does not give.
HOW_MUCH_MORE = re.compile(
    r"\bhow much (?:cheaper|more|less|pricier|costlier|lower|higher|extra)\b"
    r"|\b(?:berapa|seberapa) (?:lebih )?(?:murah|mahal|hemat|jauh|besar selisih)\w*\b"
    r"|\bselisih\w*\b"
    # "how big a price gap are we talking between offshore and domestic, exactly?"
    r"|\bhow (?:big|large|wide) (?:a |is the |of a )?(?:price |cost |rate )?(?:gap|difference)\b"
)
# "24/7 basically doubles the price", "bikin harga jadi 2x lipat": a multiple the article never
# gives (a price word must be there: "twice a year" is a frequency)
MULTIPLE = re.compile(
    r"\b(?:doubl\w*|tripl\w*|twice|[23]x|two times|three times|halves|halving|half(?= the| of| as)"
    r"|cut in half|(?:dua|tiga|[23]) ?(?:x|kali) lipat\w*|separuh\w*)(?!\w)"
)
PRICE_WORD = re.compile(r"\b(?:price|cost|bill|rate|fee|harga|biaya|tarif|ongkos|tagihan)\w*")
