#!/usr/bin/env python3
"""Generate a synthetic kbq knowledge base for benchmarks.

Writes, for N records drawn from a seeded PRNG (python3 stdlib only):

    DIR/kb/schema.yaml   the schema (kbq-kb(5) format: common + kinds)
    DIR/kb/records.yaml  all records, one YAML block sequence of mappings
    DIR/records.json     the same records as one JSON array (lists as arrays)
    DIR/records.jsonl    one JSON object a line, list values joined with ';'
    DIR/records.rec      a GNU recfile, list values as repeated fields

The records follow the shipped schema's shape: actor, agreement, control, event and
source records with the fields of SPEC section 1.  Every ref names a record generated
earlier, so refs always resolve; `us` and `cn` are the first two records.  The same
seed and N always give byte-identical output.

Usage: gen.py [--seed S] -n N --out DIR
"""

import argparse
import json
import os
import random
import re
import sys

# ---------------------------------------------------------------- word lists

FIRST = """James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth
William Barbara Richard Susan Joseph Jessica Thomas Sarah Charles Karen Daniel Nancy
Matthew Lisa Anthony Betty Mark Sandra Donald Ashley Steven Kimberly Paul Emily Andrew
Donna Joshua Michelle Kenneth Carol Kevin Amanda Brian Melissa George Deborah Timothy
Stephanie Ronald Rebecca Jason Laura Edward Helen Jeffrey Sharon Ryan Cynthia Jacob
Kathleen Gary Amy Nicholas Angela Eric Anna Jonathan Ruth Scott Brenda Howard Jamieson
Gina Wei Li Ming Hua Jun Lei Yan Xin Hong Lifeng Jinping Qiang Yi Ying Min-jun Seo-yeon
Ji-ho Hiroshi Yuki Takeshi Akiko Hans Ursula Olaf Annalena Pierre Marie Emmanuel Rishi
Giorgia Pedro Luiz Narendra Ravi Priya Sergei Olga Ahmed Fatima Mohammed Leila Jose
Lucia Mateo Sofia Lars Ingrid Johan Astrid Piotr Agnieszka Jan Eva Zoltan Katalin""".split()

LAST = """Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez
Hernandez Lopez Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez
Thompson White Harris Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King
Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell
Mitchell Carter Roberts Bessent Lutnick Greer Hassett Raimondo Tai Yellen Sullivan
Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin Luo
Zheng Liang Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Yuan Pan Jiang
Kim Park Choi Jung Kang Cho Yoon Jang Lim Shin Sato Suzuki Takahashi Tanaka Watanabe
Ito Yamamoto Nakamura Kobayashi Kato Müller Schmidt Schneider Fischer Weber Meyer
Wagner Becker Schulz Hoffmann Dubois Durand Lefebvre Moreau Laurent Rossi Russo
Ferrari Esposito Bianchi Silva Santos Oliveira Souza Costa Sharma Patel Singh Kumar
Gupta Ivanov Petrov Novak Kowalski Nowak Horvat Jensen Nielsen Hansen Larsen""".split()

# (id, name, adjective, capital-ish city)
COUNTRIES = [
    ("us", "United States", "US", "Washington"),
    ("cn", "China", "Chinese", "Beijing"),
    ("gb", "United Kingdom", "British", "London"),
    ("ch", "Switzerland", "Swiss", "Geneva"),
    ("jp", "Japan", "Japanese", "Tokyo"),
    ("kr", "South Korea", "South Korean", "Seoul"),
    ("tw", "Taiwan", "Taiwanese", "Taipei"),
    ("nl", "Netherlands", "Dutch", "The Hague"),
    ("de", "Germany", "German", "Berlin"),
    ("fr", "France", "French", "Paris"),
    ("it", "Italy", "Italian", "Rome"),
    ("in", "India", "Indian", "New Delhi"),
    ("au", "Australia", "Australian", "Canberra"),
    ("ca", "Canada", "Canadian", "Ottawa"),
    ("mx", "Mexico", "Mexican", "Mexico City"),
    ("br", "Brazil", "Brazilian", "Brasília"),
    ("vn", "Vietnam", "Vietnamese", "Hanoi"),
    ("my", "Malaysia", "Malaysian", "Kuala Lumpur"),
    ("sg", "Singapore", "Singaporean", "Singapore"),
    ("id", "Indonesia", "Indonesian", "Jakarta"),
    ("ru", "Russia", "Russian", "Moscow"),
    ("sa", "Saudi Arabia", "Saudi", "Riyadh"),
    ("ae", "United Arab Emirates", "Emirati", "Abu Dhabi"),
    ("za", "South Africa", "South African", "Pretoria"),
    ("se", "Sweden", "Swedish", "Stockholm"),
    ("pl", "Poland", "Polish", "Warsaw"),
    ("es", "Spain", "Spanish", "Madrid"),
    ("cl", "Chile", "Chilean", "Santiago"),
    ("ar", "Argentina", "Argentine", "Buenos Aires"),
    ("tr", "Türkiye", "Turkish", "Ankara"),
]

