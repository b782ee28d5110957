"""Lentera: an information system for Indonesia's task forces against trafficking in persons.

Layers (imports only flow downwards):

* delivery — ``lentera.web`` (pages), ``lentera.api`` (REST), ``lentera.cli`` (console);
* apps — ``lentera.apps.*`` (Django apps owning models, services, selectors, policies);
* cores — ``lentera.law``, ``lentera.screening``, ``lentera.linkage``, ``lentera.idn``,
  ``lentera.privacy``: plain typed Python, no Django.
"""

__version__ = "0.1.0"
