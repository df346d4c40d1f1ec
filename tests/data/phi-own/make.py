#!/usr/bin/env python3
"""Generate Kindred's own PHI corpus (issue 16): a measuring stick, never tuned on.

Standard library only, seeded and deterministic:
    python3 tests/data/phi-own/make.py            # writes tests/data/phi-own.jsonl
    python3 tests/data/phi-own/make.py --out X

Same format as the shared dev corpus (offsets in Unicode code points, end exclusive):
    {"id": "own-0001", "text": "...", "phi": true, "spans": [{"start": 3, "end": 9, "kind": "NAME"}]}

Written apart from the shared `make_dev.py` on purpose: other conditions, other countries
(UK, Canada, Ireland, Australia, New Zealand, France, Germany, Spain, Italy, the Netherlands,
Mexico, Brazil, India, the Philippines, Nigeria, and the US), other spellings, lower case,
no punctuation, typos, short and long posts. The people's names below are typed here by hand
from general knowledge of naming across languages; they are NOT drawn from faker (whose
locale lists the scanner compiles in), so that the corpus does not test the list against itself.
Benign posts are crowded with what used to be held wrongly: chat words and sign-offs at a line's
end, institutions in lower case, public hotlines of several countries, figurative ages, words
that are also names, numbers that look like postcodes.
"""

import argparse
import json
import random
import unicodedata
from pathlib import Path

SEED = 16_2026
N_PHI = 520
N_BENIGN = 520

# ------------------------------------------------------------------ people (typed by hand)

GIVEN = [
    # Nigeria
    "Chinedu", "Ngozi", "Oluwaseun", "Adaeze", "Emeka", "Funmilayo", "Babatunde", "Yetunde",
    "Obinna", "Chiamaka", "Tochukwu", "Aisha", "Ifeoma", "Segun",
    # India
    "Priyanka", "Rajesh", "Ananya", "Venkatesh", "Lakshmi", "Arjun", "Deepika", "Sanjay",
    "Meenakshi", "Harpreet", "Gurpreet", "Sunita", "Aarav", "Kavitha",
    # Philippines
    "Maricel", "Jericho", "Rowena", "Analyn", "Rodelio", "Marites", "Jonalyn",
    # Spanish-speaking
    "Ximena", "Guadalupe", "José", "Inés", "Joaquín", "Begoña", "Iñaki", "Maite", "Nuria",
    "Itziar", "Rocío", "Alejandro", "Socorro",
    # Portuguese-speaking
    "João", "Conceição", "Thiago", "Luana", "Gonçalo", "Leandro", "Thaís",
    # French
    "Théo", "Élodie", "Margaux", "Benoît", "Anaïs", "Gaëlle", "Loïc", "Solène", "Clément",
    # German
    "Jürgen", "Björn", "Käthe", "Lukas", "Anneliese", "Dörte", "Uwe", "Sönke", "Friederike",
    # Italian
    "Giuseppe", "Chiara", "Lucrezia", "Niccolò", "Gianluca", "Ilaria", "Raffaella",
    # Dutch
    "Sanne", "Joost", "Maarten", "Femke", "Bram", "Anouk", "Sjoerd", "Marieke",
    # Irish
    "Siobhán", "Niamh", "Aoife", "Ciarán", "Pádraig", "Oisín", "Caoimhe", "Sadhbh",
    # Polish, Turkish, Greek, Nordic
    "Małgorzata", "Wojciech", "Zbigniew", "Özlem", "Mehmet", "Eleftheria", "Giorgos",
    "Åsa", "Gösta", "Sigrún",
    # East Asia
    "Haruto", "Yuki", "Akiko", "Xiaoming", "Wei", "Jiwoo", "Seoyeon", "Huong",
    # Arabic, Persian
    "Yousef", "Khadija", "Omar", "Fatemeh", "Reza", "Layla",
    # Maori, Pacific
    "Aroha", "Wiremu", "Mere", "Tama", "Losana",
    # Anglo names common in these countries
    "Bronwyn", "Kylie", "Shane", "Declan", "Fiona", "Gareth", "Rhiannon", "Tegan",
]

