"""Calls investors book in the weekly slots their desk publishes."""
