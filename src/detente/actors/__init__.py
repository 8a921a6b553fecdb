"""Actors: recognise and resolve states, bodies, groups and officials."""

from .gazetteer import Gazetteer, load_gazetteer
from .resolve import ActorResolver, resolve_actors

__all__ = ["ActorResolver", "Gazetteer", "load_gazetteer", "resolve_actors"]
