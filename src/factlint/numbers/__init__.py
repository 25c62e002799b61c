"""Printed figures as exact values.

Reading a figure, its interval and unit, and writing figures back.
"""