SURNAMES = [
    "Okonkwo", "Adeyemi", "Chukwuemeka", "Balogun", "Nwosu", "Olawale", "Eze", "Obi",
    "Venkataraman", "Chatterjee", "Iyer", "Bhattacharya", "Reddy", "Sandhu", "Krishnamurthy",
    "Banerjee", "Deshpande",
    "Bautista", "Villanueva", "Macapagal", "Dimaculangan", "Manalo", "Pangilinan",
    "Hernández", "Domínguez", "Echeverría", "Zúñiga", "Ibáñez", "Etxeberria", "Olaizola",
    "Gonçalves", "Magalhães", "Araújo", "Figueiredo",
    "Lefèvre", "Rousseau", "Benoît", "Fournier", "Chevalier",
    "Müller", "Schröder", "Weiß", "Kühn", "Oßwald", "Hoffmeister", "Brandtner",
    "Esposito", "Bianchi", "Ferraro", "Colombo", "Lombardi",
    "Jansen", "Bakker", "Visser", "Smit", "Dijkstra", "Hendriks",
    "O'Sullivan", "Fitzgerald", "Ní Bhriain", "Mac Giolla Phádraig", "Ó Briain", "Keane",
    "Kowalczyk", "Wiśniewski", "Yılmaz", "Öztürk", "Papadopoulos", "Lindqvist", "Åberg",
    "Takahashi", "Yamamoto", "Nguyen", "Tran", "Zhang", "Huang", "Park", "Choi",
    "Haddad", "Mansour", "Al-Sayed", "Hosseini",
    "Ngata", "Parata", "Tuilagi",
]

RELATIONS = [
    "mother-in-law", "father-in-law", "sister-in-law", "brother-in-law", "son-in-law",
    "daughter-in-law", "mum", "mam", "nan", "nonna", "abuela", "oma", "grandad", "bf",
    "hubby", "missus", "eldest", "youngest", "little one", "step-daughter", "step-son",
    "carer", "flatmate", "housemate", "mate", "best mate", "auntie", "great-aunt",
]

TITLES = ["mrs", "Mrs", "mr", "Mr.", "dr", "Dr", "Dr.", "nurse", "Sister", "prof", "Ms"]


def fold(s):
    """Diacritics stripped: "Jürgen" -> "Jurgen", "Weiß" -> "Weiss"."""
    s = s.replace("ß", "ss").replace("ł", "l").replace("Ł", "L").replace("ı", "i")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def person(r, given=True, surname=False):
    g, s = r.choice(GIVEN), r.choice(SURNAMES)
    name = " ".join(x for x, on in [(g, given), (s, surname)] if on)
    if r.random() < 0.3:
        name = fold(name)
    return name


# ------------------------------------------------------------------ places by country

def uk(r):
    n = r.randint(1, 240)
    street = r.choice(["Cavendish Road", "Mill Lane", "Holloway Close", "Beechwood Avenue",
                       "Chapel Street", "Kingsway Gardens", "Ashgrove Crescent", "Priory Walk"])
    town = r.choice(["Leeds", "Bristol", "Cardiff", "Glasgow", "Norwich", "Sheffield"])
    pc = r.choice(["LS6 2QT", "BS3 4EX", "CF24 1NR", "G12 8QQ", "NR2 3HB", "S10 2TN", "M14 5RB",
                   "SW1A 1AA", "EH8 9YL", "B15 2TT"])
    flat = f"Flat {r.randint(1, 12)}, " if r.random() < 0.3 else ""
    return [(f"{flat}{n} {street}", "ADDRESS"), (", ", None), (town, "ADDRESS"), (" ", None), (pc, "ZIP")]


def canada(r):
    if r.random() < 0.5:
        a = f"{r.randint(100, 9999)} rue {r.choice(['Saint-Denis', 'Sherbrooke Est', 'des Érables', 'Papineau'])}"
        town, prov = r.choice([("Montréal", "QC"), ("Laval", "QC"), ("Gatineau", "QC")])
    else:
        a = f"{r.randint(10, 4999)} {r.choice(['Maple Crescent', 'Lakeshore Blvd W', 'Bathurst St', 'Portage Ave'])}"
        town, prov = r.choice([("Kelowna", "BC"), ("Winnipeg", "MB"), ("Mississauga", "ON"), ("Halifax", "NS")])
    pc = r.choice(["H2X 3K8", "V1Y 4R2", "R3C 0A5", "L5B 2C9", "B3H 4R2", "M5V 2T6", "T2P 1J9"])
    unit = f"unit {r.randint(1, 40)}, " if r.random() < 0.25 else ""
    return [(unit + a, "ADDRESS"), (", ", None), (town, "ADDRESS"), (f" {prov} ", None), (pc, "ZIP")]


