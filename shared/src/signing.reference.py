# QFPay's reference signer (make_req_sign from the API reference), with the hash as a parameter for SHA256,
# driven by signing.test.ts: reads [{"data": {...}, "key": "...", "algorithm": "MD5"|"SHA256"}] as JSON
# on stdin, writes the list of signatures as JSON on stdout.
import hashlib
import json
import sys


def make_req_sign(data, key, hash_function=hashlib.md5):
    keys = list(data.keys())
    keys.sort()
    p = []
    for k in keys:
        v = data[k]
        p.append('%s=%s' % (k, v))
    unsign_str = ('&'.join(p) + key).encode("utf-8")
    s = hash_function(unsign_str).hexdigest()
    return s.upper()


HASH_FUNCTIONS = {"MD5": hashlib.md5, "SHA256": hashlib.sha256}

cases = json.load(sys.stdin)
json.dump([make_req_sign(case["data"], case["key"], HASH_FUNCTIONS[case["algorithm"]]) for case in cases], sys.stdout)
