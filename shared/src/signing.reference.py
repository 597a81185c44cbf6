# QFPay's reference signer (make_req_sign from the API reference), and its SHA256 variant,
# driven by signing.test.ts: reads [{"data": {...}, "key": "...", "algorithm": "MD5"|"SHA256"}] as JSON
# on stdin, writes the list of signatures as JSON on stdout.
import hashlib
import json
import sys


def make_req_sign(data, key):
    keys = list(data.keys())
    keys.sort()
    p = []
    for k in keys:
        v = data[k]
        p.append('%s=%s' % (k, v))
    unsign_str = ('&'.join(p) + key).encode("utf-8")
    s = hashlib.md5(unsign_str).hexdigest()
    return s.upper()


def make_req_sign_sha256(data, key):
    keys = list(data.keys())
    keys.sort()
    p = []
    for k in keys:
        v = data[k]
        p.append('%s=%s' % (k, v))
    unsign_str = ('&'.join(p) + key).encode("utf-8")
    return hashlib.sha256(unsign_str).hexdigest().upper()


SIGNERS = {"MD5": make_req_sign, "SHA256": make_req_sign_sha256}

cases = json.load(sys.stdin)
json.dump([SIGNERS[case["algorithm"]](case["data"], case["key"]) for case in cases], sys.stdout)