CITIES = ["Geneva", "London", "Washington", "Beijing", "Shanghai", "Tokyo", "Seoul",
          "Paris", "Berlin", "Brussels", "Rome", "Madrid", "Singapore", "Hanoi",
          "Jakarta", "Osaka", "Busan", "Shenzhen", "Guangzhou", "Hong Kong", "Taipei",
          "Stockholm", "Warsaw", "Vienna", "Zürich", "São Paulo", "Mumbai", "Sydney",
          "Ottawa", "Toronto", "Davos", "Bali", "Riyadh", "Dubai", "Doha", "Istanbul",
          "Kuala Lumpur", "Bangkok", "Manila", "Lima", "Santiago"]

CO_PREFIX = """Huawei Nexperia Sinotech Pacific Northstar Golden Dragon Apex Vertex
Summit Orion Lumen Quantum Silverline Redwood Bluewater Evergreen Harbor Meridian
Zenith Crescent Horizon Sterling Titan Aurora Polaris Cobalt Granite Jade Lotus
Phoenix Falcon Kestrel Cedar Maple Atlas Helix Nova Vector Sigma Delta Kairos Tianma
Hengtong Xinhua Baotou Ganzhou Jiangxi Shenghe Lynas Neo Micron Anhui Hubei Zhejiang""".split()
CO_CORE = """Technologies Semiconductor Microelectronics Materials Metals Mining
Robotics Aerospace Avionics Electronics Photonics Instruments Systems Networks
Logistics Chemicals Optics Devices Computing Energy Motors Batteries Lithography
Software Telecom Circuits Precision Industries Resources Minerals""".split()
CO_SUFFIX = ["Co., Ltd.", "Inc.", "Corporation", "Group", "Holdings", "Ltd.", "AG",
             "S.A.", "Company", "Limited", "GmbH", "plc", ""]

ORG_WORDS = """Council Institute Association Alliance Forum Federation Consortium
Chamber Foundation Centre Coalition Society Network Board League""".split()
ORG_TOPICS = """Strategic Minerals|Semiconductor Industry|Advanced Manufacturing|
Open Trade|Critical Technology|Export Policy|Supply Chain Security|Battery Materials|
Automotive Suppliers|Electronics Makers|Technology Standards|Maritime Trade|
Clean Energy|Aviation Safety|Nuclear Suppliers|Digital Economy""".replace("\n", "").split("|")

GOV_BODIES = {
    "us": ["Bureau of Industry and Security", "Department of Commerce",
           "Department of the Treasury", "Office of the US Trade Representative",
           "National Economic Council", "Department of State",
           "Office of Foreign Assets Control", "Department of Energy",
           "Nuclear Regulatory Commission", "Federal Communications Commission"],
    "cn": ["Ministry of Commerce", "General Administration of Customs",
           "Ministry of Industry and Information Technology", "State Council",
           "National Development and Reform Commission", "Ministry of Foreign Affairs",
           "Export Control Office", "Customs Tariff Commission",
           "Ministry of Natural Resources", "Cyberspace Administration"],
}
GOV_GENERIC = ["Ministry of Economy", "Ministry of Trade", "Ministry of Foreign Affairs",
               "Customs Service", "Export Control Agency", "Ministry of Industry",
               "Trade Commission", "Competition Authority", "Ministry of Finance"]

MEDIA = ["CBS News", "The Wall Street Journal", "Reuters", "Bloomberg",
         "Yonhap News Agency", "Xinhua", "Global Times", "Financial Times",
         "Nikkei Asia", "South China Morning Post", "The New York Times",
         "Associated Press", "BBC News", "Caixin", "Le Monde", "Handelsblatt",
         "Chosun Ilbo", "Kyodo News", "Politico", "Axios", "CNBC", "Al Jazeera"]
MEDIA_MODS = ["", " Online", " Daily", " Weekly", " Business", " Asia", " Europe",
              " Radio", " TV", " Wire"]

INDUSTRIES = ["automotive industry", "electronics industry", "semiconductor industry",
              "defence industry", "aerospace industry", "wind power industry",
              "electric vehicle industry", "rare earth processing industry",
              "battery industry", "telecommunications industry", "robotics industry",
              "medical device industry", "shipbuilding industry", "steel industry"]

ROLES = ["Secretary of Commerce", "Secretary of the Treasury", "Trade Representative",
         "Vice Premier", "President", "Prime Minister", "Minister of Commerce",
         "Chairperson of the Council of Economic Advisers", "Chief Executive Officer",
         "Chief Financial Officer", "Spokesperson", "Deputy Minister", "Ambassador",
         "Senator", "Representative", "Director", "Under Secretary for Industry and Security",
         "Chief Negotiator", "Analyst", "Professor of Economics", "Editor",
         "National Security Adviser", "Governor", "Chief Technology Officer"]

