"""Laporan bulanan"""
