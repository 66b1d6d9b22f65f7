"""Terms of other business functions and other matters: a question about them is refused
(bot/answer/route.py reads them), unless it is also about customer support."""

from __future__ import annotations

# Never about outsourcing support, whatever support word stands beside them ("minta support
# benerin wifi", "a laptop for my CS team", "upah lembur tim CS"): read before the support terms.
OVER_SUPPORT = (
    "laptop", "wifi", "wi-fi", "printer", "loyalty program", "program loyalty",
    "poin loyalty", "loyalty points", "apology email", "email permintaan maaf", "upah lembur",
    "overtime pay", "pesangon", "severance pay", "rekrut karyawan", "merekrut karyawan",
    "rekrut pegawai", "job ad", "job advert", "job posting", "draft a reply", "write a reply",
    "wrong order",
)  # fmt: skip
# Other business functions and everyday subjects: the knowledge base does not cover them, so a
# question about them is refused unless it also names customer support.
FOREIGN_TERMS = (
    "pembukuan", "bookkeeping", "akuntansi", "akunting", "accounting", "payroll", "penggajian", "gaji karyawan",
    "pajak", "tax", "pph", "npwp", "cash flow", "cashflow", "arus kas", "balance sheet",
    "laporan keuangan", "accounts payable", "accounts receivable", "piutang", "zakat", "business plan", "rencana bisnis", "jadwal kereta", "train schedule", "tiket kereta", "krl", "commuter line",
    "transjakarta", "jadwal bus", "bus schedule", "marketing", "pemasaran", "iklan", "advertising", "seo", "instagram ads", "caption instagram", "instagram caption", "caption", "konten promo",
    "tiktok ads", "facebook ads", "bookkeeper", "rekrutmen", "recruiting", "hiring process", "hiring manager", "hiring staff",
    "hiring employees", "hiring agency", "legal services", "legal team", "law firm",
    "jasa hukum", "konsultan hukum", "logistik", "logistics", "3pl", "gudang", "warehouse",
    "pergudangan", "pengiriman barang", "shipping", "freight", "forwarding", "ekspedisi", "fulfillment", "fulfilment",
    "armada", "fleet", "truk", "trucks", "kendaraan operasional",
    "manufaktur", "manufacturing", "software development", "pengembangan aplikasi", "coding",
    "python", "javascript", "resep", "recipe", "bakery", "toko roti", "restaurant", "restoran",
    "tempat makan", "coffee shop", "kedai kopi", "kuliner", "pizza", "sushi", "masak", "cook", "sourdough", "baking", "bake a", "cuaca", "weather", "sepak bola",
    "football", "liga", "premier league", "football league", "film", "movie", "musik", "music", "puisi", "poem", "saham",
    "netflix", "tv show", "drakor", "k-drama", "anime", "lagu", "song", "video game", "spotify",
    "rekomendasi hotel", "merekomendasikan hotel", "recommend a hotel", "hotel recommendation",
    "rapat kerja", "harga emas", "gold price", "product launch", "peluncuran produk", "draft a tweet",
    "write a tweet", "cheap flights", "flights from", "tiket murah", "penerbangan", "tour package",
    "paket wisata", "paket tur",
    "marathon", "maraton", "half marathon", "lari pagi", "jogging", "workout", "gym", "olahraga",
    "fitness", "diet", "berat badan", "lose weight", "weight loss", "sleep schedule", "insomnia",
    "rumus excel", "di excel", "in excel", "google sheets",
    "jadwal tidur", "susah tidur", "jadwal sholat", "jadwal salat", "waktu sholat", "waktu salat",
    "prayer times",
    "world cup", "piala dunia", "olympics", "olimpiade", "who won", "siapa yang menang",
    "siapa juara",
    "ekspedisi", "per kg", "dev team", "react app", "react native", "app build", "build an app", "development aplikasi", "develop aplikasi", "agen hr", "agensi hr", "hr agency", "lowongan kerja", "backend engineer", "frontend engineer", "warehousing", "last-mile", "last mile", "crm software", "internal software", "spreadsheet",
    "web dev", "web development", "web developer", "bikin website", "jasa website", "perawat", "nurses", "dokter", "doctors", "tenaga medis",
    "medical staffing", "debt collector", "debt collection", "collection agency", "penagihan utang",
    "penagihan hutang", "ground handling", "baggage", "perawatan pesawat", "aircraft maintenance",
    "stock", "crypto", "kripto", "bitcoin", "ethereum", "app development", "mobile app", "pembuatan aplikasi",
    "aplikasi mobile", "satpam", "security guard", "security guards", "data entry", "graphic design",
    "desain grafis", "web design", "website development", "pembuatan website", "content writing",
    "copywriting", "penulisan konten", "translation", "penerjemah", "terjemahan", "catering",
    "katering", "kurir", "courier", "hr outsourcing", "tim hr", "tim hrd", "hr team",
    "outsource hr",
    "human resources", "recruitment", "perekrutan", "rpo", "developers", "developer",
    "programmer", "programmers", "programer", "pengembang software", "software engineers",
    "infrastructure management", "managed it", "it services", "network management",
    "manajemen infrastruktur", "procurement outsourcing", "outsource procurement",
    "outsourcing procurement", "outsource our procurement", "procurement services",
    "procurement function", "pengadaan barang", "dev shop", "android app", "ios app",
    "it development", "headhunter", "head hunter", "executive search", "bikin website",
    "buat website", "bikin aplikasi", "build a website", "building a website",
    "cold-calling", "lead generation", "sales leads",
    "qa testing", "software testing", "software qa", "quality assurance testing",
    "pengujian software", "pengujian perangkat lunak",
    "generate leads", "employment contract", "employment contracts", "kontrak kerja karyawan", "pkwt", "pkwtt",
    "perjanjian kerja karyawan", "virtual assistant", "asisten virtual", "personal assistant",
    "asisten pribadi", "executive assistant", "logo design", "desain logo", "bikin logo", "it security", "security monitoring", "cybersecurity",
    "cyber security", "keamanan it", "keamanan siber", "penetration test", "pentest",
    # an industry's own back office: medical coding, identity checks, admissions interviews,
    # aircraft and fleet maintenance
    "koding medis", "medical coding", "icd-10", "icd 10", "proses kyc", "kyc process",
    "kyc checks", "kyc verification", "verifikasi kyc", "verifikasi e-ktp",
    "identity verification", "wawancara seleksi", "admissions interview", "heavy maintenance",
    "aircraft maintenance", "maintenance checks", "mro provider", "truck fleet",
    "fleet maintenance", "armada truk", "perawatan armada",
    # a company's other documents and figures ("draft my board memo on Q3 revenue")
    "my board memo", "board memo on", "memo direksi tentang", "employee handbook",
    "buku panduan karyawan", "q1 revenue", "q2 revenue", "q3 revenue", "q4 revenue",
    "quarterly revenue", "revenue report", "sales report", "laporan penjualan", "pendapatan kuartal",
    "pitch deck", "press release", "siaran pers", "annual report", "laporan tahunan",
    # slides and HR policy a manager may slip in ("bikinin template slide-nya", "leave policy")
    "template slide", "slide template", "slide design", "design the slides", "design my slides",
    "powerpoint template", "template powerpoint", "kebijakan cuti",
    "cuti karyawan", "leave policy", "annual leave", "cuti tahunan",
    # the office itself: its lease and rent
    "office lease", "office rent", "lower rent", "our lease", "landlord", "sewa kantor",
    "sewa gedung", "sewa ruko", "pemilik gedung",
    # opening a shop on a marketplace ("cara buka toko di Shopee gimana?")
    # a company's own outing ("team offsite in Bali")
    "team offsite", "company offsite", "company retreat", "team building", "outing kantor",
    "buka toko", "membuka toko", "open a shop", "open a store", "opening a shop", "opening a store",
    # a hotel's rooms, an app's builders ("app dev outsourcing rates")
    "housekeeping", "laundry", "binatu", "app dev", "apps dev",
    *OVER_SUPPORT,
)  # fmt: skip
# Subjects that are another matter even when the question also names customer service ("a
# cover letter for a customer service job", "cleaning service", "a CRM for our sales team").
OTHER_MATTERS = (
    "cover letter", "surat lamaran", "lamaran kerja", "job application", "job interview",
    "wawancara kerja", "bikin cv", "buat cv", "bikinin cv", "lamaran jadi", "lamaran sebagai",
    "curriculum vitae", "my resume", "my cv", "cleaning service", "jasa kebersihan", "office cleaning", "sales team",
    "tim sales", "tim penjualan", "lifetime value", "customer lifetime", "clv", "ltv",
    "helpdesk internal", "internal helpdesk", "internal it", "our own employees", "for employees",
    "for our employees", "buat karyawan", "untuk karyawan", "karyawan internal",
    # selling by phone is sales, whatever agents it takes
    "telemarketing", "telesales", "tele-sales", "outbound sales", "sales calls", "cold calling",
    "cold calls", "panggilan penjualan",
    # a person's own job, a company's legal form, product pricing
    "pindah ke bank", "pindah bank", "switch banks", "nomor telepon cs", "how do i sign up",
    "interviewing for", "interview for a", "agent job", "call center job", "call centre job",
    "lowongan", "melamar kerja", "melamar jadi",
    # writing for fun ("can you also write me a haiku about cats?")
    "write me a poem", "write me a haiku", "write me a song", "write me a story", "write a poem",
    "write a haiku", "tell me a joke", "tulis puisi", "tuliskan puisi", "buatkan puisi",
    "bikinin puisi", "bikin puisi", "buatkan pantun", "bikinin pantun",
    "mau resign", "ingin resign", "pengen resign", "cara resign", "surat resign", "resign dari",
    "resignation letter", "how to resign", "should i resign", "want to resign", "naik gaji", "minta naik gaji", "negotiate a raise", "ask for a raise",
    "a raise", "reasonable raise", "fair raise", "raise to ask", "pay rise", "kenaikan gaji", "sales reps", "sales staff", "own bank",
    "file a complaint", "lodge a complaint", "draft an nda", "write an nda", "buatkan nda",
    "bikin nda", "bikinin nda",
    "pt atau cv", "pt or a cv",
    "pt or cv", "badan usaha", "pt perorangan", "bikin pt", "mendirikan pt", "register my company", "company registration", "pendirian pt",
    "pricing strategy", "strategi harga", "harga produk", "product pricing",
    # today's exchange rate (a rate applied to the article's figures is in scope, unstated)
    "today s usd", "today s exchange rate", "todays exchange rate", "exchange rate today",
    "kurs hari ini", "rupiah hari ini", "dolar hari ini", "dollar today",
    "usd to eur", "eur exchange rate",
    # general knowledge; choosing a shop's till app, setting up an office network
    "capital of", "ibu kota", "rekomendasi aplikasi kasir", "aplikasi kasir yg murah",
    "aplikasi kasir yang murah", "recommend a cashier app", "best cashier app", "router kantor",
    "office router", "setting firewall", "configure a firewall",
    # a website's servers ("what uptime SLA should our web hosting provider give?")
    "web hosting", "hosting provider", "hosting company", "cloud hosting", "penyedia hosting",
    "layanan hosting", "server hosting",
    # building an app; a consumer's own bill and complaint to a company (matched on words, so
    # "double-billed" reads "double billed")
    "aplikasi mobile", "mobile app developer", "app developers", "developer outsourcing",
    "double billed me", "tagihan indihome", "my internet provider", "komplain ke cs nya",
    "their customer service to respond",
    # a consumer reaching a company's own service; a job as an agent; a gadget's price
    "my order", "pesanan saya", "paket saya", "reach their customer", "contact their customer",
    "cara komplain", "gimana komplain", "how do i complain", "how do i escalate",
    "how can i escalate", "my airline", "my bank's", "bank gw", "bank gue", "bank saya",
    "lost my bag", "lost my luggage",
    "nomor customer support", "nomor customer service", "nomor cs", "nomor call center",
    "lamar kerja", "melamar kerja", "cari kerja", "lowongan", "looking for a job", "job openings",
    "any openings", "job as a", "kerja jadi agen", "jadi agen call center", "become a support agent",
    "work as a support agent", "iphone", "harga hp", "harga laptop",
    # travel: a plane ticket is no support ticket, a trip no business trip of ours
    "plan a trip", "trip to", "itinerary", "vacation", "rencana liburan", "liburan ke",
    "tiket pesawat", "flight ticket", "plane ticket", "airfare", "hotel booking", "booking hotel",
)  # fmt: skip

# A message written for a customer ("bikinin balesan buat customer yg ngamuk", "draft a calm reply
# to a customer who's furious", "a script for an upset caller"): support work itself, not its
# outsourcing.
WRITTEN_FOR_CUSTOMER = (
    # asked of the assistant: "can you draft ...", "tolong bikinin ...", "write me ..."; not "should
    # the vendor write reply templates for our customers?"
    r"(?:(?:\b(?:can|could|would|will) (?:you|u) (?:please |pls )?(?:help (?:me )?)?|\b(?:please|pls"
    r"|tolong|coba|help me) (?:\w+ )?|^)(?:draft|write|compose|prepare|bikin\w*|buat\w*|tulis\w*)"
    r"|\b(?:bikinin|buatin|buatkan|tuliskan|tulisin|susunin|susunkan))\b[^?.!]{0,30}"
    r"\b(?:repl(?:y|ies)|responses?|scripts?|templates?|balasan|balesan|jawaban|pesan|messages?|emails?)\b"
    r"[^?.!]{0,40}\b(?:customers?|pelanggan|konsumen|callers?|penelepon|buyers?|pembeli|clients?|klien\w*)\b"
)