def ireland(r):
    a = f"{r.randint(1, 120)} {r.choice(['Pearse Street', 'Griffith Avenue', 'Main Street', 'Cois na hAbhann', 'Bóthar na Trá'])}"
    town = r.choice(["Dublin 9", "Galway", "Ennis", "Tralee", "Drogheda"])
    code = r.choice(["D02 X285", "H91 E2K3", "V95 T2F8", "A92 PX63", "D09 W2R5", "T12 K8AF"])
    return [(a, "ADDRESS"), (", ", None), (town, "ADDRESS"), (", ", None), (code, "ZIP")]


def australia(r):
    a = f"{r.randint(1, 20)}/{r.randint(1, 300)} {r.choice(['Wattle Grove', 'Banksia Drive', 'Parade Tce', 'Jacaranda Way'])}" \
        if r.random() < 0.5 else f"{r.randint(1, 300)} {r.choice(['Kookaburra Rd', 'Bellbird Place', 'Smith Street'])}"
    town, st = r.choice([("Parramatta", "NSW"), ("Fitzroy", "VIC"), ("Toowong", "QLD"), ("Fremantle", "WA")])
    return [(a, "ADDRESS"), (", ", None), (town, "ADDRESS"), (f" {st} ", None),
            (str(r.choice([2150, 3065, 4066, 6160, 2000, 5000])), "ZIP")]


def nz(r):
    a = f"{r.randint(1, 200)} {r.choice(['Kowhai Road', 'Totara Street', 'Rimu Terrace', 'Pohutukawa Ave'])}"
    town = r.choice(["Hamilton", "Rotorua", "Dunedin", "Whanganui", "Tauranga"])
    return [(a, "ADDRESS"), (", ", None), (town, "ADDRESS"), (" ", None), (str(r.choice([3204, 3010, 9016, 4500, 3110])), "ZIP")]


def france(r):
    a = f"{r.randint(1, 150)} {r.choice(['rue des Lilas', 'avenue Jean Jaurès', 'boulevard Voltaire', 'impasse du Moulin', 'allée des Tilleuls'])}"
    cp, town = r.choice([("69003", "Lyon"), ("75011", "Paris"), ("13006", "Marseille"), ("31000", "Toulouse")])
    return [(a, "ADDRESS"), (", ", None), (cp, "ZIP"), (" ", None), (town, "ADDRESS")]


def germany(r):
    a = f"{r.choice(['Schillerstraße', 'Hauptstr.', 'Lindenweg', 'Goethestrasse', 'Am Mühlbach', 'Bahnhofstraße'])} {r.randint(1, 99)}{r.choice(['', '', 'a'])}"
    plz, town = r.choice([("80336", "München"), ("10115", "Berlin"), ("50667", "Köln"), ("20095", "Hamburg")])
    return [(a, "ADDRESS"), (", ", None), (plz, "ZIP"), (" ", None), (town, "ADDRESS")]


def spain(r):
    a = f"{r.choice(['Calle de Alcalá', 'calle Mayor', 'C/ Serrano', 'Avenida de la Constitución', 'Paseo de Gracia'])} {r.randint(1, 200)}"
    if r.random() < 0.4:
        a += f", {r.randint(1, 9)}º {r.choice(['izq', 'dcha', 'B'])}"
    cp, town = r.choice([("28014", "Madrid"), ("08008", "Barcelona"), ("41001", "Sevilla"), ("46002", "Valencia")])
    return [(a, "ADDRESS"), (", ", None), (cp, "ZIP"), (" ", None), (town, "ADDRESS")]


def italy(r):
    a = f"{r.choice(['Via Roma', 'via Garibaldi', 'Corso Vittorio Emanuele', 'Viale dei Mille', 'Piazza Cavour'])} {r.randint(1, 150)}"
    cap, town = r.choice([("00184", "Roma"), ("20121", "Milano"), ("80138", "Napoli"), ("50123", "Firenze")])
    return [(a, "ADDRESS"), (", ", None), (cap, "ZIP"), (" ", None), (town, "ADDRESS")]


def netherlands(r):
    a = f"{r.choice(['Keizersgracht', 'Dorpsstraat', 'Lindelaan', 'Kerkweg', 'Vondelstraat', 'Molenstraat'])} {r.randint(1, 300)}"
    pc, town = r.choice([("1015 CJ", "Amsterdam"), ("3512 AB", "Utrecht"), ("2511 BT", "Den Haag"), ("9712 HN", "Groningen")])
    return [(a, "ADDRESS"), (", ", None), (pc, "ZIP"), (" ", None), (town, "ADDRESS")]


