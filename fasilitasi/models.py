"""Fasilitasi"""
