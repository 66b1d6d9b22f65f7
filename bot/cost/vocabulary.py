"""The words of cost questions, both languages: coverage, locations, support types, expertise,
channels, languages, and the words that drop a value ("tanpa telepon", "drop german").
bot/cost/parse.py reads questions with them."""

from __future__ import annotations

import re

# Units of time: seconds per unit of a handle time, hours per unit of a response target.
SECONDS = {"detik": 1, "dtk": 1, "s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1}
SECONDS |= {"menit": 60, "min": 60, "mins": 60, "minute": 60, "minutes": 60, "m": 60}
HOURS = {"jam": 1, "hour": 1, "hours": 1, "hr": 1, "hrs": 1, "h": 1}
HOURS |= {"hari": 24, "day": 24, "days": 24}
SHORT_UNIT = r"(detik|dtk|secs?|seconds?|s|menit|mins?|minutes?|m)\b"
TIME_UNIT = r"(detik|dtk|secs?|seconds?|s|menit|mins?|minutes?|m|jam|hours?|hrs?|h|hari|days?)\b"
COVERAGE = {
    "24x7": r"24\s*/\s*7|24\s*x\s*7|24 7|24 jam|24 hours?|round the clock|around the clock"
    r"|sepanjang waktu|non ?stop|tanpa henti|siang (?:(?:dan|&) )?malam|day and night|night and day"
    # "three eight-hour shifts", "3 shift sehari": round the clock in shifts
    r"|(?:tiga|3|three)(?: 8 (?:jam|hours?))? shifts?",
    "extended": r"extended(?: (?:operating|business|service|support|working))?(?: hours)?"
    r"|jam(?:nya)? (?:(?:layanan|operasional|kerja|kantor|operasi)(?:nya)? )?(?:yang )?(?:diperpanjang|panjang)"
    r"|(?:sampai|sampe|smp|hingga|until|till|into the|into) (?:larut )?(?:malam|malem|late evening|evenings?)\b"
    r"|jam tambahan|(?:waktu|jam) (?:operasi |operasional )?lanjutan"
    r"|(?:12|16) (?:jam|hours?)|evenings? and weekends?|malam dan akhir pekan"
    # "add weekend and evening coverage": beyond office hours, short of round the clock
    r"|(?:weekends?|evenings?)(?: (?:and|&|\+) (?:weekends?|evenings?))? (?:coverage|hours|shifts?|support)"
    r"|(?:akhir pekan|weekend)(?: (?:dan|&|\+) malam)?|(?:shift|jam) malam"
    # "weekends too", "including weekends": office hours and the weekend
    r"|weekends? (?:too|included|as well)|(?:including|incl|plus|and) (?:the )?weekends?"
    # "same but weekends and evenings too", "add weekends"
    r"|(?:weekends?|evenings?) (?:and|&|\+) (?:weekends?|evenings?)|(?:add|adding|include) (?:the )?weekends?"
    # "only the night shift", "overnight", "weekends only (Sat and Sun)": outside office hours
    r"|night ?shifts?|overnight|weekends? only|only (?:on )?(?:the )?weekends?|(?:on|at|over) (?:the )?weekends?"
    r"|sat(?:urday)?s? (?:and|&|-) sun(?:day)?s?|sabtu ?(?:-|dan|&|sampai) ?minggu"
    # "jam kerja plus sabtu minggu", "termasuk akhir pekan", "weekend juga"
    r"|(?:plus|dan|sama|termasuk|including|ditambah\w*|tambah\w*|\+) ?(?:hari )?(?:sabtu|saturdays?|sundays?|weekends?"
    r"|akhir pekan)|(?:weekends?|akhir pekan) juga"
    r"|(?:dua|2|two) shifts?"  # "dua shift", "two shifts": beyond one working day
    # "jam kantor + Sabtu", "also want Saturdays covered", "sabtu juga"
    r"|(?:kantor|kerja|hours|hrs) ?\+ ?(?:hari )?(?:sabtu|saturdays?|sundays?|minggu|weekends?|akhir pekan)"
    r"|(?:sabtu|saturdays?|sundays?)(?:nya)? (?:covered|too|included|as well|juga)"
    r"|(?:also|add|adding|include|plus) (?:want |need )?(?:the )?(?:saturdays?|sundays?)"
    # "sampai jam 10 malam", "until 10 pm", "till 22.00": open into the evening
    r"|(?:sampai|sampe|ampe|smp|hingga|until|till|to) (?:jam )?(?:(?:[7-9]|1[012])(?:[.:]\d\d)? ?(?:malam|malem|pm)"
    r"|midnight|tengah malam)"
    # ... an hour of the clock: "until 21", "8 to 20", "to 22.00" ("drop to 20" counts agents)
    r"|(?:sampai|sampe|ampe|smp|hingga|until|till) (?:jam )?(?:19|2[0-3])(?:[.:]\d\d)?\b"
    r"|(?:\d ?(?:am|pagi)? ?|\bjam )to (?:19|2[0-3])(?:[.:]\d\d?)?\b|\bto (?:19|2[0-3])[.:]\d\d?\b"
    # "jam 8-20": open into the evening; "Senin-Sabtu", "Monday to Saturday": beyond weekdays
    r"|jam (?:[5-9]|1[0-2]) ?(?:-|sampai|hingga|s ?d) ?(?:jam )?(?:19|2[0-3])\b"
    r"|\b(?:[5-9]|1[0-2])(?:[.:]\d\d)? ?am ?(?:(?:-|to|until|till) ?)?(?:[7-9]|1[0-2])(?:[.:]\d\d)? ?pm\b"
    r"|\b(?:jam|pukul) (?:0?[5-9]|1[0-2]) ?(?:-|–|sampai|hingga|s ?d)? ?(?:19|2[0-3])\b"
    r"|senin ?(?:(?:-|sampai|hingga|s ?d) ?)?(?:sabtu|minggu)"
    r"|\bmon(?:day)? ?(?:(?:-|to|through|thru|until|till) ?)?(?:sat(?:urday)?|sun(?:day)?)\b"
    # "jam 8 pagi-8 malam", "pukul 7 pagi sampai 9 malam": morning into the evening
    # ("jam 7 pagi-11 malem", "jam 8 pagi ampe 10 malem": said as it is spoken)
    r"|\b(?:(?:jam|pukul) )?(?:0?[5-9]|1[0-2])(?:[.:]\d\d)? ?pagi ?(?:(?:-|sampai|sampe|ampe|hingga|s ?d) ?)?"
    r"(?:jam |pukul )?(?:[7-9]|1[0-2])(?:[.:]\d\d)? ?mal(?:am|em)",
    "business_hours": r"jam kerja|jam kantor|(?:business|office|working|biz) (?:hours?|hrs?)|hari kerja"
    # "sabtunya gak usah", "no Saturdays after all": the weekend day taken off again
    r"|(?:sabtu|saturdays?|sundays?)(?:nya)? (?:gak|ga|nggak|ngga|tidak|tak|enggak) (?:usah|perlu|jadi)"
    r"|no (?:more )?(?:saturdays?|sundays?)|(?:drop|skip) (?:the )?(?:saturdays?|sundays?)"
    r"|senin (?:sampai|hingga|s ?d )?jumat|monday (?:to|through) friday|8 (?:jam|hours?)|9 to 5"
    # "weekdays 9-5", "9-5 only", "weekdays only": a working day; a falling range is no quantity
    r"|\bweekdays?\b(?! (?:and|plus|&) weekends?)|\b(?:[7-9]|10) ?(?:-|–) ?[4-6]\b(?! ?(?:[\d%]|[.,]\d|[a-z]))"
    r"|\b(?:[7-9]|10) ?(?:-|–) ?[4-6] only\b|\b(?:[7-9]|10) to [4-6]\b(?! ?(?:[\d%:]|[.,]\d|[a-z]))"
    # "jam 8 pagi-5 sore": a working day
    r"|\b(?:jam |pukul )?(?:[7-9]|10) pagi ?(?:-|sampai|hingga|s ?d)? ?(?:jam |pukul )?[3-6] sore\b"
    # "jam 9 sampai 17", "9am-5pm": office hours
    r"|\b(?:jam|pukul) (?:0?[7-9]|10) ?(?:-|–|sampai|hingga|s ?d)? ?(?:1[5-8])\b"
    r"|\b(?:[7-9]|10)(?:[.:]\d\d)? ?am ?(?:(?:-|to|until|till) ?)?[4-6](?:[.:]\d\d)? ?pm\b",
}
WITHOUT = (
    r"\b(?:tanpa|tidak|tak|nggak|enggak|gak|ga|bukan|without|no|not|don't|dont|do not|no longer|drop"
    r"|minus|never mind|forget(?: about)?|lupakan|scratch|scrap|ora|teu|henteu)"
)
# After WITHOUT: "nggak usah 24/7", "no need for 24/7", "don't need 24/7".
NO_NEED = r"(?:\s+(?:usah|perlu|butuh|pakai|pake|jadi|need(?:\s+for)?|needed|more|sampai|sampe|smp|ampe|nyampe|up to))"
# A volume that changes: "kontaknya naik jadi 10.000 per bulan", "tickets go up to 4000 a month".
CHANGE_VERB = (
    r"(?:naik|turun|nambah|bertambah|berkurang|grows?|go(?:es)? (?:up|down)|rises?|increases?"
    r"|drops?|falls?|jumps?)"
)
CHOICES = {
    "location": {
        "offshore": r"offshor(?:e|ing|ed)|off shore|luar negeri|lepas pantai|overseas|abroad|mancanegara"
        # The usual offshore destinations, named ("20 agents in the Philippines").
        r"|(?:the )?philippines?|(?<!bahasa )filipina|india|vietnam|sri lanka|bangladesh|pakistan|colombia"
        r"|kolombia|mexico|meksiko|egypt|mesir|south africa|afrika selatan"
        # "vendor luar" (a vendor from abroad, said short), not "pihak luar" (any outside party)
        r"|(?:vendor|penyedia|bpo)(?:nya)? (?:dari )?luar\b(?! (?:negeri|kota|daerah|pulau))",
        "nearshore": r"nearshore|near shore|negara tetangga|negara terdekat|negara dekat"
        r"|(?:a )?(?:nearby|neighbou?ring) country|closer to home",
        "domestic": r"domestic(?:ally)?|domestik|dal[ae]m negeri|onshore|on shore|lokal|in-country|in country"
        r"|local (?:(?:chat|email|phone|support|cs|social media) )?(?:vendors?|providers?|partners?|teams?|compan(?:y|ies)|bpos?|agenc(?:y|ies)|agents?"
        r"|staff|seats?|reps?)"
        # "a provider in our own country", "vendor di negara sendiri"
        r"|(?:in|from) our own country|(?:di |dari )?negara (?:kita |kami )?sendiri"
        # "a vendor here in Singapore itself", "vendor di sini aja"
        r"|(?:vendors?|providers?|bpos?|partners?|agents?|teams?|vendornya)\s+(?:(?:based|located|yang|yg)\s+)?(?:here|di ?sini)\b"
        # an Indonesian asking for a vendor in Indonesia ("kalo indo aja?", "vendor Indonesia")
        r"|(?:vendor|penyedia|agen|tim|perusahaan|bpo)(?:nya)? (?:dari |di |asal )?(?:indonesia|indo)\b"
        r"|\b(?:kalo|kalau|klo|pakai|pake) (?:yang |yg |vendor )?(?:indonesia|indo)\b",
    },
    "support_type": {
        # "non-technical", "ga teknis", "not technical, just basic": no technical support
        "technical": r"(?<!non )(?<!non-)(?<!non)(?:teknis|technical)|tech(?: support|[- ]agents?)\b"
        r"|it support|dukungan it|troubleshooting",
        # "telepon dasar", "kalau yang dasar aja?"
        "basic": r"(?:dukungan|layanan|agen|support|yang|yg|versi|paket|level|tingkat)(?:nya)?(?: \w+)? dasar|basic"
        r"|non[- ]?(?:technical|teknis)|(?:not|bukan|tidak|tak|nggak|ngga|enggak|gak|ga|gk) (?:yang |yg )?"
        r"(?:terlalu )?(?:technical|teknis)",
    },
    "expertise": {
        "specialist": r"spesialis|specialists?|speciali[sz]ed|ahli|experts?|pakar",
        "skilled": r"terampil|skilled|berpengalaman|experienced|senior|mahir"
        # "skill tinggi", "skill menengah", "mid-level agents": above standard, below specialist
        r"|(?:skill|keahlian|kemampuan)(?:nya)? (?:tinggi|menengah|bagus|mumpuni)"
        r"|high[- ]skill(?:ed)?|mid[- ]level|intermediate",
        "standard": r"junior|entry level|pemula|standar(?:d)? (?:agents?|expertise|level|skills?)"
        r"|(?:agen|keahlian|skill|level|tingkat)(?:nya)?(?: yang| yg)? standar",
    },
}
CHANNELS = {
    "phone": r"telepon|telpon|telephones?|phones?|calls?|panggilan|voice|hotline|call cent(?:er|re)",
    "email": r"e ?mails?|surel",
    "chat": r"chats?|obrolan|live chat|whatsapp|messenger|wa|wasap",
    "social_media": (
        r"media sosial|sosial media|sosmed|medsos|social media|instagram|facebook|tiktok|ig|fb|insta"
        # "phone, email, chat and social": the last item of a list of channels
        r"|socials?(?!\s+(?:security|skills?|workers?|welfare|responsibility|proof))"
    ),
}

# Any one channel, as one alternation (a swap "email ganti chat", a list dropped "phone and chat")
ANY_CHANNEL = "|".join(f"(?:{p})" for p in CHANNELS.values())


# A count changed to a new value: the verb, then "to" (never "dikurangi 8", which takes 8 away)
CHANGED_TO = (
    r"(?:(?:is|are|gets?|was|were)\s+)?(?:(?:di)?(?:kurangi|kurangin|tambah|tambahin|naikkan|naikin"
    r"|turunkan|turunin|ubah|ganti)|berubah|naik|turun|reduced|cut|increased|raised|lowered|changed"
    r"|dropped|bumped(?: up)?|brought(?: down| up)?|goes|went)\s+(?:jadi|menjadi|to|ke)\s+"
)


def pairs(text: str) -> dict[str, str]:
    return dict(pair.split("=") for pair in text.split())


LANG_ID = pairs(
    "inggris=en indonesia=id indo=id melayu=ms mandarin=zh cina=zh tionghoa=zh jepang=ja korea=ko thai=th "
    "thailand=th vietnam=vi arab=ar spanyol=es prancis=fr perancis=fr jerman=de belanda=nl hindi=hi "
    "tagalog=tl filipina=fil jawa=jv sunda=su portugis=pt rusia=ru italia=it"
)
LANG_EN = pairs(
    "english=en indonesian=id malay=ms mandarin=zh chinese=zh japanese=ja korean=ko thai=th "
    "vietnamese=vi arabic=ar spanish=es french=fr german=de dutch=nl hindi=hi tagalog=tl "
    "filipino=fil javanese=jv sundanese=su portuguese=pt russian=ru italian=it"
)
# ISO codes a question may use after a language word ("bahasa id & en").
LANG_CODES = "id en ja zh ko ar es fr de nl th vi ms hi pt ru it".split()
LIST_JOIN = r"(?:,|and|&|or|/|\+)"
NOT_LANGUAGE = r"(?!\s+(?:customers?|market|compan(?:y|ies)|business(?:es)?|clients?|users?))"

# "Bahasa Inggrisnya dicoret", "the phone line is dropped": the value named first, then the verb.
REMOVED_AFTER = (
    r"(?:[- ]?nya)?\s+(?:(?:di)?(?:coret|hapus|buang|hilangkan|hapuskan)|(?:is |gets )?(?:dropped|removed|cut)"
    # "Media sosialnya nggak usah deh", "social media isn't needed"
    r"|(?:nggak|gak|ga|tidak|tak|enggak) (?:usah|perlu|jadi|dipakai)|(?:is |are )?not needed"
    r"|(?:isn't|aren't) needed)\b"
)
# "drop phone", "tanpa telepon", "gak usah chat": a follow-up that takes a channel away.
REMOVE = (
    r"\b(?:drop|dropping|remove|removing|hapus|buang|coret|tanpa|without|no|no more|kecuali|except"
    r"|minus|skip|cut|stop|scrap|scratch|ditch|lose|get rid of|ga pakai|gak pakai|nggak pakai|tidak pakai|gak usah|ga usah|nggak usah"
    r"|tidak usah|tidak perlu|gak perlu|ga perlu|nggak perlu)\s+(?:the\s+|yang\s+)?"
)
# "3000 chat saja", "just 3000 chats": the channel named is the only one
ONLY = r"\b(?:only|just|aja|saja|doang|cuma|hanya)\b"
# A value the follow-up keeps, not the only one left: "tapi chat tetep ada", "keep chat in"
KEPT = re.compile(r"\b(?:tetep|tetap|masih|keep|kept|still|stays?)\b")
# Words that make a dollar amount the current (in-house) cost: "the $12k a month we pay now".
# A sum the question asks a vendor to beat: "Can outsourcing cut that?", "bring that down",
# "compete with that", "vendor offshore bisa nyaingin?" (bot/answer/costturn.py prices it too)
BEAT_THAT = (
    r"(?:bring|get) (?:that|this|it) down|(?:cut|reduce|lower|beat|undercut) (?:that|this)"
    r"|compete with (?:that|this)|nyaingin|nyaingi|menyaingi"
)
CURRENT_COST = (
    r"\b(?:in house|inhouse|internal|sendiri|own team|(?:we|i) (?:pay|spend)|paying now|currently"
    r"|right now|(?:kami|kita) (?:bayar|keluar\w*|gaji|menggaji)|menggaji|digaji|dibayar|sekarang|skrg|saat ini"
    # "tim CS 4 orang, habis sekitar Rp 40 juta sebulan", "it costs us $9,000 a month"
    r"|(?:habis|abis)(?:nya)?(?= (?:sekitar |kira kira |kurang lebih |hampir )?(?:rp|\$|usd|idr)\b)|menghabiskan"
    r"|habiskan|ngabisin|costs? (?:us|me)|(?:we|i) spend"
    r"|runs? (?:us|me)(?= (?:about |around |roughly |some )?(?:rp|\$|usd|idr)\s*\d)"
    r"|costing (?:us|me)"
    # "Our CS department costs IDR 2.4 billion a year": what their own team costs
    r"|\b(?:our|my) (?:[\w-]+ ){0,3}?costs?(?= (?:about |around |roughly |some )?(?:rp|\$|usd|idr)\s*\d)"
    # "..., $22,500 every month. Does outsourcing bring that down?": the sum is what they pay now
    rf"|{BEAT_THAT}|push (?:that|this|it) down|ngalahin (?:itu|harga)"
    r"|our \d+[- ](?:person|people|agent|member|strong)s? (?:cs |support |customer support |service )?team"
    # "CS kami makan 50 juta per minggu", "our phone support eats IDR 50 million a week"
    r"|(?:makan|eats?|burns?)(?= (?:sekitar |kira kira |about |around |roughly )?(?:rp|\$|usd|idr)\s*\d)"
    # "pengeluaran CS kita per minggu sekitar 25jt", "gaji agen kami 6 jt/bln x 15 org"
    r"|pengeluaran|gaji (?:agen|cs|staf|staff|karyawan|tim)(?:nya)? (?:kami|kita)"
    # "Each of our 6 agents costs about $4,200/mo", "we budget $540k a year for support across
    # 25 agents", "anggaran CS tahunan kami Rp 2,4 M untuk 15 agen"
    # (a budget spent on a team of a stated size; "anggaran kami Rp 150 juta, dapat berapa agen?"
    # asks what a budget buys)
    r"|each of (?:our|my) \d+|(?:we|i) budget(?=[^.?!]*\b(?:across|for|on) \d+ (?:[\w-]+ )?(?:agents|reps"
    r"|people|staff)\b)|anggaran (?:cs |support )?(?:tahunan |bulanan )?(?:kami|kita)(?=[^.?!]*\b(?:untuk"
    r"|buat) \d+ (?:agen|orang|org|staf|staff)\b)"
    # "Our support payroll is $14,000/month for 7 people"
    r"|(?:support|cs|team|tim|our|current) payroll|payroll (?:of )?(?:our|the|kami) (?:support|cs)"
    # "Tim CS kami 8 orang, biayanya Rp 60 jt sebulan": the team the user has, and its cost
    r"|tim (?:cs |support |layanan pelanggan )?(?:kami|kita|saya)(?! mau| ingin| butuh| perlu)"
    # "gaji total Rp 12 juta/bulan": what the team is paid now
    r"|gaji(?:nya)? total|total gaji(?:nya)?"
    r"|our (?:current |existing |own )?(?:cs |support |customer support |service )?team"
    # "paying Rp 90 juta/month for our own 5-person support team", "we're spending $20k"
    r"|(?:kami|kita) punya \d+ (?:orang |org )?(?:agen|cs|staf|staff)"
    r"|our own (?:[\w-]+ ){0,3}?(?:team|staff|agents)|(?:we're|we are|i'm|i am) (?:paying|spending)"
    # "We have 10 support agents costing around $11,000 a month", "We employ 7 agents at $2,800
    # per person"
    r"|(?:we|i) (?:have|employ|run|pay) \d+ (?:[\w-]+ ){0,2}?(?:agents|reps|staff|people|ftes?)"
    r"(?= (?:costing|that cost|who cost|at a cost of|earning|paid|making|at\b|@))"
    r")\b"
)
# "dua bahasa", "two languages", "bilingual" without naming them.
TWO_LANGUAGES = r"\b(?:(?:dua|2) bahasa|(?:two|2) languages|bilingual|dwibahasa)\b"
# What a company is: "a 50-person fintech", "Early-stage edtech, 15 people" give its size.
COMPANY = (
    r"(?:startup|company|business|firm|organi[sz]ation|perusahaan|bisnis|usaha|fintech|edtech"
    r"|healthtech|e ?commerce|saas|agency|agensi|retailer|marketplace|bank|brand|klinik|clinic"
    r"|hotel|toko|shop|store|manufacturer|pabrik|koperasi)"
)
# A follow-up that adds channels or languages to the ones stated before ("tambah telepon juga",
# "bring French back", "English on top of Indonesian").
ADDS = (
    r"\b(?:tambah\w*|ditambah\w*|nambah\w*|menambah\w*|plus|juga|also|add|adding|as well|too|balikin|kembalikan|dikembalikan"
    r"|(?:put|bring|add)\b[\w ]{0,30}\bback|back in|on top(?: of)?|added|in addition(?: to)?)\b"
)

# A signed number: "-4 agents" must reach validation as -4, not be priced as 4. A longer run of
# digits is no quantity.
# The 7 of "24/7" or "24x7" is no number of its own ("24/7 chat" is coverage, not 7 chats).
NUM = r"(?<![\d./])(?<!\dx)(?<!\d x)(-?\d{1,15}(?:\.\d+)?)(?!\d)"
# A period after a volume or a sum: "per bulan", "a day", "sebulan", "weekly".
PERIOD = (
    r"(?:(?:per|/|a|an|each|every|setiap|tiap|in a)\s*(?P<per>bulan|month|hari|day|minggu|week"
    r"|tahun|year)|(?P<adv>sebulan|sehari|seminggu|setahun|monthly|daily|weekly|yearly|annually"
    r"|bulanan|harian|mingguan|tahunan))"
)
LEAD_PERIOD = (
    r"\b(?:(?:setiap|tiap|every|each|per)\s+(bulan|month|hari|day|minggu|week|tahun|year)"
    r"|(sehari|seminggu|sebulan|setahun|daily|weekly|monthly|yearly|harian|mingguan|bulanan))\b"
)
PERIOD_KIND = {"month": "month", "day": "day", "week": "week", "year": "year"}
PERIOD_KIND |= dict.fromkeys(("bulan", "sebulan", "monthly", "bulanan"), "month")
PERIOD_KIND |= dict.fromkeys(("hari", "sehari", "daily", "harian"), "day")
PERIOD_KIND |= dict.fromkeys(("minggu", "seminggu", "weekly", "mingguan"), "week")
PERIOD_KIND |= dict.fromkeys(("tahun", "setahun", "yearly", "annually", "tahunan"), "year")
# "Our calls take 4 minutes and we get 9,000 a month": a number and a period alone, no money
# before it, is the volume of a question that names its contacts elsewhere
_MONEY_WORDS = (
    "spend",
    "pay",
    "paid",
    "cost",
    "costs",
    "budget",
    "biaya",
    "gaji",
    "bayar",
    "habis",
)
# A sum of money is no volume: "$9,000 a month on calls", "rp 50000000 per bulan"
NOT_MONEY = r"(?<!\$)(?<!rp )(?<!rp)(?<!usd )(?<!us\$)"
BARE_VOLUME = NOT_MONEY + "".join(f"(?<!{w} )" for w in _MONEY_WORDS) + rf"{NUM}\s+{PERIOD}"
# "Kami brand skincare lokal": the asker's own trade is local, not its vendor ("10 orang dari
# perusahaan lokal" is a local vendor)
LOCAL_TRADE = re.compile(
    r"\b(?:kami|kita|saya)\s+(?:adalah\s+)?(?:sebuah\s+)?(?:brand|merek|toko|usaha|bisnis|perusahaan"
    r"|startup|produk|umkm)\s+(?:[a-z]+\s+){0,2}?lokal\b"
    r"|\b(?:brand|merek|toko|usaha|bisnis|perusahaan|startup|produk|umkm)\s+(?:[a-z]+\s+){0,2}?lokal"
    r"\s+(?:kami|kita|saya)\b"
)
# A company's revenue or funding is no cost of its support: "~$4M ARR", "omzet Rp 2 miliar"
REVENUE = (
    r"(?:(?:\$|usd|us\$|rp)\s*\d[\d.]*(?:\s+(?:million|juta|ribu|thousand|billion|miliar))?"
    r"\s+(?:(?:in|of|a year in|per year in|annual|yearly|monthly)\s+)?(?:arr|mrr|revenue|sales|turnover|gmv"
    r"|omzet|omset|pendapatan|penjualan|funding|valuation)\b"
    r"|\b(?:arr|mrr|revenue|turnover|gmv|omzet|omset|pendapatan|penjualan|funding|valuation)(?:nya)?"
    r"(?:\s+(?:kami|kita|our|of|is|sebesar|sekitar|about|around|roughly|~|:|tahunan|bulanan|per tahun|per bulan))*"
    r"\s*[~]?(?:\$|usd|us\$|rp)\s*\d[\d.]*)"
)
# A company's age is no contract: "sudah berdiri 7 tahun" (and "seven years old", "ten years in")
NOT_AGE = "".join(f"(?<!{w} )" for w in ("berdiri", "sudah", "udah", "didirikan", "beroperasi"))
# ... nor is a period told as the company's story: "operating for 25 years", "in business for
# 15 years", "been around 12 years", "for the past 3 years", "baru 18 bulan jalan", "3 years ago"
AGE_BEFORE = re.compile(
    r"\b(?:operating|operated|in business|been around|around for|existed|been running|established"
    r"|founded|berdiri|beroperasi|didirikan|berjalan|the past|the last|selama ini)"
    r"(?:\s+(?:for|since|selama|sejak|about|around|over|almost|nearly|some|the|hampir|sekitar"
    r"|lebih dari|kurang lebih))*\s*$"
    # "Startup kami baru 18 bulan", "brand skincare kami 6 tahun", "umur usaha 3 tahun"
    r"|\b(?:startup|brand|merek|usaha|bisnis|perusahaan|toko|company|business|pt)(?:\s+[a-z]+)?"
    r"\s+(?:kami|kita|saya)\s+(?:(?:baru|sudah|udah|berumur|berusia)\s+)?$"
    r"|\b(?:umur|usia|berumur|berusia|aged)(?:\s+(?:usaha|bisnis|perusahaan|brand|toko)(?:\s+(?:kami|kita))?)?\s+$"
)
AGE_AFTER = re.compile(
    r"^\s*(?:ago|lalu|yang lalu|old|in business|jalan|berjalan|berdiri|beroperasi|terakhir|belakangan"
    r"|running)\b"
)

# Plural or uncountable contact nouns: a number before one is a volume even without "per month".
CONTACT_NOUN = (
    r"(?:tiket|tickets|kontak|contacts|panggilan|telepon|telpon|calls|chats|obrolan|e ?mails|pesan|messages"
    r"|interaksi|interactions|pertanyaan|questions|inquiries|enquiries|queries|percakapan|conversations"
    r"|kasus|cases"
    r"|sesi|sessions"
    r"|komen|komentar|comments|dms?|(?:tiket|kontak|panggilan|pesan|chat|email|komen|komentar)nya"
    # Indonesian has no plural: "180000 chat pelanggan", but "5 chat (and email) agents" are
    # agents.
    r"|(?:chat|e ?mail)(?!(?:\s+(?:and|dan|&|/|or|atau|e ?mail|chat|phone|telepon|voice|social|media))*"
    r"\s+(?:agen|agents?|seats?|kursi|staf|staff|operators?|support|dukungan|layanan|cs)\b))"
)
# Any contact word, singular ones too ("6 minutes per call", "5 chat agents").
CONTACT = (
    rf"(?:{CONTACT_NOUN}|ticket|contact|call|chat|e ?mail|message|interaction|conversation|comment)"
)
AGENT = (
    r"(?:agen|agents?|seats?|kursi|staf|staff|cs|operators?|orang|org|people|persons?|reps?|ftes?"
    r"|representatives?|specialists?|spesialis)"
)
# Words that end the adjectives between a number and its noun ("5 offshore phone agents").
GAP_STOP = (
    rf"(?:{CONTACT_NOUN}|{AGENT}|per|a|an|di|in|dalam|within|selama|for|buat|untuk|menit|minutes?"
    r"|jam|hours?|detik|seconds?|bulan|months?|tahun|years?|hari|days?|sebulan|sehari|seminggu"
    r"|setahun|monthly|daily|weekly|yearly)"
)
# "seven skilled - not specialist - agents", "12 bilingual indonesian/english agents"
GAP = rf"(?:(?!{GAP_STOP}\b)(?:[a-z]+(?:/[a-z]+)*|-|\+|&)\s+)"  # also "phone + chat agents"
