"""Article sources for the demo site (content as data).

Every outlet module exposes ``OUTLET`` (dict) and ``ARTICLES`` (list of dicts
built with :func:`art`).  Gold events are built with :func:`ev`.
"""

KP = "Khyber Pakhtunkhwa"
BA = "Balochistan"
SD = "Sindh"
PB = "Punjab"

TTP = "Tehrik-i-Taliban Pakistan"
HGB = "Hafiz Gul Bahadur Group"
ISKP = "Islamic State Khorasan Province"
BLA = "Balochistan Liberation Army"
BLF = "Balochistan Liberation Front"
BRA = "Baloch Republican Army"
LEJ = "Lashkar-e-Jhangvi"
SRA = "Sindhudesh Revolutionary Army"


def ev(incident_key, event_type, date, province, district, place=None, *, killed=None,
       injured=None, attackers_killed=None, kidnapped=None, perpetrator=None,
       attribution="unknown", target_type="civilians", suicide=False):
    return {
        "incident_key": incident_key,
        "event_type": event_type,
        "suicide": suicide,
        "date": date,
        "country": "Pakistan",
        "province": province,
        "district": district,
        "place": place,
        "killed": killed,
        "injured": injured,
        "attackers_killed": attackers_killed,
        "kidnapped": kidnapped,
        "perpetrator": perpetrator,
        "attribution": attribution if perpetrator else "unknown",
        "target_type": target_type,
    }


def art(slug, title, published_at, author, paragraphs, events=(), tags=(), section="Pakistan"):
    return {
        "slug": slug,
        "title": title,
        "published_at": published_at,
        "author": author,
        "paragraphs": list(paragraphs),
        "events": list(events),
        "tags": list(tags),
        "section": section,
    }