# categories and the items that go with them; only rare-earths items contain the
# words the benchmark regex looks for (rare, magnet)
CATEGORIES = {
    "rare-earths": ["rare earth elements", "samarium", "gadolinium", "terbium",
                    "dysprosium", "lutetium", "scandium", "yttrium",
                    "NdFeB magnets", "rare-earth magnets", "Rare Earth oxides",
                    "permanent magnets", "magnet production technology"],
    "semiconductors": ["logic chips", "memory chips", "wafers", "photoresists",
                       "etching equipment", "deposition tools", "high-purity gallium",
                       "germanium", "antimony", "lithography systems", "HBM stacks"],
    "ai-chips": ["Ascend accelerators", "data-center GPUs", "AI training chips",
                 "advanced computing items", "inference accelerators"],
    "eda-software": ["EDA software", "chip design tools", "simulation software",
                     "IP cores", "verification suites"],
    "aircraft-engines": ["aircraft engines", "turbofan parts", "engine controllers",
                         "jet engine components", "avionics"],
    "nuclear-equipment": ["nuclear plant equipment", "reactor components",
                          "fuel assemblies", "heavy water", "zirconium tubing"],
    "critical-minerals": ["graphite", "lithium", "cobalt", "tungsten", "bismuth",
                          "indium", "molybdenum", "tellurium"],
    "telecom": ["base stations", "optical transceivers", "5G equipment",
                "undersea cable gear", "network switches"],
    "drones": ["drone parts", "flight controllers", "UAV engines", "thermal cameras"],
    "batteries": ["cathode materials", "battery cells", "anode technology",
                  "lithium processing technology", "battery separators"],
    "agriculture": ["soybeans", "pork", "sorghum", "poultry", "corn", "logs"],
    "steel": ["steel products", "aluminium", "flat-rolled steel", "iron ore"],
}
CAT_WEIGHTS = {"rare-earths": 6, "semiconductors": 18, "ai-chips": 10,
               "eda-software": 6, "aircraft-engines": 6, "nuclear-equipment": 5,
               "critical-minerals": 12, "telecom": 9, "drones": 7, "batteries": 8,
               "agriculture": 7, "steel": 6}

MEASURE_PHRASE = {
    "licensing": ["export licensing for", "licence requirement for",
                  "licensing regime for", "approval system for"],
    "ban": ["export ban on", "ban on", "prohibition on sales of", "embargo on"],
    "restriction": ["restrictions on", "curbs on", "controls on", "limits on exports of"],
    "entity-listing": ["entity listing over", "blacklisting over",
                       "end-user restrictions over"],
    "tariff": ["tariff on", "additional duties on", "retaliatory tariff on",
               "countervailing duty on"],
}
MEASURE_WEIGHTS = {"licensing": 25, "ban": 15, "restriction": 30,
                   "entity-listing": 15, "tariff": 15}

TAGS = ["trade", "export-controls", "tariffs", "talks", "supply-chain", "technology",
        "minerals", "sanctions", "diplomacy", "security", "industry", "energy",
        "autos", "chips", "retaliation", "negotiation", "compliance", "shortage"]

VERBS = ["announced", "expanded", "tightened", "eased", "reviewed", "suspended",
         "extended", "clarified", "criticised", "welcomed", "defended", "delayed"]
NOUNS = ["export licences", "shipments", "supply chains", "approvals", "tariffs",
         "production lines", "inventories", "negotiations", "customs checks",
         "investment plans", "procurement rules", "price caps"]
SUBJ = ["Officials", "Industry groups", "Analysts", "Manufacturers", "Negotiators",
        "Exporters", "Regulators", "Lawmakers", "Suppliers", "Diplomats"]
ADV = ["sharply", "quietly", "again", "further", "in part", "for 90 days",
       "without notice", "after the talks", "by June", "ahead of the summit"]
QUOTES = ["The talks will go very well.",
          "We will strengthen the approval of exports according to regulations.",
          "Exports of critical minerals are below the level agreed in Geneva.",
          "I hope that technical details do not delay the supply.",
          "This is a new attack on our companies.",
          "We are ready to work with all parties.",
          "Nothing is agreed until everything is agreed.",
          "The measures comply with international law.",
          "Our industry cannot wait another quarter.",
          "We expect the licences to be granted soon.",
          "The door to dialogue remains open.",
          "These controls protect national security."]
TERMS = ["reduce tariffs for 90 days", "resume exports of critical minerals",
         "set up a consultation mechanism", "review entity listings",
         "expedite export licences", "meet again within three months",
         "lift countermeasures", "keep tariffs at 10 percent",
         "share licensing data", "suspend new controls"]
