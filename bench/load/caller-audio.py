#!/usr/bin/env python3
"""Writes SECONDS of a quiet 300 Hz tone as raw G.711 u-law (8 kHz, no header) for SIPp's rtp_stream: a caller's voice."""
import math
import sys

path = sys.argv[1]
seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 2.0


def ulaw(sample: int) -> int:
    bias, clip = 0x84, 32635
    sign = 0x80 if sample < 0 else 0
    sample = min(abs(sample), clip) + bias
    exponent = 7
    for bit in range(7):
        if sample <= (0xFF << (bit + 1)) | 0xFF:
            exponent = bit
            break
    mantissa = (sample >> (exponent + 3)) & 0x0F
    return ~(sign | (exponent << 4) | mantissa) & 0xFF


with open(path, "wb") as out:
    out.write(bytes(ulaw(int(3000 * math.sin(2 * math.pi * 300 * n / 8000))) for n in range(int(8000 * seconds))))
