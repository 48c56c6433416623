"""Pengaduan"""
