"""The relations network: event groups (``dedup``), dyads over time (``dyads``), shifts (``shifts``) and
structural balance (``balance``).  ``commands`` adds the CLI commands; ``detente.exports`` writes it out."""
