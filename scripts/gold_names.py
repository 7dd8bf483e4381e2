"""The names a gold annotation gives an entity, as ../shared/eval/score.py matches them (used by
scripts/rule_precision.py)."""


def names_of(gold, norm):
    """A function: a name -> every normalised name of the gold entity it is one of (or itself)."""
    items = [g for k in ("people", "organisations", "places", "events") for g in gold.get(k, [])]

    def expand(name):
        n = norm(name)
        for g in items:
            names = {norm(g["name"])} | {norm(a) for a in g.get("aliases", [])}
            if n in names:
                return names
        return {n}
    return expand


def event_names_of(gold, norm):
    """A function: an event's name -> its names and its parent's (a part played in a session
    also counts for the event it is part of)."""
    expand = names_of(gold, norm)
    parent = {norm(e["name"]): e.get("part_of") for e in gold.get("events", [])}

    def event_names(name):
        names = expand(name)
        up = parent.get(norm(name))
        return names | expand(up) if up else names
    return event_names