EFFECTS = ["supply shortage for automakers", "higher magnet prices",
           "production halts at suppliers", "delayed shipments", "stockpiling",
           "drop in exports", "new licence backlog", "price spike for gallium",
           "shift of orders to other suppliers", "slower chip deliveries"]
LEGAL = {
    "us": ["EAR 15 CFR 744.11", "EAR 15 CFR 734.9", "Section 301 of the Trade Act of 1974",
           "IEEPA", "Section 232 of the Trade Expansion Act",
           "Export Control Reform Act of 2018"],
    "cn": ["Export Control Law of the PRC", "MOFCOM Announcement No. 18 of 2025",
           "MOFCOM Announcement No. 46 of 2023", "Dual-Use Items Export Regulations",
           "Unreliable Entity List Provisions"],
}
LEGAL_OTHER = ["Foreign Trade Act", "Customs Code", "Export Control Act",
               "Wassenaar Arrangement commitments"]
HEADLINE = ["{a} and {b} to hold trade talks in {c}",
            "{a} tightens export controls on {x}",
            "Exclusive: {a} weighs new curbs on {x}",
            "{a} says exports of {x} below agreed level",
            "Analysis: why {x} matter in the {a}-{b} talks",
            "{a} protests {b} ban on {x}",
            "Talks in {c}: what is on the table",
            "{b} firms report shortage of {x}"]
PUBLISHERS = MEDIA + ["Ministry of Commerce", "Bureau of Industry and Security",
                      "Federal Register", "The White House", "State Council"]
SITES = ["news.example.com", "www.example.org", "press.example.net",
         "wire.example.com", "gov.example.org"]
LANGS = ["en", "en", "en", "en", "zh", "ko", "ja", "de", "fr", "no"]

ALIAS_CN = ["PRC", "People's Republic of China", "中华人民共和国"]
ALIAS_US = ["USA", "U.S.", "United States of America"]

# ---------------------------------------------------------------- schema

SCHEMA = """\
# Schema of the generated benchmark KB (same shape as the shipped kb/schema.yaml).
common:
  name:    {type: string, required: true}
  aliases: {type: string, list: true}
  summary: {type: text}
  notes:   {type: text}
  tags:    {type: string, list: true}
  sources: {type: ref, to: source, list: true}
kinds:
  actor:
    plural: actors
    description: A person, country, government body, company, outlet or industry.
    fields:
      type:      {type: enum, values: [person, country, government-body, company, organization, media, industry], required: true}
      country:   {type: ref, to: actor}
      roles:     {type: string, list: true}
      member_of: {type: ref, to: actor, list: true}
      wikidata:  {type: string, pattern: 'Q[0-9]+'}
  agreement:
    plural: agreements
    description: An agreement, round of talks, framework, joint statement or call.
    fields:
      type:         {type: enum, values: [agreement, talks, framework, joint-statement, call], required: true}
      date:         {type: date, required: true}
      end:          {type: date}
      place:        {type: string}
      parties:      {type: ref, to: actor, list: true, required: true}
      participants: {type: ref, to: actor, list: true}
      heads:        {type: ref, to: actor, list: true}
      status:       {type: enum, values: [scheduled, held, in-force, expired, suspended, terminated]}
      duration:     {type: string}
      terms:        {type: text, list: true}
      follows:      {type: ref, to: agreement, list: true}
  control:
    plural: controls
    description: An export control, ban, restriction, entity listing or tariff.
    fields:
      imposed_by:  {type: ref, to: actor, required: true}
      authority:   {type: ref, to: actor}
      targets:     {type: ref, to: actor, list: true}
      measure:     {type: enum, values: [licensing, ban, restriction, entity-listing, tariff], required: true}
      categories:  {type: string, list: true}
      items:       {type: string, list: true}
      since:       {type: date}
      until:       {type: date}
      status:      {type: enum, values: [announced, in-force, suspended, lifted, expired]}
      legal_basis: {type: string}
      effects:     {type: text, list: true}
      related:     {type: ref, list: true}
  event:
    plural: events
    description: A statement, interview, call, meeting, report, announcement or protest.
    fields:
      type:   {type: enum, values: [statement, interview, call, meeting, report, announcement, protest], required: true}
      date:   {type: date, required: true}
      actors: {type: ref, to: actor, list: true}
      about:  {type: ref, list: true}
      place:  {type: string}
      quotes: {type: text, list: true}
      outlet: {type: ref, to: actor}
  source:
    plural: sources
    description: A news article, interview, official document, report or photo.
    fields:
      type:      {type: enum, values: [news, interview, official, report, photo], required: true}
      publisher: {type: string}
      title:     {type: string}
      date:      {type: date}
      url:       {type: url}
      language:  {type: string}
"""

# ---------------------------------------------------------------- YAML writer

