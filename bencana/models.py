"""KLB dan bencana"""