def mexico(r):
    a = f"{r.choice(['Calle 5 de Mayo', 'Av. Insurgentes Sur', 'Calle Hidalgo', 'Avenida Juárez'])} {r.randint(10, 2000)}"
    col = r.choice(["Col. Centro", "Col. Roma Norte", "Col. Del Valle"])
    cp = r.choice(["06000", "06700", "03100", "44100"])
    return [(a, "ADDRESS"), (", ", None), (col, "ADDRESS"), (", C.P. ", None), (cp, "ZIP")]


def brazil(r):
    a = f"{r.choice(['Rua das Flores', 'Avenida Paulista', 'Rua Augusta', 'Travessa do Carmo'])}, {r.randint(10, 2000)}"
    if r.random() < 0.4:
        a += f", apto {r.randint(11, 904)}"
    cep, town = r.choice([("01310-100", "São Paulo"), ("20040-002", "Rio de Janeiro"), ("30130-010", "Belo Horizonte")])
    return [(a, "ADDRESS"), (" - ", None), (town, "ADDRESS"), (", CEP ", None), (cep, "ZIP")]


def india(r):
    a = f"Flat {r.randint(101, 904)}, {r.choice(['Sai Residency', 'Green Park Apartments', 'Lakshmi Nivas'])}, {r.choice(['14th Cross', '3rd Main Road', 'MG Road'])}"
    town = r.choice(["Indiranagar, Bengaluru", "Andheri West, Mumbai", "Anna Nagar, Chennai"])
    pin = r.choice(["560038", "400053", "600040", "110017"])
    return [(a, "ADDRESS"), (", ", None), (town, "ADDRESS"), (" ", None), (pin, "ZIP")]


def philippines(r):
    a = f"Blk {r.randint(1, 40)} Lot {r.randint(1, 60)}, {r.choice(['Mabini St', 'Rizal Avenue', 'Sampaguita Street'])}"
    brgy = r.choice(["Brgy San Isidro", "Brgy. Malanday", "Barangay Poblacion"])
    town, zp = r.choice([("Quezon City", "1100"), ("Marikina", "1800"), ("Cebu City", "6000")])
    return [(a, "ADDRESS"), (", ", None), (brgy, "ADDRESS"), (", ", None), (town, "ADDRESS"), (" ", None), (zp, "ZIP")]


def nigeria(r):
    a = r.choice([f"No. {r.randint(1, 90)} Adeola Odeku Street", f"plot {r.randint(1, 300)} Aminu Kano Crescent",
                  f"{r.randint(1, 60)} Awolowo Road", f"{r.randint(1, 40)}, Ogunlana Drive"])
    town, pc = r.choice([("Victoria Island, Lagos", "101241"), ("Wuse 2, Abuja", "900288"), ("Ikoyi, Lagos", "106104"), ("Surulere, Lagos", "101283")])
    return [(a, "ADDRESS"), (", ", None), (town, "ADDRESS"), (" ", None), (pc, "ZIP")]


def usa(r):
    a = f"{r.randint(10, 9999)} {r.choice(['w maple ave', 'Old Mill Rd', 'NE 42nd St', 'Cedar Hollow Ln', 'Peachtree Blvd'])}"
    if r.random() < 0.3:
        a += f" apt {r.randint(1, 30)}"
    town, st = r.choice([("Tulsa", "OK"), ("Dayton", "OH"), ("Boise", "ID"), ("Macon", "GA")])
    return [(a, "ADDRESS"), (", ", None), (town, "ADDRESS"), (f" {st} ", None), (str(r.randint(10000, 99999)), "ZIP")]


COUNTRIES = [uk, canada, ireland, australia, nz, france, germany, spain, italy, netherlands, mexico,
             brazil, india, philippines, nigeria, usa]

# ------------------------------------------------------------------ fillers (benign text)

CONDITIONS = [
    "endo", "endometriosis", "ME/CFS", "pots", "POTS", "ehlers-danlos", "hEDS", "sickle cell",
    "thalassaemia", "coeliac", "IBS-D", "bipolar II", "BPD", "long covid", "MCAS", "psoriasis",
    "hidradenitis", "gastroparesis", "interstitial cystitis", "trigeminal neuralgia", "CKD stage 4",
    "pcos", "adenomyosis", "lymphoedema", "a prolactinoma", "vestibular migraine", "NMOSD",
    "dialysis", "a stoma", "tinnitus",
]

