#!/usr/bin/env python3
"""Makes registers/sample-registers.csv: a seeded, synthetic register export for a small cohort.

A school year from September 2024 (2024 codes) with the last two weeks of July 2024 before it
(2006 codes), half-term and Christmas holidays left unmarked, and a spread of pupils from
excellent attenders to severe absentees. Run: python3 generate.py (same seed, same file).
"""
import csv, datetime, random

random.seed(20240901)
CHANGE = datetime.date(2024, 8, 19)
HOLIDAYS = [(datetime.date(2024, 10, 28), datetime.date(2024, 11, 1)),
            (datetime.date(2024, 12, 23), datetime.date(2025, 1, 3))]

def school_days(start, end):
    d = start
    while d <= end:
        if d.weekday() < 5 and not any(a <= d <= b for a, b in HOLIDAYS):
            yield d
        d += datetime.timedelta(days=1)

# (pupil, share of sessions absent, absence codes drawn from)
PUPILS = [("P001", 0.00, "I"), ("P002", 0.02, "IM"), ("P003", 0.05, "IG"), ("P004", 0.09, "IO"),
          ("P005", 0.12, "IGO"), ("P006", 0.18, "IONU"), ("P007", 0.30, "GO"), ("P008", 0.55, "ONG"),
          ("P009", 0.04, "R"), ("P010", 0.10, "I")]
days = list(school_days(datetime.date(2024, 7, 15), datetime.date(2024, 7, 23))) + \
       list(school_days(datetime.date(2024, 9, 2), datetime.date(2025, 2, 14)))
with open("sample-registers.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["pupil", "date", "session", "code"])
    for pupil, absent, codes in PUPILS:
        for d in days:
            for session in ("AM", "PM"):
                if random.random() < absent:
                    code = random.choice(codes)
                    if d < CHANGE and code == "I" and random.random() < 0.3:
                        code = "H"  # a 2006-only code, valid before 19 August 2024
                elif random.random() < 0.05:
                    code = "L"
                else:
                    code = "/" if session == "AM" else "\\"
                w.writerow([pupil, d.isoformat(), session, code])
