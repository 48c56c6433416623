"""Notifikasi"""