# Plain scalars that a YAML 1.1 or 1.2 resolver would not read as text (kbq itself
# reads every scalar as text, but yq/PyYAML and other tools do guess).  Dates stay
# plain on purpose: that is how people write them in the KB.
_GUESSY = re.compile(r"""^(?:
    ~|null|Null|NULL
  | y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF
  | [-+]?(?:0|[1-9][0-9_]*)
  | [-+]?0[0-7_]+ | 0x[0-9a-fA-F_]+ | 0o[0-7]+ | 0b[01_]+
  | [-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?
  | [-+]?[0-9][0-9_]*(?:\.[0-9_]*)?[eE][-+]?[0-9]+
  | [-+]?\.(?:inf|Inf|INF) | \.(?:nan|NaN|NAN)
  | [-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?
  | <<
)$""", re.X)
_INDICATOR_START = set("-?:,[]{}#&*!|>'\"%@`")


def yaml_scalar(s):
    """s as a YAML scalar: plain when that reads back as the same text, else quoted."""
    need = (
        s == ""
        or s[0] in _INDICATOR_START
        or s[0].isspace() or s[-1].isspace()
        or ": " in s or " #" in s or s.endswith(":")
        or any(ord(c) < 0x20 or c == "\x7f" for c in s)
        or _GUESSY.match(s) is not None
    )
    if not need:
        return s
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def yaml_record(rec):
    out = []
    first = True
    for k, v in rec.items():
        lead = "- " if first else "  "
        first = False
        if isinstance(v, list):
            out.append(f"{lead}{k}:\n")
            for e in v:
                out.append(f"    - {yaml_scalar(e)}\n")
        else:
            out.append(f"{lead}{k}: {yaml_scalar(v)}\n")
    return "".join(out)


def rec_record(rec):
    out = []
    for k, v in rec.items():
        for e in (v if isinstance(v, list) else [v]):
            out.append(f"{k}: {e}\n")
    out.append("\n")
    return "".join(out)


def jsonl_record(rec):
    flat = {k: (";".join(v) if isinstance(v, list) else v) for k, v in rec.items()}
    return json.dumps(flat, ensure_ascii=False, separators=(",", ":")) + "\n"


# ---------------------------------------------------------------- generator

