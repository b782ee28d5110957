"""factory_boy factories for the foundation models (services are still used where a test is
about the service itself)."""

from __future__ import annotations

import factory

from lentera.apps.accounts.models import Agency, RoleAssignment, User
from lentera.apps.people.models import Person
from lentera.privacy import initials


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency

    name = factory.Sequence(lambda n: f"Instansi Contoh {n}")
    agency_type = "women_child_protection"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"petugas{n}")
    agency = factory.SubFactory(AgencyFactory)
    password = factory.django.Password("Uji-Lentera-2026!")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        for role in extracted or ():
            RoleAssignment.objects.create(user=self, role=role)


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    owner_agency = factory.SubFactory(AgencyFactory)
    full_name = factory.Sequence(lambda n: f"Orang Contoh Nomor {n}")
    sex = "female"
    aliases = "[]"
    phones = "[]"
    initials = factory.LazyAttribute(lambda o: initials(str(o.full_name)))
