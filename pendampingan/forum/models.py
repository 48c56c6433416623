"""Pengorganisasian (forum)"""