MEDS = [
    "amitriptyline 10mg", "pregabalin 75 mg twice a day", "ivabradine", "midodrine 5mg tds",
    "mesalazine 2.4g", "propranolol 40 mg", "cabergoline 0.5 mg twice a week", "lamotrigine 200mg",
    "quetiapine 25", "naltrexone 4.5 mg (LDN)", "spironolactone 100mg", "sumatriptan",
    "colchicine 500 micrograms", "Dupixent every 2 weeks", "tirzepatide 5 mg", "Creon 25000 with meals",
    "fludrocortisone 0.1", "vit D 20,000 IU weekly", "B12 jabs every 12 weeks", "hydrocortisone 10/5/5",
]

LABS = [
    "hba1c 48 mmol/mol", "ferritin 9", "crp 31", "egfr 22", "tsh 5.1", "b12 180", "potassium 3.2",
    "sodium 131", "vit d 25 nmol/L", "ESR 44", "calprotectin over 600", "bp 92/58", "HR 128 standing",
    "sats 94%", "blood sugar 5.6", "platelets 98", "INR 3.1", "cortisol 48 at 9am",
]

CHAT_END = ["lol", "thx", "ok", "ty", "haha", "xx", "x", "omg", "tbh", "idk", "smh", "ugh", "yay",
            "cheers", "ta", "k", "lmao", "hehe", "np", "brb", "sigh", "hugs", "bless", "amen"]

SIGNOFFS = ["take care all", "hugs x", "cheers everyone", "love and light", "best wishes",
            "stay strong", "sending spoons", "fingers crossed", "peace", "much love xx",
            "good luck", "regards", "kind regards", "thanks in advance", "god bless",
            "be well", "onwards", "chin up", "ciao", "merci", "danke", "gracias", "salamat"]

INSTITUTIONS = ["mayo clinic", "johns hopkins", "cleveland clinic", "great ormond street",
                "the royal marsden", "the christie", "sick kids in toronto", "the mater",
                "st james's", "md anderson", "mass general", "the charité", "karolinska",
                "moorfields", "addenbrooke's", "guy's and st thomas'", "the royal melbourne",
                "apollo hospitals", "st luke's medical center", "the cleveland clinic website",
                "sloan kettering", "the mayo clinic app"]

HOTLINES = [
    "988", "111", "samaritans on 116 123", "lifeline 13 11 14", "poison help 1-800-222-1222",
    "kids help phone 1-800-668-6868", "samhsa 1-800-662-4357", "text HOME to 741741",
    "healthdirect 1800 022 222", "beyond blue 1300 22 4636", "1737 (need to talk)",
    "the 988 lifeline", "nhs 111", "telehealth ontario", "999", "000", "112",
    "the national domestic violence hotline 1-800-799-7233", "shout on 85258",
]

FIGURATIVE_AGES = ["i feel 90", "I feel about 95 today", "my knees are 100 years old",
                   "moving like a 90 year old", "my body thinks it's 97", "feel like i'm 120",
                   "walking like a ninety year old", "my joints are about 110"]

NAME_WORDS = ["hope", "will", "grace", "faith", "joy", "rose", "sunny", "summer", "pat", "bill",
              "frank", "mark", "amber", "ivy", "jade", "dawn", "april", "june", "august", "max",
              "sage", "autumn", "rich", "gene", "earl grey", "holly", "may", "jack", "rusty", "ray"]

BENIGN_BITS = [
    "been on {med} for a while now",
    "{lab} last time, gp wasnt bothered",
    "dx with {cond} in {year}",
    "had {cond} since i was {young}",
    "my consultant at {inst} said it is common",
    "read the leaflet from {inst} about it",
    "if youre struggling call {hot}",
    "please ring {hot} if it gets bad",
    "{fig}",
    "{fig} but cant complain",
    "walked {steps} steps today",
    "lost {kg} kg since {year}",
    "there is {nw} at the end of the tunnel",
    "the appointment is in {month}",
    "i {nw_verb} ask at the next review",
    "we moved house in {year} and the new gp is great",
    "my mum is {young} and has {cond} too",
    "the waiting list here in {region} is 18 months",
    "anyone else on {med}",
    "waited 6 hours in a&e on a saturday",
    "got the letter from the hospital about the mri",
    "im {young} and was told its all in my head",
    "flare started around week 3 of the taper",
    "the pharmacy on the high street never has it in stock",
    "took {dose_iu} iu of vit d and felt better",
    "my bloods are due every 3 months",
    "cost me 1500 dollars before insurance kicked in",
    "our local support group meets on the first tuesday of the month",
    "i work nights so its hard",
]

