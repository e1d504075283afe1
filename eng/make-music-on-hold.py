#!/usr/bin/env python3
"""Writes src/Parley.Server/Assets/music-on-hold.wav: Parley's default music on hold.

A gentle loop made here from sine tones (so the project may ship it): the chords C - Am - F - G, four seconds each,
voiced between 260 and 800 Hz (a telephone passes 300-3400 Hz, so no bass), with a slow attack and release, and a
soft melody of one note per beat on top. 16 seconds, 8 kHz, 16-bit mono, peaks near -10 dBFS. Every chord fades in
and out, so the loop point is silent-to-silent and plays seamlessly. Standard library only; deterministic.

    python3 eng/make-music-on-hold.py
"""
import math
import os
import struct
import wave

RATE = 8000
CHORD_SECONDS = 4.0
BEAT = 1.0


def hz(note):
    """MIDI note number to frequency."""
    return 440.0 * 2 ** ((note - 69) / 12)


# Voicings (MIDI): C4 E4 G4 C5 / A3 E4 A4 C5 / F4 A4 C5 F5 / G4 B4 D5 G5 (the A3 is 220 Hz: kept soft).
CHORDS = [[60, 64, 67, 72], [57, 64, 69, 72], [65, 69, 72, 77], [67, 71, 74, 79]]
# One melody note per beat, from the chord's tones, stepping gently.
MELODY = [[76, 79, 77, 76], [76, 72, 74, 76], [77, 76, 74, 72], [74, 71, 74, 79]]


def envelope(t, length, attack, release):
    if t < attack:
        return math.sin(0.5 * math.pi * t / attack) ** 2
    if t > length - release:
        return math.sin(0.5 * math.pi * max(0.0, length - t) / release) ** 2
    return 1.0


def tone(f, t):
    """A sine with a little second harmonic, warmer than a bare sine."""
    return math.sin(2 * math.pi * f * t) + 0.15 * math.sin(4 * math.pi * f * t)


def render():
    total = int(RATE * CHORD_SECONDS * len(CHORDS))
    out = [0.0] * total
    chord_len = int(RATE * CHORD_SECONDS)
    beat_len = int(RATE * BEAT)
    for c, chord in enumerate(CHORDS):
        start = c * chord_len
        for i in range(chord_len):
            t = i / RATE
            env = envelope(t, CHORD_SECONDS, 0.8, 1.2)
            level = sum(tone(hz(n), t) * (0.6 if n < 60 else 1.0) for n in chord) / len(chord)
            out[start + i] += 0.22 * env * level
        for b, note in enumerate(MELODY[c]):
            bstart = start + b * beat_len
            for i in range(beat_len):
                t = i / RATE
                env = envelope(t, BEAT, 0.08, 0.6) * math.exp(-1.2 * t)
                out[bstart + i] += 0.14 * env * tone(hz(note), t)
    peak = max(abs(s) for s in out)
    scale = (10 ** (-10 / 20)) / peak
    return [int(round(s * scale * 32767)) for s in out]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "..", "src", "Parley.Server", "Assets", "music-on-hold.wav")
    samples = render()
    with wave.open(path, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(struct.pack("<%dh" % len(samples), *samples))
    print(f"wrote {os.path.normpath(path)}: {len(samples) / RATE:.0f} s, {len(samples)} samples")


if __name__ == "__main__":
    main()
