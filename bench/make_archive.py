#!/usr/bin/env python3
"""A generated archive of short news items, deterministic: N lines of {"id", "text", "date"}.

Each item fills one of a dozen templates written like wire copy about the war in Ukraine
(shelling, drone strikes, clashes, arrests, protests) with a town, an actor, a count and a
day of 2025, all chosen by a linear congruential generator seeded with the line number, so
the same N gives the same bytes on every machine and Python version. Used by
bench/aggregate_bench.sh (piped through `mapwire extract --ndjson` for an event table) and
tests/dask/dask_test.py (geocoded). Usage: make_archive.py N [OUT|-]
"""
import datetime
import json
import sys

TOWNS = ["Kharkiv", "Kupiansk", "Izium", "Pokrovsk", "Kramatorsk", "Sloviansk", "Kostiantynivka",
         "Bakhmut", "Avdiivka", "Zaporizhzhia", "Huliaipole", "Orikhiv", "Kherson", "Nikopol",
         "Odesa", "Mykolaiv", "Sumy", "Chernihiv", "Dnipro", "Kryvyi Rih", "Vovchansk",
         "Lyman", "Siversk", "Toretsk", "Vuhledar", "Marhanets", "Beryslav", "Kyiv", "Lviv",
         "Poltava", "Kursk", "Belgorod", "Bryansk"]
ACTORS = ["Russian forces", "Ukrainian forces", "Russian troops", "Ukrainian troops"]
TEMPLATES = [
    "{actor} shelled {town} on {weekday}, killing {n} civilians, the regional governor said.",
    "A Russian drone strike on {town} injured {n} people overnight, local officials said.",
    "{actor} clashed with enemy units near {town} on {weekday}, the General Staff reported.",
    "Russian missiles hit an apartment block in {town}, killing {n} people.",
    "Police arrested {n} people in {town} suspected of passing targets to Russian forces.",
    "Heavy fighting continued around {town} as {actor} tried to advance.",
    "About {n} residents protested in {town} against the mobilisation law.",
    "Ukrainian air defences shot down {n} drones over {town} overnight.",
    "An artillery strike on {town} killed {n} soldiers, the Defence Ministry claimed.",
    "{actor} captured {n} soldiers near {town}, according to the military.",
    "Shelling damaged a hospital in {town}; no casualties were reported.",
    "Officials in {town} said {n} civilians were evacuated after a strike on the power plant.",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
START = datetime.date(2025, 1, 1)


def lcg(seed):
    """Numerical Recipes' 32-bit LCG: the same stream everywhere."""
    state = (seed * 2654435761 + 12345) & 0xFFFFFFFF
    while True:
        state = (1664525 * state + 1013904223) & 0xFFFFFFFF
        yield state >> 8


def item(i):
    r = lcg(i)
    template = TEMPLATES[next(r) % len(TEMPLATES)]
    day = START + datetime.timedelta(days=next(r) % 365)
    text = template.format(actor=ACTORS[next(r) % len(ACTORS)], town=TOWNS[next(r) % len(TOWNS)],
                           n=2 + next(r) % 40, weekday=WEEKDAYS[day.weekday()])
    text = text[0].upper() + text[1:]
    return {"id": i, "text": text, "date": day.isoformat()}


def main():
    n = int(sys.argv[1])
    out = sys.stdout if len(sys.argv) < 3 or sys.argv[2] == "-" else open(sys.argv[2], "w")
    for i in range(n):
        out.write(json.dumps(item(i), ensure_ascii=False) + "\n")
    out.close()


if __name__ == "__main__":
    main()