REGIONS = ["the uk", "ontario", "ireland", "queensland", "nz", "bavaria", "catalonia", "lombardy",
           "the netherlands", "jalisco", "são paulo state", "kerala", "mindanao", "lagos state",
           "texas", "scotland", "wales", "new south wales", "quebec"]

OPENERS = ["", "", "hi all", "Hello everyone,", "quick q", "long post sorry", "update:", "hey",
           "Morning all.", "first time posting", "need to vent", "so", "ok so"]


def fill(r, template):
    return template.format(
        med=r.choice(MEDS), lab=r.choice(LABS), cond=r.choice(CONDITIONS),
        year=r.randint(1998, 2026), young=r.randint(14, 84), inst=r.choice(INSTITUTIONS),
        hot=r.choice(HOTLINES), fig=r.choice(FIGURATIVE_AGES), steps=r.randint(800, 14000),
        kg=r.randint(2, 30), nw=r.choice(NAME_WORDS), month=r.choice(["may", "june", "march", "august", "April"]),
        nw_verb=r.choice(["will", "may", "can"]), region=r.choice(REGIONS), dose_iu=r.choice([1000, 2000, 4000]),
    )


# ------------------------------------------------------------------ identifiers and dates

def digits(r, n):
    return "".join(str(r.randint(0, 9)) for _ in range(n))


def alnum(r, n):
    return "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(n))


def ident(r):
    """(lead text, value, kind, tail text): a number after the word that says what it is."""
    options = [
        ("her chart number is ", f"{digits(r, 7)}", "MRN", ""),
        ("hospital no. ", f"{alnum(r, 2)}{digits(r, 6)}", "MRN", " on the wristband"),
        ("nhs number ", f"{digits(r, 3)} {digits(r, 3)} {digits(r, 4)}", "HEALTH_PLAN_ID", ""),
        ("medicare card ", f"{digits(r, 4)} {digits(r, 5)} {digits(r, 1)}", "HEALTH_PLAN_ID", ""),
        ("member # ", f"{alnum(r, 3)}{digits(r, 8)}", "HEALTH_PLAN_ID", " if that helps"),
        ("policy ", f"{alnum(r, 2)}-{digits(r, 7)}", "HEALTH_PLAN_ID", " was denied"),
        ("it got charged to ", f"{digits(r, 4)} {digits(r, 4)} {digits(r, 4)} {digits(r, 4)}", "ACCOUNT", ""),
        ("acct ", f"{digits(r, 9)}", "ACCOUNT", " still shows a balance"),
        ("billing ref ", f"{alnum(r, 3)}-{digits(r, 6)}", "ACCOUNT", ""),
        ("my case number is ", f"{digits(r, 2)}-{digits(r, 6)}", "OTHER_ID", ""),
        ("case ", f"{alnum(r, 2)}{digits(r, 7)}", "OTHER_ID", " is still open"),
        ("ref ", f"{alnum(r, 3)}/{digits(r, 5)}", "OTHER_ID", " on the letter"),
        ("claim ", f"{digits(r, 10)}", "OTHER_ID", " got rejected again"),
        ("file no ", f"{digits(r, 6)}", "OTHER_ID", ""),
        ("ticket ", f"#{digits(r, 7)}", "OTHER_ID", " with the council"),
        ("pip reference ", f"{alnum(r, 2)}{digits(r, 6)}{r.choice('ABCD')}", "OTHER_ID", ""),
        ("prior auth ", f"PA{digits(r, 8)}", "OTHER_ID", ""),
        ("student id ", f"{digits(r, 8)}", "OTHER_ID", ""),
        ("fax ", r.choice([f"+44 20 {digits(r, 4)} {digits(r, 4)}", f"(02) {digits(r, 4)} {digits(r, 4)}",
                           f"{digits(r, 3)}-{digits(r, 3)}-{digits(r, 4)}", f"+1 416 {digits(r, 3)} {digits(r, 4)}"]), "FAX", ""),
        ("fax it to ", f"0{digits(r, 2)} {digits(r, 3)} {digits(r, 4)}", "FAX", ""),
        ("faxed to ", f"({digits(r, 3)}) {digits(r, 3)}-{digits(r, 4)}", "FAX", " last week"),
        ("text me on ", r.choice([f"07{digits(r, 3)} {digits(r, 6)}", f"+234 80{digits(r, 1)} {digits(r, 3)} {digits(r, 4)}",
                                  f"+91 9{digits(r, 4)} {digits(r, 5)}", f"04{digits(r, 2)} {digits(r, 3)} {digits(r, 3)}",
                                  f"+63 917 {digits(r, 3)} {digits(r, 4)}"]), "PHONE", ""),
        ("whatsapp ", f"+{r.choice(['44', '353', '61', '64', '33', '49', '34', '39', '31', '52', '55'])} {digits(r, 3)} {digits(r, 3)} {digits(r, 3)}", "PHONE", ""),
        ("my email is ", f"{fold(r.choice(GIVEN)).lower()}.{r.randint(70, 99)}@{r.choice(['gmail.com', 'yahoo.co.uk', 'hotmail.fr', 'web.de', 'outlook.com.au'])}", "EMAIL", ""),
    ]
    return r.choice(options)


