"""Signals other apps listen to, so that schools never imports them.

`placement_completed` is sent once, after the transaction that confirmed a placement's hours
has committed, with `placement=` (a `schools.models.Placement`). Certificates connects to it
to issue the pupils' internship certificates (frivilligbeviser).
"""

from django.dispatch import Signal

placement_completed = Signal()