def slug(s, maxlen=40):
    s = s.lower()
    s = re.sub(r"[^a-z0-9]+", "-", s.encode("ascii", "ignore").decode()).strip("-")
    if len(s) > maxlen:
        s = s[:maxlen].rstrip("-")
    return s or "x"


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.ids = set()
        self.by_kind = {k: [] for k in ("actor", "agreement", "control", "event", "source")}
        self.actors_by_type = {t: [] for t in ("person", "country", "government-body",
                                               "company", "organization", "media", "industry")}
        self.gov_of = {}          # country id -> [government-body ids]
        self.country_meta = {}    # country id -> (name, adjective, city)
        self.country_pool = list(COUNTRIES)
        self.n_invented = 0

    # -- helpers
    def uid(self, base):
        base = slug(base)
        if not re.match(r"^[a-z0-9]", base):
            base = "x" + base
        cand = base
        i = 2
        while cand in self.ids:
            cand = f"{base}-{i}"
            i += 1
        self.ids.add(cand)
        return cand

    def pick(self, seq):
        return seq[self.r.randrange(len(seq))]

    def picks(self, seq, lo, hi):
        """lo..hi distinct elements of seq (fewer when seq is short)."""
        if not seq:
            return []
        k = min(len(seq), self.r.randint(lo, hi))
        out = []
        for _ in range(k * 3):
            e = self.pick(seq)
            if e not in out:
                out.append(e)
            if len(out) == k:
                break
        return out

    def recent(self, seq, window=2000):
        """A ref biased towards recent records (as a real KB grows), always earlier."""
        if not seq:
            return None
        if len(seq) > window and self.r.random() < 0.7:
            return seq[len(seq) - 1 - self.r.randrange(window)]
        return self.pick(seq)

    def date(self):
        y = self.r.choice((2022, 2023, 2024, 2025, 2025, 2025))
        p = self.r.random()
        if p < 0.1:
            return str(y)
        m = self.r.randint(1, 12)
        if p < 0.25:
            return f"{y}-{m:02d}"
        return f"{y}-{m:02d}-{self.r.randint(1, 28):02d}"

    def sentence(self):
        s = (f"{self.pick(SUBJ)} {self.pick(VERBS)} {self.pick(NOUNS)} "
             f"{self.pick(ADV)}")
        if self.r.random() < 0.4:
            s += f" in {self.pick(CITIES)}"
        return s + "."

    def common(self, rec, aliases=None):
        if aliases:
            rec["aliases"] = aliases
        if self.r.random() < 0.6:
            rec["summary"] = self.sentence()
        if self.r.random() < 0.45:
            rec["tags"] = self.picks(TAGS, 1, 2)
        if self.by_kind["source"] and self.r.random() < 0.5:
            rec["sources"] = [self.recent(self.by_kind["source"])
                              for _ in range(self.r.randint(1, 2))]
            rec["sources"] = list(dict.fromkeys(rec["sources"]))

    def country_of(self):
        cs = self.actors_by_type["country"]
        # most actors belong to the US or China, as in the shipped KB
        p = self.r.random()
        if p < 0.4:
            return "us"
        if p < 0.75:
            return "cn"
        return self.pick(cs)

    # -- kinds
    def actor(self, force=None):
        r = self.r
        if force:
            typ = "country"
        else:
            typ = r.choices(["person", "company", "organization", "government-body",
                             "media", "industry", "country"],
                            [36, 26, 9, 13, 7, 5, 4])[0]
        rec = {}
        aliases = None
        if typ == "country":
            if force:
                meta = next(c for c in self.country_pool if c[0] == force)
                self.country_pool.remove(meta)
            elif self.country_pool:
                meta = self.country_pool.pop(0)
            else:
                self.n_invented += 1
                nm = self.pick(LAST) + "ia"
                meta = (nm, nm, nm + "n", self.pick(CITIES))
            cid = meta[0] if meta[0] not in self.ids and len(meta[0]) == 2 else None
            if cid:
                self.ids.add(cid)
            else:
                cid = self.uid(meta[1])
            rec["id"] = cid
            rec["kind"] = "actor"
            rec["name"] = meta[1]
            self.country_meta[cid] = meta
            if cid == "cn":
                aliases = ALIAS_CN
            elif cid == "us":
                aliases = ALIAS_US
        else:
            ctry = self.country_of() if self.actors_by_type["country"] else None
            if typ == "person":
                name = f"{self.pick(FIRST)} {self.pick(LAST)}"
            elif typ == "company":
                name = f"{self.pick(CO_PREFIX)} {self.pick(CO_CORE)}"
                suf = self.pick(CO_SUFFIX)
                if suf:
                    name += " " + suf
            elif typ == "organization":
                name = f"{self.pick(ORG_TOPICS)} {self.pick(ORG_WORDS)}"
            elif typ == "government-body":
                lst = GOV_BODIES.get(ctry, GOV_GENERIC)
                name = self.pick(lst)
                if ctry not in GOV_BODIES and ctry in self.country_meta:
                    name = f"{name} ({self.country_meta[ctry][1]})"
            elif typ == "media":
                name = self.pick(MEDIA) + self.pick(MEDIA_MODS)
            else:
                name = self.pick(INDUSTRIES)
                if ctry in self.country_meta:
                    name = f"{self.country_meta[ctry][2]} {name}"
            prefix = ctry + "-" if typ == "government-body" and ctry else ""
            rec["id"] = self.uid(prefix + name)
            rec["kind"] = "actor"
            rec["name"] = name
            rec["type"] = typ
            if ctry and r.random() < 0.8:
                rec["country"] = ctry
            if typ == "person" and r.random() < 0.6:
                rec["roles"] = self.picks(ROLES, 1, 2)
            if typ in ("person", "company") and r.random() < 0.2:
                orgs = self.actors_by_type["organization"] + self.actors_by_type["government-body"]
                if orgs:
                    rec["member_of"] = list(dict.fromkeys(
                        self.recent(orgs) for _ in range(r.randint(1, 2))))
            if r.random() < 0.35:
                rec["wikidata"] = f"Q{r.randint(100, 130000000)}"
            if typ == "person" and r.random() < 0.3:
                first, last = name.split(" ", 1)
                aliases = [f"{first[0]}. {last}"]
            elif typ == "company" and r.random() < 0.3:
                aliases = [name.split()[0] + r.choice(["", " Group", " Tech"])]
            elif typ == "government-body" and r.random() < 0.4:
                aliases = ["".join(w[0] for w in name.split() if w[0].isupper())]
            self.common(rec, aliases)
            self._add(rec)
            self.actors_by_type[typ].append(rec["id"])
            if typ == "government-body" and ctry:
                self.gov_of.setdefault(ctry, []).append(rec["id"])
            return rec
        rec["type"] = "country"
        if r.random() < 0.9 or force:
            rec["wikidata"] = f"Q{r.randint(15, 1000)}"
        self.common(rec, aliases)
        self._add(rec)
        self.actors_by_type["country"].append(rec["id"])
        return rec

    def _add(self, rec):
        self.by_kind[rec["kind"]].append(rec["id"])

    def people(self, lo, hi):
        return list(dict.fromkeys(self.recent(self.actors_by_type["person"])
                                  for _ in range(self.r.randint(lo, hi)))) \
            if self.actors_by_type["person"] else []

    def agreement(self):
        r = self.r
        typ = r.choices(["agreement", "talks", "framework", "joint-statement", "call"],
                        [20, 35, 10, 15, 20])[0]
        a = "us" if r.random() < 0.7 else self.pick(self.actors_by_type["country"])
        b = "cn" if r.random() < 0.7 else self.pick(self.actors_by_type["country"])
        if a == b:
            b = "cn" if a != "cn" else "us"
        place = self.pick(CITIES)
        names = {"agreement": f"{place} agreement on {self.pick(list(CATEGORIES)).replace('-', ' ')}",
                 "talks": f"{place} trade talks",
                 "framework": f"{place} framework on {self.pick(TAGS)}",
                 "joint-statement": f"Joint statement on {self.pick(TAGS)} in {place}",
                 "call": f"Call between {self.country_meta[a][1]} and {self.country_meta[b][1]} leaders"}
        name = names[typ]
        d = self.date()
        rec = {"id": self.uid(f"{name} {d}"), "kind": "agreement", "name": name,
               "type": typ, "date": d}
        if r.random() < 0.2:
            rec["end"] = d[:4] + "-12-31" if len(d) >= 4 else d
        if typ != "call" or r.random() < 0.3:
            rec["place"] = place
        rec["parties"] = [a, b]
        if r.random() < 0.3:
            ppl = self.people(2, 4)
            if ppl:
                rec["participants"] = ppl
                rec["heads"] = ppl[:1]
        rec["status"] = r.choice(["scheduled", "held", "held", "in-force", "expired",
                                  "suspended", "terminated"])
        if r.random() < 0.1:
            rec["duration"] = r.choice(["90 days", "one year", "six months", "30 days"])
        if r.random() < 0.3:
            rec["terms"] = self.picks(TERMS, 1, 2)
        if self.by_kind["agreement"] and r.random() < 0.2:
            rec["follows"] = [self.recent(self.by_kind["agreement"])]
        self.common(rec)
        self._add(rec)
        return rec

    def control(self):
        r = self.r
        p = r.random()
        imp = "us" if p < 0.5 else "cn" if p < 0.9 else self.pick(self.actors_by_type["country"])
        measure = r.choices(list(MEASURE_WEIGHTS), list(MEASURE_WEIGHTS.values()))[0]
        cats = [r.choices(list(CAT_WEIGHTS), list(CAT_WEIGHTS.values()))[0]]
        if r.random() < 0.25:
            c2 = r.choices(list(CAT_WEIGHTS), list(CAT_WEIGHTS.values()))[0]
            if c2 not in cats:
                cats.append(c2)
        items = self.picks(CATEGORIES[cats[0]], 1, 3)
        adj = self.country_meta[imp][2]
        targets = []
        if measure == "entity-listing" and self.actors_by_type["company"]:
            targets = [self.recent(self.actors_by_type["company"])]
            name = f"{adj} {self.pick(MEASURE_PHRASE[measure])} {items[0]} ({self.pick(CO_PREFIX)})"
        else:
            name = f"{adj} {self.pick(MEASURE_PHRASE[measure])} {items[0]}"
        since = self.date()
        rec = {"id": self.uid(f"{imp}-{measure}-{items[0]}-{since}"), "kind": "control",
               "name": name, "imposed_by": imp}
        govs = self.gov_of.get(imp)
        if govs and r.random() < 0.7:
            rec["authority"] = self.recent(govs, 200)
        if not targets and r.random() < 0.35:
            other = "cn" if imp != "cn" else "us"
            targets = [other]
            if self.actors_by_type["company"] and r.random() < 0.4:
                targets.append(self.recent(self.actors_by_type["company"]))
        if targets:
            rec["targets"] = targets
        rec["measure"] = measure
        rec["categories"] = cats
        if r.random() < 0.45:
            rec["items"] = items
        if r.random() < 0.8:
            rec["since"] = since
        if r.random() < 0.12:
            rec["until"] = "2026-" + since[5:] if len(since) > 4 else "2026"
        if r.random() < 0.8:
            rec["status"] = r.choice(["announced", "in-force", "in-force", "suspended",
                                      "lifted", "expired"])
        if r.random() < 0.3:
            rec["legal_basis"] = self.pick(LEGAL.get(imp, LEGAL_OTHER))
        if r.random() < 0.2:
            rec["effects"] = self.picks(EFFECTS, 1, 2)
        if r.random() < 0.15:
            pool = self.by_kind["control"] if r.random() < 0.6 else self.by_kind["agreement"]
            if pool:
                rec["related"] = [self.recent(pool)]
        self.common(rec)
        self._add(rec)
        return rec

    def event(self):
        r = self.r
        typ = r.choices(["statement", "interview", "call", "meeting", "report",
                         "announcement", "protest"], [25, 12, 10, 15, 13, 15, 10])[0]
        ppl = self.people(1, 2)
        d = self.date()
        who = self.actor_name(ppl[0]) if ppl else self.country_meta["us"][1]
        verb = {"statement": "statement on", "interview": "interview on",
                "call": "call about", "meeting": "meeting on", "report": "report on",
                "announcement": "announcement on", "protest": "protest against"}[typ]
        topic = self.pick(list(CATEGORIES)).replace("-", " ")
        if typ == "protest":
            topic = self.pick(["US chip controls", "Chinese export curbs",
                               "new tariffs", "entity listings"])
        name = f"{who} {verb} {topic}"
        rec = {"id": self.uid(f"{who} {typ} {d}"), "kind": "event", "name": name,
               "type": typ, "date": d}
        if ppl:
            rec["actors"] = ppl
        if r.random() < 0.4:
            pool = self.by_kind[r.choice(["control", "agreement", "actor"])]
            if pool:
                rec["about"] = [self.recent(pool)]
        if r.random() < 0.3:
            rec["place"] = self.pick(CITIES)
        if r.random() < 0.3:
            rec["quotes"] = self.picks(QUOTES, 1, 2)
        if self.actors_by_type["media"] and r.random() < 0.25:
            rec["outlet"] = self.recent(self.actors_by_type["media"])
        self.common(rec)
        self._add(rec)
        return rec

    def actor_name(self, aid):
        return self._names.get(aid, aid)

    def source(self):
        r = self.r
        typ = r.choices(["news", "interview", "official", "report", "photo"],
                        [50, 10, 20, 12, 8])[0]
        a, b = self.country_meta["us"][2], self.country_meta["cn"][2]
        if r.random() < 0.5:
            a, b = b, a
        x = self.pick(self.pick(list(CATEGORIES.values())))
        title = self.pick(HEADLINE).format(a=a, b=b, c=self.pick(CITIES), x=x)
        pub = self.pick(PUBLISHERS)
        d = self.date()
        rec = {"id": self.uid(f"{pub} {d} {r.randrange(1000)}"), "kind": "source",
               "name": f"{pub}, {d}", "type": typ}
        if r.random() < 0.7:
            rec["publisher"] = pub
        if r.random() < 0.85:
            rec["title"] = title
        if r.random() < 0.9:
            rec["date"] = d
        if r.random() < 0.75:
            rec["url"] = f"https://{self.pick(SITES)}/{d[:4]}/{slug(title, 40)}"
        if r.random() < 0.6:
            rec["language"] = self.pick(LANGS)
        self.common(rec)
        self._add(rec)
        return rec

    def records(self, n):
        self._names = {}
        kinds = ["actor", "agreement", "control", "event", "source"]
        weights = [30, 10, 25, 25, 10]
        for i in range(n):
            if i == 0:
                rec = self.actor("us")
            elif i == 1:
                rec = self.actor("cn")
            else:
                k = self.r.choices(kinds, weights)[0]
                rec = getattr(self, k)()
            if rec["kind"] == "actor" and rec.get("type") == "person":
                self._names[rec["id"]] = rec["name"]
            yield order(rec)