MONTHS = ["january", "february", "march", "april", "june", "july", "august", "september",
          "october", "november", "december", "jan", "feb", "sept", "oct", "nov", "dec"]


def ordinal(d):
    return f"{d}{'th' if 10 <= d % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(d % 10, 'th')}"


def date(r):
    d, m = r.randint(1, 28), r.choice(MONTHS)
    return r.choice([
        f"{ordinal(d)} of {m}", f"{m} {ordinal(d)}", f"{d} {m}", f"the {ordinal(d)} of {m}",
        f"{d}/{r.randint(1, 12)}/{r.randint(20, 26)}", f"{d}.{r.randint(1, 12)}.{r.randint(1950, 2026)}",
        f"{m} {d}", f"{ordinal(d)} {m}",
    ])


def old_age(r):
    return r.choice([str(r.randint(90, 104)), "ninety-two", "ninety one", "ninety-six", "a hundred and one"])


# ------------------------------------------------------------------ PHI post shapes

def phi_core(r):
    """A list of (text, kind or None) segments carrying at least one identifier."""
    shape = r.randrange(12)
    if shape == 0:  # relation + given name
        rel = r.choice(RELATIONS)
        return [(f"my {rel} ", None), (person(r), "NAME"),
                (r.choice([" has just been diagnosed", " keeps telling me to rest", " drove me to the appointment",
                           " is struggling with it too", " came with me"]), None)]
    if shape == 1:  # self introduction
        lead = r.choice(["my name is ", "i'm ", "I'm ", "im ", "hi im ", "name's ", "this is "])
        return [(lead, None), (person(r, surname=r.random() < 0.4), "NAME"),
                (r.choice([" and i have ", ", 34, living with ", " from the group, dealing with "]) + r.choice(CONDITIONS), None)]
    if shape == 2:  # named / called
        return [(r.choice(["the nurse was called ", "a physio named ", "my care coordinator is called ",
                           "the locum, named ", "ask for a midwife called "]), None),
                (person(r), "NAME"), (r.choice([", she was lovely", " and he listened", "", " - really kind"]), None)]
    if shape == 3:  # title + surname
        return [(r.choice(["saw ", "referred to ", "appt with ", "", "ask for "]), None),
                (f"{r.choice(TITLES)} {person(r, given=False, surname=True)}", "NAME"),
                (r.choice([" at the clinic", " who was great", " today", "'s team"]), None)]
    if shape == 4:  # surname, given
        s, g = r.choice(SURNAMES), r.choice(GIVEN)
        nm = f"{s}, {g}" if r.random() < 0.7 else f"{s.upper()}, {g}"
        if r.random() < 0.3:
            nm = fold(nm)
        return [(r.choice(["the wristband says ", "letter addressed to ", "listed as ", "the label read "]), None),
                (nm, "NAME"), (r.choice([" which is right", " so they had me", ""]), None)]
    if shape == 5:  # full name, any origin, mid-sentence
        return [(r.choice(["shout out to ", "huge thanks to ", "does anyone know ", "my neighbour "]), None),
                (person(r, surname=True), "NAME"), (r.choice([" who helped me", " from church", "?", " at the pharmacy"]), None)]
    if shape in (6, 7):  # address somewhere in the world
        segs = r.choice(COUNTRIES)(r)
        if r.random() < 0.35:  # only the street, or only street + postcode
            zips = [s for s in segs if s[1] == "ZIP"]
            segs = [segs[0]] + ([(r.choice([" ", ", "]), None), zips[0]] if zips and r.random() < 0.5 else [])
        lead = r.choice(["we live at ", "send it to ", "my mum's house is ", "address: ", "the flat is at ",
                         "if anyone is near ", "i'm at ", "post it to "])
        return [(lead, None)] + segs + [(r.choice(["", " if you want to send anything", " near the park", "."]), None)]
    if shape == 8:  # identifier after a cue word
        lead, value, kind, tail = ident(r)
        return [(lead, None), (value, kind), (tail, None)]
    if shape == 9:  # date
        return [(r.choice(["my surgery is on ", "she was born on ", "discharged on ", "he passed on ",
                           "appt is ", "induction booked for ", "admitted "]), None),
                (date(r), "DATE"), (r.choice(["", " fingers crossed", " at 9", " so not long"]), None)]
    if shape == 10:  # age over 89
        return [(r.choice(["my nan is ", "grandad turned ", "she's ", "my great aunt is "]), None),
                (old_age(r), "AGE_OVER_89"), (r.choice([" and still sharp", " next week", " this year", ""]), None)]
    # two at once: a name and an identifier or a date
    lead, value, kind, tail = ident(r)
    return [(f"my {r.choice(RELATIONS)} ", None), (person(r), "NAME"), (f"'s {lead}", None), (value, kind), (tail, None)]


