#!/usr/bin/python3
"""Writes the "old province" profile questions of a survey from assets/places/provinces-2025.json.

Provinces were merged on 1 July 2025 (34 from 63); the provincial baselines are for the old ones.
The survey keeps the new province as the answer and, only for a merged one, asks which old province
the place was in: one question per merged province (old_province_<province>, visible_if on it),
listing only the old provinces merged into it (the format has no per-option filter, so one list per
province is what keeps the choice to 2 or 3 options). The mapping stays data: this script copies it
into the survey; tests/core/province_merger_test.cpp checks every survey against the file.

Usage: old-province-questions.py SURVEY.json VERSION   (rewrites SURVEY.json in place)
"""
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLACES = os.path.join(ROOT, "assets", "places", "provinces-2025.json")


def question(province, new_label, old):
    names_vi = ", ".join(o["label"]["vi"] for o in old)
    names_en = ", ".join(o["label"]["en"] for o in old)
    return {
        "id": "old_province_" + province,
        "type": "single",
        "title": {
            "vi": "Trước 1/7/2025, nơi này thuộc tỉnh nào?",
            "en": "Before 1 July 2025, which province was this place in?",
        },
        "help": {
            "vi": f"{new_label['vi']} ngày nay gồm các tỉnh cũ: {names_vi}. Chọn tỉnh cũ của nơi này, "
                  "để so với số liệu của tỉnh trước khi sáp nhập.",
            "en": f"{new_label['en']} now takes in the old provinces {names_en}. Choose the old one this "
                  "place was in, so the figures can be compared with the old province's.",
        },
        "required": True,
        "visible_if": f"${{province}} = '{province}'",
        "options": [{"value": o["value"], "label": o["label"]} for o in old],
    }


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    path, version = sys.argv[1], sys.argv[2]
    with open(PLACES, encoding="utf-8") as f:
        places = json.load(f)
    with open(path, encoding="utf-8") as f:
        survey = json.load(f)
    profile = [q for q in survey["profile"] if not q["id"].startswith("old_province_")]
    at = next(i for i, q in enumerate(profile) if q["id"] == "province")
    labels = {o["value"]: o["label"] for o in profile[at]["options"]}
    asked = [question(p["province"], labels[p["province"]], p["old"]) for p in places["provinces"] if len(p["old"]) > 1]
    survey["profile"] = profile[: at + 1] + asked + profile[at + 1 :]
    survey["version"] = version
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps(survey, ensure_ascii=False, indent=2) + "\n")


if __name__ == "__main__":
    main()