FIELD_ORDER = ["id", "kind", "name", "aliases", "type"]


def order(rec):
    """id, kind, name, aliases, type first, then the kind's fields, common ones last."""
    tail = ["summary", "tags", "sources"]
    out = {k: rec[k] for k in FIELD_ORDER if k in rec}
    for k, v in rec.items():
        if k not in out and k not in tail:
            out[k] = v
    for k in tail:
        if k in rec:
            out[k] = rec[k]
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-n", type=int, required=True, help="number of records")
    ap.add_argument("--out", required=True, help="output directory")
    a = ap.parse_args()
    if a.n < 2:
        ap.error("-n must be at least 2 (us and cn come first)")
    os.makedirs(os.path.join(a.out, "kb"), exist_ok=True)
    with open(os.path.join(a.out, "kb", "schema.yaml"), "w", encoding="utf-8") as f:
        f.write(SCHEMA)
    paths = {k: os.path.join(a.out, p) for k, p in
             (("yaml", "kb/records.yaml"), ("json", "records.json"),
              ("jsonl", "records.jsonl"), ("rec", "records.rec"))}
    fs = {k: open(p + ".tmp", "w", encoding="utf-8", newline="\n") for k, p in paths.items()}
    fs["yaml"].write(f"# {a.n} generated records, seed {a.seed} (tests/bench/gen.py)\n")
    fs["rec"].write(f"# {a.n} generated records, seed {a.seed} (tests/bench/gen.py)\n\n")
    fs["json"].write("[\n")
    g = Gen(a.seed)
    for i, rec in enumerate(g.records(a.n)):
        fs["yaml"].write(yaml_record(rec))
        if i:
            fs["json"].write(",\n")
        fs["json"].write(json.dumps(rec, ensure_ascii=False, separators=(",", ":")))
        fs["jsonl"].write(jsonl_record(rec))
        fs["rec"].write(rec_record(rec))
    fs["json"].write("\n]\n")
    for k, f in fs.items():
        f.close()
        os.replace(paths[k] + ".tmp", paths[k])
    return 0


if __name__ == "__main__":
    sys.exit(main())