def benign_core(r):
    """Segments without an identifier: the false-hold families."""
    shape = r.randrange(6)
    if shape == 0:
        return [(fill(r, r.choice(BENIGN_BITS)), None), ("\n" + r.choice(CHAT_END), None)]
    if shape == 1:
        return [(fill(r, r.choice(BENIGN_BITS)), None), (r.choice([" ", ". ", "\n"]) + r.choice(SIGNOFFS), None)]
    if shape == 2:
        return [(f"{r.choice(['went to', 'got referred to', 'my cousin works at', 'watched a talk from'])} {r.choice(INSTITUTIONS)}", None),
                (r.choice([" and it was worth it", " last year", "", " for a second opinion"]), None)]
    if shape == 3:
        return [(f"if anyone needs it, {r.choice(HOTLINES)}", None), (r.choice([" is free", " helped me", " 24/7", ""]), None)]
    if shape == 4:
        return [(fill(r, "{fig}"), None), (r.choice([" lol", " some days", " and im only 38", " haha"]), None)]
    return [(fill(r, r.choice(BENIGN_BITS)), None)]


# ------------------------------------------------------------------ styles

TYPOS = {"the": "teh", "because": "becuase", "really": "realy", "appointment": "appointmnet",
         "doctor": "docter", "tomorrow": "tomorow", "definitely": "definately", "with": "wiht"}


def restyle(r, segs, style):
    out = []
    for text, kind in segs:
        if style["lower"]:
            text = text.lower()
        if kind is None:
            if style["nopunct"]:
                text = "".join(c for c in text if c not in ",.;:!?'")
            if style["typos"]:
                text = " ".join(TYPOS.get(w, w) if r.random() < 0.5 else w for w in text.split(" "))
        out.append((text, kind))
    return out


def post(r, core):
    segs = []
    opener = r.choice(OPENERS)
    if opener:
        segs.append((opener + r.choice([" ", "\n"]), None))
    n_before = r.choice([0, 0, 1, 2])
    for _ in range(n_before):
        segs.append((fill(r, r.choice(BENIGN_BITS)) + r.choice([". ", ", ", " ", "\n"]), None))
    segs += core
    for _ in range(r.choice([0, 1, 1, 3])):
        segs.append((r.choice([". ", "\n", " and ", ", "]) + fill(r, r.choice(BENIGN_BITS)), None))
    if r.random() < 0.3:
        segs.append((r.choice(["\n", " "]) + r.choice(CHAT_END + SIGNOFFS), None))
    style = {"lower": r.random() < 0.35, "nopunct": r.random() < 0.2, "typos": r.random() < 0.2}
    segs = restyle(r, segs, style)
    text, spans = "", []
    for t, kind in segs:
        if kind:
            spans.append({"start": len(text), "end": len(text) + len(t), "kind": kind})
        text += t
    for s in spans:
        assert text[s["start"]:s["end"]] == [t for t, k in segs if k][spans.index(s)]
    return text, spans


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=str(Path(__file__).resolve().parent.parent / "phi-own.jsonl"))
    args = ap.parse_args()
    r = random.Random(SEED)
    rows = []
    kinds = [True] * N_PHI + [False] * N_BENIGN
    r.shuffle(kinds)
    for n, phi in enumerate(kinds, 1):
        text, spans = post(r, phi_core(r) if phi else benign_core(r))
        assert bool(spans) == phi
        rows.append({"id": f"own-{n:04d}", "text": text, "phi": phi, "spans": spans})
    with open(args.out, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{args.out}: {len(rows)} posts, {sum(r['phi'] for r in rows)} with PHI")


if __name__ == "__main__":
    main()
