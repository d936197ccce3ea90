"""Demo people: one login per role (accounts/demo_data/people.yaml), printed by `make run`."""

from core.demo_support import DemoLogin, ensure_people, load_demo_data

DATA = load_demo_data("accounts", "people")
DEMO_PASSWORD = DATA["password"]


def seed(command):
    ensure_people(DATA["people"], DEMO_PASSWORD)
    return [DemoLogin(p["role"], p["email"], DEMO_PASSWORD) for p in DATA["people"]]
