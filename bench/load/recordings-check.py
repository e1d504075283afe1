#!/usr/bin/env python3
"""Checks the recordings a load run left (bench/load/bridged-load.sh with RECORD=1): every answered call has one, each
file exists under the recordings directory, its SHA-256 and size match the stored row, the WAV header is stereo 8 kHz
16-bit with RIFF and data sizes that match the file, its length matches the row's duration (±60 ms) and the call's
talk time (±1.5 s), and both channels carry sound (the customer's audio on the left, the agent phone's echo on the right).
    recordings-check.py BASE ADMIN_PASSWORD RECORDINGS_DIR
Prints one summary line and up to five problems."""
import warnings

warnings.simplefilter("ignore", DeprecationWarning)
import audioop  # noqa: E402 (Debian 12's Python 3.11 still has it)
import hashlib
import http.cookiejar
import json
import os
import struct
import sys
import urllib.request
import datetime

BASE, ADMIN_PASSWORD, DIRECTORY = sys.argv[1], sys.argv[2], sys.argv[3]
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
body = json.dumps({"tenant": "demo", "userName": "admin", "password": ADMIN_PASSWORD}).encode()
opener.open(urllib.request.Request(BASE + "/api/v1/auth/sign-in", body, {"Content-Type": "application/json"}), timeout=60).read()


def pages(path):
    items, cursor = [], None
    while True:
        page = json.load(opener.open(BASE + path + ("&" if "?" in path else "?") + "limit=200" + (f"&cursor={cursor}" if cursor else ""), timeout=60))
        items += page["items"]
        cursor = page.get("nextCursor")
        if not cursor:
            return items


at = lambda s: datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))
calls = {c["id"]: c for c in pages("/api/v1/calls") if c.get("answeredAt")}
recordings = pages("/api/v1/recordings")
problems, valid, seconds = [], 0, 0.0
by_call = {r["callId"]: r for r in recordings}
missing = [c for c in calls if c not in by_call]
files = {f: os.path.join(root, f) for root, _, names in os.walk(DIRECTORY) for f in names}
for r in recordings:
    path = files.get(r["callId"] + ".wav")
    if path is None:
        problems.append(f"{r['id']}: no file")
        continue
    data = open(path, "rb").read()
    if hashlib.sha256(data).hexdigest().lower() != r["sha256"].lower() or len(data) != r["sizeBytes"]:
        problems.append(f"{r['id']}: checksum or size differs from the row")
        continue
    riff, wave = struct.unpack_from("<I4s", data, 4)
    channels, rate, _, _, bits = struct.unpack_from("<HIIHH", data, 22)
    data_size = struct.unpack_from("<I", data, 40)[0]
    if wave != b"WAVE" or riff != len(data) - 8 or data_size != len(data) - 44 or (channels, rate, bits) != (2, 8000, 16):
        problems.append(f"{r['id']}: header riff={riff} data={data_size} len={len(data)} {channels}ch {rate}Hz {bits}bit")
        continue
    duration = data_size / (8000 * 4)
    call = calls.get(r["callId"])
    talk = (at(call["endedAt"]) - at(call["answeredAt"])).total_seconds() if call and call.get("endedAt") else None
    if abs(duration * 1000 - r["durationMs"]) > 60 or (talk is not None and abs(duration - talk) > 1.5):
        problems.append(f"{r['id']}: {duration:.2f} s of audio, row {r['durationMs']} ms, call talked {talk} s")
        continue
    pcm = data[44:]
    left, right = audioop.tomono(pcm, 2, 1, 0), audioop.tomono(pcm, 2, 0, 1)
    if audioop.rms(left, 2) < 100 or audioop.rms(right, 2) < 100:
        problems.append(f"{r['id']}: a silent channel (rms left {audioop.rms(left, 2)}, right {audioop.rms(right, 2)})")
        continue
    valid += 1
    seconds += duration
print(f"recordings: {len(recordings)} for {len(calls)} answered calls ({len(missing)} without one); "
      f"{valid} valid ({seconds / 3600:.1f} h of audio); {len(problems)} with problems")
for problem in problems[:5]:
    print("  " + problem)
