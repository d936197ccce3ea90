"""Helpers shared by the school tests."""

# Pupil names no factory can produce: Faker's Danish first names include Astrid and Bertil, so
# a plain "Bertil" could turn up as some user's name on the page.
PUPIL_A = "Astrid Elev-A"
PUPIL_B = "Bertil Elev-B"
