"""The relations network: dyads over time, shifts and balance."""
