"""Privacy helpers shared by every app: sealed values, pseudonyms and small-cell suppression.

Pure Python, no Django. Errors: :class:`PrivacyError` (base).

* :class:`Sealed` wraps an identity value so that printing it shows a mask; only an explicit
  ``.unseal()`` gives the value. Templates, logs and admin pages therefore cannot leak identity by
  accident.
* :func:`initials`, :func:`age_band` and :func:`pseudonym` build what users without the identity
  permission see: initials, an age band and sex.
* :func:`suppress_small_cells` applies k-anonymity (k ≥ 11 by default, like CTDC) to counts.
"""

from lentera.privacy._pseudonym import Pseudonym, age_band, initials, pseudonym
from lentera.privacy._sealed import MASK, Sealed, unseal
from lentera.privacy._suppress import DEFAULT_K, PrivacyError, suppress_small_cells

__all__ = [
    "DEFAULT_K",
    "MASK",
    "PrivacyError",
    "Pseudonym",
    "Sealed",
    "age_band",
    "initials",
    "pseudonym",
    "suppress_small_cells",
    "unseal",
]
